namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// PORTAL013: no values to track, only where a portal configuration is written (<c>ConfigurationService.Create/Update</c>,
    /// sync and async, however the service was reached). The engine's sink reachability across the app's own methods then
    /// answers whether a request handler's call ends in such a write.
    /// </summary>
    internal sealed class ConfigurationWriteSpecification : TaintSpecification
    {
        private readonly PortalRequestSymbols portal;

        public ConfigurationWriteSpecification(PortalRequestSymbols portal)
        {
            this.portal = portal;
        }

        public bool IsConfigurationWrite(IOperation operation) =>
            operation is IInvocationOperation invocation && this.portal.TryMatchConfigurationWrite(invocation, out _);

        public override bool IsSourceCandidate(IOperation operation) => false;

        public override bool IsSourceType(ITypeSymbol type) => false;

        public override TaintOrigin? GetSource(IOperation operation) => null;

        public override bool IsSinkContainer(ITypeSymbol type) => false;

        public override void AddSinks(IOperation operation, ISymbol owner, List<SinkSite> sinks)
        {
            if (operation is IInvocationOperation invocation && this.portal.TryMatchConfigurationWrite(invocation, out _))
            {
                sinks.Add(new SinkSite(invocation, new SinkDescription(SinkKind.ConfigurationWrite, "ConfigurationService." + invocation.TargetMethod.Name)));
            }
        }
    }
}
