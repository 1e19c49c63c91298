namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// Intra-method taint tracking over IOperation, with summaries of the compilation's own methods: whether a method
    /// returns taint, and whether a parameter reaches its return or a sink. One engine per compilation (created in the
    /// compilation-start action); summaries are computed on first use and cached for the compilation.
    /// <para>
    /// Calls are followed <see cref="MaxCallDepth"/> levels deep (as the roslyn-analyzers taint framework does by default):
    /// enough for a controller → service → helper chain, and it bounds both cost and recursion. A summary is keyed by
    /// (method, remaining depth), so results do not depend on which caller asked first, and recursive methods terminate
    /// because the depth shrinks at every level.
    /// </para>
    /// <para>
    /// A call through an interface or a virtual/abstract member the compilation declares is followed into every
    /// implementation and override in the compilation (<see cref="Implementations"/>), as one level of the depth; a
    /// finding through one names both the member called and the implementation that carried the value.
    /// </para>
    /// </summary>
    internal sealed class TaintEngine
    {
        public const int MaxCallDepth = 3;

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts?> bodies = new ConcurrentDictionary<IMethodSymbol, MethodFacts?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SummaryKey, TaintOrigin?> returnSummaries = new ConcurrentDictionary<SummaryKey, TaintOrigin?>();
        private readonly ConcurrentDictionary<SummaryKey, bool> reachesSink = new ConcurrentDictionary<SummaryKey, bool>();
        private readonly ConcurrentDictionary<SummaryKey, ParameterSummary> parameterSummaries = new ConcurrentDictionary<SummaryKey, ParameterSummary>();
        private readonly Implementations implementations;

        public TaintEngine(Compilation compilation, TaintSpecification specification)
        {
            this.compilation = compilation;
            this.Specification = specification;
            this.Propagation = PropagationTable.For(compilation);
            this.implementations = Implementations.For(compilation);
        }

        public TaintSpecification Specification { get; }

        /// <summary>The compilation whose trees the engine reads; every other project's code is a library here.</summary>
        public Compilation Compilation => this.compilation;

        public PropagationTable Propagation { get; }

        /// <summary>The tainted values that reach sinks in one method body (an operation-block action's blocks).</summary>
        public ImmutableArray<TaintFinding> Analyze(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
        {
            var facts = MethodFacts.Collect(owner, blocks, this.compilation, this.Specification, this.Propagation, this.implementations);
            if ((!facts.HasSourceCandidate && !facts.HasCallsIntoCompilation) || !this.MayReachSink(facts, MaxCallDepth))
            {
                return ImmutableArray<TaintFinding>.Empty;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var state = new FlowState(this, facts, MaxCallDepth, new Dictionary<ISymbol, TaintOrigin>(SymbolEqualityComparer.Default));
            return this.FindSinks(facts, state, MaxCallDepth, origin: null);
        }

        /// <summary>The implementations and overrides a call of <paramref name="callee"/> may run (none when it does not dispatch).</summary>
        public bool TryGetImplementations(IMethodSymbol callee, out ImmutableArray<IMethodSymbol> bodies) => this.implementations.TryGet(callee, out bodies);

        /// <summary>A callee as messages quote it: <c>'Audit.Record'</c>, or through an interface <c>'IAudit.Record' (implementation 'Audit.Record')</c>.</summary>
        public static string QuoteCallee(IMethodSymbol body, IMethodSymbol? calledThrough)
        {
            var name = "'" + DisplayName(body) + "'";
            return calledThrough is null ? name : "'" + DisplayName(calledThrough) + "' (implementation " + name + ")";

            static string DisplayName(IMethodSymbol method) =>
                method.AssociatedSymbol is IPropertySymbol property ? TypeFacts.MemberDisplayName(property) : TypeFacts.MemberDisplayName(method);
        }

        /// <summary>
        /// Whether the method (or property getter) may return a tainted value, following calls <paramref name="depth"/> more
        /// levels: the origin inside the method (with the sinks a check there cleared it for), or null.
        /// </summary>
        public TaintOrigin? ReturnsTaint(IMethodSymbol method, int depth)
        {
            method = method.OriginalDefinition;
            return this.returnSummaries.GetOrAdd(new SummaryKey(method, -1, depth), key =>
            {
                var facts = this.GetBody(key.Method);
                if (facts is null || TypeFacts.CannotCarryText(key.Method.ReturnType) || (!facts.HasSourceCandidate && (depth == 0 || !facts.HasCallsIntoCompilation)))
                {
                    return null;
                }

                var state = new FlowState(this, facts, depth, new Dictionary<ISymbol, TaintOrigin>(SymbolEqualityComparer.Default));
                TaintOrigin? found = null;
                foreach (var value in facts.ReturnsOf(facts.Owner))
                {
                    found = TaintOrigin.Worse(found, state.Evaluate(value));
                    if (found is { Cleared: SinkKind.None })
                    {
                        break;
                    }
                }

                return found;
            });
        }

        /// <summary>Where a tainted argument for the parameter goes inside the method: to its return value, to sinks.</summary>
        public ParameterSummary GetParameterSummary(IMethodSymbol method, int ordinal, int depth)
        {
            method = method.OriginalDefinition;
            return this.parameterSummaries.GetOrAdd(new SummaryKey(method, ordinal, depth), key =>
            {
                var facts = this.GetBody(key.Method);
                if (facts is null || ordinal >= key.Method.Parameters.Length)
                {
                    return ParameterSummary.None;
                }

                var parameter = key.Method.Parameters[ordinal];
                var seed = new TaintOrigin(parameter.Locations.Length > 0 ? parameter.Locations[0] : Location.None, parameter.Name);
                var seeds = new Dictionary<ISymbol, TaintOrigin>(SymbolEqualityComparer.Default) { [parameter] = seed };
                var state = new FlowState(this, facts, depth, seeds);
                TaintOrigin? returned = null;
                foreach (var value in facts.ReturnsOf(facts.Owner))
                {
                    if (state.Evaluate(value) is { } found && found.Root == seed)
                    {
                        returned = TaintOrigin.Worse(returned, found);
                        if (returned is { Cleared: SinkKind.None })
                        {
                            break;
                        }
                    }
                }

                var sinks = ImmutableArray.CreateBuilder<SinkDescription>();
                if (this.MayReachSink(facts, depth))
                {
                    foreach (var finding in this.FindSinks(facts, state, depth, seed))
                    {
                        sinks.Add(finding.Sink);
                    }
                }

                return new ParameterSummary(returned is not null, returned?.Cleared ?? SinkKind.None, sinks.ToImmutable());
            });
        }

        /// <summary>Cheap gate before any tracking: the body, or a method it passes values to (within the depth), has a sink.</summary>
        private bool MayReachSink(MethodFacts facts, int depth)
        {
            if (facts.GetSinks(this.Specification).Count > 0)
            {
                return true;
            }

            if (depth > 0)
            {
                foreach (var call in facts.CallsIntoCompilation)
                {
                    if (this.CalleeMayReachSink(call.Method, depth - 1))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Cheap gate: the method, or one it passes values to within <paramref name="depth"/>, has a sink.</summary>
        public bool CalleeMayReachSink(IMethodSymbol callee, int depth) =>
            this.reachesSink.GetOrAdd(
                new SummaryKey(callee.OriginalDefinition, -2, depth),
                key => this.GetBody(key.Method) is { } body && this.MayReachSink(body, key.Depth));

        private ImmutableArray<TaintFinding> FindSinks(MethodFacts facts, FlowState state, int depth, TaintOrigin? origin)
        {
            var findings = ImmutableArray.CreateBuilder<TaintFinding>();
            var reported = new HashSet<SyntaxNode>();
            foreach (var site in facts.GetSinks(this.Specification))
            {
                if (state.Evaluate(site.Value) is { } found
                    && !found.IsClearedFor(site.Sink.Kind)
                    && (origin is null || found.Root == origin)
                    && reported.Add(site.Value.Syntax))
                {
                    findings.Add(new TaintFinding(site.Value, found, site.Sink.At(site.Value.Syntax.GetLocation())));
                }
            }

            if (depth > 0)
            {
                foreach (var call in facts.CallsIntoCompilation)
                {
                    this.AddCallSinks(call, state, depth, origin, reported, findings);
                }
            }

            return findings.ToImmutable();
        }

        /// <summary>A tainted argument of a call into the compilation whose parameter reaches a sink there.</summary>
        private void AddCallSinks(CallIntoCompilation call, FlowState state, int depth, TaintOrigin? origin, HashSet<SyntaxNode> reported, ImmutableArray<TaintFinding>.Builder findings)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { } parameter
                    || this.Specification.IsSourceType(parameter.Type)
                    || state.Evaluate(argument.Value) is not { } found
                    || (origin is not null && found.Root != origin))
                {
                    continue;
                }

                foreach (var sink in this.GetParameterSummary(call.Method, parameter.Ordinal, depth - 1).Sinks)
                {
                    if (!found.IsClearedFor(sink.Kind) && reported.Add(argument.Value.Syntax))
                    {
                        findings.Add(new TaintFinding(argument.Value, found, sink.Through(QuoteCallee(call.Method, call.CalledThrough))));
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// The operations of a method declared in this compilation, walked once. A declaration in another compilation's
        /// tree (a referenced project in an IDE) has no body here: this compilation cannot bind it.
        /// </summary>
        private MethodFacts? GetBody(IMethodSymbol method)
        {
            return this.bodies.GetOrAdd(method, m =>
            {
                var blocks = MethodBodies.Read(m, this.compilation);
                return blocks.IsEmpty ? null : MethodFacts.Collect(m, blocks, this.compilation, this.Specification, this.Propagation, this.implementations);
            });
        }

        private readonly record struct SummaryKey(IMethodSymbol Method, int Ordinal, int Depth)
        {
            public bool Equals(SummaryKey other) =>
                this.Ordinal == other.Ordinal && this.Depth == other.Depth && SymbolEqualityComparer.Default.Equals(this.Method, other.Method);

            public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(this.Method) * 31 + this.Ordinal) * 31 + this.Depth;
        }
    }
}
