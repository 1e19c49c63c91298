namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>A sink as a message names it ("ILogger.LogInformation", "the static field 'Cache.Last'").</summary>
    /// <param name="Kind">What kind of sink it is.</param>
    /// <param name="Name">The sink with the route to it ("ILogger.LogInformation through 'Audit.Record'").</param>
    /// <param name="Target">The sink alone, without the route.</param>
    /// <param name="Location">Where the value lands (possibly inside a callee); null until <see cref="At"/> places it.</param>
    /// <param name="Callee">
    /// The first method of the compilation the value was passed to on its way to the sink, if any, quoted as messages
    /// name it: <c>'Audit.Record'</c>, or <c>'IAudit.Record' (implementation 'Audit.Record')</c> through an interface.
    /// </param>
    internal sealed record SinkDescription(SinkKind Kind, string Name, string Target, Location? Location, string? Callee)
    {
        public SinkDescription(SinkKind kind, string name)
            : this(kind, name, name, Location: null, Callee: null)
        {
        }

        public SinkDescription At(Location location) => this with { Location = location };

        public SinkDescription Through(string quotedCallee) => this with { Name = this.Name + " through " + quotedCallee, Callee = quotedCallee };
    }

    /// <summary>A value operation that arrives at a sink.</summary>
    internal readonly record struct SinkSite(IOperation Value, SinkDescription Sink);

    /// <summary>A tainted value that arrives at a sink.</summary>
    internal readonly record struct TaintFinding(IOperation Value, TaintOrigin Origin, SinkDescription Sink);
}
