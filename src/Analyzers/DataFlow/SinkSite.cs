namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>A sink as a message names it ("ILogger.LogInformation", "the static field 'Cache.Last'").</summary>
    internal sealed class SinkDescription
    {
        public SinkDescription(SinkKind kind, string name)
            : this(kind, name, name, location: null, callee: null)
        {
        }

        private SinkDescription(SinkKind kind, string name, string target, Location? location, string? callee)
        {
            this.Kind = kind;
            this.Name = name;
            this.Target = target;
            this.Location = location;
            this.Callee = callee;
        }

        public SinkKind Kind { get; }

        /// <summary>The sink with the route to it ("ILogger.LogInformation through 'Audit.Record'").</summary>
        public string Name { get; }

        /// <summary>The sink alone, without the route.</summary>
        public string Target { get; }

        /// <summary>Where the value lands (possibly inside a callee); null until <see cref="At"/> places it.</summary>
        public Location? Location { get; }

        /// <summary>
        /// The first method of the compilation the value was passed to on its way to the sink, if any, quoted as messages
        /// name it: <c>'Audit.Record'</c>, or <c>'IAudit.Record' (implementation 'Audit.Record')</c> through an interface.
        /// </summary>
        public string? Callee { get; }

        public SinkDescription At(Location location) => new SinkDescription(this.Kind, this.Name, this.Target, location, this.Callee);

        public SinkDescription Through(string quotedCallee) => new SinkDescription(this.Kind, this.Name + " through " + quotedCallee, this.Target, this.Location, quotedCallee);
    }

    /// <summary>A value operation that arrives at a sink.</summary>
    internal readonly struct SinkSite
    {
        public SinkSite(IOperation value, SinkDescription sink)
        {
            this.Value = value;
            this.Sink = sink;
        }

        public IOperation Value { get; }

        public SinkDescription Sink { get; }
    }

    /// <summary>A tainted value that arrives at a sink.</summary>
    internal readonly struct TaintFinding
    {
        public TaintFinding(IOperation value, TaintOrigin origin, SinkDescription sink)
        {
            this.Value = value;
            this.Origin = origin;
            this.Sink = sink;
        }

        public IOperation Value { get; }

        public TaintOrigin Origin { get; }

        public SinkDescription Sink { get; }
    }
}
