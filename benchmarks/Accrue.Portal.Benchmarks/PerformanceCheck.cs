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
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

/// <summary>
/// Measures the PORTAL analyzers against the compiler's own time on generated projects of several sizes, and
/// against peer analyzers on the same project, every figure a ratio of two measured in the same run; prints the
/// figures and one table of targets (<see cref="Targets"/>), and exits 1 when a goal (or, with <c>--guard</c>, a
/// regression-guard limit) is missed.
/// </summary>
internal static class PerformanceCheck
{
    private const int DensePortalGroupInterval = 4;
    private const int Repetitions = 4;

    /// <summary>The project whose documents are measured one at a time (see <see cref="MeasureProjectDocumentsAsync"/>).</summary>
    private const int ProjectDocumentFiles = 1000;

    /// <summary>The size at which each rule of an analyzer that serves several is measured alone (see <see cref="MeasureRulesAloneAsync"/>).</summary>
    private const int PerRuleFiles = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var guard = args.Contains("--guard");
        var sizes = Option(args, "--sizes", "100,1000,5000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var ours = CreateOurAnalyzers();
        var peers = args.Contains("--no-peers") ? [] : PeerAnalyzers.Load();

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}");
        Console.WriteLine($"Mode: {(guard ? "regression guard (--guard): exits 1 when a guard limit is missed" : "goals: exits 1 when a goal is missed or not measured")}");
        Console.WriteLine($"Analyzers: {string.Join(", ", ours.Select(a => a.GetType().Name))}");
        Console.WriteLine();

        // JIT and warm the compiler and every analyzer once, so the first size is not charged for it.
        await MeasureSizeAsync(40, ours, [], quiet: true);

        var rows = new List<SizeResult>();
        foreach (var size in sizes)
        {
            rows.Add(await MeasureSizeAsync(size, ours, peers.Where(p => size <= p.MaxFiles).ToList(), quiet: false));
        }

        // A merged analyzer's telemetry is one figure for all its rules: each rule's cost is measured alone (goal runs only).
        var rulesAlone = guard || !sizes.Contains(PerRuleFiles) ? [] : await MeasureRulesAloneAsync(PerRuleFiles, ours);

        // The target applies to a large file at the project's own density of portal code; the portal-dense file (a
        // quarter of it portal endpoints) is the stress case, printed beside it.
        var largeDocument = await MeasureLargeDocumentAsync(ours, SyntheticProject.PortalFileInterval);
        var denseDocument = await MeasureLargeDocumentAsync(ours, DensePortalGroupInterval);
        var projectDocuments = await MeasureProjectDocumentsAsync(ours);
        var run = new Run(rows, largeDocument, denseDocument, projectDocuments);
        Report.Print(run, ours, rulesAlone);

        var checks = Targets.Evaluate(run);
        Targets.Print(checks, guard);
        var met = Targets.Met(checks, guard);
        Console.WriteLine();
        Console.WriteLine(met
            ? (guard ? "Regression guard met." : "All performance goals met.")
            : (guard ? "Regression guard missed (see the table above)." : "Performance goals missed or not measured (see the table above)."));
        return met ? 0 : 1;
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

        var allocations = await MeasureOwnAllocationsAsync(trees, references, ours);
        log.WriteLine(FormattableString.Invariant(
            $"[{size} files] PORTAL analyzers' own allocations {allocations.Own.Values.Sum() / 1048576.0:F1} MB (the driver's, in calls from our callbacks, left out: {allocations.Driver / 1048576.0:F1} MB; the counter's zero, an idle analyzer: {allocations.Idle} bytes)"));

        var stripeFreeTrees = Parse(SyntheticProject.Generate(size, withStripe: false));
        var stripeFreeReferences = WorkloadReferences.Get(withStripe: false);
        // Nothing is registered without Stripe.net, so there is no callback for a collection to land in: fewer repetitions.
        var (stripeFreeCompile, stripeFree) = await MeasureInTurnAsync(large ? 1 : 2, stripeFreeTrees, stripeFreeReferences, ours);
        log.WriteLine($"[{size} files] Stripe-free: compile {stripeFreeCompile.TotalMilliseconds:F0} ms, PORTAL analyzers {stripeFree.Total.TotalMilliseconds:F1} ms, {stripeFree.ActionsPastStart.Values.Sum()} actions past compilation start");

