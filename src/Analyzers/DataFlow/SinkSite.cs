namespace Accrue.Portal.Analyzers.DataFlow
{
    using Accrue.Portal.Analyzers.Knowledge;
    using Microsoft.CodeAnalysis;

    /// <summary>A sink as a message names it ("ILogger.LogInformation", "the static field 'Cache.Last'").</summary>
    internal sealed class SinkDescription
    {
        public SinkDescription(SinkKind kind, string name)
        {
            this.Kind = kind;
            this.Name = name;
        }

        public SinkKind Kind { get; }

        public string Name { get; }

        public SinkDescription Through(string callee) => new SinkDescription(this.Kind, this.Name + " through '" + callee + "'");
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
