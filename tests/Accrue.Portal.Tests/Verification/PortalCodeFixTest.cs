namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

/// <summary>
/// The standard library's code-fix test (an analyzer test when no fixed state is given) with the analyzers, fixes and
/// generators chosen at run time, plus the checks the library lacks: the severity of markup diagnostics, a fix that
/// returns the code to an earlier state, a compiler warning a fix adds, and any analyzer exception.
/// </summary>
internal sealed class PortalCodeFixTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, XunitVerifier>
{
    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly ImmutableArray<CodeFixProvider> codeFixProviders;
    private readonly ImmutableArray<Type> generators;
    private readonly TestProjectOptions options;
    private readonly ConcurrentQueue<string> analyzerExceptions = new();
    private readonly FixHistory fixHistory = new();

    public PortalCodeFixTest(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> codeFixProviders, ImmutableArray<Type> generators, TestProjectOptions options)
    {
        this.analyzers = analyzers;
        this.codeFixProviders = codeFixProviders;
        this.generators = generators;
        this.options = options;
        this.DiagnosticVerifier = this.VerifyMarkupSeverity;
    }

    protected override string DefaultFilePathPrefix => TestProjectOptions.SourceDirectory + "Test";

    /// <summary>Runs the standard verification, then fails on an analyzer exception or a compiler warning a fix added.</summary>
    public async Task VerifyAsync()
    {
        try
        {
            await this.RunAsync();
        }
        catch (Exception failure) when (!this.analyzerExceptions.IsEmpty)
        {
            throw this.AnalyzerThrew(failure);
        }

        if (!this.analyzerExceptions.IsEmpty)
        {
            throw this.AnalyzerThrew(null);
        }

        var fixable = this.FixableDiagnosticIds();
        var testState = this.TestState.WithInheritedValuesApplied(null, fixable);
        if (this.FixedState.Sources.Count > 0)
        {
            var fixedState = this.FixedState.WithInheritedValuesApplied(testState, fixable);
            await this.AssertNoNewCompilerWarningsAsync(testState, fixedState, "Code fix");
            if (this.BatchFixedState.Sources.Count > 0)
            {
                await this.AssertNoNewCompilerWarningsAsync(testState, this.BatchFixedState.WithInheritedValuesApplied(fixedState, fixable), "Fix All");
            }
        }
    }

