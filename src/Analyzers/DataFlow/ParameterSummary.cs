namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>Where a parameter's value goes inside its method.</summary>
    /// <param name="ReachesReturn">The parameter's value can be returned.</param>
    /// <param name="ReturnCleared">The sinks a check inside the method clears the returned parameter for (a method that validates and returns its input).</param>
    /// <param name="Sinks">The sinks the parameter's value reaches.</param>
    internal sealed record ParameterSummary(bool ReachesReturn, SinkKind ReturnCleared, ImmutableArray<SinkDescription> Sinks)
    {
        public static readonly ParameterSummary None = new ParameterSummary(false, SinkKind.None, ImmutableArray<SinkDescription>.Empty);
    }
}
