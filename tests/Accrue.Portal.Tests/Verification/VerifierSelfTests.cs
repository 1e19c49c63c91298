namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

/// <summary>
/// The verification must fail when the analyzer, fix or expectation under test is wrong: these prove it does, with
/// the standard library's messages for what the library checks, and ours for the extensions.
/// </summary>
public sealed class VerifierSelfTests
{
    private const string Typo = """
        using Stripe.BillingPortal;

        class Billing
        {
            SessionFlowDataOptions Build() => new SessionFlowDataOptions { Type = "subscription_cancl" };
        }
        """;

    private const string TypoMessage = "'subscription_cancl' is not a value Stripe accepts for flow_data.type; did you mean 'subscription_cancel'?";

    private static string Marked(string markup) => Typo.Replace("\"subscription_cancl\"", markup, StringComparison.Ordinal);

    private static ProjectBuilder UnknownFlowType() => new ProjectBuilder().WithAnalyzer<UnknownFlowTypeAnalyzer>();

    private static async Task<string> FailureOf(ProjectBuilder test) => (await Assert.ThrowsAsync<XunitException>(test.ValidateAsync)).Message;

    [Fact]
    public void Markup_is_the_standard_librarys()
    {
        TestFileMarkupParser.GetSpans("a [|bc|] {|PORTAL005:d{|#0:e|}|} f", treatPositionIndicatorsAsCode: true, out var source, out var spans);

        Assert.Equal("a bc de f", source);
        Assert.Equal(new TextSpan(2, 2), Assert.Single(spans[string.Empty]));
        Assert.Equal(TextSpan.FromBounds(5, 7), Assert.Single(spans["PORTAL005"]));
        Assert.Equal(TextSpan.FromBounds(6, 7), Assert.Single(spans["#0"]));
    }

    [Theory]
    [InlineData("a [|b")]
    [InlineData("a |] b")]
    [InlineData("a {|PORTAL005:b")]
    public void Unbalanced_markup_is_rejected(string markup) =>
        Assert.Throws<ArgumentException>(() => TestFileMarkupParser.GetSpans(markup, treatPositionIndicatorsAsCode: true, out _, out var _));

