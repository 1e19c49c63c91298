namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>Metadata names of the Stripe.net types the analyzers recognise (see shared/stripe-net/billing-portal-surface.md).</summary>
    internal static class StripeNames
    {
        public const string BaseOptions = "Stripe.BaseOptions";
        public const string StripeClient = "Stripe.StripeClient";
        public const string Session = "Stripe.BillingPortal.Session";
        public const string SessionService = "Stripe.BillingPortal.SessionService";
        public const string SessionCreateOptions = "Stripe.BillingPortal.SessionCreateOptions";
        public const string SessionFlowDataOptions = "Stripe.BillingPortal.SessionFlowDataOptions";
        public const string SessionFlowDataAfterCompletionOptions = "Stripe.BillingPortal.SessionFlowDataAfterCompletionOptions";
        public const string SessionFlowDataSubscriptionCancelRetentionOptions = "Stripe.BillingPortal.SessionFlowDataSubscriptionCancelRetentionOptions";

        public const string StripeResponse = "Stripe.StripeResponse";

        public const string UrlProperty = "Url";
        public const string IdProperty = "Id";
        public const string StripeResponseProperty = "StripeResponse";
        public const string ContentProperty = "Content";
        public const string RawJObjectProperty = "RawJObject";
        public const string RawJsonElementProperty = "RawJsonElement";
        public const string ToJsonMethod = "ToJson";

        /// <summary>The runtime's session handle and its explicit URL member (resolved by name; absent before the runtime has it).</summary>
        public const string RuntimePortalSession = "Accrue.Portal.PortalSession";
        public const string RuntimeRedirectUriProperty = "RedirectUri";

        public const string TypeProperty = "Type";
        public const string ExtraParamsProperty = "ExtraParams";
        public const string AddExtraParamMethod = "AddExtraParam";
    }
}
