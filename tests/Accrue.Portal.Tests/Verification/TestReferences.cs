namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

/// <summary>
/// What test compilations reference: the running SDK's reference packs (no Basic.Reference.Assemblies here),
/// the Stripe.net stand-in (or the real package under -p:UseStripeNetPackage=true), and real library assemblies.
/// Built once per test run.
/// </summary>
public static class TestReferences
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

    private static readonly Lazy<ImmutableArray<MetadataReference>> LoggingReferences = new(() =>
        [FromAssembly(typeof(Microsoft.Extensions.Logging.ILogger).Assembly), FromAssembly(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly)]);

    private static readonly Lazy<ImmutableArray<MetadataReference>> CachingReferences = new(() =>
    [
        FromAssembly(typeof(Microsoft.Extensions.Caching.Distributed.IDistributedCache).Assembly),
        FromAssembly(typeof(Microsoft.Extensions.Caching.Memory.MemoryCache).Assembly),
        FromAssembly(typeof(Microsoft.Extensions.Primitives.StringValues).Assembly),
        FromAssembly(typeof(Microsoft.Extensions.Options.IOptions<>).Assembly),
    ]);

    private static readonly Lazy<ImmutableArray<MetadataReference>> EntityFrameworkReferences = new(() =>
        [FromAssembly(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly), FromAssembly(typeof(Microsoft.EntityFrameworkCore.KeylessAttribute).Assembly), .. LoggingReferences.Value, .. CachingReferences.Value]);

    public static ImmutableArray<MetadataReference> Framework => NetCoreApp.Value;

    /// <summary>Microsoft.Extensions.Logging.Abstractions (not with <see cref="AspNetCore"/>, which already has it).</summary>
    public static ImmutableArray<MetadataReference> Logging => LoggingReferences.Value;

    public static ImmutableArray<MetadataReference> Serilog { get; } = [FromAssembly(typeof(global::Serilog.Log).Assembly)];

    public static ImmutableArray<MetadataReference> NLog { get; } = [FromAssembly(typeof(global::NLog.Logger).Assembly)];

    /// <summary>Caching abstractions and MemoryCache (not with <see cref="AspNetCore"/>, which already has them).</summary>
    public static ImmutableArray<MetadataReference> Caching => CachingReferences.Value;

    /// <summary>EF Core with the logging and caching assemblies it needs (not with <see cref="AspNetCore"/>).</summary>
    public static ImmutableArray<MetadataReference> EntityFrameworkCore => EntityFrameworkReferences.Value;

    /// <summary>EF Core only, to combine with <see cref="AspNetCore"/>.</summary>
    public static ImmutableArray<MetadataReference> EntityFrameworkCoreOnly { get; } =
        [FromAssembly(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly), FromAssembly(typeof(Microsoft.EntityFrameworkCore.KeylessAttribute).Assembly)];

    public static ImmutableArray<MetadataReference> Dapper { get; } = [FromAssembly(typeof(global::Dapper.SqlMapper).Assembly)];

    /// <summary>StackExchange.Redis, downloaded without its dependencies (see the test project file).</summary>
    public static ImmutableArray<MetadataReference> StackExchangeRedis => [FromDownloadedPackage("StackExchangeRedisAssembly")];

    /// <summary>Microsoft.ApplicationInsights, downloaded without its dependencies (see the test project file).</summary>
    public static ImmutableArray<MetadataReference> ApplicationInsights => [FromDownloadedPackage("ApplicationInsightsAssembly")];

    public static ImmutableArray<MetadataReference> StripeNet => Stripe.Value;

    public static ImmutableArray<MetadataReference> PortalRuntime => Runtime.Value;

    public static ImmutableArray<MetadataReference> AspNetCore => AspNetCoreApp.Value;

    public static string StripeNetAssemblyPath => typeof(global::Stripe.BillingPortal.Session).Assembly.Location;

    public static MetadataReference FromAssembly(Assembly assembly) => MetadataReference.CreateFromFile(assembly.Location);

    private static MetadataReference FromDownloadedPackage(string metadataKey)
    {
        var path = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == metadataKey).Value!;
        return File.Exists(path) ? MetadataReference.CreateFromFile(path) : throw new InvalidOperationException($"{path} is missing: restore the test project.");
    }

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
