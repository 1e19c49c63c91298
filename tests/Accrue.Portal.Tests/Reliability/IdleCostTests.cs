namespace Accrue.Portal.Tests.Reliability;

using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

/// <summary>
/// The performance target that needs no clock (docs/performance.md): in a project without Stripe.net every analyzer
/// stops at its compilation-start check and registers nothing else, so the compiler's driver never calls it again.
/// The timed targets are the benchmark's; the registrations are exact, and Roslyn's telemetry counts them.
/// </summary>
public sealed class IdleCostTests
{
    private const int Files = 40;

    [Fact]
    public async Task Without_Stripe_net_no_analyzer_registers_an_action_past_the_compilation_start()
    {
        var telemetry = await RegisteredActionsAsync(withStripe: false);

        Assert.All(telemetry, entry =>
        {
            Assert.Equal(1, entry.Value.CompilationStart);
            Assert.Equal(0, entry.Value.Others);
        });
    }

    [Fact]
    public async Task With_Stripe_net_every_analyzer_registers_its_actions()
    {
        var telemetry = await RegisteredActionsAsync(withStripe: true);

        Assert.All(telemetry, entry => Assert.True(entry.Value.Others > 0, entry.Key + " registered nothing on a project that uses the billing portal"));
    }

    private static async Task<ImmutableDictionary<string, (int CompilationStart, int Others)>> RegisteredActionsAsync(bool withStripe)
    {
        var compilation = GeneratedShop.Compile(GeneratedShop.Parse(Files, withStripe), withStripe);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = PackageComponents.Analyzers();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var result = await compilation.WithAnalyzers(analyzers, options).GetAnalysisResultAsync(default);

        Assert.Equal(analyzers.Length, result.AnalyzerTelemetryInfo.Count);
        return result.AnalyzerTelemetryInfo.ToImmutableDictionary(
            entry => entry.Key.GetType().Name,
            entry => (entry.Value.CompilationStartActionsCount, OtherActions(entry.Value)));
    }

    private static int OtherActions(AnalyzerTelemetryInfo telemetry) =>
        telemetry.CompilationEndActionsCount + telemetry.CompilationActionsCount + telemetry.SyntaxTreeActionsCount
        + telemetry.AdditionalFileActionsCount + telemetry.SemanticModelActionsCount + telemetry.SymbolActionsCount
        + telemetry.SymbolStartActionsCount + telemetry.SymbolEndActionsCount + telemetry.SyntaxNodeActionsCount
        + telemetry.CodeBlockStartActionsCount + telemetry.CodeBlockEndActionsCount + telemetry.CodeBlockActionsCount
        + telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.OperationBlockEndActionsCount
        + telemetry.OperationBlockActionsCount + telemetry.SuppressionActionsCount;
}
