namespace Accrue.Portal.Analyzers.Requests
{
    /// <summary>
    /// Every write to each local of one method: initializers, assignments, compound assignments, and <c>out</c>/<c>ref</c>
    /// arguments (kept as the <see cref="IArgumentOperation"/>: the value is whatever the callee put there).
    /// </summary>
    internal sealed class LocalValues
    {
        private readonly Dictionary<ILocalSymbol, List<IOperation>> writes = new(SymbolEqualityComparer.Default);

        private LocalValues()
        {
        }

        public static LocalValues Build(ImmutableArray<IOperation> operationBlocks)
        {
            var values = new LocalValues();
            foreach (var block in operationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                            values.Add(declarator.Symbol, initializer.Value);
                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                            values.Add(local.Local, assignment.Value);
                            break;
                        case ICompoundAssignmentOperation { Target: ILocalReferenceOperation local }:
                            values.Add(local.Local, operation);
                            break;
                        case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation local }:
                            values.Add(local.Local, operation);
                            break;
                        case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation local }:
                            values.Add(local.Local, operation);
                            break;
                        case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument
                            when argument.Value is ILocalReferenceOperation or IDeclarationExpressionOperation { Expression: ILocalReferenceOperation }:
                            var target = argument.Value as ILocalReferenceOperation ?? (ILocalReferenceOperation)((IDeclarationExpressionOperation)argument.Value).Expression;
                            values.Add(target.Local, argument);
                            break;
                        case IDeconstructionAssignmentOperation deconstruction:
                            foreach (var assigned in deconstruction.Target.DescendantsAndSelf())
                            {
                                if (assigned is ILocalReferenceOperation local)
                                {
                                    values.Add(local.Local, deconstruction);
                                }
                            }

                            break;
                    }
                }
            }

            return values;
        }

        /// <summary>The value of a local written exactly once, by an initializer or a plain assignment.</summary>
        public IOperation? SingleValue(ILocalSymbol local)
        {
            return local.RefKind == RefKind.None && this.writes.TryGetValue(local, out var found) && found.Count == 1
                   && found[0] is not (IArgumentOperation or ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation)
                ? found[0]
                : null;
        }

        private void Add(ILocalSymbol local, IOperation value)
        {
            if (!this.writes.TryGetValue(local, out var list))
            {
                this.writes[local] = list = new List<IOperation>();
            }

            list.Add(value);
        }
    }
}
