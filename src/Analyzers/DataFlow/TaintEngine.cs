namespace Accrue.Portal.Analyzers.DataFlow
{
    using System;
    using System.Collections.Concurrent;
    using System.Collections.Generic;
    using System.Collections.Immutable;
    using System.Threading;
    using Accrue.Portal.Analyzers.Knowledge;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.CSharp.Syntax;
    using Microsoft.CodeAnalysis.Operations;

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
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> constructorTakesSource = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly Func<INamedTypeSymbol, bool> anyConstructorTakesSource;
        private readonly Implementations implementations;

        public TaintEngine(Compilation compilation, TaintSpecification specification)
        {
            this.compilation = compilation;
            this.Specification = specification;
            this.Propagation = PropagationTable.For(compilation);
            this.anyConstructorTakesSource = this.AnyConstructorTakesSource;
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

        /// <summary>The operation kinds <see cref="CallsMethodReachingSink"/> looks at.</summary>
        public static readonly ImmutableArray<OperationKind> CallKinds = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation);

        /// <summary>
        /// The operation kinds <see cref="IsTaintEntry"/> looks at: where a source or a tainted call result can appear, and
        /// where a variable of a source type is declared. Variable references are not among them: there are far more of
        /// them than declarations, and a variable holds a source only if it is declared with the source's type.
        /// </summary>
        public static readonly ImmutableArray<OperationKind> EntryKinds = ImmutableArray.Create(
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.Await,
            OperationKind.VariableDeclarator,
            OperationKind.DeclarationExpression,
            OperationKind.DeclarationPattern,
            OperationKind.RecursivePattern,
            OperationKind.Loop,
            OperationKind.AnonymousFunction,
            OperationKind.LocalFunction);

        /// <summary>
        /// Gate trigger: the operation can bring taint into a body: a source candidate of the specification, a variable
        /// declared with a source type, or a call (or property read) into this compilation whose callee returns taint.
        /// A body without any of these (and without a parameter of a source type, <see cref="HasSourceParameter"/>)
        /// cannot hold taint, so it is skipped without collecting its facts.
        /// </summary>
        public bool IsTaintEntry(IOperation operation)
        {
            if (this.DeclaresSource(operation) || this.Specification.IsSourceCandidate(operation))
            {
                return true;
            }

            var callee = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IPropertyReferenceOperation property => property.Property.GetMethod,
                _ => null,
            };
            if (callee is null || callee.MethodKind == MethodKind.LocalFunction)
            {
                return false;
            }

            // Most calls are into other assemblies: the source test comes first, the text test only for the rest.
            var hasBody = TypeFacts.HasSourceBody(callee, this.compilation);
            if (!hasBody && !this.implementations.TryGet(callee, out _))
            {
                return false;
            }

            if (TypeFacts.CannotCarryText(callee.ReturnType))
            {
                return false;
            }

            if (hasBody && this.ReturnsTaint(callee, MaxCallDepth - 1) is not null)
            {
                return true;
            }

            if (this.implementations.TryGet(callee, out var bodies))
            {
                foreach (var body in bodies)
                {
                    if (this.ReturnsTaint(body, MaxCallDepth - 1) is not null)
                    {
                        return true;
                    }
                }
            }

            return false;
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
        /// Gate trigger in a body's own declaration: a parameter of a source type, its own or one a primary constructor of
        /// its type captures (in scope in every member, read without a declaration in the body).
        /// </summary>
        public bool HasSourceParameter(ISymbol owner) =>
            (owner is IMethodSymbol method && this.AnyOfSourceType(method.Parameters))
            || (owner.ContainingType is { } type && this.constructorTakesSource.GetOrAdd(type, this.anyConstructorTakesSource));

        /// <summary>
        /// Any constructor taking a source value stands in for the primary constructor, which Roslyn's symbols do not
        /// mark. Asked once per type: <c>InstanceConstructors</c> builds a new array on every call.
        /// </summary>
        private bool AnyConstructorTakesSource(INamedTypeSymbol type)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                if (this.AnyOfSourceType(constructor.Parameters))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DeclaresSource(IOperation operation)
        {
            var specification = this.Specification;
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    return specification.IsSourceType(declarator.Symbol.Type);
                case IDeclarationExpressionOperation declaration:
                    foreach (var declared in declaration.Expression.DescendantsAndSelf())
                    {
                        if (declared is ILocalReferenceOperation local && specification.IsSourceType(local.Local.Type))
                        {
                            return true;
                        }
                    }

                    return false;
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }:
                    return specification.IsSourceType(local.Type);
                case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local }:
                    return specification.IsSourceType(local.Type);
                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        if (specification.IsSourceType(local.Type))
                        {
                            return true;
                        }
                    }

                    return false;
                case IAnonymousFunctionOperation function:
                    return this.AnyOfSourceType(function.Symbol.Parameters);
                case ILocalFunctionOperation function:
                    return this.AnyOfSourceType(function.Symbol.Parameters);
                default:
                    return false;
            }
        }

        private bool AnyOfSourceType(ImmutableArray<IParameterSymbol> parameters)
        {
            foreach (var parameter in parameters)
            {
                if (this.Specification.IsSourceType(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Gate trigger for a specification whose sinks are rarer than its sources: a call of a method or constructor of
        /// this compilation that has a sink within the call depth. With the specification's own sink writes, it finds every
        /// body where a finding can be reported, since findings sit at sinks.
        /// </summary>
        public bool CallsMethodReachingSink(IOperation operation)
        {
            var callee = operation switch
            {
                IInvocationOperation invocation when invocation.TargetMethod.MethodKind != MethodKind.LocalFunction => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            if (callee is null)
            {
                return false;
            }

            if (TypeFacts.HasSourceBody(callee, this.compilation) && this.CalleeMayReachSink(callee, MaxCallDepth - 1))
            {
                return true;
            }

            if (this.implementations.TryGet(callee, out var bodies))
            {
                foreach (var body in bodies)
                {
                    if (this.CalleeMayReachSink(body, MaxCallDepth - 1))
                    {
                        return true;
                    }
                }
            }

            return false;
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

        private bool CalleeMayReachSink(IMethodSymbol callee, int depth) =>
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
                var builder = ImmutableArray.CreateBuilder<IOperation>();
                var implementation = m.PartialImplementationPart ?? m;
                foreach (var reference in implementation.DeclaringSyntaxReferences)
                {
                    if (!this.compilation.ContainsSyntaxTree(reference.SyntaxTree))
                    {
                        continue;
                    }

                    var syntax = reference.GetSyntax();

                    // Auto-property accessors and positional record properties have no body to bind.
                    if (syntax is AccessorDeclarationSyntax { Body: null, ExpressionBody: null } or ParameterSyntax)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Summaries need the bodies of other methods; the analyzer driver caches these semantic models.
                    var model = this.compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
                    if (model.GetOperation(syntax) is { } operation)
                    {
                        builder.Add(operation);
                    }
                }

                return builder.Count == 0 ? null : MethodFacts.Collect(m, builder.ToImmutable(), this.compilation, this.Specification, this.Propagation, this.implementations);
            });
        }

        private readonly struct SummaryKey : IEquatable<SummaryKey>
        {
            public SummaryKey(IMethodSymbol method, int ordinal, int depth)
            {
                this.Method = method;
                this.Ordinal = ordinal;
                this.Depth = depth;
            }

            public IMethodSymbol Method { get; }

            public int Ordinal { get; }

            public int Depth { get; }

            public bool Equals(SummaryKey other) =>
                this.Ordinal == other.Ordinal && this.Depth == other.Depth && SymbolEqualityComparer.Default.Equals(this.Method, other.Method);

            public override bool Equals(object? obj) => obj is SummaryKey other && this.Equals(other);

            public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(this.Method) * 31 + this.Ordinal) * 31 + this.Depth;
        }
    }

    /// <summary>Where a parameter's value goes inside its method.</summary>
    internal sealed class ParameterSummary
    {
        public static readonly ParameterSummary None = new ParameterSummary(false, SinkKind.None, ImmutableArray<SinkDescription>.Empty);

        public ParameterSummary(bool reachesReturn, SinkKind returnCleared, ImmutableArray<SinkDescription> sinks)
        {
            this.ReachesReturn = reachesReturn;
            this.ReturnCleared = returnCleared;
            this.Sinks = sinks;
        }

        public bool ReachesReturn { get; }

        /// <summary>The sinks a check inside the method clears the returned parameter for (a method that validates and returns its input).</summary>
        public SinkKind ReturnCleared { get; }

        public ImmutableArray<SinkDescription> Sinks { get; }
    }
}