    [Fact]
    public async Task Unexpected_diagnostic_fails()
    {
        var failure = await FailureOf(UnknownFlowType().WithSourceCode(Typo));

        Assert.Contains("Mismatch between number of diagnostics returned, expected \"0\" actual \"1\"", failure, StringComparison.Ordinal);
        Assert.Contains("/src/Test0.cs(5,75): warning PORTAL005: " + TypoMessage, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_span_fails()
    {
        var failure = await FailureOf(UnknownFlowType().WithSourceCode(Typo.Replace("Type = \"subscription_cancl\"", "[|Type|] = \"subscription_cancl\"", StringComparison.Ordinal)));

        Assert.Contains("Expected diagnostic to start at column \"68\" was actually at column \"75\"", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expected_diagnostic_that_is_not_reported_fails()
    {
        var failure = await FailureOf(UnknownFlowType().WithSourceCode(Marked("[|\"subscription_cancel\"|]")));

        Assert.Contains("Mismatch between number of diagnostics returned, expected \"1\" actual \"0\"", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_message_fails()
    {
        var failure = await FailureOf(UnknownFlowType()
            .WithSourceCode(Marked("{|#0:\"subscription_cancl\"|}"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0).WithMessage("something else")));

        Assert.Contains($"Expected diagnostic message to be \"something else\" was \"{TypoMessage}\"", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_severity_fails()
    {
        var failure = await FailureOf(UnknownFlowType()
            .WithSourceCode(Marked("{|#0:\"subscription_cancl\"|}"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithMessage(TypoMessage)));

        Assert.Contains("Expected diagnostic severity to be \"Error\" was \"Warning\"", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_diagnostic_is_held_to_its_default_severity()
    {
        var failure = await FailureOf(UnknownFlowType()
            .WithEditorConfig("dotnet_diagnostic.PORTAL005.severity = error")
            .WithSourceCode(Marked("[|\"subscription_cancl\"|]")));

        Assert.Contains("Expected diagnostic severity to be \"Warning\" was \"Error\"", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expected_diagnostic_is_held_to_its_descriptor_severity()
    {
        var failure = await FailureOf(UnknownFlowType()
            .WithEditorConfig("dotnet_diagnostic.PORTAL005.severity = error")
            .WithSourceCode(Marked("{|#0:\"subscription_cancl\"|}"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0).WithMessage(TypoMessage)));

        Assert.Contains("Expected diagnostic severity to be \"Warning\" was \"Error\"", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Expected_diagnostics_carry_each_descriptor_severity() =>
        Assert.All(
            PackageComponents.Analyzers().SelectMany(a => a.SupportedDiagnostics),
            descriptor => Assert.Equal(descriptor.DefaultSeverity, Expected.Diagnostic(descriptor.Id).Severity));

    [Fact]
    public Task Configured_severity_is_expected_explicitly() =>
        UnknownFlowType()
            .WithEditorConfig("dotnet_diagnostic.PORTAL005.severity = error")
            .WithSourceCode(Marked("{|#0:\"subscription_cancl\"|}"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithMessage(TypoMessage))
            .ValidateAsync();

    [Fact]
    public async Task Wrong_additional_locations_fail()
    {
        var failure = await FailureOf(new ProjectBuilder()
            .WithAnalyzer<LocationsAnalyzer>()
            .WithSourceCode("class {|#0:C|} { void {|#1:M|}() { } }")
            .ShouldReportDiagnostic(new DiagnosticResult(LocationsAnalyzer.Rule).WithLocation(0).WithLocation(1).WithLocation(1)));

        Assert.Contains("Expected 2 additional locations but got 1 for Diagnostic:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_fixed_text_fails()
    {
        var failure = await FailureOf(UnknownFlowType()
            .WithCodeFixProvider<UnknownFlowTypeCodeFixProvider>()
            .WithSourceCode(Marked("[|\"subscription_cancl\"|]"))
            .ShouldFixCodeWith(Marked("\"payment_method_update\"")));

        Assert.Contains("content of '/src/Test0.cs' did not match. Diff shown with expected as baseline:", failure, StringComparison.Ordinal);
        Assert.Contains("-    SessionFlowDataOptions Build() => new SessionFlowDataOptions { Type = \"payment_method_update\" };", failure, StringComparison.Ordinal);
        Assert.Contains("+    SessionFlowDataOptions Build() => new SessionFlowDataOptions { Type = \"subscription_cancel\" };", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_Fix_All_text_fails()
    {
        var failure = await FailureOf(UnknownFlowType()
            .WithCodeFixProvider<UnknownFlowTypeCodeFixProvider>()
            .WithSourceCode(Marked("[|\"subscription_cancl\"|]"))
            .ShouldFixCodeWith(Marked("\"subscription_cancel\""))
            .ShouldBatchFixCodeWith(Marked("\"payment_method_update\"")));

        Assert.Matches("Context: Fix all in (document|project|solution)\ncontent of '/src/Test0.cs' did not match", failure);
    }

    [Fact]
    public async Task Fix_All_runs_in_document_project_and_solution()
    {
        var fixer = new ScopeRecordingFixProvider();

        await UnknownFlowType()
            .WithCodeFixProvider(fixer)
            .WithSourceCode(Marked("[|\"subscription_cancl\"|]"))
            .ShouldFixCodeWith(Marked("\"subscription_cancel\""))
            .ValidateAsync();

        Assert.Equal([FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution], fixer.Scopes.Distinct().Order());
    }

    [Fact]
    public Task Fix_All_fixes_every_document_of_the_project() =>
        UnknownFlowType()
            .WithCodeFixProvider<UnknownFlowTypeCodeFixProvider>()
            .WithSourceCode("First.cs", Marked("[|\"subscription_cancl\"|]"))
            .WithSourceCode("Second.cs", Marked("[|\"subscription_cancl\"|]").Replace("class Billing", "class Other", StringComparison.Ordinal))
            .ShouldFixCodeWith("First.cs", Marked("\"subscription_cancel\""))
            .ShouldFixCodeWith("Second.cs", Marked("\"subscription_cancel\"").Replace("class Billing", "class Other", StringComparison.Ordinal))
            .ValidateAsync();

    [Fact]
    public async Task Wrong_generated_source_fails()
    {
        var failure = await FailureOf(new ProjectBuilder()
            .WithSourceGenerator<GuardedSessionGenerator>()
            .WithoutStripe()
            .WithSourceCode("class C { }")
            .ShouldGenerateSource("Microsoft.CodeAnalysis.EmbeddedAttribute.cs", "namespace Microsoft.CodeAnalysis { }\n"));

        Assert.Contains("Context: Verifying source generated files", failure, StringComparison.Ordinal);
        Assert.Contains("content of 'Accrue.Portal.Analyzers/Accrue.Portal.Analyzers.Generators.GuardedSessionGenerator/Microsoft.CodeAnalysis.EmbeddedAttribute.cs' did not match", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_that_does_not_compile_fails()
    {
        var failure = await FailureOf(UnknownFlowType().WithSourceCode("class C { void M() { undefined(); } }"));

        Assert.Contains("error CS0103: The name 'undefined' does not exist in the current context", failure, StringComparison.Ordinal);
    }

    [Fact]
    public Task Source_that_does_not_compile_passes_when_allowed() =>
        UnknownFlowType().WithCompilerErrorsAllowed().WithSourceCode("class C { void M() { undefined(); } }").ValidateAsync();

    [Fact]
    public async Task Analyzer_exception_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(new ProjectBuilder()
            .WithAnalyzer<ThrowingAnalyzer>()
            .WithCompilerErrorsAllowed()
            .WithSourceCode("class C { }")
            .ValidateAsync);

        Assert.Contains("An analyzer threw (AD0001)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ThrowingAnalyzer: System.InvalidOperationException: boom", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyzer_that_reports_in_generated_code_fails()
    {
        var failure = await FailureOf(new ProjectBuilder().WithAnalyzer<GeneratedCodeBlindAnalyzer>().WithSourceCode("class [|C|] { }"));

        Assert.Contains("Context: Verifying exclusions in <auto-generated> code", failure, StringComparison.Ordinal);
    }

    /// <summary>The library stops at its budget of one pass per diagnostic; inside it, the fix comes back to the start.</summary>
    [Fact]
    public async Task Fix_that_returns_the_code_to_an_earlier_state_is_a_loop()
    {
        var failure = await FailureOf(UnknownFlowType()
            .WithCodeFixProvider<FlipFlopFixProvider>()
            .WithSourceCode(Marked("[|\"subscription_cancl\"|]"))
            .ShouldFixCodeWith(Marked("\"subscription_cancel\"")));

        Assert.Contains("Fix loop: applying 'flip' returned the code to an earlier state.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_that_breaks_compilation_fails()
    {
        var failure = await FailureOf(UnknownFlowType()
            .WithCodeFixProvider<BreakingFixProvider>()
            .WithSourceCode(Marked("[|\"subscription_cancl\"|]"))
            .ShouldFixCodeWith(Marked("subscription_cancel")));

        Assert.Contains("Context: Diagnostics of fixed state", failure, StringComparison.Ordinal);
        Assert.Contains("error CS0103: The name 'subscription_cancel' does not exist in the current context", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_that_adds_a_compiler_warning_fails()
    {
        var failure = await FailureOf(UnknownFlowType()
            .WithCodeFixProvider<WarningFixProvider>()
            .WithSourceCode(Marked("[|\"subscription_cancl\"|]"))
            .ShouldFixCodeWith("#warning added by the fix\n" + Marked("\"subscription_cancel\"")));

        Assert.Contains("Code fix: the fixed code has new compiler warnings:\n  CS1030: #warning: 'added by the fix'", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BuildConfiguration.Debug, true, "Debug", "Debug")]
    [InlineData(BuildConfiguration.Release, true, "Release", "Release")]
    [InlineData(BuildConfiguration.Release, false, "(none)", "Release")]
    public Task Build_configuration_and_editorconfig_reach_the_analyzers(BuildConfiguration configuration, bool visible, string property, string optimization) =>
        new ProjectBuilder()
            .WithAnalyzer<OptionsProbeAnalyzer>()
            .WithBuildConfiguration(configuration, visible)
            .WithEditorConfig("accrue_portal_probe = on")
            .WithSourceCode("class {|#0:C|} { }")
            .ShouldReportDiagnostic(new DiagnosticResult(OptionsProbeAnalyzer.Rule).WithLocation(0).WithArguments(property, optimization, "on"))
            .ValidateAsync();

    [Fact]
    public async Task References_resolve_without_any_package()
    {
        var referenceAssemblies = TestProjectOptions.NoReferencePackages;

        Assert.Null(referenceAssemblies.ReferenceAssemblyPackage);
        Assert.Empty(referenceAssemblies.Packages);
        Assert.Empty(await referenceAssemblies.ResolveAsync(LanguageNames.CSharp, default));
        Assert.All(TestReferences.Framework.Concat(TestReferences.StripeNet), r => Assert.True(System.IO.File.Exists(((PortableExecutableReference)r).FilePath)));
    }

    /// <summary>A test analyzer of one rule, called for each class declaration.</summary>
    private abstract class ClassAnalyzer(DiagnosticDescriptor rule) : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(c => this.Analyze(c, (ClassDeclarationSyntax)c.Node), SyntaxKind.ClassDeclaration);
        }

        protected abstract void Analyze(SyntaxNodeAnalysisContext context, ClassDeclarationSyntax type);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer() : ClassAnalyzer(new("TEST001", "t", "t", "t", DiagnosticSeverity.Warning, true))
    {
        protected override void Analyze(SyntaxNodeAnalysisContext context, ClassDeclarationSyntax type) => throw new InvalidOperationException("boom");
    }

    /// <summary>Reports each class at its name, with its first method's name as the additional location.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class LocationsAnalyzer() : ClassAnalyzer(Rule)
    {
        public static readonly DiagnosticDescriptor Rule = new("TEST002", "t", "a class with a method", "t", DiagnosticSeverity.Warning, true);

        protected override void Analyze(SyntaxNodeAnalysisContext context, ClassDeclarationSyntax type) =>
            context.ReportDiagnostic(Diagnostic.Create(Rule, type.Identifier.GetLocation(), [type.Members.OfType<MethodDeclarationSyntax>().First().Identifier.GetLocation()]));
    }

    /// <summary>Reports what it reads: build_property.Configuration, the optimization level and an .editorconfig key.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OptionsProbeAnalyzer() : ClassAnalyzer(Rule)
    {
        public static readonly DiagnosticDescriptor Rule = new("TEST004", "t", "configuration {0}, optimization {1}, probe {2}", "t", DiagnosticSeverity.Warning, true);

        protected override void Analyze(SyntaxNodeAnalysisContext context, ClassDeclarationSyntax type)
        {
            var options = context.Options.AnalyzerConfigOptionsProvider;
            var configuration = options.GlobalOptions.TryGetValue("build_property.Configuration", out var value) ? value : "(none)";
            var probe = options.GetOptions(type.SyntaxTree).TryGetValue("accrue_portal_probe", out var setting) ? setting : "(none)";
            context.ReportDiagnostic(Diagnostic.Create(Rule, type.Identifier.GetLocation(), configuration, context.Compilation.Options.OptimizationLevel, probe));
        }
    }

    /// <summary>Forgets ConfigureGeneratedCodeAnalysis, so it reports in generated code too.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class GeneratedCodeBlindAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST003", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

#pragma warning disable RS1025, RS1026 // The point of this analyzer.
        public override void Initialize(AnalysisContext context) =>
            context.RegisterSyntaxNodeAction(c => c.ReportDiagnostic(Diagnostic.Create(Rule, ((ClassDeclarationSyntax)c.Node).Identifier.GetLocation())), SyntaxKind.ClassDeclaration);
#pragma warning restore RS1025, RS1026
    }

    /// <summary>The flow-type fix, recording the scopes Fix All is asked for.</summary>
    private sealed class ScopeRecordingFixProvider : CodeFixProvider
    {
        private readonly UnknownFlowTypeCodeFixProvider fix = new();

        public ConcurrentBag<FixAllScope> Scopes { get; } = [];

        public override ImmutableArray<string> FixableDiagnosticIds => this.fix.FixableDiagnosticIds;

        public override FixAllProvider GetFixAllProvider() => new Recording(this.Scopes);

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => this.fix.RegisterCodeFixesAsync(context);

        private sealed class Recording(ConcurrentBag<FixAllScope> scopes) : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                scopes.Add(fixAllContext.Scope);
                return WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext);
            }
        }
    }

    /// <summary>A wrong fix of PORTAL005 for the self-tests, without Fix All.</summary>
    private abstract class TypoFixProvider(string title) : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ["PORTAL005"];

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var fixedDocument = await this.FixAsync(context);
            context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(fixedDocument)), context.Diagnostics);
        }

        protected abstract Task<Document> FixAsync(CodeFixContext context);
    }

    /// <summary>Moves the wrong value one space right, then back, forever: the diagnostic moves, so the fixing goes on.</summary>
    private sealed class FlipFlopFixProvider() : TypoFixProvider("flip")
    {
        protected override async Task<Document> FixAsync(CodeFixContext context)
        {
            var text = await context.Document.GetTextAsync(context.CancellationToken);
            var change = text.ToString(new TextSpan(context.Span.Start - 2, 2)) == "  "
                ? new TextChange(new TextSpan(context.Span.Start - 1, 1), string.Empty)
                : new TextChange(new TextSpan(context.Span.Start, 0), " ");
            return context.Document.WithText(text.WithChanges(change));
        }
    }

    /// <summary>Replaces the literal by an undefined identifier.</summary>
    private sealed class BreakingFixProvider() : TypoFixProvider("break")
    {
        protected override async Task<Document> FixAsync(CodeFixContext context)
        {
            var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
            var node = root.FindNode(context.Span, getInnermostNodeForTie: true);
            return context.Document.WithSyntaxRoot(root.ReplaceNode(node, SyntaxFactory.IdentifierName("subscription_cancel").WithTriviaFrom(node)));
        }
    }

    /// <summary>Fixes the value and adds a <c>#warning</c> line.</summary>
    private sealed class WarningFixProvider() : TypoFixProvider("warn")
    {
        protected override async Task<Document> FixAsync(CodeFixContext context)
        {
            var text = (await context.Document.GetTextAsync(context.CancellationToken)).ToString();
            return context.Document.WithText(SourceText.From("#warning added by the fix\n" + text.Replace("\"subscription_cancl\"", "\"subscription_cancel\"", StringComparison.Ordinal)));
        }
    }
}
