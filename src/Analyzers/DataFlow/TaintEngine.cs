namespace Accrue.Portal.Analyzers.DataFlow
{
    using System;
    using System.Collections.Concurrent;
    using System.Collections.Generic;
    using System.Collections.Immutable;
    using System.Threading;
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
    /// </summary>
    internal sealed class TaintEngine
    {
        public const int MaxCallDepth = 3;

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts?> bodies = new ConcurrentDictionary<IMethodSymbol, MethodFacts?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SummaryKey, bool> returnSummaries = new ConcurrentDictionary<SummaryKey, bool>();
        private readonly ConcurrentDictionary<SummaryKey, ParameterSummary> parameterSummaries = new ConcurrentDictionary<SummaryKey, ParameterSummary>();

        public TaintEngine(Compilation compilation, TaintSpecification specification)
        {
            this.compilation = compilation;
            this.Specification = specification;
            this.Propagation = new PropagationTable(compilation);
        }

        public TaintSpecification Specification { get; }

        public PropagationTable Propagation { get; }

        /// <summary>The tainted values that reach sinks in one method body (an operation-block action's blocks).</summary>
        public ImmutableArray<TaintFinding> Analyze(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
        {
            var facts = MethodFacts.Collect(owner, blocks, this.Specification, this.Propagation);
            if (!facts.HasSourceCandidate && !facts.HasCallsIntoCompilation)
            {
                return ImmutableArray<TaintFinding>.Empty;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var state = new FlowState(this, facts, MaxCallDepth, new Dictionary<ISymbol, TaintOrigin>(SymbolEqualityComparer.Default));
            return this.FindSinks(facts, state, MaxCallDepth, origin: null);
        }

        /// <summary>
        /// Gate trigger: the operation can bring taint into a body: a source candidate, or a call (or property read) into
        /// this compilation whose callee returns taint. Parameters are not sources on their own (their callers are analysed),
        /// so a body without any of these cannot hold taint and is skipped without collecting its facts.
        /// </summary>
        public bool IsTaintEntry(IOperation operation)
        {
            if (this.Specification.IsSourceCandidate(operation))
            {
                return true;
            }

            var callee = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IPropertyReferenceOperation property => property.Property.GetMethod,
                _ => null,
            };
            return callee is not null
                   && callee.MethodKind != MethodKind.LocalFunction
                   && TypeFacts.HasSourceBody(callee)
                   && !TypeFacts.CannotCarryText(callee.ReturnType)
                   && this.ReturnsTaint(callee, MaxCallDepth - 1);
        }

        /// <summary>Whether the method (or property getter) may return a tainted value, following calls <paramref name="depth"/> more levels.</summary>
        public bool ReturnsTaint(IMethodSymbol method, int depth)
        {
            method = method.OriginalDefinition;
            return this.returnSummaries.GetOrAdd(new SummaryKey(method, -1, depth), key =>
            {
                var facts = this.GetBody(key.Method);
                if (facts is null || TypeFacts.CannotCarryText(key.Method.ReturnType) || (!facts.HasSourceCandidate && (depth == 0 || !facts.HasCallsIntoCompilation)))
                {
                    return false;
                }

                var state = new FlowState(this, facts, depth, new Dictionary<ISymbol, TaintOrigin>(SymbolEqualityComparer.Default));
                foreach (var value in facts.ReturnsOf(facts.Owner))
                {
                    if (state.Evaluate(value) is not null)
                    {
                        return true;
                    }
                }

                return false;
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
                var reachesReturn = false;
                foreach (var value in facts.ReturnsOf(facts.Owner))
                {
                    if (ReferenceEquals(state.Evaluate(value), seed))
                    {
                        reachesReturn = true;
                        break;
                    }
                }

                var sinks = ImmutableArray.CreateBuilder<SinkDescription>();
                foreach (var finding in this.FindSinks(facts, state, depth, seed))
                {
                    sinks.Add(finding.Sink);
                }

                return new ParameterSummary(reachesReturn, sinks.ToImmutable());
            });
        }

        private ImmutableArray<TaintFinding> FindSinks(MethodFacts facts, FlowState state, int depth, TaintOrigin? origin)
        {
            var findings = ImmutableArray.CreateBuilder<TaintFinding>();
            var reported = new HashSet<SyntaxNode>();
            var sites = new List<SinkSite>();
            foreach (var candidate in facts.SinkCandidates)
            {
                sites.Clear();
                this.Specification.AddSinks(candidate, facts.Owner, sites);
                foreach (var site in sites)
                {
                    if (state.Evaluate(site.Value) is { } found && (origin is null || ReferenceEquals(found, origin)) && reported.Add(site.Value.Syntax))
                    {
                        findings.Add(new TaintFinding(site.Value, found, site.Sink));
                    }
                }

                if (sites.Count == 0 && depth > 0)
                {
                    this.AddCallSinks(candidate, state, depth, origin, reported, findings);
                }
            }

            return findings.ToImmutable();
        }

        /// <summary>A tainted argument of a call into the compilation whose parameter reaches a sink there.</summary>
        private void AddCallSinks(IOperation candidate, FlowState state, int depth, TaintOrigin? origin, HashSet<SyntaxNode> reported, ImmutableArray<TaintFinding>.Builder findings)
        {
            var (method, arguments) = candidate switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };
            if (method is null || method.MethodKind == MethodKind.LocalFunction || !TypeFacts.HasSourceBody(method))
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter
                    || this.Specification.IsSourceType(parameter.Type)
                    || state.Evaluate(argument.Value) is not { } found
                    || (origin is not null && !ReferenceEquals(found, origin)))
                {
                    continue;
                }

                var summary = this.GetParameterSummary(method, parameter.Ordinal, depth - 1);
                if (!summary.Sinks.IsEmpty && reported.Add(argument.Value.Syntax))
                {
                    findings.Add(new TaintFinding(argument.Value, found, summary.Sinks[0].Through(TypeFacts.MemberDisplayName(method))));
                }
            }
        }

        /// <summary>The operations of a method declared in this compilation, walked once.</summary>
        private MethodFacts? GetBody(IMethodSymbol method)
        {
            return this.bodies.GetOrAdd(method, m =>
            {
                var builder = ImmutableArray.CreateBuilder<IOperation>();
                var implementation = m.PartialImplementationPart ?? m;
                foreach (var reference in implementation.DeclaringSyntaxReferences)
                {
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

                return builder.Count == 0 ? null : MethodFacts.Collect(m, builder.ToImmutable(), this.Specification, this.Propagation);
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
        public static readonly ParameterSummary None = new ParameterSummary(false, ImmutableArray<SinkDescription>.Empty);

        public ParameterSummary(bool reachesReturn, ImmutableArray<SinkDescription> sinks)
        {
            this.ReachesReturn = reachesReturn;
            this.Sinks = sinks;
        }

        public bool ReachesReturn { get; }

        public ImmutableArray<SinkDescription> Sinks { get; }
    }
}
