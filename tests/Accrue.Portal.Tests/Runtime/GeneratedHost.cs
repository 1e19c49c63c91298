namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Sdk;

/// <summary>
/// Compiles a small host with the generated glue into an in-memory assembly, as a build of the app would, and loads it.
/// Stripe.net and Accrue.Portal resolve to the copies this test process already loaded, so a test hands the host a real
/// <c>StripeClient</c> over its recording wire; ASP.NET Core resolves from the shared framework on this machine.
/// </summary>
internal static class GeneratedHost
{
    /// <summary>
    /// A real Microsoft.Extensions.Logging provider for host sources (compiled into the host, so it binds to the
    /// framework's logging types): each line as "Level Category: message", then the structured values, the scopes' values
    /// and the exception. Hosts that log append it to their source.
    /// </summary>
    public const string CapturingLoggerProvider = """

        public sealed class CapturingLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
        {
            private readonly System.Collections.Generic.List<string> lines;
            private readonly System.Threading.AsyncLocal<string?> scope = new System.Threading.AsyncLocal<string?>();

            public CapturingLoggerProvider(System.Collections.Generic.List<string> lines) => this.lines = lines;

            public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

            public void Dispose()
            {
            }

            private static string Values(object state) =>
                state is System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, object>> pairs
                    ? string.Join(" ", System.Linq.Enumerable.Select(pairs, p => p.Key + "=" + p.Value))
                    : System.Convert.ToString(state, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

            private sealed class Capturing : Microsoft.Extensions.Logging.ILogger
            {
                private readonly CapturingLoggerProvider provider;
                private readonly string category;

                public Capturing(CapturingLoggerProvider provider, string category)
                {
                    this.provider = provider;
                    this.category = category;
                }

                public System.IDisposable BeginScope<TState>(TState state) where TState : notnull
                {
                    var outer = this.provider.scope.Value;
                    this.provider.scope.Value = outer + "[" + Values(state) + "]";
                    return new Restore(this.provider, outer);
                }

                public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

                public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, System.Exception? exception, System.Func<TState, System.Exception?, string> formatter)
                {
                    var line = logLevel + " " + this.category + ": " + formatter(state, exception)
                        + " {" + Values(state!) + "}" + this.provider.scope.Value
                        + (exception != null ? " | " + exception : string.Empty);
                    lock (this.provider.lines)
                    {
                        this.provider.lines.Add(line);
                    }
                }
            }

            private sealed class Restore : System.IDisposable
            {
                private readonly CapturingLoggerProvider provider;
                private readonly string? outer;

                public Restore(CapturingLoggerProvider provider, string? outer)
                {
                    this.provider = provider;
                    this.outer = outer;
                }

                public void Dispose() => this.provider.scope.Value = this.outer;
            }
        }
        """;

    public static (Compilation Compilation, ImmutableArray<SyntaxTree> Generated) Generate(
        string source,
        bool release = false,
        bool aspNetCore = false,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        bool stripe = true,
        bool runtime = true)
    {
        var parseOptions = new CSharpParseOptions(languageVersion);
        var references = TestReferences.Framework
            .Concat(stripe ? TestReferences.StripeNet : [])
            .Concat(runtime ? TestReferences.PortalRuntime : [])
            .Concat(aspNetCore ? TestReferences.AspNetCore : [])
            .Distinct();
        var compilation = CSharpCompilation.Create(
            "GeneratedHost" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, parseOptions)],
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: languageVersion >= LanguageVersion.CSharp8 ? nullable : NullableContextOptions.Disable,
                optimizationLevel: release ? OptimizationLevel.Release : OptimizationLevel.Debug,
                generalDiagnosticOption: ReportDiagnostic.Error));
        var driver = CSharpGeneratorDriver.Create(
            [new GuardedSessionGenerator().AsSourceGenerator()],
            parseOptions: parseOptions,
            optionsProvider: new BuildProperties(release ? "Release" : "Debug"));
        var run = driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _).GetRunResult();
        var failure = run.Results.FirstOrDefault(r => r.Exception is not null).Exception;
        if (failure is not null)
        {
            throw new XunitException("The generator threw: " + failure);
        }

        return (withGenerated, run.GeneratedTrees);
    }

    /// <summary>Compiles under -warnaserror and loads the assembly; any diagnostic fails.</summary>
    public static Assembly Load(string source, bool release = false, bool aspNetCore = false)
    {
        var (compilation, _) = Generate(source, release, aspNetCore);
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        if (!emit.Success || problems.Count > 0)
        {
            throw new XunitException("The host with the generated glue does not compile cleanly:\n" + string.Join("\n", problems));
        }

        stream.Position = 0;
        return HostLoadContext.Shared.LoadFromStream(stream);
    }

    public static object? Invoke(Assembly assembly, string method, params object?[] arguments)
    {
        var target = assembly.GetType("Host", throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return target.Invoke(null, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    /// <summary>
    /// One context for every host (each host assembly has its own name). It is not collectible: a collectible context that
    /// nothing references is finalized and starts unloading, and the host's next lazy load of an ASP.NET Core assembly fails.
    /// </summary>
    private sealed class HostLoadContext() : AssemblyLoadContext("GeneratedHost")
    {
        public static readonly HostLoadContext Shared = new();

        private static readonly string AspNetCoreDirectory = Path.Combine(
            Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location)!)!)!,
            "Microsoft.AspNetCore.App",
            Path.GetFileName(Path.GetDirectoryName(typeof(object).Assembly.Location)!));

        private readonly object loading = new();

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Stripe.net and Accrue.Portal come from the default context (null), so the test's StripeClient is the host's type.
            var candidate = Path.Combine(AspNetCoreDirectory, assemblyName.Name + ".dll");
            if (!File.Exists(candidate))
            {
                return null;
            }

            // Hosts run in parallel tests and may ask for the same assembly at once; a second load of one name would throw.
            lock (this.loading)
            {
                return this.Assemblies.FirstOrDefault(a => a.GetName().Name == assemblyName.Name) ?? this.LoadFromAssemblyPath(candidate);
            }
        }
    }

    private sealed class BuildProperties(string configuration) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string> { ["build_property.Configuration"] = configuration });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
