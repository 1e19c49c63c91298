namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// Runs a rule only for method bodies that can hold what it reports. First, for every rule, the body must touch
    /// Stripe (<see cref="PortalBodies"/>, answered once per body for all rules): for any other body nothing is
    /// registered, so the driver calls no rule back for its operations. Then a whole-method analysis runs only where a
    /// trigger operation fired: the driver walks each body once for every analyzer and hands out only the operation
    /// kinds asked for, so a portal body without a trigger costs a few cheap callbacks instead of one full walk per rule.
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
            var bodies = PortalBodies.For(start.Compilation);
            RegisterForPortalTypes(start, blockStart =>
            {
                if (!bodies.Touches(blockStart.OwningSymbol, blockStart.OperationBlocks))
                {
                    return;
                }

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

        /// <summary>A rule that looks at single operations: called back for them only in bodies that touch Stripe.</summary>
        public static void RegisterOperationAction(CompilationStartAnalysisContext start, Action<OperationAnalysisContext> action, params OperationKind[] kinds)
        {
            var bodies = PortalBodies.For(start.Compilation);
            RegisterForPortalTypes(start, blockStart =>
            {
                if (bodies.Touches(blockStart.OwningSymbol, blockStart.OperationBlocks))
                {
                    blockStart.RegisterOperationAction(action, kinds);
                }
            });
        }

        /// <summary>
        /// Registers <paramref name="blockStart"/> only in the types whose text can touch Stripe (<see cref="PortalTrees"/>):
        /// for every other type the rule registers nothing, so the driver neither calls it back nor builds operations for it.
        /// </summary>
        private static void RegisterForPortalTypes(CompilationStartAnalysisContext start, Action<OperationBlockStartAnalysisContext> blockStart)
        {
            var trees = PortalTrees.For(start.Compilation);
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    if (trees.MayTouch(symbolStart.Symbol))
                    {
                        symbolStart.RegisterOperationBlockStartAction(blockStart);
                    }
                },
                SymbolKind.NamedType);
        }
    }
}
