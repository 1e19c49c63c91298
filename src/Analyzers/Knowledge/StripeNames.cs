namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// Metadata names of the Stripe.net types and members the analyzers, fixes and generated glue name. What each must look
    /// like is in <see cref="StripeSurface"/>, which a test checks against the Stripe.net the build references.
    /// </summary>
    internal static class StripeNames
    {
        public const string BaseOptions = "Stripe.BaseOptions";
        public const string NestedOptions = "Stripe.INestedOptions";
        public const string StripeClient = "Stripe.StripeClient";
        public const string StripeClientInterface = "Stripe.IStripeClient";
        public const string V1Services = "Stripe.V1Services";
        public const string BillingPortalService = "Stripe.BillingPortalService";
        public const string RequestOptions = "Stripe.RequestOptions";
        public const string StripeEntity = "Stripe.StripeEntity";
        public const string StripeList = "Stripe.StripeList`1";
        public const string Session = "Stripe.BillingPortal.Session";
        public const string SessionService = "Stripe.BillingPortal.SessionService";
        public const string SessionCreateOptions = "Stripe.BillingPortal.SessionCreateOptions";
        public const string SessionFlowDataOptions = "Stripe.BillingPortal.SessionFlowDataOptions";
        public const string SessionFlowDataSubscriptionCancelOptions = "Stripe.BillingPortal.SessionFlowDataSubscriptionCancelOptions";
        public const string SessionFlowDataSubscriptionUpdateConfirmOptions = "Stripe.BillingPortal.SessionFlowDataSubscriptionUpdateConfirmOptions";
        public const string SessionFlowDataAfterCompletionOptions = "Stripe.BillingPortal.SessionFlowDataAfterCompletionOptions";
        public const string SessionFlowDataAfterCompletionRedirectOptions = "Stripe.BillingPortal.SessionFlowDataAfterCompletionRedirectOptions";
        public const string SessionFlowDataSubscriptionCancelRetentionOptions = "Stripe.BillingPortal.SessionFlowDataSubscriptionCancelRetentionOptions";
        public const string SessionAfterExpirationOptions = "Stripe.BillingPortal.SessionAfterExpirationOptions";
        public const string ConfigurationService = "Stripe.BillingPortal.ConfigurationService";
        public const string Configuration = "Stripe.BillingPortal.Configuration";
        public const string ConfigurationListOptions = "Stripe.BillingPortal.ConfigurationListOptions";
        public const string ConfigurationCreateOptions = "Stripe.BillingPortal.ConfigurationCreateOptions";
        public const string ConfigurationUpdateOptions = "Stripe.BillingPortal.ConfigurationUpdateOptions";
        public const string ConfigurationGetOptions = "Stripe.BillingPortal.ConfigurationGetOptions";
        public const string ConfigurationFeatures = "Stripe.BillingPortal.ConfigurationFeatures";
        public const string ConfigurationFeaturesSubscriptionCancel = "Stripe.BillingPortal.ConfigurationFeaturesSubscriptionCancel";
        public const string ConfigurationFeaturesSubscriptionCancelCancellationReason = "Stripe.BillingPortal.ConfigurationFeaturesSubscriptionCancelCancellationReason";
        public const string ConfigurationFeaturesOptions = "Stripe.BillingPortal.ConfigurationFeaturesOptions";
        public const string ConfigurationFeaturesInvoiceHistoryOptions = "Stripe.BillingPortal.ConfigurationFeaturesInvoiceHistoryOptions";
        public const string ConfigurationFeaturesPaymentMethodUpdateOptions = "Stripe.BillingPortal.ConfigurationFeaturesPaymentMethodUpdateOptions";
        public const string ConfigurationFeaturesSubscriptionCancelOptions = "Stripe.BillingPortal.ConfigurationFeaturesSubscriptionCancelOptions";
        public const string ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions = "Stripe.BillingPortal.ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions";
        public const string SessionFlow = "Stripe.BillingPortal.SessionFlow";
        public const string SessionFlowDataSubscriptionCancelRetentionCouponOfferOptions = "Stripe.BillingPortal.SessionFlowDataSubscriptionCancelRetentionCouponOfferOptions";

        /// <summary>The class holding <c>const string Current</c>, the API version this Stripe.net pins (<c>2026-10-28.endive</c>).</summary>
        public const string ApiVersion = "Stripe.ApiVersion";
        public const string ApiVersionCurrentField = "Current";

        /// <summary>Stripe.net names each option property's form field with this attribute; the analyzers map API paths through it.</summary>
        public const string JsonPropertyAttribute = "Newtonsoft.Json.JsonPropertyAttribute";

        public const string StripeResponse = "Stripe.StripeResponse";

        public const string UrlProperty = "Url";
        public const string IdProperty = "Id";
        public const string StripeResponseProperty = "StripeResponse";
        public const string ContentProperty = "Content";
        public const string RawJObjectProperty = "RawJObject";
        public const string RawJsonElementProperty = "RawJsonElement";
        public const string ToJsonMethod = "ToJson";
        public const string CreateMethod = "Create";
        public const string CreateAsyncMethod = "CreateAsync";
        public const string UpdateMethod = "Update";
        public const string UpdateAsyncMethod = "UpdateAsync";
        public const string GetAsyncMethod = "GetAsync";
        public const string ListAsyncMethod = "ListAsync";
        public const string CustomerAccountProperty = "CustomerAccount";
        public const string RetentionProperty = "Retention";
        public const string SubscriptionPauseProperty = "SubscriptionPause";
        public const string AfterExpirationProperty = "AfterExpiration";
        public const string FeedbackOptionIdsProperty = "FeedbackOptionIds";
        public const string DiscountsProperty = "Discounts";

        public const string TypeProperty = "Type";
        public const string ReturnUrlProperty = "ReturnUrl";
        public const string DefaultReturnUrlProperty = "DefaultReturnUrl";
        public const string ExtraParamsProperty = "ExtraParams";
        public const string AddExtraParamMethod = "AddExtraParam";
    }
}
