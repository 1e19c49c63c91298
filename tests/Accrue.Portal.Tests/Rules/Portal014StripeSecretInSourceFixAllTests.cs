namespace Accrue.Portal.Tests.Rules;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// PORTAL014's Fix All at solution scope (the project builder checks document and project scope): a web project that
/// reads its settings and a worker library that does not, both keeping keys in source. The constant the worker
/// declares is used by the web project, which keeps compiling once it is static readonly.
/// </summary>
public sealed class Portal014StripeSecretInSourceFixAllTests
{
    private const string WorkerSource = """
        namespace Shop.Worker;

        using Stripe;

        public static class StripeWorkerKeys
        {
            public const string Secret = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

            public static IStripeClient Client() => new StripeClient(Secret);
        }
        """;

    private const string WebSource = """
        namespace Shop.Web;

        using Microsoft.Extensions.Configuration;
        using Stripe;

        public sealed class StripeWebhooks(IConfiguration configuration)
        {
            public IStripeClient Worker() => new StripeClient(Shop.Worker.StripeWorkerKeys.Secret);

            public bool IsSigned(string header) => header.EndsWith("whsec_fakeSigningSecret0123456789abcdEFGH");
        }
        """;

    private const string FixedWorkerSource = """
        namespace Shop.Worker;

        using System;
        using Stripe;

        public static class StripeWorkerKeys
        {
            public static readonly string Secret = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set");

            public static IStripeClient Client() => new StripeClient(Secret);
        }
        """;

    private const string FixedWebSource = """
        namespace Shop.Web;

        using System;
        using Microsoft.Extensions.Configuration;
        using Stripe;

        public sealed class StripeWebhooks(IConfiguration configuration)
        {
            public IStripeClient Worker() => new StripeClient(Shop.Worker.StripeWorkerKeys.Secret);

            public bool IsSigned(string header) => header.EndsWith(configuration["Stripe:WebhookSecret"] ?? throw new InvalidOperationException("Stripe:WebhookSecret is not configured"));
        }
        """;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [new StripeSecretInSourceAnalyzer()];

    [Fact]
    public async Task Fix_all_in_the_solution_fixes_every_project_and_the_solution_still_compiles()
    {
        using var workspace = new AdhocWorkspace();
        var solution = CreateSolution(workspace, out var worker, out var web);
        var provider = new StripeSecretInSourceCodeFixProvider();
        var diagnostics = await AnalyzeAsync(solution.GetProject(worker)!);
        Assert.Equal(["PORTAL014"], diagnostics.Select(d => d.Id));
        Assert.Equal(["PORTAL014"], (await AnalyzeAsync(solution.GetProject(web)!)).Select(d => d.Id));

        var trigger = diagnostics[0];
        var document = solution.GetDocument(trigger.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, trigger, (action, _) => actions.Add(action), CancellationToken.None));
        var action = Assert.Single(actions);
        Assert.Equal("Read it from the STRIPE_SECRET_KEY environment variable", action.Title);

        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Solution,
            action.EquivalenceKey,
            provider.FixableDiagnosticIds,
            new AnalyzerDiagnosticProvider(),
            CancellationToken.None);
        var fixAll = await provider.GetFixAllProvider().GetFixAsync(context);
        var operations = await fixAll!.GetOperationsAsync(CancellationToken.None);
        var fixedSolution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;

        Assert.Equal(FixedWorkerSource, (await fixedSolution.GetProject(worker)!.Documents.Single().GetTextAsync()).ToString());
        Assert.Equal(FixedWebSource, (await fixedSolution.GetProject(web)!.Documents.Single().GetTextAsync()).ToString());
        foreach (var project in fixedSolution.Projects)
        {
            var compilation = (await project.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.Empty(await AnalyzeAsync(project));
        }
    }

    private static Solution CreateSolution(AdhocWorkspace workspace, out ProjectId worker, out ProjectId web)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        worker = ProjectId.CreateNewId("Worker");
        web = ProjectId.CreateNewId("Web");
        return workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(worker, VersionStamp.Default, "Shop.Worker", "Shop.Worker", LanguageNames.CSharp, compilationOptions: options, parseOptions: parse,
                metadataReferences: TestReferences.Framework.Concat(TestReferences.StripeNet)))
            .AddDocument(DocumentId.CreateNewId(worker), "StripeWorkerKeys.cs", SourceText.From(WorkerSource), filePath: "/src/Worker/StripeWorkerKeys.cs")
            .AddProject(ProjectInfo.Create(web, VersionStamp.Default, "Shop.Web", "Shop.Web", LanguageNames.CSharp, compilationOptions: options, parseOptions: parse,
                metadataReferences: TestReferences.Framework.Concat(TestReferences.AspNetCore).Concat(TestReferences.StripeNet).Distinct(),
                projectReferences: [new ProjectReference(worker)]))
            .AddDocument(DocumentId.CreateNewId(web), "StripeWebhooks.cs", SourceText.From(WebSource), filePath: "/src/Web/StripeWebhooks.cs");
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
    }

    private sealed class AnalyzerDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => await AnalyzeAsync(project);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await AnalyzeAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
