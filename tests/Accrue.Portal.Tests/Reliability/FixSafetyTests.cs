namespace Accrue.Portal.Tests.Reliability;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

/// <summary>
/// Every fix the package offers, on every rule-test source that compiles: Fix All (per equivalence key) leaves code
/// with no new compiler diagnostics, and running it again changes nothing.
/// </summary>
public sealed class FixSafetyTests(ITestOutputHelper output)
{
    private const int MaxFixAllPasses = 3;

    /// <summary>
    /// "Declared but now unused" warnings: a fix that removes the only write of a field or the only read of a parameter
    /// leaves its declaration behind. The code compiles and behaves; deleting the declaration is the user's call (and
    /// the IDE's unused-member fixes make it). Anything else new fails the test.
    /// </summary>
    private static readonly string[] NowUnusedDeclarationWarnings = ["CS0169", "CS0414", "CS0649", "CS0168", "CS0219", "CS8321", "CS9113"];

    [Fact]
    public async Task Every_fix_compiles_cleanly_and_is_idempotent()
    {
        var harness = RobustnessHarness.Instance;
        var failures = new ConcurrentQueue<string>();
        var fixesApplied = 0;
        await Parallel.ForEachAsync(RuleTestSources.All, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (source, _) =>
        {
            using var workspace = new AdhocWorkspace();
            var document = harness.CreateDocument(workspace, source.Text);
            var compilation = (await document.Project.GetCompilationAsync())!;
            var before = CompilerDiagnostics(compilation);
            if (before.Any(d => d.StartsWith("error", StringComparison.Ordinal)))
            {
                return;
            }

            foreach (var (provider, key) in await OfferedFixesAsync(document, harness))
            {
                Interlocked.Increment(ref fixesApplied);
                var fixedDocument = await FixAllUntilStableAsync(document, provider, key, harness);
                var fixedText = (await fixedDocument.GetTextAsync()).ToString();
                var again = await FixAllOnceAsync(fixedDocument, provider, key, harness);
                if (again is not null && (await again.GetTextAsync()).ToString() != fixedText)
                {
                    failures.Enqueue($"{source.Name}: {key} is not idempotent: a further Fix All changed the code.");
                }

                var after = CompilerDiagnostics((await fixedDocument.Project.GetCompilationAsync())!);
                var introduced = after.Except(before).Where(d => !NowUnusedDeclarationWarnings.Any(id => d.StartsWith("warning " + id + ":", StringComparison.Ordinal))).ToList();
                if (introduced.Count > 0)
                {
                    failures.Enqueue($"{source.Name}: {key} introduced {string.Join("; ", introduced)}\n{fixedText}");
                }
            }
        });

        output.WriteLine($"Applied {fixesApplied} fix kinds across {RuleTestSources.All.Count} sources; {failures.Count} failures.");
        Assert.True(fixesApplied >= 20, $"Only {fixesApplied} fixes were exercised: the corpus or the harness is broken.");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(5)));
    }

    private static List<string> CompilerDiagnostics(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => $"{d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage()}").ToList();

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document, RobustnessHarness harness)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(harness.Analyzers, new AnalyzerOptions([])).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Each (provider, equivalence key) the document's diagnostics are offered, once.</summary>
    private static async Task<List<(CodeFixProvider Provider, string Key)>> OfferedFixesAsync(Document document, RobustnessHarness harness)
    {
        var offered = new List<(CodeFixProvider, string)>();
        foreach (var diagnostic in await AnalyzeAsync(document, harness))
        {
            foreach (var provider in harness.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                foreach (var action in await ActionsAsync(document, provider, diagnostic))
                {
                    if (action.EquivalenceKey is { } key && !offered.Contains((provider, key)))
                    {
                        offered.Add((provider, key));
                    }
                }
            }
        }

        return offered;
    }

    private static async Task<List<CodeAction>> ActionsAsync(Document document, CodeFixProvider provider, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<Document> FixAllUntilStableAsync(Document document, CodeFixProvider provider, string key, RobustnessHarness harness)
    {
        for (var pass = 0; pass < MaxFixAllPasses; pass++)
        {
            var next = await FixAllOnceAsync(document, provider, key, harness);
            if (next is null)
            {
                break;
            }

            document = next;
        }

        return document;
    }

    /// <summary>One Fix All pass for the key, or null when no diagnostic offers it any more.</summary>
    private static async Task<Document?> FixAllOnceAsync(Document document, CodeFixProvider provider, string key, RobustnessHarness harness)
    {
        var diagnostics = await AnalyzeAsync(document, harness);
        foreach (var diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
        {
            var action = (await ActionsAsync(document, provider, diagnostic)).FirstOrDefault(a => a.EquivalenceKey == key);
            if (action is null)
            {
                continue;
            }

            var fixAll = provider.GetFixAllProvider();
            if (fixAll is not null)
            {
                var context = new FixAllContext(document, provider, FixAllScope.Document, key, provider.FixableDiagnosticIds, new SingleDocumentDiagnostics(diagnostics), CancellationToken.None);
                action = await fixAll.GetFixAsync(context) ?? action;
            }

            var apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            var changed = apply.ChangedSolution.GetDocument(document.Id)!;
            return (await changed.GetTextAsync()).ToString() == (await document.GetTextAsync()).ToString() ? null : changed;
        }

        return null;
    }

    private sealed class SingleDocumentDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
