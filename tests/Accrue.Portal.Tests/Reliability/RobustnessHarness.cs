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

    /// <summary>
    /// The failures for two projects as an IDE builds them: an app whose project reference to a library is a compilation
    /// reference (the library's internals visible to it), each project's generator run by the workspace, every analyzer
    /// over each document on its own (as the IDE's diagnostic service asks), and the fixes of the first diagnostics.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckTwoProjectsAsync(string library, string app, string description, int maxDiagnosticsToFix)
    {
        var failures = new List<string>();
        using var workspace = new AdhocWorkspace();
        var libraryId = ProjectId.CreateNewId("Library");
        var appId = ProjectId.CreateNewId("App");
        var solution = this.AddProject(workspace.CurrentSolution, libraryId, "Library", library)
            .AddDocument(DocumentId.CreateNewId(libraryId), "AssemblyInfo.cs", SourceText.From("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App\")]"), filePath: "/src/Library/AssemblyInfo.cs");
        solution = this.AddProject(solution, appId, "App", app).AddProjectReference(appId, new ProjectReference(libraryId));
        foreach (var project in solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var compilation = (await project.GetCompilationAsync())!;

            // The workspace reports a generator that threw as a warning in the compilation (CS8784, CS8785).
            failures.AddRange(compilation.GetDiagnostics().Where(d => d.Id is "CS8784" or "CS8785").Select(d => $"{description}: {project.Name}: {d}"));
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                (exception, analyzer, _) => exceptions.Enqueue($"{description}: {project.Name}: {analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var withAnalyzers = compilation.WithAnalyzers(this.analyzers, options);
            var diagnostics = new List<Diagnostic>();
            foreach (var document in project.Documents)
            {
                var tree = (await document.GetSyntaxTreeAsync())!;
                diagnostics.AddRange((await withAnalyzers.GetAnalysisResultAsync(tree, CancellationToken.None)).GetAllDiagnostics());
                diagnostics.AddRange((await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None)).GetAllDiagnostics());
            }

            failures.AddRange(exceptions);
            failures.AddRange(diagnostics.Where(d => d.Id is "AD0001" or "AD0002").Select(d => $"{description}: {project.Name}: {d}"));
            foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource && this.codeFixes.Any(f => f.FixableDiagnosticIds.Contains(d.Id))).Take(maxDiagnosticsToFix))
            {
                if (project.GetDocument(diagnostic.Location.SourceTree) is { } document)
                {
                    failures.AddRange(await this.CheckFixesAsync(document, diagnostic, $"{description}: {project.Name}"));
                }
            }
        }

        return failures;
    }

    private Solution AddProject(Solution solution, ProjectId id, string name, string source) =>
        solution
            .AddProject(ProjectInfo.Create(id, VersionStamp.Default, name, name, LanguageNames.CSharp, compilationOptions: this.emptyCompilation.Options, parseOptions: this.parseOptions, metadataReferences: this.references))
            .AddAnalyzerReference(id, LoadedAnalyzerReference.Create())
            .AddDocument(DocumentId.CreateNewId(id), name + ".cs", SourceText.From(source), filePath: $"/src/{name}/{name}.cs");

    private async Task<IReadOnlyList<string>> CheckFixesAsync(string source, List<Diagnostic> diagnostics, string description)
    {
        var failures = new List<string>();
        using var workspace = new AdhocWorkspace();
        var document = this.CreateDocument(workspace, source);
        foreach (var diagnostic in diagnostics)
        {
            failures.AddRange(await this.CheckFixesAsync(document, diagnostic, description));
        }

        return failures;
    }

    private async Task<IReadOnlyList<string>> CheckFixesAsync(Document document, Diagnostic diagnostic, string description)
    {
        var failures = new List<string>();
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

        return failures;
    }
}
