namespace Stripe.BillingPortal
{
    using System.Collections.Generic;
    using Newtonsoft.Json;

    public class SessionCreateOptions : BaseOptions
    {
        [JsonProperty("configuration")]
        public string Configuration { get; set; }

        [JsonProperty("customer")]
        public string Customer { get; set; }

        [JsonProperty("customer_account")]
        public string CustomerAccount { get; set; }

        [JsonProperty("flow_data")]
        public SessionFlowDataOptions FlowData { get; set; }

        [JsonProperty("locale")]
        public string Locale { get; set; }

        [JsonProperty("on_behalf_of")]
        public string OnBehalfOf { get; set; }

        [JsonProperty("return_url")]
        public string ReturnUrl { get; set; }
    }

    public class SessionFlowDataOptions : INestedOptions
    {
        [JsonProperty("after_completion")]
        public SessionFlowDataAfterCompletionOptions AfterCompletion { get; set; }

        [JsonProperty("subscription_cancel")]
        public SessionFlowDataSubscriptionCancelOptions SubscriptionCancel { get; set; }

        [JsonProperty("subscription_update")]
        public SessionFlowDataSubscriptionUpdateOptions SubscriptionUpdate { get; set; }

        [JsonProperty("subscription_update_confirm")]
        public SessionFlowDataSubscriptionUpdateConfirmOptions SubscriptionUpdateConfirm { get; set; }

        [JsonProperty("type")]
        public string Type { get; set; }
    }

    public class SessionFlowDataAfterCompletionOptions : INestedOptions
    {
        [JsonProperty("hosted_confirmation")]
        public SessionFlowDataAfterCompletionHostedConfirmationOptions HostedConfirmation { get; set; }

        [JsonProperty("redirect")]
        public SessionFlowDataAfterCompletionRedirectOptions Redirect { get; set; }

        [JsonProperty("type")]
        public string Type { get; set; }
    }

    public class SessionFlowDataAfterCompletionHostedConfirmationOptions : INestedOptions
    {
        [JsonProperty("custom_message")]
        public string CustomMessage { get; set; }
    }

    public class SessionFlowDataAfterCompletionRedirectOptions : INestedOptions
    {
        [JsonProperty("return_url")]
        public string ReturnUrl { get; set; }
    }

    public class SessionFlowDataSubscriptionCancelOptions : INestedOptions
    {
        [JsonProperty("retention")]
        public SessionFlowDataSubscriptionCancelRetentionOptions Retention { get; set; }

        [JsonProperty("subscription")]
        public string Subscription { get; set; }
    }

    public class SessionFlowDataSubscriptionCancelRetentionOptions : INestedOptions
    {
        [JsonProperty("coupon_offer")]
        public SessionFlowDataSubscriptionCancelRetentionCouponOfferOptions CouponOffer { get; set; }

        [JsonProperty("type")]
        public string Type { get; set; }
    }

    public class SessionFlowDataSubscriptionCancelRetentionCouponOfferOptions : INestedOptions
    {
        [JsonProperty("coupon")]
        public string Coupon { get; set; }
    }

    public class SessionFlowDataSubscriptionUpdateOptions : INestedOptions
    {
        [JsonProperty("subscription")]
        public string Subscription { get; set; }
    }

    public class SessionFlowDataSubscriptionUpdateConfirmOptions : INestedOptions
    {
        [JsonProperty("discounts")]
        public List<SessionFlowDataSubscriptionUpdateConfirmDiscountOptions> Discounts { get; set; }

        [JsonProperty("items")]
        public List<SessionFlowDataSubscriptionUpdateConfirmItemOptions> Items { get; set; }

        [JsonProperty("subscription")]
        public string Subscription { get; set; }
    }

    public class SessionFlowDataSubscriptionUpdateConfirmItemOptions : INestedOptions
    {
        [JsonProperty("id")]
        public string Id { get; set; }

        [JsonProperty("price")]
        public string Price { get; set; }

        [JsonProperty("quantity")]
        public long? Quantity { get; set; }
    }

    public class SessionFlowDataSubscriptionUpdateConfirmDiscountOptions : INestedOptions
    {
        [JsonProperty("coupon")]
        public string Coupon { get; set; }

        [JsonProperty("promotion_code")]
        public string PromotionCode { get; set; }
    }

    public class ConfigurationCreateOptions : BaseOptions
    {
        [JsonProperty("business_profile")]
        public ConfigurationBusinessProfileOptions BusinessProfile { get; set; }

