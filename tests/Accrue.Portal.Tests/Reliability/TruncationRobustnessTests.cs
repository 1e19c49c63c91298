namespace Accrue.Portal.Tests.Reliability;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

/// <summary>
/// What the IDE sees while code is typed: every test and sample source, cut at token boundaries and with random
/// tokens deleted. No generator, analyzer or fix may throw on any of it. The default run samples the cut points;
/// ACCRUE_PORTAL_EXHAUSTIVE=1 cuts at every token and deletes more.
/// </summary>
public sealed class TruncationRobustnessTests(ITestOutputHelper output)
{
    private const int Seed = 20261120;

    private static bool Exhaustive => Environment.GetEnvironmentVariable("ACCRUE_PORTAL_EXHAUSTIVE") == "1";

    [Fact]
    public async Task No_component_throws_on_truncated_or_damaged_sources()
    {
        var sources = RuleTestSources.All;
        var failures = new ConcurrentQueue<string>();
        var variants = 0;
        await Parallel.ForEachAsync(
            sources.Select((source, index) => (source, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (item, _) =>
            {
                foreach (var (text, description) in Variants(item.source.Name, item.source.Text, new Random(Seed + item.index)))
                {
                    Interlocked.Increment(ref variants);
                    foreach (var failure in await RobustnessHarness.Instance.CheckAsync(text, description, maxDiagnosticsToFix: 2))
                    {
                        failures.Enqueue(failure);
                    }
                }
            });

        output.WriteLine($"Analyzed {variants} variants of {sources.Count} sources ({(Exhaustive ? "exhaustive" : "sampled")}); {failures.Count} failures.");
        Assert.True(sources.Count >= 20, $"Only {sources.Count} sources were found: the collection is broken.");
        Assert.True(failures.IsEmpty, $"{failures.Count} failures in {variants} variants, first:\n" + string.Join("\n\n", failures.Take(3)));
    }

    /// <summary>
    /// The IDE's shape of a real solution: each source split in two projects at its last top-level type (the types it
    /// uses in a library, the rest in the app that references it), and each side damaged in turn, the other intact.
    /// </summary>
    [Fact]
    public async Task No_component_throws_on_damaged_sources_split_across_two_projects()
    {
        var splits = RuleTestSources.All.Select(s => (s.Name, Parts: SplitAtLastType(s.Text))).Where(s => s.Parts is not null).ToList();
        var failures = new ConcurrentQueue<string>();
        var variants = 0;
        await Parallel.ForEachAsync(
            splits.Select((split, index) => (split.Name, split.Parts!.Value, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (item, _) =>
            {
                var (library, app) = item.Value;
                var random = new Random(Seed + item.index);
                var damaged = Variants(item.Name + " (library)", library, random, cuts: 1).Select(v => (Library: v.Text, App: app, v.Description))
                    .Concat(Variants(item.Name + " (app)", app, random, cuts: 1).Select(v => (Library: library, App: v.Text, v.Description)));
                foreach (var variant in damaged)
                {
                    Interlocked.Increment(ref variants);
                    foreach (var failure in await RobustnessHarness.Instance.CheckTwoProjectsAsync(variant.Library, variant.App, variant.Description, maxDiagnosticsToFix: 2))
                    {
                        failures.Enqueue(failure);
                    }
                }
            });

        output.WriteLine($"Analyzed {variants} two-project variants of {splits.Count} sources ({(Exhaustive ? "exhaustive" : "sampled")}); {failures.Count} failures.");
        Assert.True(splits.Count >= 10, $"Only {splits.Count} sources split in two: the collection is broken.");
        Assert.True(failures.IsEmpty, $"{failures.Count} failures in {variants} variants, first:\n" + string.Join("\n\n", failures.Take(3)));
    }

    /// <summary>The source up to its last top-level type (a library), and its usings and namespace with that type (the app).</summary>
    private static (string Library, string App)? SplitAtLastType(string source)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source).GetRoot();
        var members = root.Members is [FileScopedNamespaceDeclarationSyntax fileScoped] ? fileScoped.Members : root.Members;
        if (members.Count < 2 || members.Any(m => m is GlobalStatementSyntax))
        {
            return null;
        }

        var last = members[^1].FullSpan.Start;
        return (source[..last], source[..members[0].FullSpan.Start] + source[last..]);
    }

    private static IEnumerable<(string Text, string Description)> Variants(string name, string source, Random random, int cuts = 5)
    {
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        if (tokens.Count == 0)
        {
            yield break;
        }

        var stride = Exhaustive ? 1 : Math.Max(1, tokens.Count / cuts);
        for (var i = stride - 1; i < tokens.Count; i += stride)
        {
            yield return (source[..tokens[i].Span.End], $"{name} cut after token {i} '{tokens[i].Text}'");
        }

        var deletions = Exhaustive ? 40 : 1;
        for (var d = 0; d < deletions; d++)
        {
            var start = random.Next(tokens.Count);
            var end = Math.Min(tokens.Count - 1, start + random.Next(3));
            var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(tokens[start].SpanStart, tokens[end].Span.End);
            yield return (source.Remove(span.Start, span.Length), $"{name} without tokens {start}..{end} '{source.Substring(span.Start, span.Length)}'");
        }
    }
}
