namespace Accrue.Portal.Workload;

using System.Collections.Immutable;
using System.Linq;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;

/// <summary>
/// What the synthetic shop compiles against: the SDK packs (ASP.NET Core carries the Microsoft.Extensions.* APIs), EF Core,
/// and, for the Stripe variant, Stripe.net and the Accrue.Portal runtime, as an app that installs the package has, so every
/// rule (PORTAL008 needs the runtime) does its work.
/// </summary>
public static class WorkloadReferences
{
    public static ImmutableArray<MetadataReference> Get(bool withStripe) =>
        TestReferences.Framework
            .Concat(TestReferences.AspNetCore)
            .Concat(TestReferences.EntityFrameworkCoreOnly)
            .Concat(withStripe ? TestReferences.StripeNet.AddRange(TestReferences.PortalRuntime) : [])
            .ToImmutableArray();
}
