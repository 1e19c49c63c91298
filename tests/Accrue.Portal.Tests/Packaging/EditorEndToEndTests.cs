namespace Accrue.Portal.Tests.Packaging;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

/// <summary>
/// The editor's path: a host solution of an app and a class library it references, both with the packed package and
/// the real Stripe.net, loaded with <see cref="MSBuildWorkspace"/> as IDEs load a solution (the library a compilation
/// reference of the app, not a DLL). The package's analyzers, found in the projects' analyzer references, run through
/// <see cref="CompilationWithAnalyzers"/> document by document as the IDE's diagnostic service runs them; its code fixes
/// are found as VS, Rider and C# Dev Kit find them (<see cref="ExportCodeFixProviderAttribute"/> types in the analyzer
/// reference assemblies), registered and applied through the workspace, and the fixed project compiled. And the same
/// solution in a language server (csharp-ls, as LSP editors run it, analyzers enabled): its pulled diagnostics.
/// </summary>
public sealed class EditorEndToEndTests(EditorEndToEndTests.HostSolution host) : IClassFixture<EditorEndToEndTests.HostSolution>
{
    private const string StripeNetVersion = "53.1.0";
    private const string CsharpLsVersion = "0.28.0";

    private const string CoreSource = """
        using Microsoft.Extensions.Logging;
        using Stripe;
        using Stripe.BillingPortal;

        namespace Shop.Core;

        public sealed class PortalOpener(IStripeClient client, ILogger<PortalOpener> logger)
        {
            public Session Open(string customerId)
            {
                var session = new SessionService(client).Create(new SessionCreateOptions { Customer = customerId, ReturnUrl = "https://shop.example/account" });
                logger.LogInformation("Opened {Url}", session.Url);
                return session;
            }

            public static string LinkOf(Session session) => session.Url;
        }
        """;

    private const string WebSource = """
        using Microsoft.Extensions.Logging;
        using Shop.Core;
        using Stripe;
        using Stripe.BillingPortal;

        namespace Shop.Web;

        public sealed class PortalLinks(PortalOpener opener, IStripeClient client, ILogger<PortalLinks> logger)
        {
            public string Open(string customerId)
            {
                var session = opener.Open(customerId);
                var link = PortalOpener.LinkOf(session);
                logger.LogInformation("Portal {Url}", session.Url);
                return link;
            }

            public Session OpenUpdate(string customerId) =>
                new SessionService(client).Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    ReturnUrl = "https://shop.example/account",
                    FlowData = new SessionFlowDataOptions { Type = "payment_method_updat" },
                });
        }
        """;

    [Fact]
    public async Task A_solution_loaded_as_ides_load_it_shows_the_data_flow_squiggles_across_projects_and_applies_the_package_fixes()
    {
        // The test host runs under dotnet test, whose MSBuild variables would point the workspace's build host at it.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        host.ResetSources();
        using var workspace = MSBuildWorkspace.Create();
        var solution = await workspace.OpenSolutionAsync(host.SolutionPath);

        // The workspace passes on the restore's NU1603 warnings (a nearby version of a Stripe.net dependency) as load
        // failures, as an IDE's output pane shows them; the projects load all the same, and compile below.
        var loadFailures = workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure && !d.Message.Contains(" was resolved instead.", StringComparison.Ordinal)).Select(d => d.Message).ToList();
        Assert.True(loadFailures.Count == 0, "The workspace failed to load the solution:\n" + string.Join("\n", loadFailures));
        var core = solution.Projects.Single(p => p.Name == "Core");
        var web = solution.Projects.Single(p => p.Name == "Web");
        Assert.Equal([core.Id], web.ProjectReferences.Select(r => r.ProjectId));

        var coreDiagnostics = await AnalyzeAsIdeAsync(core);
        Assert.Equal(["PORTAL001 PortalOpener.cs:12", "PORTAL008 PortalOpener.cs:11"], coreDiagnostics.Select(Describe).Order(StringComparer.Ordinal));
        var webDiagnostics = await AnalyzeAsIdeAsync(web);
        Assert.Equal(["PORTAL001 PortalLinks.cs:14", "PORTAL005 PortalLinks.cs:23", "PORTAL008 PortalLinks.cs:19"], webDiagnostics.Select(Describe).Order(StringComparer.Ordinal));

