namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// What one walk over a method body (nested lambdas and local functions included) finds: the value flows into locals
    /// and parameters, the operations that may write to a sink, the returned values per function, and the gate flags.
    /// </summary>
    internal sealed class MethodFacts
    {
        private List<SinkSite>? sinks;

        private readonly Compilation compilation;

        private MethodFacts(ISymbol owner, Compilation compilation)
        {
            this.Owner = owner;
            this.compilation = compilation;
        }

        public ISymbol Owner { get; }

        /// <summary>Assignments of a value to a local or parameter, including writes into the object a local holds.</summary>
        public List<(ISymbol Target, IOperation Value)> Flows { get; } = new List<(ISymbol, IOperation)>();

        public List<IOperation> SinkCandidates { get; } = new List<IOperation>();

        /// <summary>Calls of methods and constructors with a body in this compilation (their summaries may hold sinks).</summary>
        public List<CallIntoCompilation> CallsIntoCompilation { get; } = new List<CallIntoCompilation>();

        /// <summary>Returned values keyed by the function that returns them (the body's owner, a lambda or a local function).</summary>
        public Dictionary<ISymbol, List<IOperation>> Returns { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

        public bool HasSourceCandidate { get; private set; }

        /// <summary>The body calls a method or property getter with source in this compilation.</summary>
        public bool HasCallsIntoCompilation { get; private set; }

        public static MethodFacts Collect(ISymbol owner, ImmutableArray<IOperation> blocks, Compilation compilation, TaintSpecification specification, PropagationTable propagation, Implementations implementations)
        {
            var facts = new MethodFacts(owner, compilation);
            foreach (var block in blocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    facts.Visit(operation, specification, propagation, implementations);
                }
            }

            return facts;
        }

        /// <summary>The sinks of the body under <paramref name="specification"/>, found once (the facts belong to one engine).</summary>
        public IReadOnlyList<SinkSite> GetSinks(TaintSpecification specification)
        {
            if (this.sinks is { } known)
            {
                return known;
            }

            var found = new List<SinkSite>();
            foreach (var candidate in this.SinkCandidates)
            {
                specification.AddSinks(candidate, this.Owner, found);
            }

            this.sinks = found;
            return found;
        }

        public IEnumerable<IOperation> ReturnsOf(ISymbol function)
        {
            return this.Returns.TryGetValue(function, out var values) ? values : (IEnumerable<IOperation>)System.Array.Empty<IOperation>();
        }

        /// <summary>The local or parameter whose object a member, element or dynamic access writes into.</summary>
        public static ISymbol? RootSymbol(IOperation? operation)
        {
            while (operation is not null)
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    default:
                        operation = operation switch
                        {
                            IFieldReferenceOperation field => field.Instance,
                            IPropertyReferenceOperation property => property.Instance,
                            IArrayElementReferenceOperation element => element.ArrayReference,
                            IDynamicMemberReferenceOperation dynamicMember => dynamicMember.Instance,
                            IDynamicIndexerAccessOperation dynamicIndexer => dynamicIndexer.Operation,
                            IConversionOperation conversion => conversion.Operand,
                            IDeclarationExpressionOperation declaration => declaration.Expression,
                            IConditionalAccessInstanceOperation instance => instance.ConditionalAccessReceiver(),
                            _ => null,
                        };
                        break;
                }
            }

            return null;
        }

        private void Visit(IOperation operation, TaintSpecification specification, PropagationTable propagation, Implementations implementations)
        {
            if (!this.HasSourceCandidate && specification.IsSourceCandidate(operation))
            {
                this.HasSourceCandidate = true;
            }

            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                    this.Flows.Add((declarator.Symbol, initializer.Value));
                    break;

                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var target in deconstruction.Target.DescendantsAndSelf())
                    {
                        if (target is ILocalReferenceOperation local)
                        {
                            this.Flows.Add((local.Local, deconstruction.Value));
                        }
                    }

                    break;

                case IAssignmentOperation assignment:
                    this.SinkCandidates.Add(assignment);
                    this.AddAssignment(assignment.Target, assignment.Value, specification);
                    break;

                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        this.Flows.Add((local, loop.Collection));
                    }

                    break;

                case IDeclarationPatternOperation { DeclaredSymbol: { } declared, Parent: IIsPatternOperation isPattern }:
                    this.Flows.Add((declared, isPattern.Value));
                    break;

                case IInvocationOperation invocation:
                    this.SinkCandidates.Add(invocation);
                    this.AddInvocation(invocation, propagation, implementations);
                    break;

                case IObjectCreationOperation creation:
                    this.SinkCandidates.Add(creation);
                    if (creation.Constructor is { } constructor && TypeFacts.HasSourceBody(constructor, this.compilation))
                    {
                        this.HasCallsIntoCompilation = true;
                        this.CallsIntoCompilation.Add(new CallIntoCompilation(constructor, creation.Arguments, CalledThrough: null));
                    }

                    break;

                case IPropertyReferenceOperation { Property.GetMethod: { } getter } when TypeFacts.HasSourceBody(getter, this.compilation) || implementations.TryGet(getter, out _):
                    this.HasCallsIntoCompilation = true;
                    break;

                case IReturnOperation { ReturnedValue: { } returned }:
                    var function = EnclosingFunction(operation) ?? this.Owner;
                    if (!this.Returns.TryGetValue(function, out var list))
                    {
                        list = new List<IOperation>();
                        this.Returns.Add(function, list);
                    }

                    list.Add(returned);
                    break;
            }
        }

        private void AddAssignment(IOperation target, IOperation value, TaintSpecification specification)
        {
            if (target is ILocalReferenceOperation or IParameterReferenceOperation)
            {
                this.Flows.Add((RootSymbol(target)!, value));
                return;
            }

            var root = RootSymbol(target);
            var container = target switch
            {
                IMemberReferenceOperation member => member.Instance?.Type,
                IArrayElementReferenceOperation element => element.ArrayReference.Type,
                _ => null,
            };
            if (root is not null && (container is null || !specification.IsSinkContainer(container)))
            {
                this.Flows.Add((root, value));
            }
        }

        private void AddInvocation(IInvocationOperation invocation, PropagationTable propagation, Implementations implementations)
        {
            var method = invocation.TargetMethod;
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                // Local functions are analysed inline: their parameters receive the arguments of every call.
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { } parameter)
                    {
                        this.Flows.Add((parameter.OriginalDefinition, argument.Value));
                    }
                }

                return;
            }

            var hasBody = TypeFacts.HasSourceBody(method, this.compilation);
            var dispatches = implementations.TryGet(method, out var bodies);
            if (hasBody || dispatches)
            {
                this.HasCallsIntoCompilation = true;
                if (hasBody)
                {
                    this.CallsIntoCompilation.Add(new CallIntoCompilation(method, invocation.Arguments, CalledThrough: null));
                }

                foreach (var body in bodies)
                {
                    this.CallsIntoCompilation.Add(new CallIntoCompilation(body, invocation.Arguments, method));
                }

                return;
            }

            var propagates = propagation.Lookup(method);
            var receiver = method.IsExtensionMethod || method.ReducedFrom is not null
                ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
                : invocation.Instance;
            var receiverRoot = RootSymbol(SkipReturnedReceivers(receiver, propagation));
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value == receiver)
                {
                    continue;
                }

                if ((propagates & Propagation.IntoReceiver) != 0 && receiverRoot is not null)
                {
                    this.Flows.Add((receiverRoot, argument.Value));
                }

                // Uri.TryCreate(text, kind, out var uri): an out argument of a propagating call receives the inputs;
                // query.TryGetValue(key, out var value): it receives what the receiver holds.
                if (argument.Parameter?.RefKind == RefKind.Out && RootSymbol(argument.Value) is { } output)
                {
                    if ((propagates & Propagation.FromReceiver) != 0 && invocation.Instance is { } instance)
                    {
                        this.Flows.Add((output, instance));
                    }

                    if ((propagates & Propagation.FromArguments) != 0)
                    {
                        foreach (var input in invocation.Arguments)
                        {
                            if (input.Parameter?.RefKind != RefKind.Out)
                            {
                                this.Flows.Add((output, input.Value));
                            }
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The object a chain of receiver-returning calls starts from: <c>body.Append("x").AppendLine(url)</c> writes into
        /// <c>body</c>. A catalogued call that stores into its receiver and returns its own type returns the receiver.
        /// </summary>
        private static IOperation? SkipReturnedReceivers(IOperation? receiver, PropagationTable propagation)
        {
            while (receiver is IInvocationOperation { Instance: { } inner } call
                   && !call.TargetMethod.IsStatic
                   && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ReturnType, call.TargetMethod.ContainingType)
                   && (propagation.Lookup(call.TargetMethod) & Propagation.IntoReceiver) != 0)
            {
                receiver = inner;
            }

            return receiver;
        }

        private static ISymbol? EnclosingFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return lambda.Symbol;
                    case ILocalFunctionOperation localFunction:
                        return localFunction.Symbol;
                }
            }

            return null;
        }
    }

    /// <summary>A call of a method or constructor declared in this compilation, with its arguments.</summary>
    /// <param name="Method">The body that runs: the callee, or one implementation of the interface or virtual member called.</param>
    /// <param name="Arguments">The call's arguments.</param>
    /// <param name="CalledThrough">The interface or virtual member the call names, when <paramref name="Method"/> is one of its implementations.</param>
    internal readonly record struct CallIntoCompilation(IMethodSymbol Method, ImmutableArray<IArgumentOperation> Arguments, IMethodSymbol? CalledThrough);
}
