namespace Accrue.Portal.Analyzers.DataFlow
{
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