    /// <summary>Builds the project the standard library would and runs the analyzers (and generators) on it once.</summary>
    public async Task<AnalysisResult> AnalyzeAsync()
    {
        var project = await this.CreateProjectAsync(this.TestState.WithInheritedValuesApplied(null, this.FixableDiagnosticIds()));
        var (compilation, generatorDiagnostics) = await this.GetProjectCompilationAsync(project, Verify, CancellationToken.None);
        var generatorFailures = generatorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785").ToList();
        if (generatorFailures.Count > 0)
        {
            throw new XunitException("A source generator threw:\n" + string.Join("\n", generatorFailures));
        }

        var analyzers = this.analyzers.IsEmpty ? [new EmptyDiagnosticAnalyzer()] : this.analyzers;
        var withAnalyzers = this.CreateCompilationWithAnalyzers(compilation, analyzers, this.GetAnalyzerOptions(project), CancellationToken.None);
        var analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        foreach (var crash in analyzerDiagnostics.Where(d => d.Id is "AD0001" or "AD0002"))
        {
            this.analyzerExceptions.Enqueue(crash.ToString());
        }

        if (!this.analyzerExceptions.IsEmpty)
        {
            throw this.AnalyzerThrew(null);
        }

        var ordered = analyzerDiagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var compilerDiagnostics = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        var generatedTrees = compilation.SyntaxTrees.Where(t => !t.FilePath.StartsWith(TestProjectOptions.SourceDirectory, StringComparison.Ordinal)).ToImmutableArray();
        return new AnalysisResult(compilation, ordered, compilerDiagnostics, generatedTrees);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => this.analyzers;

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => this.codeFixProviders;

    protected override IEnumerable<Type> GetSourceGenerators() => this.generators;

    protected override CompilationOptions CreateCompilationOptions() => this.options.CompilationOptions();

    protected override ParseOptions CreateParseOptions() => this.options.ParseOptions();

    protected override Task<Workspace> CreateWorkspaceImplAsync() => TestProjectOptions.CreateWorkspaceAsync();

    /// <summary>
    /// The library enables every supported diagnostic in the compilation options, which would outrank the
    /// .editorconfig; ours are enabled by default, so only the library's AD0001-as-error entry is kept.
    /// </summary>
    protected override Project ApplyCompilationOptions(Project project)
    {
        var configured = base.ApplyCompilationOptions(project);
        var options = configured.CompilationOptions!;
        var kept = options.SpecificDiagnosticOptions.Where(o => o.Value != ReportDiagnostic.Default).ToImmutableDictionary();
        return configured.WithCompilationOptions(options.WithSpecificDiagnosticOptions(kept));
    }

    /// <summary>The library's options (suppressed diagnostics reported), with analyzer exceptions recorded for <see cref="VerifyAsync"/>.</summary>
    protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken) =>
        compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options,
            (exception, analyzer, _) => this.analyzerExceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true));

    /// <summary>Only the one-at-a-time fixing applies these actions (Fix All uses them to pick the equivalence key), so the history is one chain.</summary>
    protected override CodeFixContext CreateCodeFixContext(Document document, TextSpan span, ImmutableArray<Diagnostic> diagnostics, Action<CodeAction, ImmutableArray<Diagnostic>> registerCodeFix, CancellationToken cancellationToken) =>
        base.CreateCodeFixContext(document, span, diagnostics, (action, fixedDiagnostics) => registerCodeFix(new LoopCheckedCodeAction(action, document.Project, this.fixHistory), fixedDiagnostics), cancellationToken);

    private ImmutableArray<string> FixableDiagnosticIds() => this.codeFixProviders.SelectMany(p => p.FixableDiagnosticIds).ToImmutableArray();

    /// <summary>The library does not check the severity of markup diagnostics; they carry their descriptor's default, and are held to it.</summary>
    private void VerifyMarkupSeverity(Diagnostic actual, DiagnosticResult expected, IVerifier verifier)
    {
        if (expected.Options.HasFlag(DiagnosticOptions.IgnoreSeverity))
        {
            verifier.Equal(
                expected.Severity,
                actual.Severity,
                this.FormatVerifierMessage(this.analyzers, actual, expected, $"Expected diagnostic severity to be \"{expected.Severity}\" was \"{actual.Severity}\""));
        }
    }

    private XunitException AnalyzerThrew(Exception? standardFailure) =>
        new("An analyzer threw (AD0001):\n" + string.Join("\n", this.analyzerExceptions.Distinct()), standardFailure);

    private async Task<Project> CreateProjectAsync(SolutionState rawState)
    {
        var state = rawState.WithProcessedMarkup(
            this.MarkupOptions,
            this.GetDefaultDiagnostic([.. this.analyzers]),
            this.analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray(),
            this.FixableDiagnosticIds(),
            this.DefaultFilePath);
        return await this.CreateProjectAsync(new EvaluatedProjectState(state, this.ReferenceAssemblies), ImmutableArray<EvaluatedProjectState>.Empty, CancellationToken.None);
    }

    private async Task AssertNoNewCompilerWarningsAsync(SolutionState testState, SolutionState fixedState, string what)
    {
        var before = await this.CompilerWarningsAsync(testState);
        var added = (await this.CompilerWarningsAsync(fixedState)).Except(before).ToList();
        if (added.Count > 0)
        {
            throw new XunitException($"{what}: the fixed code has new compiler warnings:\n  " + string.Join("\n  ", added));
        }
    }

    private async Task<List<string>> CompilerWarningsAsync(SolutionState state)
    {
        var (compilation, _) = await this.GetProjectCompilationAsync(await this.CreateProjectAsync(state), Verify, CancellationToken.None);
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Warning)
            .Select(d => $"{d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}")
            .ToList();
    }

    /// <summary>The states the one-at-a-time fixing started from; a fix whose result is one of them loops.</summary>
    private sealed class FixHistory
    {
        private readonly HashSet<string> startStates = [];

        public async Task RecordAsync(Project before, Project after, string title)
        {
            var start = await SnapshotAsync(before);
            var result = await SnapshotAsync(after);
            lock (this.startStates)
            {
                if (this.startStates.Contains(result))
                {
                    throw new XunitException($"Fix loop: applying '{title}' returned the code to an earlier state.");
                }

                this.startStates.Add(start);
            }
        }

        private static async Task<string> SnapshotAsync(Project project)
        {
            var builder = new StringBuilder();
            foreach (var document in project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal))
            {
                builder.Append(document.FilePath).Append('\n').Append((await document.GetTextAsync()).ToString()).Append('\0');
            }

            return builder.ToString();
        }
    }

    /// <summary>The fix as offered, recording each state it starts from and produces in the history.</summary>
    private sealed class LoopCheckedCodeAction(CodeAction fix, Project before, FixHistory history) : CodeAction
    {
        public override string Title => fix.Title;

        public override string? EquivalenceKey => fix.EquivalenceKey;

        protected override async Task<IEnumerable<CodeActionOperation>> ComputeOperationsAsync(CancellationToken cancellationToken)
        {
            var operations = await fix.GetOperationsAsync(cancellationToken);
            foreach (var apply in operations.OfType<ApplyChangesOperation>())
            {
                if (apply.ChangedSolution.GetProject(before.Id) is { } after)
                {
                    await history.RecordAsync(before, after, fix.Title);
                }
            }

            return operations;
        }
    }
}
