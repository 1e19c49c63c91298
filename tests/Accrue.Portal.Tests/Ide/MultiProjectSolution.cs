namespace Accrue.Portal.Tests.Ide;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

/// <summary>
/// A solution of several projects joined by project references (app → library → library), every project using the
/// package, analysed twice:
/// <list type="bullet">
/// <item>as an IDE analyses it: one workspace solution whose project references are compilation references (the
/// referenced project's symbols are "in source" there, its trees visible through them, as Roslyn's testing library's
/// <c>AdditionalProjects</c> and every IDE workspace build them), each document analysed on its own through
/// <see cref="CompilationWithAnalyzers"/> as the IDE's diagnostic service does;</item>
/// <item>as the command-line build does: each referenced project compiled first and referenced as a DLL.</item>
/// </list>
/// Both must report the diagnostics the markup marks (<c>{|PORTAL001:x|}</c>), with the same messages and additional
/// locations, and offer the same fixes, none editing another project; no component may throw (AD0001), and no project
/// may have a compiler error.
/// </summary>
internal sealed class MultiProjectSolution
{
    private const string SourceRoot = "/src/";

    private readonly List<ProjectSpec> projects = [];
    private bool release;

    private static ImmutableArray<MetadataReference> SharedReferences { get; } =
    [
        .. TestReferences.Framework,
        .. TestReferences.AspNetCore,
        .. TestReferences.StripeNet,
        .. TestReferences.PortalRuntime,
    ];

    /// <summary>A project with its sources (markup) and the projects it references, which must be added before it.</summary>
    public MultiProjectSolution WithProject(string name, string[] references, params (string FileName, string Markup)[] sources)
    {
        foreach (var reference in references)
        {
            if (this.projects.All(p => p.Name != reference))
            {
                throw new InvalidOperationException($"{name} references {reference}, which is not added yet.");
            }
        }

        this.projects.Add(new ProjectSpec(name, references, sources.Select(s => (s.FileName, Markup.Parse(s.Markup))).ToList()));
        return this;
    }

    /// <summary>Every project builds in Release (<c>build_property.Configuration</c>, as the package's props pass it).</summary>
    public MultiProjectSolution InRelease()
    {
        this.release = true;
        return this;
    }

