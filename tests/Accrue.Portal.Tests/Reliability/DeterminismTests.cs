namespace Accrue.Portal.Tests.Reliability;

using System;
using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>Concurrent analysis of a large generated project gives the same diagnostics every time.</summary>
public sealed class DeterminismTests
{
    private const int Files = 150;
    private const int Runs = 20;

    [Fact]
    public async Task Concurrent_analysis_of_a_generated_project_is_identical_across_runs()
    {
        var trees = GeneratedShop.Parse(Files, withStripe: true);
        var analyzers = PackageComponents.Analyzers();
        string? first = null;
        for (var run = 0; run < Runs; run++)
        {
            var compilation = GeneratedShop.Compile(trees, withStripe: true);
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
