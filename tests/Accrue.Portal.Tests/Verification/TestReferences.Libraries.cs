namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

/// <summary>The real logging, caching, storage and telemetry libraries the leak rules are tested against.</summary>
public static partial class TestReferences
{
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

    /// <summary>Microsoft.Extensions.Logging.Abstractions (not with <see cref="AspNetCore"/>, which already has it).</summary>
    public static ImmutableArray<MetadataReference> Logging => LoggingReferences.Value;

    public static ImmutableArray<MetadataReference> Serilog { get; } = [FromAssembly(typeof(global::Serilog.Log).Assembly)];

    public static ImmutableArray<MetadataReference> NLog { get; } = [FromAssembly(typeof(global::NLog.Logger).Assembly)];

    /// <summary>Caching abstractions and MemoryCache (not with <see cref="AspNetCore"/>, which already has them).</summary>
    public static ImmutableArray<MetadataReference> Caching => CachingReferences.Value;

    /// <summary>EF Core with the logging and caching assemblies it needs (not with <see cref="AspNetCore"/>).</summary>
    public static ImmutableArray<MetadataReference> EntityFrameworkCore => EntityFrameworkReferences.Value;

    public static ImmutableArray<MetadataReference> Dapper { get; } = [FromAssembly(typeof(global::Dapper.SqlMapper).Assembly)];

    /// <summary>StackExchange.Redis, downloaded without its dependencies (see the test project file).</summary>
    public static ImmutableArray<MetadataReference> StackExchangeRedis => [FromDownloadedPackage("StackExchangeRedisAssembly")];

    /// <summary>Microsoft.ApplicationInsights, downloaded without its dependencies (see the test project file).</summary>
    public static ImmutableArray<MetadataReference> ApplicationInsights => [FromDownloadedPackage("ApplicationInsightsAssembly")];

    private static MetadataReference FromDownloadedPackage(string metadataKey)
    {
        var path = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == metadataKey).Value!;
        return File.Exists(path) ? MetadataReference.CreateFromFile(path) : throw new InvalidOperationException($"{path} is missing: restore the test project.");
    }
}