    /// <summary>The IDE's and the command line's diagnostics and fixes, checked against the markup and against each other; the IDE's analysis.</summary>
    public async Task<Analysis> ValidateAsync()
    {
        var ide = await this.AnalyzeAsIdeAsync();
        var commandLine = await this.AnalyzeAsCommandLineAsync();
        var failures = new List<string>();
        failures.AddRange(ide.Failures.Select(f => "IDE: " + f));
        failures.AddRange(commandLine.Failures.Select(f => "command line: " + f));
        failures.AddRange(ide.CodeActions.Where(a => a.Contains(" outside it: ", StringComparison.Ordinal)).Select(a => "IDE: " + a));
        if (failures.Count > 0)
        {
            throw new XunitException(string.Join("\n", failures));
        }

        var expected = this.projects
            .SelectMany(p => p.Sources.SelectMany(s => s.Markup.Spans.Where(span => !span.Name.StartsWith('#')).Select(span => $"{span.Name} {Expected.Diagnostic(span.Name).Severity} {PathOf(p.Name, s.FileName)}{Format(span.Span)}")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        var report = new StringBuilder();
        Compare("the markup", expected, "the command-line build", commandLine.Diagnostics.Select(d => d.Located).ToList(), report);
        Compare("the command-line build", commandLine.Diagnostics.Select(d => d.Full).ToList(), "the IDE", ide.Diagnostics.Select(d => d.Full).ToList(), report);
        Compare("the command-line build's code fixes", commandLine.CodeActions, "the IDE's code fixes", ide.CodeActions, report);
        if (report.Length > 0)
        {
            throw new XunitException(report.ToString());
        }

        return ide;
    }

    /// <summary>Diagnostics (all of them, compiler's excepted) as the IDE reports them, the fixes offered, and the failures seen on the way.</summary>
    public async Task<Analysis> AnalyzeAsIdeAsync()
    {
        using var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var ids = new Dictionary<string, ProjectId>(StringComparer.Ordinal);
        foreach (var spec in this.projects)
        {
            var id = ProjectId.CreateNewId(spec.Name);
            ids[spec.Name] = id;
            solution = this.AddProject(solution, id, spec, []).AddProjectReferences(id, spec.References.Select(r => new ProjectReference(ids[r])));
        }

        var diagnostics = new List<Reported>();
        var codeActions = new List<string>();
        var failures = new List<string>();
        foreach (var spec in this.projects)
        {
            var project = solution.GetProject(ids[spec.Name])!;
            var raw = new List<Diagnostic>();
            var compilation = (await project.GetCompilationAsync())!;
            failures.AddRange(CompilerErrors(compilation, spec.Name));
            var exceptions = new ConcurrentQueue<string>();
            var withAnalyzers = compilation.WithAnalyzers(PackageComponents.Analyzers(), Options(project, exceptions));

            // The IDE's diagnostic service: each open document's syntax and semantic diagnostics on their own, then the
            // compilation-end ones.
            foreach (var document in project.Documents)
            {
                var tree = (await document.GetSyntaxTreeAsync())!;
                raw.AddRange((await withAnalyzers.GetAnalysisResultAsync(tree, default)).GetAllDiagnostics());
                raw.AddRange((await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(tree), filterSpan: null, default)).GetAllDiagnostics());
            }

            raw.AddRange((await withAnalyzers.GetAnalysisResultAsync(default)).CompilationDiagnostics.SelectMany(d => d.Value));
            diagnostics.AddRange(Describe([.. raw], failures));
            failures.AddRange(exceptions);
            codeActions.AddRange(await CodeActionsAsync(project, raw, failures));
        }

        return new Analysis(Sorted(diagnostics), [.. codeActions.Order(StringComparer.Ordinal)], failures);
    }

    /// <summary>Diagnostics as the command-line build reports them (each referenced project a DLL built before), and the fixes offered for them.</summary>
    public async Task<Analysis> AnalyzeAsCommandLineAsync()
    {
        var built = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        var diagnostics = new List<Reported>();
        var codeActions = new List<string>();
        var failures = new List<string>();
        foreach (var spec in this.projects)
        {
            using var workspace = new AdhocWorkspace();
            var id = ProjectId.CreateNewId(spec.Name);
            var project = this.AddProject(workspace.CurrentSolution, id, spec, spec.References.Select(r => built[r])).GetProject(id)!;
            var compilation = (await project.GetCompilationAsync())!;
            failures.AddRange(CompilerErrors(compilation, spec.Name));
            var exceptions = new ConcurrentQueue<string>();
            var found = await compilation.WithAnalyzers(PackageComponents.Analyzers(), Options(project, exceptions)).GetAnalyzerDiagnosticsAsync();
            diagnostics.AddRange(Describe(found, failures));
            failures.AddRange(exceptions);
            codeActions.AddRange(await CodeActionsAsync(project, found, failures));

            using var image = new System.IO.MemoryStream();
            var emitted = compilation.Emit(image);
            if (!emitted.Success)
            {
                failures.Add($"{spec.Name} does not emit: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                continue;
            }

            built[spec.Name] = MetadataReference.CreateFromImage(image.ToArray(), filePath: $"/bin/{spec.Name}.dll");
        }

        return new Analysis(Sorted(diagnostics), [.. codeActions.Order(StringComparer.Ordinal)], failures);
    }

    /// <summary>
    /// Each fix the package offers for the project's diagnostics, as the light bulb lists it: the diagnostic, the title
    /// and the files the fix changes (marked when one is outside the project: a fix edits only what it was given).
    /// </summary>
    private static async Task<IReadOnlyList<string>> CodeActionsAsync(Project project, IEnumerable<Diagnostic> diagnostics, List<string> failures)
    {
        var offered = new List<string>();
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            if (project.GetDocument(diagnostic.Location.SourceTree) is not { } document)
            {
                continue;
            }

            foreach (var provider in PackageComponents.CodeFixes().Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        var changed = new List<string>();
                        foreach (var apply in (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>())
                        {
                            var changes = apply.ChangedSolution.GetChanges(project.Solution);
                            changed.AddRange(changes.GetProjectChanges().SelectMany(p => p.GetChangedDocuments().Select(id => p.NewProject.GetDocument(id)!.FilePath!)));
                        }

                        var outside = changed.Where(path => !path.StartsWith(SourceRoot + project.Name + "/", StringComparison.Ordinal)).ToList();
                        offered.Add($"{diagnostic.Id} {Format(diagnostic.Location)} '{action.Title}' changes {string.Join(", ", changed.Distinct().Order(StringComparer.Ordinal))}"
                                    + (outside.Count > 0 ? $" ({project.Name}'s fix changes a file outside it: {string.Join(", ", outside)})" : ""));
                    }
                }
                catch (Exception exception)
                {
                    failures.Add($"{project.Name}: {provider.GetType().Name} threw on {diagnostic.Id}: {exception}");
                }
            }
        }

        return offered;
    }

