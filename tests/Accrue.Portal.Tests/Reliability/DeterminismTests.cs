namespace Accrue.Portal.Tests.Reliability;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Verification;
using Accrue.Portal.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>Concurrent analysis of a large generated project gives the same diagnostics every time.</summary>
public sealed class DeterminismTests
{
    private const int Files = 150;
    private const int Runs = 20;

    [Fact]
    public async Task Concurrent_analysis_of_a_generated_project_is_identical_across_runs()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = SyntheticProject.Generate(Files, withStripe: true)
            .Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, "/shop/" + f.FileName))
            .ToImmutableArray();
        var references = WorkloadReferences.Get(withStripe: true).AddRange(TestReferences.PortalRuntime);
        var analyzers = PackageComponents.Analyzers();
        string? first = null;
        for (var run = 0; run < Runs; run++)
        {
            // A fresh compilation each run, so nothing is served from a previous run's caches.
            var compilation = CSharpCompilation.Create(
                "Shop",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            var snapshot = string.Join("\n", diagnostics
                .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} [{string.Join(";", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))}]")
                .Order(StringComparer.Ordinal));
            Assert.DoesNotContain("AD0001", snapshot, StringComparison.Ordinal);
            if (first is null)
            {
                first = snapshot;
                Assert.True(diagnostics.Length >= 3, "The generated project should produce some diagnostics:\n" + snapshot);
            }
            else
            {
                Assert.Equal(first, snapshot);
            }
        }
    }
}
