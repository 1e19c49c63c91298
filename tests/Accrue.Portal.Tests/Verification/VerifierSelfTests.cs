namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Sdk;

/// <summary>The verifier must fail when the analyzer or fix under test is wrong; these prove it does.</summary>
public sealed class VerifierSelfTests
{
    private const string Typo = """
        using Stripe.BillingPortal;

        class Billing
        {
            SessionFlowDataOptions Build() => new SessionFlowDataOptions { Type = "subscription_cancl" };
        }
        """;

    [Fact]
    public void Markup_yields_source_and_spans()
    {
        var markup = TestMarkup.Parse("a [|bc|] {|PORTAL005:d{|#0:e|}|} f");
        Assert.Equal("a bc de f", markup.Source);
        Assert.Collection(
            markup.Spans,
            s => Assert.Equal((null, 2, 4), (s.Name, s.Span.Start, s.Span.End)),
            s => Assert.Equal(("#0", 6, 7), (s.Name, s.Span.Start, s.Span.End)),
            s => Assert.Equal(("PORTAL005", 5, 7), (s.Name, s.Span.Start, s.Span.End)));
    }

    [Theory]
    [InlineData("a [|b")]
    [InlineData("a |] b")]
    [InlineData("a {|PORTAL005:b|]")]
    public void Unbalanced_markup_is_rejected(string markup) => Assert.Throws<FormatException>(() => TestMarkup.Parse(markup));

    [Fact]
    public async Task Missing_diagnostic_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithSourceCode(Typo)
            .ValidateAsync());
        Assert.Contains("Reported but not expected", failure.Message, StringComparison.Ordinal);
        Assert.Contains("PORTAL005 Test0.cs(5,75)-(5,95) on '\"subscription_cancl\"'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_span_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithSourceCode(Typo.Replace("Type = \"subscription_cancl\"", "[|Type|] = \"subscription_cancl\"", StringComparison.Ordinal))
            .ValidateAsync());
        Assert.Contains("Expected but not reported:\n  PORTAL005 Test0.cs(5,68)-(5,72) on 'Type'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expected_diagnostic_that_is_not_reported_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithSourceCode(Typo.Replace("\"subscription_cancl\"", "[|\"subscription_cancel\"|]", StringComparison.Ordinal))
            .ValidateAsync());
        Assert.Contains("Expected but not reported", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_message_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithSourceCode(Typo.Replace("\"subscription_cancl\"", "{|#0:\"subscription_cancl\"|}", StringComparison.Ordinal))
            .ShouldReportDiagnostic(ExpectedDiagnostic.Create("PORTAL005").WithLocation(0).WithMessage("something else"))
            .ValidateAsync());
        Assert.Contains(": something else", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_fixed_text_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithCodeFixProvider<UnknownFlowTypeCodeFixProvider>()
            .WithSourceCode(Typo.Replace("\"subscription_cancl\"", "[|\"subscription_cancl\"|]", StringComparison.Ordinal))
            .ShouldFixCodeWith(Typo.Replace("\"subscription_cancl\"", "\"payment_method_update\"", StringComparison.Ordinal))
            .ValidateAsync());
        Assert.Contains("Code fix: Test0.cs differs from the expected text", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_that_does_not_compile_fails_unless_allowed()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithSourceCode("class C { void M() { undefined(); } }")
            .ValidateAsync());
        Assert.Contains("CS0103", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyzer_exception_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => new ProjectBuilder()
            .WithAnalyzer<ThrowingAnalyzer>()
            .WithSourceCode("class C { }")
            .ValidateAsync());
        Assert.Contains("An analyzer threw (AD0001)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_that_never_removes_the_diagnostic_is_a_loop()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithCodeFixProvider<FlipFlopFixProvider>()
            .WithSourceCode(Typo.Replace("\"subscription_cancl\"", "[|\"subscription_cancl\"|]", StringComparison.Ordinal))
            .ShouldFixCodeWith(Typo)
            .ValidateAsync());
        Assert.Contains("Fix loop", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_that_breaks_compilation_fails()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithCodeFixProvider<BreakingFixProvider>()
            .WithSourceCode(Typo.Replace("\"subscription_cancl\"", "[|\"subscription_cancl\"|]", StringComparison.Ordinal))
            .ShouldFixCodeWith(Typo.Replace("\"subscription_cancl\"", "subscription_cancel", StringComparison.Ordinal))
            .ValidateAsync());
        Assert.Contains("new compiler diagnostics", failure.Message, StringComparison.Ordinal);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("boom"), SyntaxKind.ClassDeclaration);
        }
    }

    /// <summary>Swaps between two wrong values forever.</summary>
    private sealed class FlipFlopFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ["PORTAL005"];

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
            var literal = (LiteralExpressionSyntax)root.FindNode(context.Span, getInnermostNodeForTie: true);
            var next = literal.Token.ValueText == "subscription_cancl" ? "subscription_cancll" : "subscription_cancl";
            context.RegisterCodeFix(
                CodeAction.Create("flip", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(next)))))),
                context.Diagnostics);
        }
    }

    /// <summary>Replaces the literal by an undefined identifier.</summary>
    private sealed class BreakingFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ["PORTAL005"];

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
            var node = root.FindNode(context.Span, getInnermostNodeForTie: true);
            context.RegisterCodeFix(
                CodeAction.Create("break", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, SyntaxFactory.IdentifierName("subscription_cancel").WithTriviaFrom(node))))),
                context.Diagnostics);
        }
    }
}