    private static string PathOf(string project, string fileName) => SourceRoot + project + "/" + fileName;

    private static string Format(TextSpan span) => $"[{span.Start}..{span.End})";

    private static string Format(Location location) => location.IsInSource ? location.SourceTree!.FilePath + Format(location.SourceSpan) : location.Kind.ToString();

    private static CompilationWithAnalyzersOptions Options(Project project, ConcurrentQueue<string> exceptions) => new(
        project.AnalyzerOptions,
        (exception, analyzer, diagnostic) => exceptions.Enqueue($"{project.Name}: {analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message} ({diagnostic.Id})"),
        concurrentAnalysis: true,
        logAnalyzerExecutionTime: false);

    private static IEnumerable<string> CompilerErrors(Compilation compilation, string project) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{project} does not compile: {d}");

    private static IEnumerable<Reported> Describe(ImmutableArray<Diagnostic> diagnostics, List<string> failures)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id is "AD0001" or "AD0002")
            {
                failures.Add(diagnostic.GetMessage());
                continue;
            }

            var located = $"{diagnostic.Id} {diagnostic.Severity} {Format(diagnostic.Location)}";
            var additional = string.Join(", ", diagnostic.AdditionalLocations.Select(Format));
            yield return new Reported(located, $"{located} +[{additional}] {diagnostic.GetMessage()}");
        }
    }

    private static IReadOnlyList<Reported> Sorted(List<Reported> diagnostics) =>
        diagnostics.OrderBy(d => d.Full, StringComparer.Ordinal).ToList();

    private static void Compare(string expectedName, IReadOnlyList<string> expected, string actualName, IReadOnlyList<string> actual, StringBuilder report)
    {
        var missing = expected.ToList();
        var extra = new List<string>();
        foreach (var item in actual)
        {
            if (!missing.Remove(item))
            {
                extra.Add(item);
            }
        }

        if (missing.Count == 0 && extra.Count == 0)
        {
            return;
        }

        report.AppendLine($"{actualName} differs from {expectedName}.");
        report.AppendLine($"  In {expectedName} only:");
        missing.ForEach(m => report.AppendLine("    " + m));
        report.AppendLine($"  In {actualName} only:");
        extra.ForEach(e => report.AppendLine("    " + e));
        report.AppendLine($"  All of {actualName}:");
        foreach (var item in actual)
        {
            report.AppendLine("    " + item);
        }
    }

    private Solution AddProject(Solution solution, ProjectId id, ProjectSpec spec, IEnumerable<MetadataReference> builtReferences)
    {
        solution = solution
            .AddProject(ProjectInfo.Create(
                id,
                VersionStamp.Default,
                spec.Name,
                spec.Name,
                LanguageNames.CSharp,
                filePath: SourceRoot + spec.Name + "/" + spec.Name + ".csproj",
                compilationOptions: new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    optimizationLevel: this.release ? OptimizationLevel.Release : OptimizationLevel.Debug),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: SharedReferences.Concat(builtReferences)))
            // The package's analyzer assembly, so the workspace runs the generator in every project as a host build does.
            .AddAnalyzerReference(id, LoadedAnalyzerReference.Create());
        foreach (var (fileName, markup) in spec.Sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(id, fileName), fileName, SourceText.From(markup.Source, Encoding.UTF8), filePath: PathOf(spec.Name, fileName));
        }

        var globalConfig = $"is_global = true\nbuild_property.Configuration = {(this.release ? "Release" : "Debug")}\n";
        return solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(id), "build.globalconfig", SourceText.From(globalConfig), filePath: SourceRoot + spec.Name + "/build.globalconfig");
    }

    /// <summary>What one way of analysing the solution found.</summary>
    public sealed record Analysis(IReadOnlyList<Reported> Diagnostics, IReadOnlyList<string> CodeActions, IReadOnlyList<string> Failures);

    /// <summary>One diagnostic: id and location (what the markup marks), and with message and additional locations.</summary>
    public sealed record Reported(string Located, string Full);

    private sealed record ProjectSpec(string Name, string[] References, List<(string FileName, Markup Markup)> Sources);

    /// <summary>A source and its marked spans, read by the standard testing library's markup parser.</summary>
    private sealed record Markup(string Source, IReadOnlyList<(string Name, TextSpan Span)> Spans)
    {
        public static Markup Parse(string markup)
        {
            TestFileMarkupParser.GetSpans(markup, out var source, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
            return new Markup(source, spans.SelectMany(entry => entry.Value.Select(span => (entry.Key, span))).OrderBy(s => s.span.Start).ToList());
        }
    }
}
