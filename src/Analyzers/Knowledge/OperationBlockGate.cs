namespace Accrue.Portal.Analyzers.Knowledge
{
    using System;
    using System.Collections.Immutable;
    using System.Threading;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Diagnostics;

    /// <summary>
    /// Runs a whole-method analysis only for method bodies that contain a trigger operation. The compiler's driver
    /// walks each body once for every analyzer and hands out only the operation kinds asked for, so a body without a
    /// trigger (almost every body in an app) costs a few cheap callbacks instead of one full walk per rule.
    /// </summary>
    internal static class OperationBlockGate
    {
        public static void Register(
            CompilationStartAnalysisContext start,
            Func<IOperation, bool> isTrigger,
            Action<OperationBlockAnalysisContext> analyze,
            params OperationKind[] triggerKinds) => Register(start, isTrigger, analyze, ImmutableArray.Create(triggerKinds));

        public static void Register(
            CompilationStartAnalysisContext start,
            Func<IOperation, bool> isTrigger,
            Action<OperationBlockAnalysisContext> analyze,
            ImmutableArray<OperationKind> triggerKinds)
        {
            start.RegisterOperationBlockStartAction(blockStart =>
            {
                var triggered = 0;
                blockStart.RegisterOperationAction(
                    c =>
                    {
                        if (Volatile.Read(ref triggered) == 0 && isTrigger(c.Operation))
                        {
                            Interlocked.Exchange(ref triggered, 1);
                        }
                    },
                    triggerKinds);
                blockStart.RegisterOperationBlockEndAction(c =>
                {
                    if (Volatile.Read(ref triggered) == 1)
                    {
                        analyze(c);
                    }
                });
            });
        }
    }
}