        var peerResults = new List<PeerResult>();
        foreach (var peer in peers)
        {
            var stopwatch = Stopwatch.StartNew();
            var peerRun = await AnalyzeOnceAsync(trees, references, peer.Analyzers, peer);
            log.WriteLine($"[{size} files] {peer.Name} ({peer.Configuration}) {peerRun.Total.TotalMilliseconds:F0} ms in its callbacks, {stopwatch.Elapsed.TotalSeconds:F0} s wall clock with the driver, {peerRun.Diagnostics} diagnostics");
            if (peerRun.FirstFailure is { } failure)
            {
                // A peer's exception is its own business, but its figures then say less: the first one, to read why.
                log.WriteLine($"[{size} files] {peer.Name} threw ({peerRun.DiagnosticsById["AD0001"]} AD0001), the first: {failure[..Math.Min(failure.Length, 600)]}");
            }
            peerResults.Add(new PeerResult(peer.Name, peer.Configuration, peerRun.Total, peer.EnabledRules.Count, peerRun.DiagnosticsById));
        }

        return new SizeResult(size, compile, analysis, allocations, stripeFreeCompile, stripeFree, peerResults);
    }

    /// <summary>
    /// The IDE's per-document pass on a 2,000-line file: the compiler's semantic diagnostics for the document, then the
    /// PORTAL analyzers on it, each on a fresh compilation as after an edit; the medians of 20 runs, side by side.
    /// </summary>
    private static Task<DocumentResult> MeasureLargeDocumentAsync(ImmutableArray<DiagnosticAnalyzer> ours, int portalGroupInterval)
    {
        var source = SyntheticProject.LargeDocument(2000, portalGroupInterval);
        var trees = Parse([("Shop/ShopDbContext.cs", SyntheticProject.Generate(1, withStripe: true)[0].Source), ("Shop/Large.cs", source)]);
        return MeasureDocumentAsync(trees, edited: 1, ours, runs: 20);
    }

    /// <summary>
    /// The same pass on documents of a 1,000-file project (one of each portal shape, and an order controller): what the
    /// rules read beyond the document (every file's words, the indexes of interfaces, entities and options factories)
    /// is paid again after each edit, since the IDE makes a new compilation, and a cost that grows with the project
    /// shows here and not in the two-file project of the 2,000-line document.
    /// </summary>
    private static async Task<IReadOnlyList<ProjectDocumentResult>> MeasureProjectDocumentsAsync(ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var files = SyntheticProject.Generate(ProjectDocumentFiles, withStripe: true);
        var trees = Parse(files);
        var results = new List<ProjectDocumentResult>();
        foreach (var name in PortalShapes.FirstOfEachShape().Append("Orders/Order1Controller.cs"))
        {
            var edited = files.ToList().FindIndex(f => f.FileName == name);
            results.Add(new ProjectDocumentResult(name, await MeasureDocumentAsync(trees, edited, ours, runs: 12)));
        }

        return results;
    }

    /// <summary>One document of <paramref name="trees"/>, edited (a new tree, the others kept) before each of the runs.</summary>
    private static async Task<DocumentResult> MeasureDocumentAsync(ImmutableArray<SyntaxTree> trees, int edited, ImmutableArray<DiagnosticAnalyzer> ours, int runs)
    {
        var references = WorkloadReferences.Get(withStripe: true);
        var compilerSamples = new List<double>();
        var analyzerSamples = new List<double>();
        for (var run = 0; run < runs + 2; run++)
        {
            var document = CSharpSyntaxTree.ParseText(trees[edited].GetText(), (CSharpParseOptions)trees[edited].Options, trees[edited].FilePath);
            var compilation = CreateCompilation(trees.SetItem(edited, document), references);
            var model = compilation.GetSemanticModel(document);
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
            await withAnalyzers.GetAnalysisResultAsync(document, default);
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

    /// <summary>
    /// The same files as new trees, as a build parses them: what the analyzers keep per tree (the words of
    /// <c>TreeWords</c>) is then paid in every run, as in every build, not only in the first.
    /// </summary>
    private static ImmutableArray<SyntaxTree> Reparsed(ImmutableArray<SyntaxTree> trees) =>
        trees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)).ToImmutableArray();

    /// <summary>
    /// A compilation as the command-line compiler makes it, with a syntax-tree options provider (no .editorconfig, so it
    /// says nothing): Sonar asks it for every rule's severity and throws where it is missing.
    /// </summary>
    private static CSharpCompilation CreateCompilation(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(
            "Shop",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release)
                .WithSyntaxTreeOptionsProvider(NoEditorConfig.Instance));

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
        ImmutableArray<SyntaxTree> trees,
        ImmutableArray<MetadataReference> references,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        PeerAnalyzers.Peer? peer = null,
        ImmutableDictionary<string, ReportDiagnostic>? suppressed = null)
    {
        var created = CreateCompilation(Reparsed(trees), references);
        if (peer is not null)
        {
            // The peer's rules on or off as its configuration says, whatever their defaults.
            created = created.WithOptions(created.Options.WithSpecificDiagnosticOptions(peer.DiagnosticOptions));
        }

        if (suppressed is not null)
        {
            created = created.WithOptions(created.Options.WithSpecificDiagnosticOptions(suppressed));
        }

        var (compilation, generator) = RunGenerator(created);
        CollectGarbage();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await compilation.WithAnalyzers(analyzers, Options(additionalFiles: peer?.AdditionalFiles ?? [], peerRun: peer is not null)).GetAnalysisResultAsync(default);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var perAnalyzer = result.AnalyzerTelemetryInfo
            .GroupBy(p => p.Key.GetType().Name)
            .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Value.ExecutionTime));
        var actionsPastStart = result.AnalyzerTelemetryInfo
            .GroupBy(p => p.Key.GetType().Name)
            .ToDictionary(g => g.Key, g => g.Sum(p => ActionsPastCompilationStart(p.Value)));
        var diagnostics = result.GetAllDiagnostics();
        var diagnosticsById = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        var firstFailure = diagnostics.FirstOrDefault(d => d.Id == "AD0001")?.GetMessage(CultureInfo.InvariantCulture);
        return new AnalysisRun(perAnalyzer, actionsPastStart, allocated, diagnosticsById, generator, firstFailure);
    }

    /// <summary>Bytes each of our analyzers allocates in its own callbacks (<see cref="AllocationCountingAnalyzer"/>), by analyzer.</summary>
    private static async Task<Allocations> MeasureOwnAllocationsAsync(
        ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var counting = analyzers.Select(a => new AllocationCountingAnalyzer(a)).ToImmutableArray();
        var idle = new AllocationCountingAnalyzer(new IdleAnalyzer());
        var (compilation, _) = RunGenerator(CreateCompilation(Reparsed(trees), references));
        await compilation.WithAnalyzers(counting.Add(idle).CastArray<DiagnosticAnalyzer>(), Options()).GetAnalysisResultAsync(default);
        return new Allocations(counting.ToDictionary(c => c.Inner.GetType().Name, c => c.AllocatedBytes), counting.Sum(c => c.DriverAllocatedBytes), idle.AllocatedBytes);
    }

    /// <summary>
    /// Each rule of an analyzer that serves several, alone: the analyzer's time with its other rules suppressed, on a
    /// fresh compilation, the best of two. An analyzer that skips the work of a suppressed rule shows each rule's own
    /// cost; one that does not shows the same figure for each, which says so.
    /// </summary>
    private static async Task<IReadOnlyList<RuleAlone>> MeasureRulesAloneAsync(int size, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var trees = Parse(SyntheticProject.Generate(size, withStripe: true));
        var references = WorkloadReferences.Get(withStripe: true);
        var results = new List<RuleAlone>();
        foreach (var analyzer in ours.Where(a => a.SupportedDiagnostics.Length > 1))
        {
            foreach (var rule in analyzer.SupportedDiagnostics)
            {
                var others = analyzer.SupportedDiagnostics.Where(d => d.Id != rule.Id).ToImmutableDictionary(d => d.Id, _ => ReportDiagnostic.Suppress);
                var best = TimeSpan.MaxValue;
                for (var i = 0; i < 2; i++)
                {
                    var run = await AnalyzeOnceAsync(trees, references, [analyzer], suppressed: others);
                    best = run.Total < best ? run.Total : best;
                }

                Console.WriteLine($"[{size} files] {rule.Id} alone ({analyzer.GetType().Name}) {best.TotalMilliseconds:F1} ms");
                results.Add(new RuleAlone(rule.Id, analyzer.GetType().Name, size, best));
            }
        }

        return results;
    }

    private static (CSharpCompilation Compilation, TimeSpan Generator) RunGenerator(CSharpCompilation compilation)
    {
        var driver = CSharpGeneratorDriver.Create(new GuardedSessionGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return ((CSharpCompilation)output, driver.GetTimingInfo().ElapsedTime);
    }

    /// <summary>Every action an analyzer registered but its compilation-start actions, as Roslyn's telemetry counts them (as in IdleCostTests).</summary>
    private static int ActionsPastCompilationStart(AnalyzerTelemetryInfo telemetry) =>
        telemetry.CompilationEndActionsCount + telemetry.CompilationActionsCount + telemetry.SyntaxTreeActionsCount
        + telemetry.AdditionalFileActionsCount + telemetry.SemanticModelActionsCount + telemetry.SymbolActionsCount
        + telemetry.SymbolStartActionsCount + telemetry.SymbolEndActionsCount + telemetry.SyntaxNodeActionsCount
        + telemetry.CodeBlockStartActionsCount + telemetry.CodeBlockEndActionsCount + telemetry.CodeBlockActionsCount
        + telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.OperationBlockEndActionsCount
        + telemetry.OperationBlockActionsCount + telemetry.SuppressionActionsCount;

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

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    internal sealed record AnalysisRun(
        IReadOnlyDictionary<string, TimeSpan> PerAnalyzer,
        IReadOnlyDictionary<string, int> ActionsPastStart,
        long AllocatedBytes,
        IReadOnlyDictionary<string, int> DiagnosticsById,
        TimeSpan Generator,
        string? FirstFailure)
    {
        public TimeSpan Total { get; } = PerAnalyzer.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

        public int Diagnostics => this.DiagnosticsById.Values.Sum();

        /// <summary>Each analyzer's best time of the two runs, and the smaller of the other figures.</summary>
        public AnalysisRun BestOfBoth(AnalysisRun other) => new(
            this.PerAnalyzer.ToDictionary(p => p.Key, p => other.PerAnalyzer.TryGetValue(p.Key, out var time) && time < p.Value ? time : p.Value),
            other.ActionsPastStart,
            Math.Min(this.AllocatedBytes, other.AllocatedBytes),
            other.DiagnosticsById,
            this.Generator < other.Generator ? this.Generator : other.Generator,
            other.FirstFailure);
    }

    /// <summary>Our analyzers' own allocations by analyzer, the driver's left out of them, and the idle analyzer's count (the counter's zero).</summary>
    internal sealed record Allocations(IReadOnlyDictionary<string, long> Own, long Driver, long Idle);

    /// <summary>A peer's time on the project, with what it did there: the rules it ran and what they reported.</summary>
    internal sealed record PeerResult(string Name, string Configuration, TimeSpan Time, int Rules, IReadOnlyDictionary<string, int> DiagnosticsById)
    {
        public int Diagnostics => this.DiagnosticsById.Values.Sum();
    }

    internal sealed record RuleAlone(string Rule, string Analyzer, int Files, TimeSpan Time);

    internal sealed record DocumentResult(double Compiler, double Analyzers)
    {
        public double Share => this.Analyzers / this.Compiler;
    }

    internal sealed record SizeResult(
        int Files,
        TimeSpan Compile,
        AnalysisRun Analysis,
        Allocations Allocations,
        TimeSpan StripeFreeCompile,
        AnalysisRun StripeFree,
        List<PeerResult> Peers)
    {
        public TimeSpan Ours => this.Analysis.Total;

        public double Share => this.Ours.TotalMilliseconds / this.Compile.TotalMilliseconds;

        public double OursPerFile => this.Ours.TotalMilliseconds / this.Files;

        public double OwnMegabytesPerThousandFiles => this.Allocations.Own.Values.Sum() / 1048576.0 * 1000 / this.Files;

        public double StripeFreeShare => this.StripeFree.Total.TotalMilliseconds / this.StripeFreeCompile.TotalMilliseconds;

        public int StripeFreeActionsPastStart => this.StripeFree.ActionsPastStart.Values.Sum();
    }

    private sealed class NoEditorConfig : SyntaxTreeOptionsProvider
    {
        public static readonly NoEditorConfig Instance = new();

        public override GeneratedKind IsGenerated(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }

    internal sealed record ProjectDocumentResult(string FileName, DocumentResult Result);

    internal sealed record Run(IReadOnlyList<SizeResult> Sizes, DocumentResult Document, DocumentResult DenseDocument, IReadOnlyList<ProjectDocumentResult> ProjectDocuments)
    {
        public ProjectDocumentResult DearestProjectDocument => this.ProjectDocuments.MaxBy(d => d.Result.Share)!;
    }
}
