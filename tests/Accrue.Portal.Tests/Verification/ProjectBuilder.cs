namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// The fluent test description the rule, fix and generator tests use (Meziantou's style), run by Roslyn's standard
/// testing library: <see cref="PortalCodeFixTest"/> (<c>CSharpCodeFixTest</c>, an analyzer test when no fix is
/// expected) or, for generators alone, <see cref="PortalSourceGeneratorTest"/> (<c>CSharpSourceGeneratorTest</c>).
/// The library parses the markup, matches diagnostics (ids, spans, messages, severities, additional locations),
/// repeats the check under <c>#pragma warning disable</c>, applies the fix one diagnostic at a time and Fix All in
/// document, project and solution, and compares generated sources. This layer adds the build configuration, the
/// .editorconfig, the local references and the checks in <see cref="PortalCodeFixTest"/>.
/// </summary>
public sealed class ProjectBuilder
{
    private readonly List<(string FileName, string Markup)> sources = [];
    private readonly List<DiagnosticAnalyzer> analyzers = [];
    private readonly List<Type> generators = [];
    private readonly List<string> editorConfigLines = [];
    private readonly List<MetadataReference> references = [];
    private readonly List<DiagnosticResult> expectedDiagnostics = [];
    private readonly List<(string HintName, string Text)> generatedSources = [];
    private CodeFixProvider? codeFixProvider;
    private string? codeFixEquivalenceKey;
    private BuildConfiguration buildConfiguration = BuildConfiguration.Debug;
    private bool configurationVisibleToAnalyzers = true;
    private bool includeStripe = true;
    private CompilerDiagnostics compilerDiagnostics = CompilerDiagnostics.Errors;
    private OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary;
    private NullableContextOptions nullable = NullableContextOptions.Enable;
    private LanguageVersion languageVersion = LanguageVersion.Latest;
    private Dictionary<string, string>? fixedSources;
    private Dictionary<string, string>? batchFixedSources;
    private int? fixIterations;

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

    /// <summary>The library instantiates generators itself, from their type.</summary>
    public ProjectBuilder WithSourceGenerator(IIncrementalGenerator generator)
    {
        this.generators.Add(generator.GetType());
        return this;
    }

    public ProjectBuilder WithCodeFixProvider<TProvider>(string? equivalenceKey = null)
        where TProvider : CodeFixProvider, new() => this.WithCodeFixProvider(new TProvider(), equivalenceKey);

