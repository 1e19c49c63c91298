namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// Where the portal session URL comes from: <c>Session.Url</c>, the Session's raw JSON or raw response, the Session
    /// turned into text or used whole, and the runtime handle's <c>GetRedirectUri()</c>.
    /// </summary>
    internal sealed class PortalUrlSources
    {
        private readonly SessionType session;
        private readonly INamedTypeSymbol? stripeResponse;
        private readonly IMethodSymbol? runtimeRedirectUri;

        public PortalUrlSources(KnownTypes types, SessionType session)
        {
            this.session = session;
            this.stripeResponse = types.Get(StripeNames.StripeResponse);
            this.runtimeRedirectUri = types.Get(RuntimeNames.PortalSession)?
                .GetMembers(RuntimeNames.GetRedirectUriMethod).OfType<IMethodSymbol>().FirstOrDefault();
        }

        public bool IsSession(ITypeSymbol? type) => this.session.Matches(type);

        /// <summary>The operation mentions a Session or the runtime handle's URL: the cheap gate before <see cref="Get"/>.</summary>
        public bool IsCandidate(IOperation operation) => this.IsSession(operation.Type) || this.IsRuntimeRedirectUri(operation);

        public TaintOrigin? Get(IOperation operation)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property:
                    return this.GetPropertySource(property);

                case IInvocationOperation { Arguments.Length: 0 } invocation
                    when invocation.TargetMethod.Name is nameof(ToString) or StripeNames.ToJsonMethod && this.IsSession(invocation.Instance?.Type):
                    return Origin(invocation, "in the Session turned into text on line ", invocation.Instance);

                case IInvocationOperation invocation when this.IsRuntimeRedirectUri(invocation):
                    return Origin(invocation, "read on line ", invocation.Instance);

                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IInvocationOperation or IAwaitOperation
                    when this.IsSession(operation.Type):
                    return Origin(operation, "in the Session object used on line ", operation);

                default:
                    return null;
            }
        }

        private static TaintOrigin Origin(IOperation operation, string description, IOperation? holder)
        {
            var symbol = holder switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => (ISymbol)parameter.Parameter,
                _ => null,
            };
            return new TaintOrigin(operation.Syntax.GetLocation(), description + TaintOrigin.LineOf(operation.Syntax), symbol);
        }

        /// <summary>The receiver <c>?.</c> tests (<c>session.StripeResponse</c> in <c>session.StripeResponse?.Content</c>).</summary>
        private static IOperation? SkipConditionalAccess(IOperation? instance) =>
            instance is IConditionalAccessInstanceOperation placeholder ? placeholder.ConditionalAccessReceiver() : instance;

        private TaintOrigin? GetPropertySource(IPropertyReferenceOperation property)
        {
            var name = property.Property.Name;
            if (this.IsSession(property.Instance?.Type))
            {
                return name switch
                {
                    StripeNames.UrlProperty => Origin(property, "read on line ", property.Instance),
                    StripeNames.RawJObjectProperty or StripeNames.RawJsonElementProperty => Origin(property, "in the Session's raw JSON on line ", property.Instance),
                    _ => null,
                };
            }

            if (name == StripeNames.ContentProperty
                && this.stripeResponse is not null
                && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, this.stripeResponse)
                && SkipConditionalAccess(property.Instance) is IPropertyReferenceOperation { Property.Name: StripeNames.StripeResponseProperty } response
                && this.IsSession(response.Instance?.Type))
            {
                return Origin(property, "in the Session's raw response on line ", response.Instance);
            }

            return null;
        }

        /// <summary>The runtime handle's one URL member, <c>PortalSession.GetRedirectUri()</c>.</summary>
        private bool IsRuntimeRedirectUri(IOperation operation) =>
            this.runtimeRedirectUri is not null
            && operation is IInvocationOperation invocation
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, this.runtimeRedirectUri);
    }
}
