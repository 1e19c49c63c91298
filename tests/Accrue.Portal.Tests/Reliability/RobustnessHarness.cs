namespace Accrue.Portal.Tests.Reliability;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Ide;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// Runs every generator, analyzer and code fix the packages ship over one source text, however broken, and reports
/// any exception they throw (AD0001 included). Built for speed: the references are bound once and shared.
/// </summary>
internal sealed class RobustnessHarness
{
    private static readonly Lazy<RobustnessHarness> Shared = new(() => new RobustnessHarness());

    private readonly CSharpCompilation emptyCompilation;
    private readonly ImmutableArray<MetadataReference> references;
    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers = PackageComponents.Analyzers();
    private readonly ImmutableArray<IIncrementalGenerator> generators = PackageComponents.Generators();
    private readonly ImmutableArray<CodeFixProvider> codeFixes = PackageComponents.CodeFixes();
    private readonly CSharpParseOptions parseOptions = new(LanguageVersion.Latest);

    private RobustnessHarness()
    {
        this.references = TestReferences.Framework
            .Concat(TestReferences.AspNetCore)
            .Concat(TestReferences.StripeNet)
            .Concat(TestReferences.PortalRuntime)
            .Concat(TestReferences.EntityFrameworkCoreOnly)
            .Concat(TestReferences.Serilog)
            .Concat(TestReferences.NLog)
            .ToImmutableArray();
        this.emptyCompilation = CSharpCompilation.Create(
            "Robustness",
            [],
            this.references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static RobustnessHarness Instance => Shared.Value;

    public ImmutableArray<DiagnosticAnalyzer> Analyzers => this.analyzers;

    public ImmutableArray<CodeFixProvider> CodeFixes => this.codeFixes;

    /// <summary>
    /// A one-document project with the harness's references and the analyzer assembly as an analyzer reference, so the
    /// workspace runs our generator as a host build would (the PORTAL008 fix calls the generated CreateGuarded).
    /// </summary>
    public Document CreateDocument(AdhocWorkspace workspace, string source) =>
        workspace.CurrentSolution
            .AddProject("Robustness", "Robustness", LanguageNames.CSharp)
            .WithCompilationOptions(this.emptyCompilation.Options)
            .WithParseOptions(this.parseOptions)
            .AddMetadataReferences(this.references)
            .AddAnalyzerReference(LoadedAnalyzerReference.Create())
            .AddDocument("Variant.cs", SourceText.From(source), filePath: "/src/Variant.cs");

    /// <summary>The failures (empty when every component coped) for one variant of a source.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(string source, string description, int maxDiagnosticsToFix)
    {
        var failures = new List<string>();
        var tree = CSharpSyntaxTree.ParseText(source, this.parseOptions, "/src/Variant.cs");
        Compilation compilation = this.emptyCompilation.AddSyntaxTrees(tree);
        try
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(this.generators.Select(GeneratorExtensions.AsSourceGenerator), parseOptions: this.parseOptions);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
            failures.AddRange(driver.GetRunResult().Results.Where(r => r.Exception is not null).Select(r => $"{description}: generator {r.Generator.GetType().Name} threw {r.Exception}"));
        }
        catch (Exception exception)
        {
            failures.Add($"{description}: generator driver threw {exception}");
        }

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, _) => exceptions.Enqueue($"{description}: {analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(this.analyzers, options).GetAnalyzerDiagnosticsAsync();
        failures.AddRange(exceptions);
        failures.AddRange(diagnostics.Where(d => d.Id is "AD0001" or "AD0002").Select(d => $"{description}: {d}"));

        var fixable = diagnostics.Where(d => d.Location.SourceTree == tree && this.codeFixes.Any(f => f.FixableDiagnosticIds.Contains(d.Id))).Take(maxDiagnosticsToFix).ToList();
        if (fixable.Count > 0)
        {
            failures.AddRange(await this.CheckFixesAsync(source, fixable, description));
        }

        return failures;
    }

    private async Task<IReadOnlyList<string>> CheckFixesAsync(string source, List<Diagnostic> diagnostics, string description)
    {
        var failures = new List<string>();
        using var workspace = new AdhocWorkspace();
        var document = this.CreateDocument(workspace, source);
        foreach (var diagnostic in diagnostics)
        {
            foreach (var provider in this.codeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        await action.GetOperationsAsync(CancellationToken.None);
                    }
                }
                catch (Exception exception)
                {
                    failures.Add($"{description}: {provider.GetType().Name} threw on {diagnostic.Id}: {exception}");
                }
            }
        }

        return failures;
    }
}