    public ProjectBuilder WithCodeFixProvider(CodeFixProvider provider, string? equivalenceKey = null)
    {
        this.codeFixProvider = provider;
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

    public ProjectBuilder WithLanguageVersion(LanguageVersion version)
    {
        this.languageVersion = version;
        return this;
    }

    /// <summary>For half-typed code: compiler errors in the source do not fail the test (analyzer exceptions still do).</summary>
    public ProjectBuilder WithCompilerErrorsAllowed() => this.WithCompilerDiagnostics(CompilerDiagnostics.None);

    /// <summary>The compiler diagnostics the test expects exactly (by default errors, so an unexpected one fails it).</summary>
    public ProjectBuilder WithCompilerDiagnostics(CompilerDiagnostics level)
    {
        this.compilerDiagnostics = level;
        return this;
    }

    /// <summary>
    /// Diagnostics beside those the markup marks, as the standard library's results (see <see cref="Expected"/>). One
    /// placed at a single location says nothing of additional locations, as markup does; one given further
    /// locations is checked against all of them, exactly.
    /// </summary>
    public ProjectBuilder ShouldReportDiagnostic(params DiagnosticResult[] diagnostics)
    {
        this.expectedDiagnostics.AddRange(diagnostics.Select(d => d.Spans.Length == 1 ? d.WithOptions(d.Options | DiagnosticOptions.IgnoreAdditionalLocations) : d));
        return this;
    }

    /// <summary>
    /// A source the (single) generator must add, compared exactly; once one is given, the generator's outputs must be
    /// exactly those given. Without any, a rule test that runs a generator does not compare its outputs (the
    /// generator tests do).
    /// </summary>
    public ProjectBuilder ShouldGenerateSource(string hintName, string text)
    {
        this.generatedSources.Add((hintName, text));
        return this;
    }

    /// <summary>The code after applying the fix repeatedly; markup in it marks diagnostics that must remain.</summary>
    public ProjectBuilder ShouldFixCodeWith(string fixedMarkup) => this.ShouldFixCodeWith("Test0.cs", fixedMarkup);

    public ProjectBuilder ShouldFixCodeWith(string fileName, string fixedMarkup)
    {
        (this.fixedSources ??= [])[fileName] = fixedMarkup;
        return this;
    }

    /// <summary>The code after Fix All in document, project and solution (defaults to the <see cref="ShouldFixCodeWith(string)"/> result).</summary>
    public ProjectBuilder ShouldBatchFixCodeWith(string fixedMarkup) => this.ShouldBatchFixCodeWith("Test0.cs", fixedMarkup);

    public ProjectBuilder ShouldBatchFixCodeWith(string fileName, string fixedMarkup)
    {
        (this.batchFixedSources ??= [])[fileName] = fixedMarkup;
        return this;
    }

    /// <summary>
    /// For a fix whose result has a diagnostic of its own: the exact number of passes, one at a time and Fix All. By
    /// default the library allows at most one pass per diagnostic one at a time, and one Fix All pass.
    /// </summary>
    public ProjectBuilder WithFixIterations(int iterations)
    {
        this.fixIterations = iterations;
        return this;
    }

    public async Task ValidateAsync()
    {
        if (this.sources.Count == 0 || (this.analyzers.Count == 0 && this.generators.Count == 0))
        {
            throw new InvalidOperationException("A test needs at least one source and one analyzer or generator.");
        }

        if (this.analyzers.Count == 0 && this.codeFixProvider is null)
        {
            var generatorTest = new PortalSourceGeneratorTest([.. this.generators], this.Options());
            this.Configure(generatorTest);
            await generatorTest.RunAsync();
            return;
        }

        var test = this.CreateCodeFixTest();
        test.NumberOfIncrementalIterations = this.fixIterations;
        test.NumberOfFixAllIterations = this.fixIterations;

        // A test that gives only the Fix All result expects the one-at-a-time fixing to reach it too.
        var fixedSources = this.fixedSources ?? this.batchFixedSources;
        if (fixedSources is not null)
        {
            this.AddFixedSources(test.FixedState, fixedSources, fallback: null);
        }

        if (this.batchFixedSources is not null)
        {
            this.AddFixedSources(test.BatchFixedState, this.batchFixedSources, fallback: fixedSources);
        }

        await test.VerifyAsync();
    }

    /// <summary>Runs the analyzers (and generators) once, on the project the library builds; for tests that inspect diagnostics directly.</summary>
    public Task<AnalysisResult> AnalyzeAsync() => this.CreateCodeFixTest().AnalyzeAsync();

    private PortalCodeFixTest CreateCodeFixTest()
    {
        var test = new PortalCodeFixTest(
            [.. this.analyzers],
            this.codeFixProvider is null ? [] : [this.codeFixProvider],
            [.. this.generators],
            this.Options());
        this.Configure(test);
        test.CodeActionEquivalenceKey = this.codeFixEquivalenceKey;
        return test;
    }

    private TestProjectOptions Options() => new(this.nullable, this.buildConfiguration, this.languageVersion);

    private void Configure(AnalyzerTest<XunitVerifier> test)
    {
        test.ReferenceAssemblies = TestProjectOptions.NoReferencePackages;
        test.MarkupOptions = MarkupOptions.TreatPositionIndicatorsAsCode;
        test.CompilerDiagnostics = this.compilerDiagnostics;
        var state = test.TestState;
        state.OutputKind = this.outputKind;
        state.DocumentationMode = DocumentationMode.Parse;
        state.AdditionalReferences.AddRange(TestReferences.Framework
            .Concat(this.includeStripe ? TestReferences.StripeNet : [])
            .Concat(this.references)
            .Distinct());
        foreach (var (fileName, markup) in this.sources)
        {
            state.Sources.Add((TestProjectOptions.SourceDirectory + fileName, markup));
        }

        state.ExpectedDiagnostics.AddRange(this.expectedDiagnostics);
        state.AnalyzerConfigFiles.Add((TestProjectOptions.SourceDirectory + ".editorconfig", "root = true\n\n[*.cs]\n" + string.Join("\n", this.editorConfigLines) + "\n"));
        if (this.configurationVisibleToAnalyzers)
        {
            state.AnalyzerConfigFiles.Add((TestProjectOptions.SourceDirectory + "build.globalconfig", $"is_global = true\nbuild_property.Configuration = {this.buildConfiguration}\n"));
        }

        if (this.generatedSources.Count == 0)
        {
            test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }
        else
        {
            var generator = this.generators.Count == 1
                ? this.generators[0]
                : throw new InvalidOperationException("ShouldGenerateSource needs exactly one generator.");
            foreach (var (hintName, text) in this.generatedSources)
            {
                // Generators add their sources as UTF-8, and the library compares encodings too.
                state.GeneratedSources.Add(($"{generator.Assembly.GetName().Name}/{generator.FullName}/{hintName}", SourceText.From(text, Encoding.UTF8)));
            }
        }
    }

    /// <summary>
    /// Every document of the fixed project: the files given (their markup marks the diagnostics that must remain,
    /// fixable ones included), then those of <paramref name="fallback"/>, and the others as the test wrote them
    /// without the markup of fixable diagnostics, which the fix removes.
    /// </summary>
    private void AddFixedSources(SolutionState state, Dictionary<string, string> fixedMarkup, Dictionary<string, string>? fallback)
    {
        state.MarkupHandling = MarkupMode.Allow;
        var fixable = this.codeFixProvider?.FixableDiagnosticIds ?? [];
        var defaultDiagnosticFixable = this.analyzers.Count > 0 && this.analyzers[0].SupportedDiagnostics is [var only] && fixable.Contains(only.Id);
        foreach (var (fileName, markup) in this.sources)
        {
            var text = fixedMarkup.TryGetValue(fileName, out var given) || (fallback?.TryGetValue(fileName, out given) ?? false)
                ? given
                : WithoutMarkupOf(markup, id => fixable.Contains(id) || (id.Length == 0 && defaultDiagnosticFixable));
            state.Sources.Add((TestProjectOptions.SourceDirectory + fileName, text));
        }
    }

    /// <summary>The markup without the spans <paramref name="removed"/> names, rewritten by the library's own parser.</summary>
    private static string WithoutMarkupOf(string markup, Func<string, bool> removed)
    {
        TestFileMarkupParser.GetPositionsAndSpans(markup, out var source, out var positions, out var spans);
        return TestFileMarkupParser.CreateTestFile(source, positions, spans.RemoveRange(spans.Keys.Where(removed)));
    }
}

/// <summary>What one analysis run saw: the compilation (with generated sources), analyzer and compiler diagnostics.</summary>
public sealed record AnalysisResult(
    Compilation Compilation,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    ImmutableArray<Diagnostic> CompilerDiagnostics,
    ImmutableArray<SyntaxTree> GeneratedTrees);
