namespace Accrue.Portal.Analyzers.Requests
{
    /// <summary>
    /// Checks the user declares in <c>.editorconfig</c> (return-URL validators, customer ownership checks), matched on any
    /// qualified suffix (<c>IsAllowed</c>, <c>UrlPolicy.IsAllowed</c>, <c>MyApp.UrlPolicy.IsAllowed</c>, see
    /// <see cref="QualifiedName"/>), and where they protect a value: a call of the check that returns it, or a read the
    /// check dominates.
    /// </summary>
    internal sealed class DeclaredChecks
    {
        private readonly ImmutableArray<string> names;

        public DeclaredChecks(ImmutableArray<string> names)
        {
            this.names = names.Select(QualifiedName.Normalize).ToImmutableArray();
        }

        public bool IsEmpty => this.names.IsEmpty;

        public bool IsCheck(IMethodSymbol method)
        {
            foreach (var name in this.names)
            {
                if (QualifiedName.NamesMethod(name, method))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a check dominates this read: an enclosing <c>if (Check(x))</c> (or <c>Check(x) ? .. : ..</c>,
        /// <c>Check(x) &amp;&amp; ..</c>), or an earlier statement <c>if (!Check(x)) return/throw/x = ..;</c> or
        /// <c>Check(x);</c> (a throwing check), awaited or not.
        /// </summary>
        public bool Guards(IOperation read)
        {
            var key = Key(read);
            if (key is null || this.names.IsEmpty)
            {
                return false;
            }

            for (IOperation? child = read, node = read.Parent; node is not null; child = node, node = node.Parent)
            {
                switch (node)
                {
                    case IConditionalOperation conditional when (child == conditional.WhenTrue && this.Asserts(conditional.Condition, key, true))
                                                                 || (child == conditional.WhenFalse && this.Asserts(conditional.Condition, key, false)):
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } guardedAnd when child == guardedAnd.RightOperand && this.Asserts(guardedAnd.LeftOperand, key, true):
                        return true;
                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (this.GuardsFollowingStatements(statement, key))
                            {
                                return true;
                            }
                        }

                        break;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private bool GuardsFollowingStatements(IOperation statement, string key)
        {
            switch (statement)
            {
                case IConditionalOperation { WhenFalse: null } check when this.Asserts(check.Condition, key, false):
                    return AlwaysExits(check.WhenTrue) || Reassigns(check.WhenTrue, key);
                case IExpressionStatementOperation { Operation: var expression } when WalkDown(expression) is IInvocationOperation call:
                    return this.IsCheck(call.TargetMethod) && call.Arguments.Any(a => Key(a.Value) == key);
                default:
                    return false;
            }
        }

        /// <summary>Whether <paramref name="condition"/> being <paramref name="outcome"/> proves a check accepted <paramref name="key"/>.</summary>
        private bool Asserts(IOperation condition, string key, bool outcome)
        {
            return WalkDown(condition) switch
            {
                IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation => this.Asserts(negation.Operand, key, !outcome),
                IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when outcome =>
                    this.Asserts(conjunction.LeftOperand, key, true) || this.Asserts(conjunction.RightOperand, key, true),
                IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction when !outcome =>
                    this.Asserts(disjunction.LeftOperand, key, false) || this.Asserts(disjunction.RightOperand, key, false),
                IInvocationOperation call when outcome => this.IsCheck(call.TargetMethod) && call.Arguments.Any(a => Key(a.Value) == key),
                _ => false,
            };
        }

        private static bool AlwaysExits(IOperation operation) => operation switch
        {
            IReturnOperation => true,
            IExpressionStatementOperation { Operation: IThrowOperation } => true,
            IThrowOperation => true,
            IBlockOperation { Operations.Length: > 0 } block => AlwaysExits(block.Operations[block.Operations.Length - 1]),
            _ => false,
        };

        private static bool Reassigns(IOperation operation, string key) =>
            operation.DescendantsAndSelf().Any(o => o is ISimpleAssignmentOperation assignment && Key(assignment.Target) == key);

        /// <summary>A name for what a read reads, to match it with a check's argument: a local, a parameter, a member chain.</summary>
        private static string? Key(IOperation operation)
        {
            return WalkDown(operation) switch
            {
                ILocalReferenceOperation local => "local " + local.Local.Name + "@" + (local.Local.Locations.FirstOrDefault()?.SourceSpan.Start ?? -1),
                IParameterReferenceOperation parameter => "parameter " + parameter.Parameter.Name + "@" + parameter.Parameter.ContainingSymbol.Name,
                IInstanceReferenceOperation => "this",
                IPropertyReferenceOperation { Property.IsIndexer: false, Instance: { } instance } property when Key(instance) is { } owner => owner + "." + property.Property.Name,
                IFieldReferenceOperation { Instance: { } instance } field when Key(instance) is { } owner => owner + "." + field.Field.Name,
                _ => null,
            };
        }

        /// <summary>Conversions and <c>await</c> (an asynchronous check) do not change what is checked.</summary>
        private static IOperation WalkDown(IOperation operation)
        {
            while (operation is IConversionOperation or IAwaitOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IAwaitOperation)operation).Operation;
            }

            return operation;
        }
    }
}
