namespace Accrue.Portal.Benchmarks;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Accrue.Portal.Workload;
using Microsoft.CodeAnalysis.Diagnostics;
using static PerformanceCheck;

/// <summary>The figures of one run, as Markdown tables: by size, by analyzer (and by rule), the peers, the documents.</summary>
internal static class Report
{
    public static void Print(Run run, ImmutableArray<DiagnosticAnalyzer> ours, IReadOnlyList<RuleAlone> rulesAlone)
    {
        PrintSizes(run.Sizes);
        PrintAnalyzers(run.Sizes, ours);
        PrintRulesAlone(rulesAlone, run.Sizes);
        PrintPeers(run.Sizes, ours.Sum(a => a.SupportedDiagnostics.Length));
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"2,000-line document, medians of 20: PORTAL analyzers {run.Document.Analyzers:F2} ms = {Targets.Percent(run.Document.Share)} of the compiler's semantic diagnostics ({run.Document.Compiler:F2} ms), portal code in 1 member group in {SyntheticProject.PortalFileInterval}"));
        Console.WriteLine(FormattableString.Invariant(
            $"Portal-dense 2,000-line document (portal code in 1 group in 4): {run.DenseDocument.Analyzers:F2} ms = {Targets.Percent(run.DenseDocument.Share)} of {run.DenseDocument.Compiler:F2} ms"));
        PrintProjectDocuments(run.ProjectDocuments);
    }

    private static void PrintProjectDocuments(IReadOnlyList<ProjectDocumentResult> documents)
    {
        Console.WriteLine();
        Console.WriteLine("Documents of the 1,000-file project, each after an edit, medians of 12:");
        Console.WriteLine("| Document | Compiler's semantic diagnostics (ms) | PORTAL analyzers (ms) | PORTAL / compiler |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var document in documents)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {document.FileName} | {document.Result.Compiler:F2} | {document.Result.Analyzers:F2} | {Targets.Percent(document.Result.Share)} |"));
        }
    }

    private static void PrintSizes(IReadOnlyList<SizeResult> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| Files | Compile (ms) | PORTAL analyzers (ms) | PORTAL / compile | PORTAL ms per 1,000 files | PORTAL diagnostics | Generator (ms) | Analysis allocations, driver included (MB) | PORTAL's own allocations per 1,000 files (MB) | Stripe-free PORTAL / compile | Stripe-free actions past compilation start |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {row.Files} | {row.Compile.TotalMilliseconds:F0} | {row.Ours.TotalMilliseconds:F1} | {Targets.Percent(row.Share)} | {row.OursPerFile * 1000:F1} | {row.Analysis.Diagnostics} | {row.Analysis.Generator.TotalMilliseconds:F1} | {row.Analysis.AllocatedBytes / 1048576.0:F1} | {row.OwnMegabytesPerThousandFiles:F1} | {Targets.Percent(row.StripeFreeShare)} | {row.StripeFreeActionsPastStart} |"));
        }

        var largest = rows.MaxBy(r => r.Files)!;
        Console.WriteLine(FormattableString.Invariant(
            $"Own allocations at {largest.Files} files: the driver's share in calls from our callbacks, left out, {largest.Allocations.Driver / 1048576.0:F1} MB; the idle analyzer (the counter's zero) counted {largest.Allocations.Idle} bytes."));
    }

    /// <summary>Every analyzer's hidden cost: its time at each size, its share of ours, its allocations, registrations and findings.</summary>
    private static void PrintAnalyzers(IReadOnlyList<SizeResult> rows, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var largest = rows.MaxBy(r => r.Files)!;
        Console.WriteLine();
        Console.WriteLine($"| Analyzer | Rules | {string.Join(" | ", rows.Select(r => FormattableString.Invariant($"ms at {r.Files:N0}")))} | share of PORTAL at {largest.Files:N0} | of compile at {largest.Files:N0} | own allocations per 1,000 files (MB) | actions registered past start | diagnostics at {largest.Files:N0} |");
        Console.WriteLine($"|---|---|{string.Concat(rows.Select(_ => "---:|"))}---:|---:|---:|---:|---|");
        foreach (var analyzer in ours.OrderByDescending(a => largest.Analysis.PerAnalyzer.GetValueOrDefault(a.GetType().Name)))
        {
            var name = analyzer.GetType().Name;
            var rules = analyzer.SupportedDiagnostics.Select(d => d.Id).ToList();
            var time = largest.Analysis.PerAnalyzer.GetValueOrDefault(name);
            var times = string.Join(" | ", rows.Select(r => r.Analysis.PerAnalyzer.GetValueOrDefault(name).TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)));
            var diagnostics = string.Join(", ", rules.Select(id => $"{id} {largest.Analysis.DiagnosticsById.GetValueOrDefault(id)}"));
            Console.WriteLine(FormattableString.Invariant(
                $"| {name} | {string.Join(", ", rules)} | {times} | {time.TotalMilliseconds / largest.Ours.TotalMilliseconds:P1} | {Targets.Percent(time.TotalMilliseconds / largest.Compile.TotalMilliseconds)} | {largest.Allocations.Own.GetValueOrDefault(name) / 1048576.0 * 1000 / largest.Files:F2} | {largest.Analysis.ActionsPastStart.GetValueOrDefault(name)} | {diagnostics} |"));
        }
    }

    private static void PrintRulesAlone(IReadOnlyList<RuleAlone> rulesAlone, IReadOnlyList<SizeResult> rows)
    {
        if (rulesAlone.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("Rules of an analyzer that serves several, each alone (the analyzer's other rules suppressed):");
        Console.WriteLine("| Rule | Analyzer | Files | ms alone | analyzer with all its rules (ms) |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var rule in rulesAlone)
        {
            var whole = rows.First(r => r.Files == rule.Files).Analysis.PerAnalyzer.GetValueOrDefault(rule.Analyzer);
            Console.WriteLine(FormattableString.Invariant($"| {rule.Rule} | {rule.Analyzer} | {rule.Files} | {rule.Time.TotalMilliseconds:F1} | {whole.TotalMilliseconds:F1} |"));
        }
    }

    /// <summary>What each peer did on the same project: its rules, its time, what it reported (by rule), against ours.</summary>
    private static void PrintPeers(IReadOnlyList<SizeResult> rows, int ourRules)
    {
        if (rows.All(r => r.Peers.Count == 0))
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("| Files | Peer | Configuration | Rules on | ms | diagnostics (by rule) | PORTAL / peer |");
        Console.WriteLine("|---:|---|---|---:|---:|---|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(FormattableString.Invariant($"| {row.Files} | PORTAL | every rule at its default | {ourRules} | {row.Ours.TotalMilliseconds:F0} | {Diagnostics(row.Analysis.DiagnosticsById)} | |"));
            foreach (var peer in row.Peers)
            {
                var versus = peer.Time <= TimeSpan.Zero ? "peer took no time" : (row.Ours.TotalMilliseconds / peer.Time.TotalMilliseconds).ToString("P1", CultureInfo.InvariantCulture);
                Console.WriteLine(FormattableString.Invariant($"| {row.Files} | {peer.Name} | {peer.Configuration} | {peer.Rules} | {peer.Time.TotalMilliseconds:F0} | {Diagnostics(peer.DiagnosticsById)} | {versus} |"));
            }
        }
    }

    private static string Diagnostics(IReadOnlyDictionary<string, int> byId) =>
        byId.Count == 0
            ? "0"
            : FormattableString.Invariant($"{byId.Values.Sum()}: ") + string.Join(", ", byId.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(8).Select(p => $"{p.Key} {p.Value}"))
              + (byId.Count > 8 ? FormattableString.Invariant($", {byId.Count - 8} more rules") : "");
}
