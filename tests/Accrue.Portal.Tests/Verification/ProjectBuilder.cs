namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

/// <summary>
/// The project's own analyzer/fix verifier (Microsoft's testing packages are not on the registry): builds a
/// project from markup sources, runs the analyzers, compares exact IDs, spans and messages, applies fixes until
/// no fixable diagnostic is left (with loop detection), checks the fixed text, recompiles it, and runs Fix All.
/// Any analyzer, generator or fixer exception fails the test.
/// </summary>
public sealed class ProjectBuilder
{
    private const string SourceDirectory = "/src/";

    private readonly List<(string FileName, string Markup)> sources = [];
    private readonly List<DiagnosticAnalyzer> analyzers = [];
    private readonly List<IIncrementalGenerator> generators = [];
    private readonly List<string> editorConfigLines = [];
    private readonly List<MetadataReference> references = [];
    private readonly List<ExpectedDiagnostic> expectedDiagnostics = [];
    private CodeFixProvider? codeFixProvider;
    private string? codeFixEquivalenceKey;
    private BuildConfiguration buildConfiguration = BuildConfiguration.Debug;
    private bool configurationVisibleToAnalyzers = true;
    private bool includeStripe = true;
    private bool allowCompilerErrors;
    private OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary;
    private NullableContextOptions nullable = NullableContextOptions.Enable;
    private Dictionary<string, string>? fixedSources;
    private Dictionary<string, string>? batchFixedSources;

    public ProjectBuilder WithSourceCode(string markup) => this.WithSourceCode($"Test{this.sources.Count}.cs", markup);

    public ProjectBuilder WithSourceCode(string fileName, string markup)
    {
        this.sources.Add((fileName, markup));
        return this;
    }

