namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

/// <summary>
/// What test compilations reference: the running SDK's reference packs (no Basic.Reference.Assemblies here),
/// Stripe.net (the real package, at the central version in Directory.Packages.props), and EF Core. Built once per test run.
/// The benchmark links this file; the libraries only the tests need are in TestReferences.Libraries.cs.
/// </summary>
public static partial class TestReferences
{
    private static readonly Lazy<string> DotnetRoot = new(() =>
    {
        // shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → the dotnet root.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
    });

    private static readonly Lazy<ImmutableArray<MetadataReference>> NetCoreApp = new(() => FromReferencePack("Microsoft.NETCore.App.Ref"));

    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreApp = new(() => FromReferencePack("Microsoft.AspNetCore.App.Ref"));

    private static readonly Lazy<ImmutableArray<MetadataReference>> Stripe = new(() =>
        [FromAssembly(typeof(global::Stripe.BillingPortal.Session).Assembly), FromAssembly(typeof(Newtonsoft.Json.JsonConvert).Assembly)]);

    private static readonly Lazy<ImmutableArray<MetadataReference>> Runtime = new(() => [FromAssembly(typeof(PortalFlowTypes).Assembly)]);

    public static ImmutableArray<MetadataReference> Framework => NetCoreApp.Value;

    /// <summary>EF Core only, to combine with <see cref="AspNetCore"/>.</summary>
    public static ImmutableArray<MetadataReference> EntityFrameworkCoreOnly { get; } =
        [FromAssembly(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly), FromAssembly(typeof(Microsoft.EntityFrameworkCore.KeylessAttribute).Assembly)];

    public static ImmutableArray<MetadataReference> StripeNet => Stripe.Value;

    public static ImmutableArray<MetadataReference> PortalRuntime => Runtime.Value;

    public static ImmutableArray<MetadataReference> AspNetCore => AspNetCoreApp.Value;

    public static string StripeNetAssemblyPath => typeof(global::Stripe.BillingPortal.Session).Assembly.Location;

    /// <summary>The NuGet version of the Stripe.net this build references (e.g. 53.1.0).</summary>
    public static string StripeNetVersion => global::Stripe.StripeConfiguration.StripeNetVersion;

    public static MetadataReference FromAssembly(Assembly assembly) => MetadataReference.CreateFromFile(assembly.Location);

    private static ImmutableArray<MetadataReference> FromReferencePack(string packName)
    {
        var packRoot = Path.Combine(DotnetRoot.Value, "packs", packName);
        var major = Environment.Version.Major;
        var versionDirectory = Directory.GetDirectories(packRoot)
            .Where(d => Path.GetFileName(d).StartsWith(major + ".", StringComparison.Ordinal))
            .OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
            .LastOrDefault()
            ?? throw new InvalidOperationException($"No {packName} {major}.x under {packRoot}.");
        var refDirectory = Path.Combine(versionDirectory, "ref", "net" + major + ".0");
        return Directory.GetFiles(refDirectory, "*.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
