namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// The taint of one method body: which locals and parameters may hold a tainted value, and an evaluator that says
    /// whether an expression does. Flow-insensitive: a local tainted by any assignment anywhere in the body counts as
    /// tainted everywhere (sound for "does it ever reach a sink", at the cost of ignoring order and reassignment).
    /// </summary>
    internal sealed class FlowState
    {
        private readonly TaintEngine engine;
        private readonly MethodFacts facts;
        private readonly int depth;
        private readonly Dictionary<ISymbol, TaintOrigin> tainted;
        private readonly HashSet<ISymbol> functionsBeingEvaluated = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        public FlowState(TaintEngine engine, MethodFacts facts, int depth, Dictionary<ISymbol, TaintOrigin> seeds)
        {
            this.engine = engine;
            this.facts = facts;
            this.depth = depth;
            this.tainted = seeds;
            this.RunToFixpoint();
        }

        /// <summary>The origin of the taint the value may carry (with the sinks a check cleared it for), or null.</summary>
        public TaintOrigin? Evaluate(IOperation? operation)
        {
            if (operation is null || TypeFacts.CannotCarryText(operation.Type))
            {
                return null;
            }

            var origin = this.engine.Specification.GetSource(operation) ?? this.EvaluateParts(operation);
            return origin is null ? null : origin.Clear(this.engine.Specification.ClearedFor(operation));
        }

        private TaintOrigin? EvaluateParts(IOperation operation)
        {

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return this.Lookup(local.Local);
                case IParameterReferenceOperation parameter:
                    return this.Lookup(parameter.Parameter.OriginalDefinition);
                case IConversionOperation conversion:
                    return this.Evaluate(conversion.Operand);
                case IParenthesizedOperation parenthesized:
                    return this.Evaluate(parenthesized.Operand);
                case IConditionalOperation conditional:
                    return this.EvaluateEither(conditional.WhenTrue, conditional.WhenFalse);
                case ICoalesceOperation coalesce:
                    return this.EvaluateEither(coalesce.Value, coalesce.WhenNull);
                case IConditionalAccessOperation conditionalAccess:
                    return this.Evaluate(conditionalAccess.WhenNotNull);
                case IConditionalAccessInstanceOperation instance:
                    return this.Evaluate(instance.ConditionalAccessReceiver());
                case ISwitchExpressionOperation switchExpression:
                    return this.FirstOf(switchExpression.Arms, arm => ((ISwitchExpressionArmOperation)arm).Value);
                case IAwaitOperation awaited:
                    return this.Evaluate(awaited.Operation);
                case IBinaryOperation binary:
                    return this.EvaluateEither(binary.LeftOperand, binary.RightOperand);
                case IAssignmentOperation assignment:
                    return this.Evaluate(assignment.Value);
                case IInterpolatedStringHandlerCreationOperation handler:
                    return this.Evaluate(handler.Content);
                case IInterpolatedStringOperation interpolated:
                    return this.FirstOf(interpolated.Parts, part => part is IInterpolationOperation hole ? hole.Expression : null);
                case IInterpolatedStringAdditionOperation addition:
                    return this.EvaluateEither(addition.Left, addition.Right);
                case ITupleOperation tuple:
                    return this.FirstOf(tuple.Elements, element => element);
                case IArrayCreationOperation array:
                    return this.Evaluate(array.Initializer);
                case IArrayInitializerOperation initializer:
                    return this.FirstOf(initializer.ElementValues, element => element);
                case ICollectionExpressionOperation collection:
                    return this.FirstOf(collection.Elements, element => element);
                case ISpreadOperation spread:
                    return this.Evaluate(spread.Operand);
                case IArrayElementReferenceOperation element:
                    return this.Evaluate(element.ArrayReference);
                case IAnonymousObjectCreationOperation anonymous:
                    return this.FirstOf(anonymous.Initializers, item => item is IAssignmentOperation member ? member.Value : item);
                case IObjectCreationOperation creation:
                    return this.EvaluateCreation(creation);
                case IWithOperation with:
                    return this.EvaluateEither(with.Operand, with.Initializer);
                case IObjectOrCollectionInitializerOperation initializers:
                    return this.EvaluateInitializers(initializers);
                case IMemberInitializerOperation nested:
                    return this.Evaluate(nested.Initializer);
                case IDelegateCreationOperation delegateCreation:
                    return this.Evaluate(delegateCreation.Target);
                case IAnonymousFunctionOperation lambda:
                    return this.EvaluateReturnsOf(lambda.Symbol);
                case IFieldReferenceOperation field:
                    return this.EvaluateField(field);
                case IPropertyReferenceOperation property:
                    return this.EvaluateProperty(property);
                case IInvocationOperation invocation:
                    return this.EvaluateInvocation(invocation);
                case IDynamicMemberReferenceOperation dynamicMember:
                    return this.Evaluate(dynamicMember.Instance);
                default:
                    return null;
            }
        }

        private TaintOrigin? Lookup(ISymbol symbol) => this.tainted.TryGetValue(symbol, out var origin) ? origin : null;

        private void RunToFixpoint()
        {
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var (target, value) in this.facts.Flows)
                {
                    // A target already tainted is revisited only while a check clears it: a later, unchecked write wins.
                    var known = this.Lookup(target);
                    if ((known is null || known.Cleared != SinkKind.None) && !TypeFacts.CannotCarryText(TypeOf(target))
                        && this.Evaluate(value) is { } origin && TaintOrigin.Worse(known, origin) is { } worse && worse != known)
                    {
                        this.tainted[target] = worse;
                        changed = true;
                    }
                }
            }
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        /// <summary>The taint of the parts, stopping at the first part no check cleared.</summary>
        private TaintOrigin? FirstOf<T>(IEnumerable<T> items, System.Func<T, IOperation?> select)
        {
            TaintOrigin? found = null;
            foreach (var item in items)
            {
                found = TaintOrigin.Worse(found, this.Evaluate(select(item)));
                if (found is { Cleared: SinkKind.None })
                {
                    return found;
                }
            }

            return found;
        }

        private TaintOrigin? EvaluateEither(IOperation? first, IOperation? second)
        {
            var found = this.Evaluate(first);
            return found is { Cleared: SinkKind.None } ? found : TaintOrigin.Worse(found, this.Evaluate(second));
        }

        private TaintOrigin? EvaluateReturnsOf(ISymbol function)
        {
            if (!this.functionsBeingEvaluated.Add(function))
            {
                return null;
            }

            try
            {
                return this.FirstOf(this.facts.ReturnsOf(function), value => value);
            }
            finally
            {
                this.functionsBeingEvaluated.Remove(function);
            }
        }

        private TaintOrigin? EvaluateInitializers(IObjectOrCollectionInitializerOperation initializers)
        {
            TaintOrigin? found = null;
            foreach (var item in initializers.Initializers)
            {
                found = TaintOrigin.Worse(found, item switch
                {
                    IAssignmentOperation member => this.Evaluate(member.Value),
                    IInvocationOperation add => this.FirstOf(add.Arguments, argument => argument.Value),
                    _ => this.Evaluate(item),
                });
                if (found is { Cleared: SinkKind.None })
                {
                    return found;
                }
            }

            return found;
        }

        private TaintOrigin? EvaluateCreation(IObjectCreationOperation creation)
        {
            var type = creation.Type;
            if (type is not null && this.engine.Specification.IsSinkContainer(type))
            {
                return null;
            }

            var fromArguments = creation.Constructor is { } constructor
                                && (TypeFacts.HasSourceBody(constructor, this.engine.Compilation) || (this.engine.Propagation.Lookup(constructor) & Propagation.FromArguments) != 0);
            var found = fromArguments ? this.FirstOf(creation.Arguments, argument => argument.Value) : null;
            return found is { Cleared: SinkKind.None } ? found : TaintOrigin.Worse(found, this.Evaluate(creation.Initializer));
        }

        private TaintOrigin? EvaluateField(IFieldReferenceOperation field)
        {
            // Tuple elements (t.Item1) and fields of the application's own objects carry what their object carries.
            var containingType = field.Field.ContainingType;
            return containingType.IsTupleType || TypeFacts.IsTypeDeclaredInSource(containingType, this.engine.Compilation) ? this.Evaluate(field.Instance) : null;
        }

        private TaintOrigin? EvaluateProperty(IPropertyReferenceOperation property)
        {
            var symbol = property.Property;
            if (symbol.GetMethod is { } getter
                && this.TryEvaluateCalls(getter, property, property.Instance, property.Arguments, out var fromGetter)
                && (fromGetter is not null || TypeFacts.HasSourceBody(getter, this.engine.Compilation)))
            {
                return fromGetter;
            }

            if (symbol.ContainingType.IsAnonymousType || TypeFacts.IsTypeDeclaredInSource(symbol.ContainingType, this.engine.Compilation))
            {
                return this.Evaluate(property.Instance);
            }

            return (this.engine.Propagation.Lookup(symbol) & Propagation.FromReceiver) != 0 ? this.Evaluate(property.Instance) : null;
        }

        private TaintOrigin? EvaluateInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            switch (method.MethodKind)
            {
                case MethodKind.LocalFunction:
                    return this.EvaluateReturnsOf(method.OriginalDefinition);
                case MethodKind.DelegateInvoke:
                    return this.Evaluate(invocation.Instance);
            }

            if (this.TryEvaluateCalls(method, invocation, invocation.Instance, invocation.Arguments, out var fromCall))
            {
                return fromCall;
            }

            if (this.engine.Specification.DescribeLookup(method) is { } lookup)
            {
                return this.FirstOf(invocation.Arguments, argument => argument.Value)?
                    .FoundBy(invocation.Syntax.GetLocation(), lookup + " on line " + TaintOrigin.LineOf(invocation.Syntax));
            }

            var propagates = this.engine.Propagation.Lookup(method);
            if (propagates == Propagation.None && method.Name == nameof(ToString) && method.Parameters.Length == 0)
            {
                propagates = Propagation.FromReceiver;
            }

            var isExtension = method.ReducedFrom is not null || method.IsExtensionMethod;
            var fromReceiver = (propagates & Propagation.FromReceiver) != 0 && !isExtension ? this.Evaluate(invocation.Instance) : null;
            if (fromReceiver is { Cleared: SinkKind.None }
                || (propagates & (Propagation.FromArguments | (isExtension ? Propagation.FromReceiver : Propagation.None))) == 0)
            {
                return fromReceiver;
            }

            return TaintOrigin.Worse(fromReceiver, this.FirstOf(invocation.Arguments, argument => argument.Parameter?.RefKind == RefKind.Out ? null : argument.Value));
        }

        /// <summary>
        /// A call into this compilation, its own body or, through an interface or virtual member, each implementation's:
        /// false when the callee has no body here (then the propagation table decides).
        /// </summary>
        private bool TryEvaluateCalls(IMethodSymbol method, IOperation call, IOperation? instance, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, out TaintOrigin? found)
        {
            var hasBody = TypeFacts.HasSourceBody(method, this.engine.Compilation);
            var dispatches = this.engine.TryGetImplementations(method, out var bodies);
            found = hasBody ? this.EvaluateCall(method, null, call, instance, arguments) : null;
            foreach (var body in bodies)
            {
                if (found is { Cleared: SinkKind.None })
                {
                    break;
                }

                found = TaintOrigin.Worse(found, this.EvaluateCall(body, method, call, instance, arguments));
            }

            return hasBody || dispatches;
        }

        /// <summary>A call into this compilation: the callee's summaries decide, within the depth bound.</summary>
        private TaintOrigin? EvaluateCall(IMethodSymbol method, IMethodSymbol? calledThrough, IOperation call, IOperation? instance, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            if (this.depth <= 0)
            {
                return null;
            }

            TaintOrigin? found = null;
            if (this.engine.ReturnsTaint(method, this.depth - 1) is { } returned)
            {
                found = returned.ReturnedBy(call.Syntax.GetLocation(), "returned by " + TaintEngine.QuoteCallee(method, calledThrough) + " on line " + TaintOrigin.LineOf(call.Syntax));
                if (found.Cleared == SinkKind.None)
                {
                    return found;
                }
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter
                    && this.Evaluate(argument.Value) is { } origin
                    && this.engine.GetParameterSummary(method, parameter.Ordinal, this.depth - 1) is { ReachesReturn: true } summary)
                {
                    found = TaintOrigin.Worse(found, origin.Clear(summary.ReturnCleared));
                    if (found is { Cleared: SinkKind.None })
                    {
                        return found;
                    }
                }
            }

            // An instance method of the application's own tainted object: assume its text carries the object's content.
            return instance is not null && instance is not IInstanceReferenceOperation ? TaintOrigin.Worse(found, this.Evaluate(instance)) : found;
        }
    }
}