        // The quick fix, as the IDE offers it: the providers exported from the analyzer references, for the diagnostic's id.
        var flowType = webDiagnostics.Single(d => d.Id == "PORTAL005");
        var document = web.GetDocument(flowType.Location.SourceTree)!;
        var providers = ExportedCodeFixProviders(web).Where(p => p.FixableDiagnosticIds.Contains(flowType.Id)).ToList();
        Assert.Single(providers);
        var actions = new List<CodeAction>();
        await providers[0].RegisterCodeFixesAsync(new CodeFixContext(document, flowType, (action, _) => actions.Add(action), CancellationToken.None));
        var replace = actions.Single(a => a.Title == "Replace with 'payment_method_update'");
        var apply = (await replace.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        Assert.True(workspace.TryApplyChanges(apply.ChangedSolution), "The workspace refused the fix's changes.");

        var fixedText = File.ReadAllText(Path.Combine(host.Host, "Web", "PortalLinks.cs"));
        Assert.Equal(WebSource.Replace("\"payment_method_updat\"", "\"payment_method_update\"", StringComparison.Ordinal), fixedText);
        var fixedWeb = workspace.CurrentSolution.GetProject(web.Id)!;
        var errors = (await fixedWeb.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The fixed project does not compile:\n" + string.Join("\n", errors));
        Assert.Equal(["PORTAL001 PortalLinks.cs:14", "PORTAL008 PortalLinks.cs:19"], (await AnalyzeAsIdeAsync(fixedWeb)).Select(Describe).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// An LSP editor's view: csharp-ls (installed from the registry as a dotnet tool) opens the solution with its
    /// <c>csharp.analyzersEnabled</c> setting on, and the app's document pulls its diagnostics (LSP 3.17 pull model).
    /// csharp-ls offers no code actions from analyzer packages, so only the squiggles are asserted.
    /// </summary>
    [Fact]
    public async Task A_language_server_shows_the_squiggles_across_projects()
    {
        host.ResetSources();
        var tools = Path.Combine(host.Root, "tools");
        var (exit, output) = await DotnetCli.RunAsync(host.Host, "tool", "install", "csharp-ls", "--version", CsharpLsVersion, "--tool-path", tools);
        Assert.True(exit == 0, "csharp-ls did not install:\n" + output);

        await using var server = LanguageServer.Start(Path.Combine(tools, "csharp-ls"), host.Host, "--solution", host.SolutionPath);
        await server.InitializeAsync(host.Host, new { csharp = new { analyzersEnabled = true } });
        var document = new Uri(Path.Combine(host.Host, "Web", "PortalLinks.cs")).AbsoluteUri;
        server.Notify("textDocument/didOpen", new { textDocument = new { uri = document, languageId = "csharp", version = 1, text = WebSource } });

        // The server answers with what it has while it loads the solution: ask until the package's rules have run.
        string[] expected = ["PORTAL001 PortalLinks.cs:14", "PORTAL005 PortalLinks.cs:23", "PORTAL008 PortalLinks.cs:19"];
        var seen = Array.Empty<string>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var report = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = document } });
            var items = report.ValueKind == JsonValueKind.Object && report.TryGetProperty("items", out var found) ? found.EnumerateArray().ToList() : [];
            Assert.DoesNotContain(items, i => i.TryGetProperty("code", out var code) && code.ToString() is "AD0001" or "AD0002");
            seen = [.. items
                .Where(i => i.TryGetProperty("code", out var code) && code.ToString().StartsWith("PORTAL", StringComparison.Ordinal))
                .Select(i => $"{i.GetProperty("code")} PortalLinks.cs:{i.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() + 1}")
                .Order(StringComparer.Ordinal)];
            if (seen.SequenceEqual(expected))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        Assert.Equal(expected, seen);
    }

    private static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {Path.GetFileName(diagnostic.Location.SourceTree!.FilePath)}:{diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}";

    /// <summary>The package's analyzer references of the project (the SDK adds its own, which are not under test here).</summary>
    private static IEnumerable<AnalyzerFileReference> PackageAnalyzerReferences(Project project) =>
        project.AnalyzerReferences.OfType<AnalyzerFileReference>()
            .Where(r => r.FullPath.Contains(Path.DirectorySeparatorChar + "accrue.portal" + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase));