    public ProjectBuilder WithAnalyzer<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        this.analyzers.Add(new TAnalyzer());
        return this;
    }

    public ProjectBuilder WithAnalyzer(DiagnosticAnalyzer analyzer)
    {
        this.analyzers.Add(analyzer);
        return this;
    }

    public ProjectBuilder WithSourceGenerator<TGenerator>()
        where TGenerator : IIncrementalGenerator, new() => this.WithSourceGenerator(new TGenerator());

    public ProjectBuilder WithSourceGenerator(IIncrementalGenerator generator)
    {
        this.generators.Add(generator);
        return this;
    }

    public ProjectBuilder WithCodeFixProvider<TProvider>(string? equivalenceKey = null)
        where TProvider : CodeFixProvider, new()
    {
        this.codeFixProvider = new TProvider();
        this.codeFixEquivalenceKey = equivalenceKey;
        return this;
    }

    /// <summary>Lines for the <c>[*.cs]</c> section of the project's .editorconfig.</summary>
    public ProjectBuilder WithEditorConfig(params string[] lines)
    {
        this.editorConfigLines.AddRange(lines);
        return this;
    }

    /// <summary>
    /// Release sets the optimization level; both pass <c>build_property.Configuration</c> as the package's props do,
    /// unless <paramref name="visibleToAnalyzers"/> is false (a build without our props).
    /// </summary>
    public ProjectBuilder WithBuildConfiguration(BuildConfiguration configuration, bool visibleToAnalyzers = true)
    {
        this.buildConfiguration = configuration;
        this.configurationVisibleToAnalyzers = visibleToAnalyzers;
        return this;
    }

    public ProjectBuilder WithReferences(IEnumerable<MetadataReference> metadataReferences)
    {
        this.references.AddRange(metadataReferences);
        return this;
    }

    public ProjectBuilder WithAspNetCore() => this.WithReferences(TestReferences.AspNetCore);

    public ProjectBuilder WithPortalRuntime() => this.WithReferences(TestReferences.PortalRuntime);

    public ProjectBuilder WithoutStripe()
    {
        this.includeStripe = false;
        return this;
    }

    public ProjectBuilder WithOutputKind(OutputKind kind)
    {
        this.outputKind = kind;
        return this;
    }

    public ProjectBuilder WithNullable(NullableContextOptions options)
    {
        this.nullable = options;
        return this;
    }

    /// <summary>For half-typed code: compiler errors in the source do not fail the test (analyzer exceptions still do).</summary>
    public ProjectBuilder WithCompilerErrorsAllowed()
    {
        this.allowCompilerErrors = true;
        return this;
    }

    public ProjectBuilder ShouldReportDiagnostic(params ExpectedDiagnostic[] diagnostics)
    {
        this.expectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    /// <summary>The code after applying the fix repeatedly; markup in it marks diagnostics that must remain.</summary>
    public ProjectBuilder ShouldFixCodeWith(string fixedMarkup) => this.ShouldFixCodeWith("Test0.cs", fixedMarkup);

    public ProjectBuilder ShouldFixCodeWith(string fileName, string fixedMarkup)
    {
        (this.fixedSources ??= [])[fileName] = fixedMarkup;
        return this;
    }

    /// <summary>The code after Fix All, at document and at project scope (defaults to the <see cref="ShouldFixCodeWith(string)"/> result).</summary>
    public ProjectBuilder ShouldBatchFixCodeWith(string fixedMarkup) => this.ShouldBatchFixCodeWith("Test0.cs", fixedMarkup);

    public ProjectBuilder ShouldBatchFixCodeWith(string fileName, string fixedMarkup)
    {
        (this.batchFixedSources ??= [])[fileName] = fixedMarkup;
        return this;
    }

    public async Task ValidateAsync()
    {
        if (this.sources.Count == 0 || this.analyzers.Count == 0)
        {
            throw new InvalidOperationException("A test needs at least one source and one analyzer.");
        }

        var parsed = this.sources.Select(s => (s.FileName, Markup: TestMarkup.Parse(s.Markup))).ToList();
        var project = this.CreateProject(parsed.Select(p => (p.FileName, p.Markup.Source)));
        var initial = await this.AnalyzeAsync(project);
        if (!this.allowCompilerErrors)
        {
            AssertNoCompilerErrors(initial.CompilerDiagnostics, "The test source does not compile");
        }

        var expected = this.ExpectedFromMarkup(parsed).Concat(this.ResolveExplicitExpectations(parsed)).ToList();
        AssertDiagnosticsMatch(expected, initial.AnalyzerDiagnostics, project);

        if (this.fixedSources is not null)
        {
            var fixedProject = await this.ApplyFixesOneByOneAsync(project, initial.AnalyzerDiagnostics.Length);
            await this.AssertFixedProjectAsync(fixedProject, this.fixedSources, initial.CompilerDiagnostics, "Code fix");
        }

        var batchExpectation = this.batchFixedSources ?? this.fixedSources;
        if (batchExpectation is not null && this.codeFixProvider?.GetFixAllProvider() is not null)
        {
            foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project })
            {
                var fixedProject = await this.ApplyFixAllAsync(project, scope, initial.AnalyzerDiagnostics.Length);
                await this.AssertFixedProjectAsync(fixedProject, batchExpectation, initial.CompilerDiagnostics, $"Fix All ({scope})");
            }
        }
    }

    /// <summary>Runs the analyzers (and generators) once; used by tests that inspect diagnostics directly.</summary>
    public async Task<AnalysisResult> AnalyzeAsync()
    {
        var project = this.CreateProject(this.sources.Select(s => (s.FileName, TestMarkup.Parse(s.Markup).Source)));
        return await this.AnalyzeAsync(project);
    }

    private Project CreateProject(IEnumerable<(string FileName, string Source)> files)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId("TestProject");
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilationOptions = new CSharpCompilationOptions(
            this.outputKind,
            nullableContextOptions: this.nullable,
            optimizationLevel: this.buildConfiguration == BuildConfiguration.Release ? OptimizationLevel.Release : OptimizationLevel.Debug);
        var allReferences = TestReferences.Framework
            .Concat(this.includeStripe ? TestReferences.StripeNet : [])
            .Concat(this.references)
            .Distinct();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "TestProject",
                "TestProject",
                LanguageNames.CSharp,
                filePath: SourceDirectory + "TestProject.csproj",
                compilationOptions: compilationOptions,
                parseOptions: parseOptions,
                metadataReferences: allReferences));
        foreach (var (fileName, source) in files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, fileName), fileName, SourceText.From(source, Encoding.UTF8), filePath: SourceDirectory + fileName);
        }

        var editorConfig = "root = true\n\n[*.cs]\n" + string.Join("\n", this.editorConfigLines) + "\n";
        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: SourceDirectory + ".editorconfig");
        if (this.configurationVisibleToAnalyzers)
        {
            var globalConfig = $"is_global = true\nbuild_property.Configuration = {this.buildConfiguration}\n";
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), "build.globalconfig", SourceText.From(globalConfig), filePath: SourceDirectory + "build.globalconfig");
        }

        return solution.GetProject(projectId)!;
    }

    private async Task<AnalysisResult> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var generated = ImmutableArray<SyntaxTree>.Empty;
        if (this.generators.Count > 0)
        {
            var driver = CSharpGeneratorDriver.Create(
                this.generators.Select(GeneratorExtensions.AsSourceGenerator),
                parseOptions: (CSharpParseOptions)project.ParseOptions!,
                optionsProvider: project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
            // The driver is immutable: the run result lives on the driver the run returns.
            var run = driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _).GetRunResult();
            var generatorFailures = run.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).ToList();
            if (generatorFailures.Count > 0)
            {
                throw new XunitException("A source generator threw:\n" + string.Join("\n", generatorFailures));
            }

            compilation = withGenerated;
            generated = run.GeneratedTrees;
        }

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers([.. this.analyzers], options);
        var analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var crashes = analyzerDiagnostics.Where(d => d.Id is "AD0001" or "AD0002").Select(d => d.ToString());
        var failures = exceptions.Concat(crashes).ToList();
        if (failures.Count > 0)
        {
            throw new XunitException("An analyzer threw (AD0001):\n" + string.Join("\n", failures));
        }

        var compilerDiagnostics = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        var ordered = analyzerDiagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AnalysisResult(compilation, ordered, compilerDiagnostics, generated);
    }

    private IEnumerable<ExpectedLocated> ExpectedFromMarkup(IEnumerable<(string FileName, TestMarkup Markup)> parsed)
    {
        foreach (var (fileName, markup) in parsed)
        {
            foreach (var span in markup.Spans.Where(s => !s.IsLocationMarker))
            {
                yield return new ExpectedLocated(span.Name ?? this.DefaultDiagnosticId(), fileName, span.Span, null, null);
            }
        }
    }

    private IEnumerable<ExpectedLocated> ResolveExplicitExpectations(List<(string FileName, TestMarkup Markup)> parsed)
    {
        foreach (var expected in this.expectedDiagnostics)
        {
            var (file, span) = expected.LocationMarker is { } marker ? FindMarker(parsed, marker, expected.FileName) : (null, default(TextSpan?));
            var additional = expected.AdditionalLocationMarkers.IsDefaultOrEmpty
                ? null
                : expected.AdditionalLocationMarkers.Select(m => FindMarker(parsed, m, null)).Select(l => (l.File, l.Span!.Value)).ToList();
            yield return new ExpectedLocated(expected.Id, file, span, expected.Message, additional);
        }
    }

    private static (string File, TextSpan? Span) FindMarker(List<(string FileName, TestMarkup Markup)> parsed, int marker, string? fileName)
    {
        foreach (var (name, markup) in parsed)
        {
            if (fileName is not null && name != fileName)
            {
                continue;
            }

            var found = markup.Spans.FirstOrDefault(s => s.Name == "#" + marker);
            if (found is not null)
            {
                return (name, found.Span);
            }
        }

        throw new InvalidOperationException($"The markup has no location marker {{|#{marker}:…|}}.");
    }

    private string DefaultDiagnosticId()
    {
        var ids = this.analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().ToList();
        return ids.Count == 1
            ? ids[0]
            : throw new InvalidOperationException("[|…|] needs a single diagnostic ID under test; use {|ID:…|} when several analyzers run.");
    }

    private static void AssertDiagnosticsMatch(IReadOnlyList<ExpectedLocated> expected, ImmutableArray<Diagnostic> actual, Project project)
    {
        var unmatchedActual = actual.ToList();
        var unmatchedExpected = new List<ExpectedLocated>();
        foreach (var expectation in expected)
        {
            var match = unmatchedActual.FirstOrDefault(expectation.Matches);
            if (match is null)
            {
                unmatchedExpected.Add(expectation);
            }
            else
            {
                unmatchedActual.Remove(match);
            }
        }

        if (unmatchedExpected.Count == 0 && unmatchedActual.Count == 0)
        {
            return;
        }

        var report = new StringBuilder("Diagnostics differ.\n");
        report.AppendLine("Expected but not reported:");
        foreach (var e in unmatchedExpected)
        {
            report.AppendLine("  " + e.Describe(project));
        }

        report.AppendLine("Reported but not expected:");
        foreach (var d in unmatchedActual)
        {
            report.AppendLine("  " + Describe(d));
        }

        report.AppendLine("All reported:");
        foreach (var d in actual)
        {
            report.AppendLine("  " + Describe(d));
        }

        throw new XunitException(report.ToString());
    }

    internal static string Describe(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        if (!location.IsInSource)
        {
            return $"{diagnostic.Id}: {diagnostic.GetMessage()}";
        }

        var line = location.GetLineSpan();
        var text = location.SourceTree!.GetText().ToString(location.SourceSpan);
        var file = System.IO.Path.GetFileName(location.SourceTree.FilePath);
        return $"{diagnostic.Id} {file}({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1})-({line.EndLinePosition.Line + 1},{line.EndLinePosition.Character + 1}) on '{text}': {diagnostic.GetMessage()}";
    }

    private static void AssertNoCompilerErrors(ImmutableArray<Diagnostic> diagnostics, string context)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new XunitException(context + ":\n" + string.Join("\n", errors.Select(d => "  " + Describe(d))));
        }
    }

    private async Task<Project> ApplyFixesOneByOneAsync(Project project, int initialDiagnosticCount)
    {
        var provider = this.RequireCodeFixProvider();
        var seenStates = new HashSet<string> { await SnapshotAsync(project) };

        // Each fix should remove at least one diagnostic, so more passes than diagnostics means a loop.
        for (var iteration = 0; ; iteration++)
        {
            var action = await this.FindFirstFixAsync(project, provider);
            if (action is null)
            {
                return project;
            }

            if (iteration > initialDiagnosticCount)
            {
                throw new XunitException($"Fix loop: the fix was still offered after {iteration} applications for {initialDiagnosticCount} diagnostics.");
            }

            project = await ApplyAsync(project, action);
            if (!seenStates.Add(await SnapshotAsync(project)))
            {
                throw new XunitException($"Fix loop: applying '{action.Title}' returned the code to an earlier state.");
            }
        }
    }

    private async Task<Project> ApplyFixAllAsync(Project project, FixAllScope scope, int initialDiagnosticCount)
    {
        var provider = this.RequireCodeFixProvider();
        var fixAllProvider = provider.GetFixAllProvider()!;
        var seenStates = new HashSet<string> { await SnapshotAsync(project) };
        for (var iteration = 0; ; iteration++)
        {
            var diagnostics = (await this.AnalyzeAsync(project)).AnalyzerDiagnostics;
            CodeAction? chosen = null;
            Diagnostic? trigger = null;
            foreach (var diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
            {
                chosen = (await this.GetFixesAsync(project, provider, diagnostic)).FirstOrDefault();
                if (chosen is not null)
                {
                    trigger = diagnostic;
                    break;
                }
            }

            if (chosen is null || trigger is null)
            {
                return project;
            }

            if (iteration > initialDiagnosticCount)
            {
                throw new XunitException($"Fix All loop ({scope}): still fixing after {iteration} passes.");
            }

            var document = project.GetDocument(trigger.Location.SourceTree)!;
            var context = new FixAllContext(
                document,
                provider,
                scope,
                chosen.EquivalenceKey,
                provider.FixableDiagnosticIds,
                new VerifierDiagnosticProvider(this),
                CancellationToken.None);
            var fixAllAction = await fixAllProvider.GetFixAsync(context)
                ?? throw new XunitException($"Fix All ({scope}) offered no action.");
            project = await ApplyAsync(project, fixAllAction);
            if (!seenStates.Add(await SnapshotAsync(project)))
            {
                throw new XunitException($"Fix All loop ({scope}): the code returned to an earlier state.");
            }
        }
    }

    private async Task<CodeAction?> FindFirstFixAsync(Project project, CodeFixProvider provider)
    {
        var diagnostics = (await this.AnalyzeAsync(project)).AnalyzerDiagnostics;
        foreach (var diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
        {
            var action = (await this.GetFixesAsync(project, provider, diagnostic)).FirstOrDefault();
            if (action is not null)
            {
                return action;
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<CodeAction>> GetFixesAsync(Project project, CodeFixProvider provider, Diagnostic diagnostic)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree);
        if (document is null)
        {
            return [];
        }

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions.Where(a => this.codeFixEquivalenceKey is null || a.EquivalenceKey == this.codeFixEquivalenceKey).ToList();
    }

    private static async Task<Project> ApplyAsync(Project project, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
            ?? throw new XunitException($"Code action '{action.Title}' produced no ApplyChangesOperation.");
        return apply.ChangedSolution.GetProject(project.Id)!;
    }

    private async Task AssertFixedProjectAsync(Project fixedProject, Dictionary<string, string> expectedMarkup, ImmutableArray<Diagnostic> originalCompilerDiagnostics, string what)
    {
        var parsed = new List<(string FileName, TestMarkup Markup)>();
        foreach (var (fileName, markup) in expectedMarkup)
        {
            var expected = TestMarkup.Parse(markup);
            parsed.Add((fileName, expected));
            var document = fixedProject.Documents.Single(d => d.Name == fileName);
            var actual = (await document.GetTextAsync()).ToString();
            if (Normalize(actual) != Normalize(expected.Source))
            {
                throw new XunitException($"{what}: {fileName} differs from the expected text.\n{DescribeTextDifference(expected.Source, actual)}");
            }
        }

        var result = await this.AnalyzeAsync(fixedProject);
        var newCompilerDiagnostics = result.CompilerDiagnostics
            .Select(d => d.Id + ": " + d.GetMessage())
            .Except(originalCompilerDiagnostics.Select(d => d.Id + ": " + d.GetMessage()))
            .ToList();
        if (newCompilerDiagnostics.Count > 0)
        {
            throw new XunitException($"{what}: the fixed code has new compiler diagnostics:\n  " + string.Join("\n  ", newCompilerDiagnostics));
        }

        var remaining = this.ExpectedFromMarkup(parsed).ToList();
        AssertDiagnosticsMatch(remaining, result.AnalyzerDiagnostics, fixedProject);
    }

    private CodeFixProvider RequireCodeFixProvider() =>
        this.codeFixProvider ?? throw new InvalidOperationException("ShouldFixCodeWith needs WithCodeFixProvider.");

    private static async Task<string> SnapshotAsync(Project project)
    {
        var builder = new StringBuilder();
        foreach (var document in project.Documents.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            builder.Append(document.Name).Append('\n').Append((await document.GetTextAsync()).ToString()).Append('\0');
        }

        return builder.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string DescribeTextDifference(string expected, string actual)
    {
        var expectedLines = Normalize(expected).Split('\n');
        var actualLines = Normalize(actual).Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of text>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of text>";
            if (e != a)
            {
                return $"First difference at line {i + 1}:\n  expected: {e}\n  actual:   {a}\nActual text:\n{actual}";
            }
        }

        return "The texts differ only in line endings.";
    }

    private sealed record ExpectedLocated(string Id, string? File, TextSpan? Span, string? Message, List<(string File, TextSpan Span)>? Additional)
    {
        public bool Matches(Diagnostic diagnostic)
        {
            if (diagnostic.Id != this.Id || (this.Message is not null && diagnostic.GetMessage() != this.Message))
            {
                return false;
            }

            if (this.Span is { } span && (!SameFile(diagnostic.Location, this.File) || diagnostic.Location.SourceSpan != span))
            {
                return false;
            }

            return this.Additional is null
                || (diagnostic.AdditionalLocations.Count == this.Additional.Count
                    && diagnostic.AdditionalLocations.Zip(this.Additional).All(p => SameFile(p.First, p.Second.File) && p.First.SourceSpan == p.Second.Span));
        }

        public string Describe(Project project)
        {
            var where = "(no location)";
            if (this.File is not null && this.Span is { } span)
            {
                var text = project.Documents.Single(d => d.Name == this.File).GetTextAsync().Result;
                var lines = text.Lines.GetLinePositionSpan(span);
                where = $"{this.File}({lines.Start.Line + 1},{lines.Start.Character + 1})-({lines.End.Line + 1},{lines.End.Character + 1}) on '{text.ToString(span)}'";
            }

            var additional = this.Additional is null ? string.Empty : $" with {this.Additional.Count} additional location(s)";
            return $"{this.Id} {where}{additional}" + (this.Message is null ? string.Empty : ": " + this.Message);
        }

        private static bool SameFile(Location location, string? file) =>
            file is null || (location.SourceTree is not null && System.IO.Path.GetFileName(location.SourceTree.FilePath) == file);
    }

    private sealed class VerifierDiagnosticProvider(ProjectBuilder builder) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await builder.AnalyzeAsync(project)).AnalyzerDiagnostics;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await builder.AnalyzeAsync(document.Project)).AnalyzerDiagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}

/// <summary>What one analysis run saw: the compilation (with generated sources), analyzer and compiler diagnostics.</summary>
public sealed record AnalysisResult(
    Compilation Compilation,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    ImmutableArray<Diagnostic> CompilerDiagnostics,
    ImmutableArray<SyntaxTree> GeneratedTrees);
