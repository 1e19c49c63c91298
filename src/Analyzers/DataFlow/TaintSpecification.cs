namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// What a taint analysis looks for: its sources and its sinks. The engine (<see cref="TaintEngine"/>) knows only how
    /// values move; a rule family supplies one of these (PORTAL001/002: the portal URL; request-input rules: the request).
    /// </summary>
    internal abstract class TaintSpecification
    {
        /// <summary>Cheap gate: whether the operation mentions something that can be a source. Bodies without one are only analysed for calls.</summary>
        public abstract bool IsSourceCandidate(IOperation operation);

        /// <summary>Values of this type are sources wherever they appear (so a parameter of this type needs no call-site summary).</summary>
        public abstract bool IsSourceType(ITypeSymbol type);

        /// <summary>The origin when the value operation is itself a source, else null.</summary>
        public abstract TaintOrigin? GetSource(IOperation operation);

        /// <summary>Adds the sinks the operation writes to (an invocation, creation or assignment inside <paramref name="owner"/>).</summary>
        public abstract void AddSinks(IOperation operation, ISymbol owner, List<SinkSite> sinks);

        /// <summary>Writes into a value of this type are sinks in their own right, so they do not taint the container.</summary>
        public abstract bool IsSinkContainer(ITypeSymbol type);

        /// <summary>
        /// Sanitisers: the sinks a tainted <paramref name="operation"/> is safe for (a declared validator's call or a read
        /// such a check guards). Asked only for operations that carry taint.
        /// </summary>
        public virtual SinkKind ClearedFor(IOperation operation) => SinkKind.None;

        /// <summary>
        /// A library call whose result is found by its arguments (a Stripe customer looked up by an e-mail): the result
        /// carries what the arguments carry, and the message says how ("the Stripe customer looked up by ..."). Null for
        /// every other call.
        /// </summary>
        public virtual string? DescribeLookup(IMethodSymbol method) => null;
    }
}
