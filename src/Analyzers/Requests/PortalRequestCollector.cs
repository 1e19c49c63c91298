namespace Accrue.Portal.Analyzers.Requests
{
    /// <summary>Recognises a call that sends a Stripe request, and the options argument it sends.</summary>
    internal delegate bool RequestCallMatcher(IInvocationOperation invocation, out IOperation options);

    /// <summary>
    /// Finds, for one method (an operation block), every <see cref="PortalRequest"/>: the calls that send an options
    /// object, and what the method provably writes on it before (<see cref="OptionsObjectBuilder"/>).
    /// <para>
    /// Across methods (<see cref="RequestReach"/>): an object created here and passed to a method of the compilation
    /// (or an interface or virtual member, into each implementation) is followed there, its writes added, to the call
    /// that sends it; an object created here and returned (a factory) is followed into each caller, which may complete
    /// it and send it or pass it on. Such a request is reported here, where the object is created.
    /// </para>
    /// </summary>
    internal sealed class PortalRequestCollector
    {
        private readonly PortalRequestSymbols symbols;
        private readonly RequestCallMatcher matcher;
        private readonly OptionsObjectBuilder builder;
        private readonly List<(IInvocationOperation Call, IOperation Options)> calls = new();
        private readonly List<(IInvocationOperation Call, IArgumentOperation Argument)> handOffs = new();
        private readonly List<IReturnOperation> returns = new();
        private readonly List<IObjectCreationOperation> creations = new();

        private PortalRequestCollector(PortalRequestSymbols symbols, RequestCallMatcher matcher, IOperation? seedCall = null, IParameterSymbol? seedParameter = null, OptionsObject? seed = null)
        {
            this.symbols = symbols;
            this.matcher = matcher;
            this.builder = new OptionsObjectBuilder(symbols, matcher, seedCall, seedParameter, seed);
        }

        /// <summary>The requests reaching portal-session calls.</summary>
        public static ImmutableArray<PortalRequest> Collect(ISymbol owner, ImmutableArray<IOperation> operationBlocks, PortalRequestSymbols symbols) =>
            Collect(owner, operationBlocks, symbols, symbols.TryMatchSessionCreate, includeUnsent: false);

        /// <summary>
        /// The requests reaching the calls <paramref name="matcher"/> recognises (session creation, configuration writes),
        /// in this method or along the methods the object is passed to or returned to. With
        /// <paramref name="includeUnsent"/>, also every options object created here that reaches no call in sight
        /// (<see cref="PortalRequest.IsUnsent"/>), for rules that judge a value wherever it is written.
        /// </summary>
        public static ImmutableArray<PortalRequest> Collect(ISymbol owner, ImmutableArray<IOperation> operationBlocks, PortalRequestSymbols symbols, RequestCallMatcher matcher, bool includeUnsent)
        {
            var collector = new PortalRequestCollector(symbols, matcher);
            collector.Walk(operationBlocks);
            var requests = ImmutableArray.CreateBuilder<PortalRequest>(collector.calls.Count);
            foreach (var (call, options) in collector.calls)
            {
                requests.Add(new PortalRequest(call, options, collector.builder.Build(options, call), acrossMethods: false));
            }

            var reach = symbols.Reach;
            foreach (var (call, argument) in collector.handOffs)
            {
                collector.FollowHandOff(reach, call, argument, null, TaintDepth, requests);
            }

            if (owner is IMethodSymbol method && symbols.IsRequestOptionsType(method.ReturnType))
            {
                foreach (var returned in collector.returns)
                {
                    collector.FollowToCallers(reach, method, returned, requests);
                }
            }

            if (includeUnsent)
            {
                collector.AddUnsent(requests);
            }

            return requests.ToImmutable();
        }

        /// <summary>How many methods deep a request is followed: the data-flow rules' bound.</summary>
        private const int TaintDepth = DataFlow.TaintEngine.MaxCallDepth;

        private void Walk(ImmutableArray<IOperation> operationBlocks)
        {
            foreach (var block in operationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (this.builder.Index(operation))
                    {
                        continue;
                    }

                    switch (operation)
                    {
                        case IInvocationOperation invocation when this.matcher(invocation, out var options):
                            this.calls.Add((invocation, options));
                            break;
                        case IArgumentOperation { Parent: IInvocationOperation call, Parameter: { } parameter } argument
                            when this.symbols.IsRequestOptionsType(parameter.Type) && call.TargetMethod.MethodKind != MethodKind.LocalFunction:
                            this.handOffs.Add((call, argument));
                            break;
                        case IReturnOperation { ReturnedValue: { } } returned when returned.EnclosingFunction() is null:
                            this.returns.Add(returned);
                            break;
                        case IObjectCreationOperation creation:
                            this.creations.Add(creation);
                            break;
                    }
                }
            }
        }

        /// <summary>
        /// An options object handed to a method of the compilation: followed into its body (each implementation's, through
        /// an interface or virtual member), where its parameter may be completed and sent or handed on again.
        /// </summary>
        private void FollowHandOff(RequestReach reach, IInvocationOperation call, IArgumentOperation argument, OptionsObject? followed, int depth, ImmutableArray<PortalRequest>.Builder requests)
        {
            if (depth <= 0 || this.matcher(call, out _) || (followed is null && this.builder.Build(argument.Value, call) is null))
            {
                return; // sent here, too deep, or an object this method did not create
            }

            foreach (var body in reach.BodiesOf(call.TargetMethod))
            {
                var root = followed ?? this.builder.Build(argument.Value, call);
                if (root is null || argument.Parameter is not { } parameter || parameter.Ordinal >= body.Method.Parameters.Length)
                {
                    continue;
                }

                var callee = new PortalRequestCollector(this.symbols, this.matcher, seedParameter: body.Method.Parameters[parameter.Ordinal].OriginalDefinition, seed: root);
                callee.Walk(body.Blocks);
                callee.AddSeedRequests(reach, depth - 1, requests);
            }
        }

        /// <summary>A factory's returned object, followed into each call of the factory (one level), rebuilt for each.</summary>
        private void FollowToCallers(RequestReach reach, IMethodSymbol factory, IReturnOperation returned, ImmutableArray<PortalRequest>.Builder requests)
        {
            foreach (var call in reach.CallersOf(factory))
            {
                var root = this.builder.Build(returned.ReturnedValue!, returned);
                if (root is null)
                {
                    return;
                }

                var caller = new PortalRequestCollector(this.symbols, this.matcher, seedCall: call, seed: root);
                caller.Walk(ImmutableArray.Create(RequestReach.RootOf(call)));
                caller.AddSeedRequests(reach, TaintDepth - 1, requests);
            }
        }

        /// <summary>In a followed method: the calls that send the object followed, and the methods it is handed on to.</summary>
        private void AddSeedRequests(RequestReach reach, int depth, ImmutableArray<PortalRequest>.Builder requests)
        {
            foreach (var (call, options) in this.calls)
            {
                if (ReferenceEquals(this.builder.Build(options, call), this.builder.Seed))
                {
                    requests.Add(new PortalRequest(call, options, this.builder.Seed, acrossMethods: true));
                }
            }

            foreach (var (call, argument) in this.handOffs)
            {
                if (ReferenceEquals(this.builder.Build(argument.Value, call), this.builder.Seed))
                {
                    this.FollowHandOff(reach, call, argument, this.builder.Seed, depth, requests);
                }
            }
        }

        /// <summary>Objects created here that reach no call in sight, with what this method writes on them.</summary>
        private void AddUnsent(ImmutableArray<PortalRequest>.Builder requests)
        {
            foreach (var creation in this.creations)
            {
                if (this.symbols.UnsentPrefix(creation.Type) is not { } prefix || IsNestedWrite(creation) || Contains(requests, creation.Syntax))
                {
                    continue;
                }

                var built = creation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                    ? this.builder.BuildLocal(declarator.Symbol, null)
                    : this.builder.Build(creation, null);
                if (built is not null)
                {
                    requests.Add(PortalRequest.Unsent(built, prefix));
                }
            }

            static bool Contains(ImmutableArray<PortalRequest>.Builder requests, SyntaxNode creation)
            {
                foreach (var request in requests)
                {
                    if (request.Root?.Creation == creation)
                    {
                        return true;
                    }
                }

                return false;
            }

            static bool IsNestedWrite(IOperation creation)
            {
                var parent = creation.Parent;
                while (parent is IConversionOperation)
                {
                    parent = parent.Parent;
                }

                return parent is IAssignmentOperation { Target: IPropertyReferenceOperation } or IArgumentOperation or IInvocationOperation;
            }
        }
    }
}
