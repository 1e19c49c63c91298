namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>What kind of symbol a <see cref="StripeShape"/> describes.</summary>
    internal enum StripeSymbolKind
    {
        Class,
        Interface,
        Property,
        Method,
        Constructor,
        Attribute,

        /// <summary>A public <c>const</c> field, read by the compiler even where its type is internal (<c>Stripe.ApiVersion.Current</c>).</summary>
        Constant,
    }

    /// <summary>
    /// One assumption about Stripe.net's public surface: a type, or a member of it with the static-ness, type and
    /// parameters the analyzers, fixes and generated glue rely on. Types are spelt as C# writes them with full names
    /// (<c>System.Threading.Tasks.Task&lt;Stripe.BillingPortal.Session&gt;</c>, <c>string</c>, <c>long?</c>); a member
    /// found on a base type counts.
    /// </summary>
    /// <param name="Kind">What kind of symbol it is.</param>
    /// <param name="Type">The metadata name of the type (the member's containing type for a member).</param>
    /// <param name="Member">The member's name; null for a type.</param>
    /// <param name="Returns">The property type or method return type; null when any will do.</param>
    /// <param name="Parameters">The parameter types, comma-separated ("" for none); null for a property.</param>
    /// <param name="IsStatic">The member is static.</param>
    /// <param name="UsedBy">Which rules, fixes or glue rely on it, for the reader of a failing surface test.</param>
    internal sealed record StripeShape(StripeSymbolKind Kind, string Type, string? Member, string? Returns, string? Parameters, bool IsStatic, string UsedBy)
    {
        public static StripeShape Class(string type, string usedBy) => new StripeShape(StripeSymbolKind.Class, type, null, null, null, false, usedBy);

        public static StripeShape Interface(string type, string usedBy) => new StripeShape(StripeSymbolKind.Interface, type, null, null, null, false, usedBy);

        public static StripeShape Attribute(string type, string usedBy) => new StripeShape(StripeSymbolKind.Attribute, type, null, null, null, false, usedBy);

        public static StripeShape Property(string type, string member, string returns, string usedBy) => new StripeShape(StripeSymbolKind.Property, type, member, returns, null, false, usedBy);

        public static StripeShape Method(string type, string member, string returns, string parameters, string usedBy) => new StripeShape(StripeSymbolKind.Method, type, member, returns, parameters, false, usedBy);

        public static StripeShape Constant(string type, string member, string returns, string usedBy) => new StripeShape(StripeSymbolKind.Constant, type, member, returns, null, true, usedBy);

        public static StripeShape Constructor(string type, string parameters, string usedBy) => new StripeShape(StripeSymbolKind.Constructor, type, ".ctor(" + parameters + ")", null, parameters, false, usedBy);

        public override string ToString() => this.Member == null ? this.Kind + " " + this.Type : this.Kind + " " + this.Type + "." + this.Member;
    }

    /// <summary>
    /// The one catalogue of the Stripe.net surface Accrue.Portal names (<see cref="StripeNames"/>), with the shape each
    /// name is assumed to have. The surface test checks every entry against the referenced Stripe.net and every Stripe
    /// name in the generated glue against this list, so a rename in a new Stripe.net fails one test, not a rule silently.
    /// </summary>
    internal static class StripeSurface
    {
        private const string Task = "System.Threading.Tasks.Task";
        private const string CancellationToken = "System.Threading.CancellationToken";
        private const string Glue = "generated glue";

        public static ImmutableArray<StripeShape> Assumed { get; } = ImmutableArray.Create(
            StripeShape.Class(StripeNames.BaseOptions, "PORTAL004-014 (options graphs), ExtraParams writes"),
            StripeShape.Interface(StripeNames.NestedOptions, "options graphs"),
            StripeShape.Property(StripeNames.BaseOptions, StripeNames.ExtraParamsProperty, "System.Collections.Generic.IDictionary<string, object>", "ExtraParams writes (PORTAL005/006)"),
            StripeShape.Method(StripeNames.BaseOptions, StripeNames.AddExtraParamMethod, "void", "string, object", "ExtraParams writes (PORTAL005/006)"),
            StripeShape.Attribute(StripeNames.JsonPropertyAttribute, "API field names of option properties"),
            StripeShape.Class(StripeNames.RequestOptions, Glue),
            StripeShape.Interface(StripeNames.StripeClientInterface, "startup check glue"),
            StripeShape.Class(StripeNames.StripeClient, "PORTAL008 (client.V1.BillingPortal)"),
            StripeShape.Property(StripeNames.StripeClient, "V1", StripeNames.V1Services, "PORTAL008, README usage"),
            StripeShape.Property(StripeNames.V1Services, "BillingPortal", StripeNames.BillingPortalService, "PORTAL008, README usage"),
            StripeShape.Property(StripeNames.BillingPortalService, "Sessions", StripeNames.SessionService, "PORTAL008, README usage"),
            StripeShape.Property(StripeNames.BillingPortalService, "Configurations", StripeNames.ConfigurationService, "configuration glue, README usage"),

            // The session: what PORTAL001/002/012 treat as the URL and its carriers.
            StripeShape.Class(StripeNames.StripeEntity, "PORTAL001/002/012 (ToJson, RawJObject, StripeResponse)"),
            StripeShape.Class(StripeNames.Session, "PORTAL001/002/012, glue"),
            StripeShape.Property(StripeNames.Session, StripeNames.UrlProperty, "string", "PORTAL001/002/012, glue"),
            StripeShape.Property(StripeNames.Session, StripeNames.IdProperty, "string", "PORTAL012 fix, glue"),
            StripeShape.Property(StripeNames.Session, "Customer", "string", Glue),
            StripeShape.Property(StripeNames.Session, "ReturnUrl", "string", Glue),
            StripeShape.Property(StripeNames.Session, "Livemode", "bool", Glue),
            StripeShape.Property(StripeNames.Session, "Created", "System.DateTime", Glue),
            StripeShape.Property(StripeNames.Session, "Flow", StripeNames.SessionFlow, Glue),
            StripeShape.Property(StripeNames.SessionFlow, StripeNames.TypeProperty, "string", Glue),
            StripeShape.Property(StripeNames.Session, StripeNames.StripeResponseProperty, StripeNames.StripeResponse, "PORTAL001/002"),
            StripeShape.Property(StripeNames.Session, StripeNames.RawJObjectProperty, "Newtonsoft.Json.Linq.JObject", "PORTAL001/002"),
            StripeShape.Property(StripeNames.Session, StripeNames.RawJsonElementProperty, "System.Text.Json.JsonElement?", "PORTAL001/002"),
            StripeShape.Method(StripeNames.Session, StripeNames.ToJsonMethod, "string", string.Empty, "PORTAL001/002"),
            StripeShape.Class(StripeNames.StripeResponse, "PORTAL001/002"),
            StripeShape.Property(StripeNames.StripeResponse, StripeNames.ContentProperty, "string", "PORTAL001/002"),

            // Session creation: what PORTAL003-011 read and PORTAL008's glue calls.
            StripeShape.Class(StripeNames.SessionService, "PORTAL003-011, glue"),
            StripeShape.Method(StripeNames.SessionService, StripeNames.CreateMethod, StripeNames.Session, StripeNames.SessionCreateOptions + ", " + StripeNames.RequestOptions, "PORTAL003-011, glue"),
            StripeShape.Method(StripeNames.SessionService, StripeNames.CreateAsyncMethod, Task + "<" + StripeNames.Session + ">", StripeNames.SessionCreateOptions + ", " + StripeNames.RequestOptions + ", " + CancellationToken, "PORTAL003-011, glue"),
            StripeShape.Class(StripeNames.SessionCreateOptions, "PORTAL003-011, glue"),
            StripeShape.Property(StripeNames.SessionCreateOptions, "Customer", "string", "PORTAL007/011, glue"),
            StripeShape.Property(StripeNames.SessionCreateOptions, StripeNames.CustomerAccountProperty, "string", "PORTAL007, glue"),
            StripeShape.Property(StripeNames.SessionCreateOptions, StripeNames.ReturnUrlProperty, "string", "PORTAL003/010, glue"),
            StripeShape.Property(StripeNames.SessionCreateOptions, "Configuration", "string", "PORTAL004, glue"),
            StripeShape.Property(StripeNames.SessionCreateOptions, "Locale", "string", Glue),
            StripeShape.Property(StripeNames.SessionCreateOptions, "OnBehalfOf", "string", Glue),
            StripeShape.Property(StripeNames.SessionCreateOptions, "FlowData", StripeNames.SessionFlowDataOptions, "PORTAL005/006, glue"),
            StripeShape.Class(StripeNames.SessionFlowDataOptions, "PORTAL005/006, glue"),
            StripeShape.Property(StripeNames.SessionFlowDataOptions, StripeNames.TypeProperty, "string", "PORTAL005, glue"),
            StripeShape.Property(StripeNames.SessionFlowDataOptions, "AfterCompletion", StripeNames.SessionFlowDataAfterCompletionOptions, "PORTAL003/006, glue"),
            StripeShape.Property(StripeNames.SessionFlowDataOptions, "SubscriptionCancel", StripeNames.SessionFlowDataSubscriptionCancelOptions, "PORTAL006, glue"),
            StripeShape.Property(StripeNames.SessionFlowDataOptions, StripeNames.SubscriptionPauseProperty, "Stripe.BillingPortal.SessionFlowDataSubscriptionPauseOptions", "PORTAL006 subscription_pause, glue"),
            StripeShape.Property("Stripe.BillingPortal.SessionFlowDataSubscriptionPauseOptions", "Subscription", "string", "PORTAL006 subscription_pause, glue"),
            StripeShape.Property(StripeNames.SessionCreateOptions, StripeNames.AfterExpirationProperty, StripeNames.SessionAfterExpirationOptions, "PORTAL005/006 after_expiration, glue"),
            StripeShape.Class(StripeNames.SessionAfterExpirationOptions, "PORTAL005/006 after_expiration, glue"),
            StripeShape.Property(StripeNames.SessionAfterExpirationOptions, StripeNames.TypeProperty, "string", "PORTAL005 after_expiration.type, glue"),
            StripeShape.Property(StripeNames.SessionAfterExpirationOptions, "CustomerLogin", "Stripe.BillingPortal.SessionAfterExpirationCustomerLoginOptions", "glue"),
            StripeShape.Class(StripeNames.CustomerService, "PORTAL011: customers looked up by request input"),
            StripeShape.Method(StripeNames.CustomerService, "List", "Stripe.StripeList<Stripe.Customer>", "Stripe.CustomerListOptions, Stripe.RequestOptions", "PORTAL011: customer lookups"),
            StripeShape.Method(StripeNames.CustomerService, "SearchAsync", "System.Threading.Tasks.Task<Stripe.StripeSearchResult<Stripe.Customer>>", "Stripe.CustomerSearchOptions, Stripe.RequestOptions, System.Threading.CancellationToken", "PORTAL011: customer lookups"),
            StripeShape.Method(StripeNames.CustomerService, "GetAsync", "System.Threading.Tasks.Task<Stripe.Customer>", "string, Stripe.CustomerGetOptions, Stripe.RequestOptions, System.Threading.CancellationToken", "PORTAL011: customer lookups"),
            StripeShape.Class(StripeNames.Customer, "PORTAL011: a looked-up customer carries its lookup's input"),
            StripeShape.Property(StripeNames.Customer, StripeNames.IdProperty, "string", "PORTAL011: a looked-up customer's id"),
            StripeShape.Class(StripeNames.StripeSearchResult, "PORTAL011: search results carry what their items carry"),
            StripeShape.Constant(StripeNames.ApiVersion, StripeNames.ApiVersionCurrentField, "string", "the API version the rules and the guard judge values by"),
            StripeShape.Property(StripeNames.SessionFlowDataOptions, "SubscriptionUpdateConfirm", StripeNames.SessionFlowDataSubscriptionUpdateConfirmOptions, "PORTAL006, glue"),
            StripeShape.Class(StripeNames.SessionFlowDataAfterCompletionOptions, "PORTAL003/006 fix, glue"),
            StripeShape.Class(StripeNames.SessionFlowDataAfterCompletionRedirectOptions, "PORTAL003, glue"),
            StripeShape.Property(StripeNames.SessionFlowDataAfterCompletionRedirectOptions, StripeNames.ReturnUrlProperty, "string", "PORTAL003, glue"),
            StripeShape.Class(StripeNames.SessionFlowDataSubscriptionCancelOptions, "PORTAL006 fix, glue"),
            StripeShape.Property(StripeNames.SessionFlowDataSubscriptionCancelOptions, StripeNames.RetentionProperty, StripeNames.SessionFlowDataSubscriptionCancelRetentionOptions, "PORTAL006, retention glue"),
            StripeShape.Class(StripeNames.SessionFlowDataSubscriptionCancelRetentionOptions, "PORTAL006, retention glue"),
            StripeShape.Property(StripeNames.SessionFlowDataSubscriptionCancelRetentionOptions, "CouponOffer", StripeNames.SessionFlowDataSubscriptionCancelRetentionCouponOfferOptions, "retention glue"),
            StripeShape.Class(StripeNames.SessionFlowDataSubscriptionCancelRetentionCouponOfferOptions, "retention glue"),
            StripeShape.Property(StripeNames.SessionFlowDataSubscriptionCancelRetentionCouponOfferOptions, "Coupon", "string", "retention glue"),
            StripeShape.Class(StripeNames.SessionFlowDataSubscriptionUpdateConfirmOptions, "PORTAL006 fix, glue"),
            StripeShape.Property(StripeNames.SessionFlowDataSubscriptionUpdateConfirmOptions, StripeNames.DiscountsProperty, "System.Collections.Generic.List<Stripe.BillingPortal.SessionFlowDataSubscriptionUpdateConfirmDiscountOptions>", "PORTAL006"),

            // Portal configurations: PORTAL004/009 and the configuration glue.
            StripeShape.Class(StripeNames.ConfigurationService, "PORTAL009, configuration glue"),
            StripeShape.Constructor(StripeNames.ConfigurationService, string.Empty, "startup check glue (Stripe.net's static client)"),
            StripeShape.Constructor(StripeNames.ConfigurationService, StripeNames.StripeClientInterface, "startup check glue (the registered IStripeClient)"),
            StripeShape.Method(StripeNames.ConfigurationService, StripeNames.CreateMethod, StripeNames.Configuration, StripeNames.ConfigurationCreateOptions + ", " + StripeNames.RequestOptions, "PORTAL009"),
            StripeShape.Method(StripeNames.ConfigurationService, StripeNames.CreateAsyncMethod, Task + "<" + StripeNames.Configuration + ">", StripeNames.ConfigurationCreateOptions + ", " + StripeNames.RequestOptions + ", " + CancellationToken, "PORTAL009, configuration glue"),
            StripeShape.Method(StripeNames.ConfigurationService, StripeNames.UpdateMethod, StripeNames.Configuration, "string, " + StripeNames.ConfigurationUpdateOptions + ", " + StripeNames.RequestOptions, "PORTAL009"),
            StripeShape.Method(StripeNames.ConfigurationService, StripeNames.UpdateAsyncMethod, Task + "<" + StripeNames.Configuration + ">", "string, " + StripeNames.ConfigurationUpdateOptions + ", " + StripeNames.RequestOptions + ", " + CancellationToken, "PORTAL009, configuration glue"),
            StripeShape.Method(StripeNames.ConfigurationService, StripeNames.GetAsyncMethod, Task + "<" + StripeNames.Configuration + ">", "string, " + StripeNames.ConfigurationGetOptions + ", " + StripeNames.RequestOptions + ", " + CancellationToken, "configuration glue"),
            StripeShape.Method(StripeNames.ConfigurationService, StripeNames.ListAsyncMethod, Task + "<Stripe.StripeList<" + StripeNames.Configuration + ">>", StripeNames.ConfigurationListOptions + ", " + StripeNames.RequestOptions + ", " + CancellationToken, "configuration glue"),
            StripeShape.Class(StripeNames.ConfigurationGetOptions, "configuration glue"),
            StripeShape.Class(StripeNames.ConfigurationListOptions, "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationListOptions, "Limit", "long?", "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationListOptions, "StartingAfter", "string", "configuration glue"),
            StripeShape.Class(StripeNames.StripeList, "configuration glue"),
            StripeShape.Property(StripeNames.StripeList, "Data", "System.Collections.Generic.List<T>", "configuration glue"),
            StripeShape.Property(StripeNames.StripeList, "HasMore", "bool", "configuration glue"),
            StripeShape.Class(StripeNames.ConfigurationCreateOptions, "PORTAL009, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationCreateOptions, StripeNames.DefaultReturnUrlProperty, "string", "PORTAL003, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationCreateOptions, "Features", StripeNames.ConfigurationFeaturesOptions, "PORTAL009, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationCreateOptions, "Metadata", "System.Collections.Generic.Dictionary<string, string>", "configuration glue"),
            StripeShape.Class(StripeNames.ConfigurationUpdateOptions, "PORTAL009, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationUpdateOptions, "Active", "bool?", "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationUpdateOptions, StripeNames.DefaultReturnUrlProperty, "string", "PORTAL003, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationUpdateOptions, "Features", StripeNames.ConfigurationFeaturesOptions, "PORTAL009, configuration glue"),
            StripeShape.Class(StripeNames.ConfigurationFeaturesOptions, "PORTAL009, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesOptions, "SubscriptionCancel", StripeNames.ConfigurationFeaturesSubscriptionCancelOptions, "PORTAL009, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesOptions, "InvoiceHistory", StripeNames.ConfigurationFeaturesInvoiceHistoryOptions, "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesOptions, "PaymentMethodUpdate", StripeNames.ConfigurationFeaturesPaymentMethodUpdateOptions, "configuration glue"),
            StripeShape.Class(StripeNames.ConfigurationFeaturesInvoiceHistoryOptions, "configuration glue"),
            StripeShape.Class(StripeNames.ConfigurationFeaturesPaymentMethodUpdateOptions, "configuration glue"),
            StripeShape.Class(StripeNames.ConfigurationFeaturesSubscriptionCancelOptions, "PORTAL009, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancelOptions, "Mode", "string", "PORTAL009, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancelOptions, "ProrationBehavior", "string", "PORTAL009, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancelOptions, "CancellationReason", StripeNames.ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions, "PORTAL009, configuration glue"),
            StripeShape.Class(StripeNames.ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions, "PORTAL009, configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions, "Options", "System.Collections.Generic.List<string>", "PORTAL009, configuration glue"),
            StripeShape.Class(StripeNames.Configuration, "configuration glue"),
            StripeShape.Property(StripeNames.Configuration, "Active", "bool", "configuration glue"),
            StripeShape.Property(StripeNames.Configuration, "IsDefault", "bool", "configuration glue"),
            StripeShape.Property(StripeNames.Configuration, "Livemode", "bool", "configuration glue"),
            StripeShape.Property(StripeNames.Configuration, StripeNames.DefaultReturnUrlProperty, "string", "configuration glue"),
            StripeShape.Property(StripeNames.Configuration, "Metadata", "System.Collections.Generic.Dictionary<string, string>", "configuration glue"),
            StripeShape.Property(StripeNames.Configuration, "Features", StripeNames.ConfigurationFeatures, "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeatures, "SubscriptionCancel", StripeNames.ConfigurationFeaturesSubscriptionCancel, "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeatures, StripeNames.SubscriptionPauseProperty, "Stripe.BillingPortal.ConfigurationFeaturesSubscriptionPause", "configuration glue (pause audit)"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancelCancellationReason, StripeNames.FeedbackOptionIdsProperty, "System.Collections.Generic.List<string>", "configuration glue (feedback options audit)"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancel, "Enabled", "bool", "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancel, "Mode", "string", "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancel, "ProrationBehavior", "string", "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancel, "CancellationReason", StripeNames.ConfigurationFeaturesSubscriptionCancelCancellationReason, "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancelCancellationReason, "Enabled", "bool", "configuration glue"),
            StripeShape.Property(StripeNames.ConfigurationFeaturesSubscriptionCancelCancellationReason, "Options", "System.Collections.Generic.List<string>", "configuration glue"));
    }
}
