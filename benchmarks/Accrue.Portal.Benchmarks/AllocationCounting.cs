namespace Accrue.Portal.Benchmarks;

using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// An analyzer whose every callback counts the bytes its thread allocates while the callback runs: the analyzer's own
/// allocations, apart from the driver's and the compiler's (a callback runs on one thread from start to end, and the
/// binding it triggers is its own cost too, as it would not happen without it). Used in a measurement run of its own,
/// since the counting adds a little time. The Roslyn analyzer-authoring rules (RS1001, RS1012, RS1025, RS1026) are for
/// analyzers that ship; this wrapper only forwards what the analyzer it wraps asks for.
/// </summary>
#pragma warning disable RS1001, RS1012, RS1025, RS1026
internal sealed class AllocationCountingAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private long allocated;

    public DiagnosticAnalyzer Inner { get; } = inner;

    public long AllocatedBytes => Interlocked.Read(ref this.allocated);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => this.Inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => this.Inner.Initialize(new CountingAnalysisContext(context, this));

    private Action<T> Counted<T>(Action<T> action) => argument =>
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref this.allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    };

    private sealed class CountingAnalysisContext(AnalysisContext context, AllocationCountingAnalyzer owner) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            context.RegisterCompilationStartAction(owner.Counted<CompilationStartAnalysisContext>(start => action(new CountingCompilationStartContext(start, owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => context.RegisterCompilationAction(owner.Counted(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => context.RegisterSemanticModelAction(owner.Counted(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => context.RegisterSymbolAction(owner.Counted(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => context.RegisterCodeBlockStartAction(owner.Counted(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => context.RegisterCodeBlockAction(owner.Counted(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => context.RegisterSyntaxTreeAction(owner.Counted(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            context.RegisterSyntaxNodeAction(owner.Counted(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => context.RegisterOperationAction(owner.Counted(action), operationKinds);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => context.RegisterOperationBlockAction(owner.Counted(action));
    }

    private sealed class CountingCompilationStartContext(CompilationStartAnalysisContext context, AllocationCountingAnalyzer owner)
        : CompilationStartAnalysisContext(context.Compilation, context.Options, context.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => context.RegisterCompilationEndAction(owner.Counted(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => context.RegisterSemanticModelAction(owner.Counted(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => context.RegisterSymbolAction(owner.Counted(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => context.RegisterCodeBlockStartAction(owner.Counted(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => context.RegisterCodeBlockAction(owner.Counted(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => context.RegisterSyntaxTreeAction(owner.Counted(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            context.RegisterSyntaxNodeAction(owner.Counted(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => context.RegisterOperationAction(owner.Counted(action), operationKinds);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => context.RegisterOperationBlockAction(owner.Counted(action));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            context.RegisterOperationBlockStartAction(owner.Counted<OperationBlockStartAnalysisContext>(block => action(new CountingOperationBlockStartContext(block, owner))));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => context.RegisterSymbolStartAction(owner.Counted(action), symbolKind);
    }

    // The obsolete constructor is the one a wrapper can call; the driver keeps serving control-flow graphs to the real context.
#pragma warning disable CS0618
    private sealed class CountingOperationBlockStartContext(OperationBlockStartAnalysisContext context, AllocationCountingAnalyzer owner)
        : OperationBlockStartAnalysisContext(context.OperationBlocks, context.OwningSymbol, context.Compilation, context.Options, context.CancellationToken)
#pragma warning restore CS0618
    {
        public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) => context.RegisterOperationBlockEndAction(owner.Counted(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => context.RegisterOperationAction(owner.Counted(action), operationKinds);
    }
}
#pragma warning restore RS1001, RS1012, RS1025, RS1026
