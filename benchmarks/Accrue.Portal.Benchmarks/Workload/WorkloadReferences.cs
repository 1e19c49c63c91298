namespace Accrue.Portal.Workload;

using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;

/// <summary>What the synthetic shop compiles against: the SDK packs (ASP.NET Core carries the Microsoft.Extensions.* APIs), EF Core, Stripe.net.</summary>
public static class WorkloadReferences
{
    public static ImmutableArray<MetadataReference> Get(bool withStripe)
    {
        var efCore = typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location;
        var efAbstractions = Path.Combine(Path.GetDirectoryName(efCore)!, "Microsoft.EntityFrameworkCore.Abstractions.dll");
        return TestReferences.Framework
            .Concat(TestReferences.AspNetCore)
            .Concat(withStripe ? TestReferences.StripeNet : [])
            .Append(MetadataReference.CreateFromFile(efCore))
            .Append(MetadataReference.CreateFromFile(efAbstractions))
            .ToImmutableArray();
    }
}
