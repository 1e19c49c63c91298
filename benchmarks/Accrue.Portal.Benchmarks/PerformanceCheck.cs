namespace Accrue.Portal.Benchmarks;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Measures the PORTAL analyzers against the compiler's own time on generated projects of several sizes, and
/// against peer analyzers on the same project; prints a ratio table and exits 1 when a target is missed.
/// </summary>
internal static class PerformanceCheck
{
    private const double MaxShareOfCompile = 0.02;
    private const double MaxShareWithoutStripe = 0.001;
    private const double MaxLinearityDrift = 1.5;
    // The PORTAL analyzers' time on one open document against the compiler's own semantic diagnostics for it, both
    // measured on the same compilation in the same run, so a slow day moves both sides.
    private const double MaxLargeDocumentShare = 0.05;
    private const double MaxDenseDocumentShare = 0.15;
    private const int DensePortalGroupInterval = 4;
    private const int Repetitions = 4;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sizes", "100,1000,5000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var ours = CreateOurAnalyzers();
        var peers = args.Contains("--no-peers") ? [] : PeerAnalyzers.Load();

        // CI's regression guard widens every target by this factor: the timings are wall-clock figures on a shared
        // machine that move by 15 % between runs, and a guard that fails on noise would block every change.
        var allowance = double.Parse(Option(args, "--allowance", "1"), CultureInfo.InvariantCulture);

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}");
        Console.WriteLine($"Analyzers: {string.Join(", ", ours.Select(a => a.GetType().Name))}");
        Console.WriteLine();

        // JIT and warm the compiler and every analyzer once, so the first size is not charged for it.
        await MeasureSizeAsync(40, ours, [], quiet: true);

        var rows = new List<SizeResult>();
        foreach (var size in sizes)
        {
            rows.Add(await MeasureSizeAsync(size, ours, peers.Where(p => size <= p.MaxFiles).ToList(), quiet: false));
        }

        // The target applies to a large file at the project's own density of portal code; the portal-dense file (a
        // quarter of it portal endpoints) is the stress case, printed beside it.
        var largeDocument = await MeasureLargeDocumentAsync(ours, SyntheticProject.PortalFileInterval);
        var denseDocument = await MeasureLargeDocumentAsync(ours, DensePortalGroupInterval);
        PrintTable(rows, largeDocument, denseDocument);
        return CheckTargets(rows, largeDocument, denseDocument, allowance) ? 0 : 1;
    }

    private static ImmutableArray<DiagnosticAnalyzer> CreateOurAnalyzers() =>
        typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static async Task<SizeResult> MeasureSizeAsync(int size, ImmutableArray<DiagnosticAnalyzer> ours, IReadOnlyList<PeerAnalyzers.Peer> peers, bool quiet)
    {
        var log = quiet ? TextWriter.Null : Console.Out;
        log.WriteLine($"[{size} files] generating and parsing");
        var trees = Parse(SyntheticProject.Generate(size, withStripe: true));
        var references = WorkloadReferences.Get(withStripe: true);
        var large = size >= 5000;

        var (compile, analysis) = await MeasureInTurnAsync(Repetitions, trees, references, ours);
        log.WriteLine($"[{size} files] compile {compile.TotalMilliseconds:F0} ms");
        log.WriteLine($"[{size} files] PORTAL analyzers {analysis.Total.TotalMilliseconds:F1} ms, {analysis.Diagnostics} diagnostics; generator {analysis.Generator.TotalMilliseconds:F1} ms");

        var ownAllocations = await MeasureOwnAllocationsAsync(trees, references, ours);
        log.WriteLine(FormattableString.Invariant($"[{size} files] PORTAL analyzers' own allocations {ownAllocations.Values.Sum() / 1048576.0:F1} MB"));

        var stripeFreeTrees = Parse(SyntheticProject.Generate(size, withStripe: false));
        var stripeFreeReferences = WorkloadReferences.Get(withStripe: false);
        // Nothing is registered without Stripe.net, so there is no callback for a collection to land in: fewer repetitions.
        var (stripeFreeCompile, stripeFree) = await MeasureInTurnAsync(large ? 1 : 2, stripeFreeTrees, stripeFreeReferences, ours);

        var peerTimes = new List<PeerResult>();
        foreach (var peer in peers)
        {
            var peerRun = await AnalyzeOnceAsync(trees, references, peer.Analyzers, peer);
            log.WriteLine($"[{size} files] {peer.Name} ({peer.Configuration}) {peerRun.Total.TotalMilliseconds:F0} ms, {peerRun.Diagnostics} diagnostics");
            peerTimes.Add(new PeerResult(peer.Name, peerRun.Total, peer.EnabledRules.Count, peerRun.Diagnostics));
        }

        return new SizeResult(size, compile, analysis, ownAllocations, stripeFreeCompile, stripeFree.Total, peerTimes);
    }

    /// <summary>
    /// The IDE's per-document pass on a 2,000-line file: the compiler's semantic diagnostics for the document, then the
    /// PORTAL analyzers on it, each on a fresh compilation as after an edit; the medians of 20 runs, side by side.
    /// </summary>
    private static async Task<DocumentResult> MeasureLargeDocumentAsync(ImmutableArray<DiagnosticAnalyzer> ours, int portalGroupInterval)
    {
        const int Lines = 2000;
        const int Runs = 20;
        var source = SyntheticProject.LargeDocument(Lines, portalGroupInterval);
        var trees = Parse([("Shop/ShopDbContext.cs", SyntheticProject.Generate(1, withStripe: true)[0].Source), ("Shop/Large.cs", source)]);
        var references = WorkloadReferences.Get(withStripe: true);
        var compilerSamples = new List<double>();
        var analyzerSamples = new List<double>();
        for (var run = 0; run < Runs + 2; run++)
        {
            var compilation = CreateCompilation(trees, references);
            var model = compilation.GetSemanticModel(trees[1]);
            CollectGarbage();

            // The IDE has bound the open document (errors, classification) before analyzers run on it: that binding is
            // the compiler's own per-document work, the denominator, and is not charged to the analyzers.
            var stopwatch = Stopwatch.StartNew();
            model.GetDiagnostics();
            var compilerTime = stopwatch.Elapsed;
            CollectGarbage();

            // The IDE's per-document pass: syntax and semantic analysis of one open file, with analyzers run one at a
            // time, as Roslyn's IDE diagnostic service always runs them (concurrentAnalysis: false).
            var withAnalyzers = compilation.WithAnalyzers(ours, Options(concurrentAnalysis: false));
            await withAnalyzers.GetAnalysisResultAsync(trees[1], default);
            await withAnalyzers.GetAnalysisResultAsync(model, filterSpan: null, default);
            var total = TimeSpan.Zero;
            foreach (var analyzer in ours)
            {
                total += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime;
            }

            if (run >= 2)
            {
                compilerSamples.Add(compilerTime.TotalMilliseconds);
                analyzerSamples.Add(total.TotalMilliseconds);
            }
        }

        return new DocumentResult(Median(compilerSamples), Median(analyzerSamples));
    }

    private static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static ImmutableArray<SyntaxTree> Parse(IReadOnlyList<(string FileName, string Source)> files)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        return files.Select(f => CSharpSyntaxTree.ParseText(f.Source, options, "/shop/" + f.FileName)).ToImmutableArray();
    }

    private static CSharpCompilation CreateCompilation(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(
            "Shop",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));

    /// <summary>The compiler's own work: all diagnostics, then emit.</summary>
    private static TimeSpan TimeCompile(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
    {
        CollectGarbage();
        var stopwatch = Stopwatch.StartNew();
        var compilation = CreateCompilation(trees, references);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated project does not compile:\n" + string.Join("\n", errors.Take(10)));
        }

        using var peStream = new MemoryStream();
        compilation.Emit(peStream);
        return stopwatch.Elapsed;
    }

    /// <summary>
    /// The compiler's time and the analyzers' time, measured in turn, so that a slower phase of a shared machine falls on
    /// both sides of the ratio rather than on one. Each side keeps its best: the compile time, and each analyzer's time
    /// (the telemetry times callbacks by the wall clock, and a garbage collection that the compiler's own allocations
    /// trigger, hundreds of milliseconds on a 5,000-file heap, pauses whichever callback is running, a different
    /// analyzer in each run).
    /// </summary>
    private static async Task<(TimeSpan Compile, AnalysisRun Analysis)> MeasureInTurnAsync(
        int repetitions, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compile = TimeSpan.MaxValue;
        AnalysisRun? analysis = null;
        for (var i = 0; i < repetitions; i++)
        {
            var compileTime = TimeCompile(trees, references);
            compile = compileTime < compile ? compileTime : compile;
            var run = await AnalyzeOnceAsync(trees, references, analyzers);
            analysis = analysis is null ? run : analysis.BestOfBoth(run);
        }

        return (compile, analysis!);
    }

    /// <summary>
    /// The analyzers on a fresh compilation, after our generator has run on it as generators run before analyzers in a
    /// build (it reads the references first, so binding them is charged to it, as in a build, not to the first analyzer).
    /// </summary>
    private static async Task<AnalysisRun> AnalyzeOnceAsync(
        ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers, PeerAnalyzers.Peer? peer = null)
    {
        var created = CreateCompilation(trees, references);
        if (peer is not null)
        {
            // The peer's rules on or off as its configuration says, whatever their defaults.
            created = created.WithOptions(created.Options.WithSpecificDiagnosticOptions(peer.DiagnosticOptions));
        }

        var (compilation, generator) = RunGenerator(created);
        CollectGarbage();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await compilation.WithAnalyzers(analyzers, Options(additionalFiles: peer?.AdditionalFiles ?? [], peerRun: peer is not null)).GetAnalysisResultAsync(default);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var perAnalyzer = result.AnalyzerTelemetryInfo
            .GroupBy(p => p.Key.GetType().Name)
            .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Value.ExecutionTime));
        return new AnalysisRun(perAnalyzer, allocated, result.GetAllDiagnostics().Length, generator);
    }

    /// <summary>Bytes each of our analyzers allocates in its own callbacks (<see cref="AllocationCountingAnalyzer"/>), by analyzer.</summary>
    private static async Task<IReadOnlyDictionary<string, long>> MeasureOwnAllocationsAsync(
        ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var counting = analyzers.Select(a => new AllocationCountingAnalyzer(a)).ToImmutableArray();
        var (compilation, _) = RunGenerator(CreateCompilation(trees, references));
        await compilation.WithAnalyzers(counting.CastArray<DiagnosticAnalyzer>(), Options()).GetAnalysisResultAsync(default);
        return counting.ToDictionary(c => c.Inner.GetType().Name, c => c.AllocatedBytes);
    }

    private static (CSharpCompilation Compilation, TimeSpan Generator) RunGenerator(CSharpCompilation compilation)
    {
        var driver = CSharpGeneratorDriver.Create(new GuardedSessionGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return ((CSharpCompilation)output, driver.GetTimingInfo().ElapsedTime);
    }

    /// <summary>A collection left over from the previous measurement would otherwise land in this one's callbacks.</summary>
    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>
    /// Concurrent analysis by default, as the command-line compiler runs analyzers. An exception of ours fails the run; a
    /// peer's is its own business (it shows as an AD0001 in its diagnostic count).
    /// </summary>
    private static CompilationWithAnalyzersOptions Options(bool concurrentAnalysis = true, ImmutableArray<AdditionalText> additionalFiles = default, bool peerRun = false) =>
        new(
            new AnalyzerOptions(additionalFiles.IsDefault ? [] : additionalFiles),
            peerRun ? null : (exception, analyzer, _) => throw new InvalidOperationException($"{analyzer.GetType().Name} threw", exception),
            concurrentAnalysis,
            logAnalyzerExecutionTime: true);

    private static void PrintTable(List<SizeResult> rows, DocumentResult largeDocument, DocumentResult denseDocument)
    {
        Console.WriteLine();
        Console.WriteLine("| Files | Compile (ms) | PORTAL analyzers (ms) | PORTAL / compile | Generator (ms) | Analysis allocations (MB) | PORTAL's own allocations per 1,000 files (MB) | Stripe-free PORTAL / compile | Peers (ms) | PORTAL / peer |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var row in rows)
        {
            var peers = row.Peers.Count == 0 ? "not run" : string.Join("; ", row.Peers.Select(p => FormattableString.Invariant($"{p.Name} {p.Time.TotalMilliseconds:F0} ({p.Rules} rules, {p.Diagnostics} diagnostics)")));
            var versusPeers = row.Peers.Count == 0 ? "" : string.Join("; ", row.Peers.Select(p => VersusPeer(row.Ours, p.Name, p.Time)));
            Console.WriteLine(FormattableString.Invariant(
                $"| {row.Files} | {row.Compile.TotalMilliseconds:F0} | {row.Ours.TotalMilliseconds:F1} | {Percent(row.Ours, row.Compile)} | {row.Analysis.Generator.TotalMilliseconds:F1} | {row.Analysis.AllocatedBytes / 1048576.0:F1} | {row.OwnAllocatedBytes / 1048576.0 * 1000 / row.Files:F1} | {Percent(row.StripeFreeOurs, row.StripeFreeCompile)} | {peers} | {versusPeers} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Per analyzer (ms): " + string.Join(", ", rows.Last().Analysis.PerAnalyzer.OrderByDescending(p => p.Value).Select(p => FormattableString.Invariant($"{p.Key} {p.Value.TotalMilliseconds:F1}"))));
        Console.WriteLine("Per analyzer, own allocations (MB): " + string.Join(", ", rows.Last().OwnAllocations.OrderByDescending(p => p.Value).Select(p => FormattableString.Invariant($"{p.Key} {p.Value / 1048576.0:F1}"))));
        Console.WriteLine(FormattableString.Invariant(
            $"2,000-line document, medians of 20: PORTAL analyzers {largeDocument.Analyzers:F2} ms = {largeDocument.Share:P2} of the compiler's semantic diagnostics ({largeDocument.Compiler:F2} ms), portal code in 1 member group in {SyntheticProject.PortalFileInterval}"));
        Console.WriteLine(FormattableString.Invariant(
            $"Portal-dense 2,000-line document (portal code in 1 group in {DensePortalGroupInterval}): {denseDocument.Analyzers:F2} ms = {denseDocument.Share:P2} of {denseDocument.Compiler:F2} ms"));
    }

    private static bool CheckTargets(List<SizeResult> rows, DocumentResult largeDocument, DocumentResult denseDocument, double allowance)
    {
        var maxShare = MaxShareOfCompile * allowance;
        var maxShareWithoutStripe = MaxShareWithoutStripe * allowance;
        var maxDrift = MaxLinearityDrift * allowance;
        var widened = allowance == 1 ? "" : FormattableString.Invariant($", widened {allowance}x");
        var misses = new List<string>();
        foreach (var row in rows)
        {
            if (row.Files >= 1000 && row.Share > maxShare)
            {
                misses.Add($"{row.Files} files: PORTAL analyzers take {Percent(row.Ours, row.Compile)} of compile time (target {MaxShareOfCompile:P0}{widened})");
            }

            if (row.StripeFreeShare > maxShareWithoutStripe)
            {
                misses.Add($"{row.Files} files without Stripe: {Percent(row.StripeFreeOurs, row.StripeFreeCompile)} of compile time (target {MaxShareWithoutStripe:P1}{widened})");
            }
        }

        var smallest = rows.MinBy(r => r.Files)!;
        var largest = rows.MaxBy(r => r.Files)!;
        if (largest != smallest && largest.Share > smallest.Share * maxDrift && largest.Share > MaxShareOfCompile / 4)
        {
            misses.Add($"cost not linear: {Percent(largest.Ours, largest.Compile)} at {largest.Files} files vs {Percent(smallest.Ours, smallest.Compile)} at {smallest.Files} files (allowed drift {MaxLinearityDrift}x{widened})");
        }

        if (largeDocument.Share > MaxLargeDocumentShare * allowance)
        {
            misses.Add(FormattableString.Invariant($"2,000-line document: PORTAL analyzers take {largeDocument.Share:P2} of the compiler's semantic diagnostics (target {MaxLargeDocumentShare:P0}{widened})"));
        }

        if (denseDocument.Share > MaxDenseDocumentShare * allowance)
        {
            misses.Add(FormattableString.Invariant($"portal-dense 2,000-line document: PORTAL analyzers take {denseDocument.Share:P2} of the compiler's semantic diagnostics (target {MaxDenseDocumentShare:P0}{widened})"));
        }

        Console.WriteLine();
        if (misses.Count == 0)
        {
            Console.WriteLine("All performance targets met.");
            return true;
        }

        Console.WriteLine("Performance targets missed:");
        misses.ForEach(m => Console.WriteLine("  - " + m));
        return false;
    }

    /// <summary>A share of the peer's time where we take less, a multiple where we take more (a peer that registers almost nothing).</summary>
    private static string VersusPeer(TimeSpan ours, string peer, TimeSpan peerTime) =>
        ours < peerTime
            ? $"{Percent(ours, peerTime)} of {peer}"
            : peerTime <= TimeSpan.Zero ? $"{peer} took no time" : FormattableString.Invariant($"{ours.TotalMilliseconds / peerTime.TotalMilliseconds:F1}x {peer}");

    private static string Percent(TimeSpan part, TimeSpan whole) =>
        whole <= TimeSpan.Zero ? "n/a" : (part.TotalMilliseconds / whole.TotalMilliseconds).ToString("P2", CultureInfo.InvariantCulture);

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private sealed record AnalysisRun(IReadOnlyDictionary<string, TimeSpan> PerAnalyzer, long AllocatedBytes, int Diagnostics, TimeSpan Generator)
    {
        public TimeSpan Total { get; } = PerAnalyzer.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

        /// <summary>Each analyzer's best time of the two runs, and the smaller of the other figures.</summary>
        public AnalysisRun BestOfBoth(AnalysisRun other) => new(
            this.PerAnalyzer.ToDictionary(p => p.Key, p => other.PerAnalyzer.TryGetValue(p.Key, out var time) && time < p.Value ? time : p.Value),
            Math.Min(this.AllocatedBytes, other.AllocatedBytes),
            other.Diagnostics,
            this.Generator < other.Generator ? this.Generator : other.Generator);
    }

    /// <summary>A peer's time on the project, with what it did there: the rules it ran and what they reported.</summary>
    private sealed record PeerResult(string Name, TimeSpan Time, int Rules, int Diagnostics);

    private sealed record DocumentResult(double Compiler, double Analyzers)
    {
        public double Share => this.Analyzers / this.Compiler;
    }

    private sealed record SizeResult(
        int Files,
        TimeSpan Compile,
        AnalysisRun Analysis,
        IReadOnlyDictionary<string, long> OwnAllocations,
        TimeSpan StripeFreeCompile,
        TimeSpan StripeFreeOurs,
        List<PeerResult> Peers)
    {
        public TimeSpan Ours => this.Analysis.Total;

        public long OwnAllocatedBytes => this.OwnAllocations.Values.Sum();

        public double Share => this.Ours.TotalMilliseconds / this.Compile.TotalMilliseconds;

        public double StripeFreeShare => this.StripeFreeOurs.TotalMilliseconds / this.StripeFreeCompile.TotalMilliseconds;
    }
}
