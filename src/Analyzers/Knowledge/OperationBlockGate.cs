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

        /// <param name="isTriggeredByOwner">A trigger in the body's own declaration (its parameters), asked once per body.</param>
        public static void Register(
            CompilationStartAnalysisContext start,
            Func<IOperation, bool> isTrigger,
            Action<OperationBlockAnalysisContext> analyze,
            ImmutableArray<OperationKind> triggerKinds,
            Func<ISymbol, bool>? isTriggeredByOwner = null)
        {
            start.RegisterOperationBlockStartAction(blockStart =>
            {
                var triggered = isTriggeredByOwner?.Invoke(blockStart.OwningSymbol) == true ? 1 : 0;
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
