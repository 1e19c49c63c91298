namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// PORTAL010/011: request input (<see cref="RequestInputSymbols"/>: bound parameters and model members,
    /// <c>HttpRequest.Query/Form/Headers/Cookies/RouteValues/Host/Path/QueryString</c>, the Referer header) reaching a
    /// return URL or the portal customer. Sanitisers: the declared return-URL validators (and the built-in allow-lists)
    /// clear a value for return URLs, the declared ownership checks clear it for the customer, and a URL whose constant
    /// start fixes scheme and host (<c>https://app.example/?next={x}</c>) cannot send anyone elsewhere.
    /// </summary>
    internal sealed class RequestInputTaintSpecification : TaintSpecification
    {
        private const string Referer = "Referer";

        private readonly RequestInputSymbols inputs;
        private readonly PortalRequestSymbols portal;
        private readonly OptionFieldWrites? returnUrls;
        private readonly OptionFieldWrites? customer;
        private readonly AnalyzerOptions options;
        private readonly INamedTypeSymbol? customerService;
        private readonly ConcurrentDictionary<SyntaxTree, (DeclaredChecks Validators, DeclaredChecks Ownership)> checks =
            new ConcurrentDictionary<SyntaxTree, (DeclaredChecks, DeclaredChecks)>();

        private RequestInputTaintSpecification(RequestInputSymbols inputs, PortalRequestSymbols portal, OptionFieldWrites? returnUrls, OptionFieldWrites? customer, AnalyzerOptions options, INamedTypeSymbol? customerService)
        {
            this.customerService = customerService;
            this.inputs = inputs;
            this.portal = portal;
            this.returnUrls = returnUrls;
            this.customer = customer;
            this.options = options;
        }

        /// <summary>Null without ASP.NET Core or Stripe.net: then no request input can reach a portal option.</summary>
        public static RequestInputTaintSpecification? TryCreate(Compilation compilation, AnalyzerOptions options)
        {
            var portal = PortalRequestSymbols.Resolve(compilation);
            var inputs = RequestInputSymbols.Resolve(compilation);
            if (portal is null || inputs is null)
            {
                return null;
            }

            var returnUrls = OptionFieldWrites.ReturnUrls(compilation, portal);
            var customer = OptionFieldWrites.Customer(portal);
            return returnUrls is null && customer is null
                ? null
                : new RequestInputTaintSpecification(inputs, portal, returnUrls, customer, options, KnownTypes.For(compilation).Get(StripeNames.CustomerService));
        }

        public override bool IsSourceCandidate(IOperation operation) => this.Describe(operation) is not null;

        /// <summary>Gate trigger: the operation writes a return URL or the portal customer.</summary>
        public bool IsSinkWrite(IOperation operation) =>
            (this.returnUrls is not null && this.returnUrls.IsWrite(operation))
            || (this.customer is not null && this.customer.IsWrite(operation));

        public override bool IsSourceType(ITypeSymbol type) => false;

        /// <summary>
        /// Portal options (Stripe.BillingPortal) hold the sinks; other Stripe options carry what is written into them, so a
        /// customer lookup's options carry the e-mail they were given.
        /// </summary>
        public override bool IsSinkContainer(ITypeSymbol type) =>
            this.portal.IsOptionsType(type) && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, this.portal.SessionCreateOptions.ContainingNamespace);

        public override TaintOrigin? GetSource(IOperation operation)
        {
            if (this.Describe(operation) is not { } description)
            {
                return null;
            }

            // A bound parameter enters where it is declared; every other input where it is read.
            var location = operation is IParameterReferenceOperation { Parameter.Locations.Length: > 0 } parameter
                ? parameter.Parameter.Locations[0]
                : operation.Syntax.GetLocation();
            return new TaintOrigin(location, description);
        }

        public override void AddSinks(IOperation operation, ISymbol owner, List<SinkSite> sinks)
        {
            if (operation is not (IAssignmentOperation or IInvocationOperation))
            {
                return;
            }

            if (this.returnUrls is not null && this.returnUrls.TryMatch(operation, out var url, out var urlPath))
            {
                sinks.Add(new SinkSite(url, new SinkDescription(SinkKind.ReturnUrl, urlPath)));
            }
            else if (this.customer is not null && this.customer.TryMatch(operation, out var id, out var idPath))
            {
                sinks.Add(new SinkSite(id, new SinkDescription(SinkKind.Customer, idPath)));
            }
        }

        public override SinkKind ClearedFor(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                {
                    var (validators, ownership) = this.ChecksFor(operation.Syntax.SyntaxTree);
                    return (validators.IsCheck(invocation.TargetMethod) ? SinkKind.ReturnUrl : SinkKind.None)
                           | (ownership.IsCheck(invocation.TargetMethod) ? SinkKind.Customer : SinkKind.None);
                }

                case ILocalReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation or IFieldReferenceOperation:
                {
                    var (validators, ownership) = this.ChecksFor(operation.Syntax.SyntaxTree);
                    return (validators.Guards(operation) ? SinkKind.ReturnUrl : SinkKind.None)
                           | (!ownership.IsEmpty && ownership.Guards(operation) ? SinkKind.Customer : SinkKind.None);
                }

                case IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }:
                    return HasFixedOrigin(operation) ? SinkKind.ReturnUrl : SinkKind.None;

                default:
                    return SinkKind.None;
            }
        }

        /// <summary>
        /// <c>CustomerService.List/Search/Get</c> (each sync, async and auto-paging): a customer found by an e-mail, a search
        /// query or an id the browser sent is the customer the browser chose. Stripe's other answers stay trusted (a
        /// Checkout session retrieved by its id, an unguessable token, gives the customer Stripe recorded for it).
        /// </summary>
        public override string? DescribeLookup(IMethodSymbol method)
        {
            if (this.customerService is null || !IsCustomerLookup(method.Name))
            {
                return null;
            }

            for (var declared = method; declared is not null; declared = declared.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(declared.ContainingType, this.customerService))
                {
                    return "the Stripe customer looked up by 'CustomerService." + method.Name + "'";
                }
            }

            return null;
        }

        private static bool IsCustomerLookup(string name) => name switch
        {
            "List" or "ListAsync" or "ListAutoPaging" or "ListAutoPagingAsync" => true,
            "Search" or "SearchAsync" or "SearchAutoPaging" or "SearchAutoPagingAsync" => true,
            "Get" or "GetAsync" => true,
            _ => false,
        };

        /// <summary>String building whose constant start fixes scheme and host: the input can only change path or query.</summary>
        private static bool HasFixedOrigin(IOperation text)
        {
            var prefix = new System.Text.StringBuilder();
            foreach (var part in LeadingParts(text))
            {
                if (part.WalkDownImplicitConversions().ConstantValue is not { HasValue: true, Value: string constant })
                {
                    break;
                }

                prefix.Append(constant);
            }

            return ReturnUrlText.Parse(prefix.ToString(), complete: false).Host is not null;
        }

        /// <summary>The pieces of <c>a + b + c</c> or <c>$"{a}b{c}"</c>, in order.</summary>
        private static IEnumerable<IOperation> LeadingParts(IOperation text)
        {
            switch (text)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    foreach (var part in LeadingParts(binary.LeftOperand.WalkDownImplicitConversions()))
                    {
                        yield return part;
                    }

                    yield return binary.RightOperand;
                    break;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        yield return part switch
                        {
                            IInterpolatedStringTextOperation literal => literal.Text,
                            IInterpolationOperation { Alignment: null, FormatString: null } hole => hole.Expression,
                            _ => part,
                        };
                    }

                    break;
                default:
                    yield return text;
                    break;
            }
        }

        /// <summary>How a message names the request input the operation reads, or null when it reads none.</summary>
        private string? Describe(IOperation operation)
        {
            switch (operation)
            {
                case IParameterReferenceOperation parameter when this.inputs.IsBound(parameter.Parameter, parameter):
                    return "the request parameter '" + parameter.Parameter.Name + "'";

                case IPropertyReferenceOperation property:
                    var symbol = property.Property;
                    if (this.inputs.IsRequestInputProperty(symbol))
                    {
                        return "HttpRequest." + symbol.Name;
                    }

                    if (IsRefererRead(property) && property.Instance is { } headers && this.Describe(headers.WalkDownImplicitConversions()) is not null)
                    {
                        return "the Referer header";
                    }

                    return property.Instance is IInstanceReferenceOperation && this.inputs.IsBoundProperty(symbol)
                        ? "the bound property '" + symbol.Name + "'"
                        : null;

                case IInvocationOperation invocation when this.inputs.IsRequestInputCall(invocation.TargetMethod):
                    return invocation.TargetMethod.Name == "GetTypedHeaders" ? "HttpRequest.Headers" : "HttpRequest.Host";

                default:
                    return null;
            }
        }

        /// <summary><c>headers.Referer</c> or <c>headers["Referer"]</c>.</summary>
        private static bool IsRefererRead(IPropertyReferenceOperation property) =>
            string.Equals(property.Property.Name, Referer, StringComparison.OrdinalIgnoreCase)
            || (property.Property.IsIndexer && property.Arguments.Length == 1
                && property.Arguments[0].Value.ConstantValue.Value is string header
                && string.Equals(header, Referer, StringComparison.OrdinalIgnoreCase));

        private (DeclaredChecks Validators, DeclaredChecks Ownership) ChecksFor(SyntaxTree tree) =>
            this.checks.GetOrAdd(tree, t => (
                new DeclaredChecks(PortalOptions.GetList(this.options, t, PortalOptions.ReturnUrlValidators).AddRange(AspNetNames.BuiltInReturnUrlValidators)),
                new DeclaredChecks(PortalOptions.GetList(this.options, t, PortalOptions.CustomerOwnershipChecks))));
    }
}