    /// <summary>The PORTAL diagnostics of every document, each analysed on its own, then the compilation-end ones; no analyzer may throw.</summary>
    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsIdeAsync(Project project)
    {
        var analyzers = PackageAnalyzerReferences(project).SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        Assert.True(analyzers.Length >= 10, $"{project.Name} loads {analyzers.Length} of the package's analyzers from its analyzer references.");
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{project.Name} does not compile:\n" + string.Join("\n", errors));
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false));
        var diagnostics = new List<Diagnostic>();
        foreach (var document in project.Documents)
        {
            var model = (await document.GetSemanticModelAsync())!;
            diagnostics.AddRange((await withAnalyzers.GetAnalysisResultAsync(model.SyntaxTree, CancellationToken.None)).GetAllDiagnostics());
            diagnostics.AddRange((await withAnalyzers.GetAnalysisResultAsync(model, null, CancellationToken.None)).GetAllDiagnostics());
        }

        diagnostics.AddRange((await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None)).CompilationDiagnostics.SelectMany(d => d.Value));
        var crashes = diagnostics.Where(d => d.Id is "AD0001" or "AD0002").Select(d => d.ToString());
        var failures = exceptions.Concat(crashes).ToList();
        Assert.True(failures.Count == 0, $"An analyzer threw in {project.Name}:\n" + string.Join("\n", failures));
        return diagnostics.Where(d => d.Id.StartsWith("PORTAL", StringComparison.Ordinal)).ToList();
    }

    /// <summary>What an IDE's MEF catalogue finds in the analyzer reference assemblies: the exported C# code fix providers.</summary>
    private static IEnumerable<CodeFixProvider> ExportedCodeFixProviders(Project project)
    {
        foreach (var assembly in PackageAnalyzerReferences(project).Select(r => r.GetAssembly()).Distinct())
        {
            foreach (var type in assembly.GetTypes().Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract))
            {
                if (type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } export && export.Languages.Contains(LanguageNames.CSharp))
                {
                    yield return (CodeFixProvider)Activator.CreateInstance(type)!;
                }
            }
        }
    }

    /// <summary>The host solution, packed and restored once for the class; each test starts from its original sources.</summary>
    public sealed class HostSolution : IAsyncLifetime
    {
        private readonly string root = Path.Combine(Path.GetTempPath(), "accrue-portal-editor-" + Guid.NewGuid().ToString("N"));
        private PackedFeed feed = null!;

        public string Root => this.root;

        public string Host => Path.Combine(this.root, "host");

        public string SolutionPath => Path.Combine(this.Host, "Shop.sln");

        public async Task InitializeAsync()
        {
            this.feed = await LocalFeed.PackedAsync();
            Directory.CreateDirectory(this.Host);
            LocalFeed.WriteNuGetConfig(this.Host, this.feed.Directory);
            this.WriteProject("Core", CoreSource, projectReference: null);
            this.WriteProject("Web", WebSource, projectReference: @"..\Core\Core.csproj");
            File.WriteAllText(this.SolutionPath, """
                Microsoft Visual Studio Solution File, Format Version 12.00
                # Visual Studio Version 17
                VisualStudioVersion = 17.0.31903.59
                MinimumVisualStudioVersion = 10.0.40219.1
                Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Core", "Core\Core.csproj", "{6F1D3C1E-0C4B-4B8E-9E51-1B6C2F0E0A01}"
                EndProject
                Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Web", "Web\Web.csproj", "{6F1D3C1E-0C4B-4B8E-9E51-1B6C2F0E0A02}"
                EndProject
                Global
                	GlobalSection(SolutionConfigurationPlatforms) = preSolution
                		Debug|Any CPU = Debug|Any CPU
                	EndGlobalSection
                	GlobalSection(ProjectConfigurationPlatforms) = postSolution
                		{6F1D3C1E-0C4B-4B8E-9E51-1B6C2F0E0A01}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
                		{6F1D3C1E-0C4B-4B8E-9E51-1B6C2F0E0A01}.Debug|Any CPU.Build.0 = Debug|Any CPU
                		{6F1D3C1E-0C4B-4B8E-9E51-1B6C2F0E0A02}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
                		{6F1D3C1E-0C4B-4B8E-9E51-1B6C2F0E0A02}.Debug|Any CPU.Build.0 = Debug|Any CPU
                	EndGlobalSection
                EndGlobal
                """);
            var (exit, output) = await DotnetCli.RunAsync(this.Host, "restore", this.SolutionPath);
            Assert.True(exit == 0, "dotnet restore of the host solution failed:\n" + output);
        }

        public Task DisposeAsync()
        {
            Directory.Delete(this.root, recursive: true);
            return Task.CompletedTask;
        }

        /// <summary>Writes the original sources back (a test may have applied a fix).</summary>
        public void ResetSources()
        {
            File.WriteAllText(Path.Combine(this.Host, "Core", "PortalOpener.cs"), CoreSource);
            File.WriteAllText(Path.Combine(this.Host, "Web", "PortalLinks.cs"), WebSource);
        }

        private void WriteProject(string name, string source, string? projectReference)
        {
            var directory = Path.Combine(this.Host, name);
            Directory.CreateDirectory(directory);
            var reference = projectReference is null ? "" : $"""<ProjectReference Include="{projectReference}" />""";
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <!-- NU1603: the registry here serves a nearby version of some of Stripe.net's dependencies. -->
                    <WarningsNotAsErrors>$(WarningsNotAsErrors);NU1603</WarningsNotAsErrors>
                    <RestorePackagesPath>{Path.Combine(this.root, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Accrue.Portal" Version="{this.feed.Version}" />
                    <PackageReference Include="Stripe.net" Version="{StripeNetVersion}" />
                    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="10.0.0" />
                    {reference}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, name == "Core" ? "PortalOpener.cs" : "PortalLinks.cs"), source);
        }
    }
}
