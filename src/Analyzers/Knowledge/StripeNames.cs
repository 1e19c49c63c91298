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

        public const string TypeProperty = "Type";
        public const string ExtraParamsProperty = "ExtraParams";
        public const string AddExtraParamMethod = "AddExtraParam";
    }
}
