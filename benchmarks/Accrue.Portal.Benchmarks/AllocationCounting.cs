namespace Accrue.Portal.Benchmarks;

using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// An analyzer whose every callback counts the bytes its thread allocates while the callback runs, less what the driver
/// allocates in the calls the callback makes into it (registering nested actions, reporting a diagnostic: the driver's
/// bookkeeping, its generated-code scan of the file and its suppression checks): the analyzer's own allocations,
/// apart from the driver's and those of the compiler's own passes. A callback runs on one thread from start to end;
/// the binding it asks for (a body's operations, a symbol's members) is its own cost, as it would not happen without
/// it. The wrapping contexts are built before the count starts, so the counter's own objects are not charged either;
/// <see cref="IdleAnalyzer"/> checks that: it registers like ours and does nothing, and must count zero. Used in a
/// measurement run of its own, since the counting adds a little time. The rebuilt contexts serve no control-flow graph
/// and say no tree or span filter, which a whole-compilation run does not have. The Roslyn analyzer-authoring rules
/// (RS1001, RS1012, RS1025, RS1026, RS2008) are for analyzers that ship; this wrapper only forwards what the analyzer it wraps
/// asks for.
/// </summary>
#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS2008, CS0618
internal sealed class AllocationCountingAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    // The driver's allocations in calls a callback makes into it, on this thread; a callback subtracts the growth.
    [ThreadStatic]
    private static long driverBytesOnThread;

    private long allocated;
    private long driverAllocated;

    public DiagnosticAnalyzer Inner { get; } = inner;

    /// <summary>Bytes the analyzer's callbacks allocated, less the driver's calls made from them.</summary>
    public long AllocatedBytes => Interlocked.Read(ref this.allocated);

    /// <summary>Bytes the driver allocated in the calls the analyzer's callbacks made into it, left out of <see cref="AllocatedBytes"/>.</summary>
    public long DriverAllocatedBytes => Interlocked.Read(ref this.driverAllocated);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => this.Inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => this.Inner.Initialize(new CountingAnalysisContext(context, this));

    private static long DriverCallStart() => GC.GetAllocatedBytesForCurrentThread();

    private static void DriverCallEnd(long start) => driverBytesOnThread += GC.GetAllocatedBytesForCurrentThread() - start;

    private void Run<T>(Action<T> action, T argument)
    {
        var driverBefore = driverBytesOnThread;
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            action(argument);
        }
        finally
        {
            var total = GC.GetAllocatedBytesForCurrentThread() - before;
            var driver = driverBytesOnThread - driverBefore;
            Interlocked.Add(ref this.allocated, total - driver);
            Interlocked.Add(ref this.driverAllocated, driver);
        }
    }

    private Action<Diagnostic> Reporter(Action<Diagnostic> report) => diagnostic =>
    {
        var start = DriverCallStart();
        report(diagnostic);
        DriverCallEnd(start);
    };

    private static bool AnySupported(Diagnostic diagnostic) => true;

    private Action<CompilationAnalysisContext> Count(Action<CompilationAnalysisContext> action) =>
        c => this.Run(action, new CompilationAnalysisContext(c.Compilation, c.Options, this.Reporter(c.ReportDiagnostic), AnySupported, c.CancellationToken));

    private Action<SemanticModelAnalysisContext> Count(Action<SemanticModelAnalysisContext> action) =>
        c => this.Run(action, new SemanticModelAnalysisContext(c.SemanticModel, c.Options, this.Reporter(c.ReportDiagnostic), AnySupported, c.CancellationToken));

    private Action<SymbolAnalysisContext> Count(Action<SymbolAnalysisContext> action) =>
        c => this.Run(action, new SymbolAnalysisContext(c.Symbol, c.Compilation, c.Options, this.Reporter(c.ReportDiagnostic), AnySupported, c.CancellationToken));

    private Action<SyntaxTreeAnalysisContext> Count(Action<SyntaxTreeAnalysisContext> action) =>
        c => this.Run(action, new SyntaxTreeAnalysisContext(c.Tree, c.Options, this.Reporter(c.ReportDiagnostic), AnySupported, c.CancellationToken));

    private Action<SyntaxNodeAnalysisContext> Count(Action<SyntaxNodeAnalysisContext> action) =>
        c => this.Run(action, new SyntaxNodeAnalysisContext(c.Node, c.ContainingSymbol, c.SemanticModel, c.Options, this.Reporter(c.ReportDiagnostic), AnySupported, c.CancellationToken));

    private Action<CodeBlockAnalysisContext> Count(Action<CodeBlockAnalysisContext> action) =>
        c => this.Run(action, new CodeBlockAnalysisContext(c.CodeBlock, c.OwningSymbol, c.SemanticModel, c.Options, this.Reporter(c.ReportDiagnostic), AnySupported, c.CancellationToken));

    private Action<OperationAnalysisContext> Count(Action<OperationAnalysisContext> action) =>
        c => this.Run(action, new OperationAnalysisContext(c.Operation, c.ContainingSymbol, c.Compilation, c.Options, this.Reporter(c.ReportDiagnostic), AnySupported, c.CancellationToken));

    private Action<OperationBlockAnalysisContext> Count(Action<OperationBlockAnalysisContext> action) =>
        c => this.Run(action, new OperationBlockAnalysisContext(c.OperationBlocks, c.OwningSymbol, c.Compilation, c.Options, this.Reporter(c.ReportDiagnostic), AnySupported, c.CancellationToken));

    private Action<CompilationStartAnalysisContext> Count(Action<CompilationStartAnalysisContext> action) =>
        c => this.Run(action, new CountingCompilationStartContext(c, this));

    private Action<SymbolStartAnalysisContext> Count(Action<SymbolStartAnalysisContext> action) =>
        c => this.Run(action, new CountingSymbolStartContext(c, this));

    private Action<OperationBlockStartAnalysisContext> Count(Action<OperationBlockStartAnalysisContext> action) =>
        c => this.Run(action, new CountingOperationBlockStartContext(c, this));

    private Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> Count<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        where TLanguageKindEnum : struct =>
        c => this.Run(action, new CountingCodeBlockStartContext<TLanguageKindEnum>(c, this));

    // Every registration below is a call into the driver made from a callback (but the top-level ones, made from
    // Initialize, which is not counted): its bookkeeping is the driver's, so the call is left out of the count.
    private sealed class CountingAnalysisContext(AnalysisContext context, AllocationCountingAnalyzer owner) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => context.RegisterCompilationStartAction(owner.Count(action));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => context.RegisterCompilationAction(owner.Count(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => context.RegisterSemanticModelAction(owner.Count(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => context.RegisterSymbolAction(owner.Count(action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => context.RegisterSymbolStartAction(owner.Count(action), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => context.RegisterCodeBlockStartAction(owner.Count(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => context.RegisterCodeBlockAction(owner.Count(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => context.RegisterSyntaxTreeAction(owner.Count(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            context.RegisterSyntaxNodeAction(owner.Count(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => context.RegisterOperationAction(owner.Count(action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => context.RegisterOperationBlockStartAction(owner.Count(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => context.RegisterOperationBlockAction(owner.Count(action));
    }

    private sealed class CountingCompilationStartContext(CompilationStartAnalysisContext context, AllocationCountingAnalyzer owner)
        : CompilationStartAnalysisContext(context.Compilation, context.Options, context.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterCompilationEndAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterSemanticModelAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
            var start = DriverCallStart();
            context.RegisterSymbolAction(owner.Count(action), symbolKinds);
            DriverCallEnd(start);
        }

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
        {
            var start = DriverCallStart();
            context.RegisterSymbolStartAction(owner.Count(action), symbolKind);
            DriverCallEnd(start);
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
            var start = DriverCallStart();
            context.RegisterCodeBlockStartAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterCodeBlockAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterSyntaxTreeAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            var start = DriverCallStart();
            context.RegisterSyntaxNodeAction(owner.Count(action), syntaxKinds);
            DriverCallEnd(start);
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
            var start = DriverCallStart();
            context.RegisterOperationAction(owner.Count(action), operationKinds);
            DriverCallEnd(start);
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterOperationBlockAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterOperationBlockStartAction(owner.Count(action));
            DriverCallEnd(start);
        }
    }

    private sealed class CountingSymbolStartContext(SymbolStartAnalysisContext context, AllocationCountingAnalyzer owner)
        : SymbolStartAnalysisContext(context.Symbol, context.Compilation, context.Options, context.CancellationToken)
    {
        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterSymbolEndAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
            var start = DriverCallStart();
            context.RegisterCodeBlockStartAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterCodeBlockAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            var start = DriverCallStart();
            context.RegisterSyntaxNodeAction(owner.Count(action), syntaxKinds);
            DriverCallEnd(start);
        }

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterOperationBlockStartAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterOperationBlockAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
            var start = DriverCallStart();
            context.RegisterOperationAction(owner.Count(action), operationKinds);
            DriverCallEnd(start);
        }
    }

    private sealed class CountingCodeBlockStartContext<TLanguageKindEnum>(CodeBlockStartAnalysisContext<TLanguageKindEnum> context, AllocationCountingAnalyzer owner)
        : CodeBlockStartAnalysisContext<TLanguageKindEnum>(context.CodeBlock, context.OwningSymbol, context.SemanticModel, context.Options, context.CancellationToken)
        where TLanguageKindEnum : struct
    {
        public override void RegisterCodeBlockEndAction(Action<CodeBlockAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterCodeBlockEndAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterSyntaxNodeAction(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            var start = DriverCallStart();
            context.RegisterSyntaxNodeAction(owner.Count(action), syntaxKinds);
            DriverCallEnd(start);
        }
    }

    private sealed class CountingOperationBlockStartContext(OperationBlockStartAnalysisContext context, AllocationCountingAnalyzer owner)
        : OperationBlockStartAnalysisContext(context.OperationBlocks, context.OwningSymbol, context.Compilation, context.Options, context.CancellationToken)
    {
        public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action)
        {
            var start = DriverCallStart();
            context.RegisterOperationBlockEndAction(owner.Count(action));
            DriverCallEnd(start);
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
            var start = DriverCallStart();
            context.RegisterOperationAction(owner.Count(action), operationKinds);
            DriverCallEnd(start);
        }
    }
}

/// <summary>
/// The counter's zero: an analyzer that registers as ours do (a compilation start, a gate of operation callbacks in
/// every body, a block end) and does nothing in them, allocating nothing itself. Counted by
/// <see cref="AllocationCountingAnalyzer"/>, it must come out at zero bytes, or the counter charges the driver's work
/// to the analyzers.
/// </summary>
internal sealed class IdleAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("IDLE001", "Idle", "Idle", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    // Kinds held once: the params overloads copy their array on every call, an allocation of the analyzer's own.
    private static readonly ImmutableArray<OperationKind> CreationKinds = [OperationKind.ObjectCreation];
    private static readonly ImmutableArray<OperationKind> GateKinds = [OperationKind.Invocation, OperationKind.PropertyReference];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationAction(static _ => { }, CreationKinds);
            start.RegisterOperationBlockStartAction(static block =>
            {
                block.RegisterOperationAction(static _ => { }, GateKinds);
                block.RegisterOperationBlockEndAction(static _ => { });
            });
        });
    }
}
#pragma warning restore RS1001, RS1012, RS1025, RS1026, RS2008, CS0618