        [JsonProperty("default_return_url")]
        public string DefaultReturnUrl { get; set; }

        [JsonProperty("features")]
        public ConfigurationFeaturesOptions Features { get; set; }

        [JsonProperty("login_page")]
        public ConfigurationLoginPageOptions LoginPage { get; set; }

        [JsonProperty("metadata")]
        public Dictionary<string, string> Metadata { get; set; }

        [JsonProperty("name")]
        public string Name { get; set; }
    }

    public class ConfigurationUpdateOptions : BaseOptions
    {
        [JsonProperty("active")]
        public bool? Active { get; set; }

        [JsonProperty("business_profile")]
        public ConfigurationBusinessProfileOptions BusinessProfile { get; set; }

        [JsonProperty("default_return_url")]
        public string DefaultReturnUrl { get; set; }

        [JsonProperty("features")]
        public ConfigurationFeaturesOptions Features { get; set; }

        [JsonProperty("login_page")]
        public ConfigurationLoginPageOptions LoginPage { get; set; }

        [JsonProperty("metadata")]
        public Dictionary<string, string> Metadata { get; set; }

        [JsonProperty("name")]
        public string Name { get; set; }
    }

    public class ConfigurationGetOptions : BaseOptions
    {
    }

    public class ConfigurationListOptions : ListOptions
    {
        [JsonProperty("active")]
        public bool? Active { get; set; }

        [JsonProperty("is_default")]
        public bool? IsDefault { get; set; }
    }

    public class ConfigurationBusinessProfileOptions : INestedOptions
    {
        [JsonProperty("headline")]
        public string Headline { get; set; }

        [JsonProperty("privacy_policy_url")]
        public string PrivacyPolicyUrl { get; set; }

        [JsonProperty("terms_of_service_url")]
        public string TermsOfServiceUrl { get; set; }
    }

    public class ConfigurationLoginPageOptions : INestedOptions
    {
        [JsonProperty("enabled")]
        public bool? Enabled { get; set; }
    }

    public class ConfigurationFeaturesOptions : INestedOptions
    {
        [JsonProperty("customer_update")]
        public ConfigurationFeaturesCustomerUpdateOptions CustomerUpdate { get; set; }

        [JsonProperty("invoice_history")]
        public ConfigurationFeaturesInvoiceHistoryOptions InvoiceHistory { get; set; }

        [JsonProperty("payment_method_update")]
        public ConfigurationFeaturesPaymentMethodUpdateOptions PaymentMethodUpdate { get; set; }

        [JsonProperty("subscription_cancel")]
        public ConfigurationFeaturesSubscriptionCancelOptions SubscriptionCancel { get; set; }

        [JsonProperty("subscription_update")]
        public ConfigurationFeaturesSubscriptionUpdateOptions SubscriptionUpdate { get; set; }
    }

    public class ConfigurationFeaturesCustomerUpdateOptions : INestedOptions
    {
        [JsonProperty("allowed_updates")]
        public List<string> AllowedUpdates { get; set; }

        [JsonProperty("enabled")]
        public bool? Enabled { get; set; }
    }

    public class ConfigurationFeaturesInvoiceHistoryOptions : INestedOptions
    {
        [JsonProperty("enabled")]
        public bool? Enabled { get; set; }
    }

    public class ConfigurationFeaturesPaymentMethodUpdateOptions : INestedOptions
    {
        [JsonProperty("enabled")]
        public bool? Enabled { get; set; }
    }

    public class ConfigurationFeaturesSubscriptionUpdateOptions : INestedOptions
    {
        [JsonProperty("default_allowed_updates")]
        public List<string> DefaultAllowedUpdates { get; set; }

        [JsonProperty("enabled")]
        public bool? Enabled { get; set; }

        [JsonProperty("proration_behavior")]
        public string ProrationBehavior { get; set; }
    }

    public class ConfigurationFeaturesSubscriptionCancelOptions : INestedOptions
    {
        [JsonProperty("cancellation_reason")]
        public ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions CancellationReason { get; set; }

        [JsonProperty("enabled")]
        public bool? Enabled { get; set; }

        [JsonProperty("mode")]
        public string Mode { get; set; }

        [JsonProperty("proration_behavior")]
        public string ProrationBehavior { get; set; }
    }

    public class ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions : INestedOptions
    {
        [JsonProperty("enabled")]
        public bool? Enabled { get; set; }

        [JsonProperty("options")]
        public List<string> Options { get; set; }
    }
}
