namespace Stripe.BillingPortal
{
    using System;
    using System.Collections.Generic;
    using Newtonsoft.Json;

    public class Session : StripeEntity<Session>, IHasId, IHasObject
    {
        [JsonProperty("id")]
        public string Id { get; set; }

        [JsonProperty("object")]
        public string Object { get; set; }

        [JsonProperty("configuration")]
        public string ConfigurationId { get; set; }

        [JsonIgnore]
        public Configuration Configuration { get; set; }

        [JsonProperty("created")]
        public DateTime Created { get; set; }

        [JsonProperty("customer")]
        public string Customer { get; set; }

        [JsonProperty("customer_account")]
        public string CustomerAccount { get; set; }

        [JsonProperty("flow")]
        public SessionFlow Flow { get; set; }

        [JsonProperty("livemode")]
        public bool Livemode { get; set; }

        [JsonProperty("locale")]
        public string Locale { get; set; }

        [JsonProperty("on_behalf_of")]
        public string OnBehalfOf { get; set; }

        [JsonProperty("return_url")]
        public string ReturnUrl { get; set; }

        [JsonProperty("url")]
        public string Url { get; set; }
    }

    public class SessionFlow : StripeEntity<SessionFlow>
    {
        [JsonProperty("after_completion")]
        public SessionFlowAfterCompletion AfterCompletion { get; set; }

        [JsonProperty("subscription_cancel")]
        public SessionFlowSubscriptionCancel SubscriptionCancel { get; set; }

        [JsonProperty("subscription_update")]
        public SessionFlowSubscriptionUpdate SubscriptionUpdate { get; set; }

        [JsonProperty("subscription_update_confirm")]
        public SessionFlowSubscriptionUpdateConfirm SubscriptionUpdateConfirm { get; set; }

        [JsonProperty("type")]
        public string Type { get; set; }
    }

    public class SessionFlowAfterCompletion : StripeEntity<SessionFlowAfterCompletion>
    {
        [JsonProperty("type")]
        public string Type { get; set; }
    }

    public class SessionFlowSubscriptionCancel : StripeEntity<SessionFlowSubscriptionCancel>
    {
        [JsonProperty("subscription")]
        public string Subscription { get; set; }
    }

    public class SessionFlowSubscriptionUpdate : StripeEntity<SessionFlowSubscriptionUpdate>
    {
        [JsonProperty("subscription")]
        public string Subscription { get; set; }
    }

    public class SessionFlowSubscriptionUpdateConfirm : StripeEntity<SessionFlowSubscriptionUpdateConfirm>
    {
        [JsonProperty("subscription")]
        public string Subscription { get; set; }
    }

    public class Configuration : StripeEntity<Configuration>, IHasId, IHasObject
    {
        [JsonProperty("id")]
        public string Id { get; set; }

        [JsonProperty("object")]
        public string Object { get; set; }

        [JsonProperty("active")]
        public bool Active { get; set; }

        [JsonProperty("created")]
        public DateTime Created { get; set; }

        [JsonProperty("default_return_url")]
        public string DefaultReturnUrl { get; set; }

        [JsonProperty("features")]
        public ConfigurationFeatures Features { get; set; }

        [JsonProperty("is_default")]
        public bool IsDefault { get; set; }

        [JsonProperty("livemode")]
        public bool Livemode { get; set; }

        [JsonProperty("metadata")]
        public Dictionary<string, string> Metadata { get; set; }

        [JsonProperty("name")]
        public string Name { get; set; }

        [JsonProperty("updated")]
        public DateTime Updated { get; set; }
    }

    public class ConfigurationFeatures : StripeEntity<ConfigurationFeatures>
    {
        [JsonProperty("customer_update")]
        public ConfigurationFeaturesCustomerUpdate CustomerUpdate { get; set; }

        [JsonProperty("invoice_history")]
        public ConfigurationFeaturesInvoiceHistory InvoiceHistory { get; set; }

        [JsonProperty("payment_method_update")]
        public ConfigurationFeaturesPaymentMethodUpdate PaymentMethodUpdate { get; set; }

        [JsonProperty("subscription_cancel")]
        public ConfigurationFeaturesSubscriptionCancel SubscriptionCancel { get; set; }

        [JsonProperty("subscription_update")]
        public ConfigurationFeaturesSubscriptionUpdate SubscriptionUpdate { get; set; }
    }

    public class ConfigurationFeaturesCustomerUpdate : StripeEntity<ConfigurationFeaturesCustomerUpdate>
    {
        [JsonProperty("enabled")]
        public bool Enabled { get; set; }
    }

    public class ConfigurationFeaturesInvoiceHistory : StripeEntity<ConfigurationFeaturesInvoiceHistory>
    {
        [JsonProperty("enabled")]
        public bool Enabled { get; set; }
    }

    public class ConfigurationFeaturesPaymentMethodUpdate : StripeEntity<ConfigurationFeaturesPaymentMethodUpdate>
    {
        [JsonProperty("enabled")]
        public bool Enabled { get; set; }
    }

    public class ConfigurationFeaturesSubscriptionUpdate : StripeEntity<ConfigurationFeaturesSubscriptionUpdate>
    {
        [JsonProperty("enabled")]
        public bool Enabled { get; set; }
    }

    public class ConfigurationFeaturesSubscriptionCancel : StripeEntity<ConfigurationFeaturesSubscriptionCancel>
    {
        [JsonProperty("cancellation_reason")]
        public ConfigurationFeaturesSubscriptionCancelCancellationReason CancellationReason { get; set; }

        [JsonProperty("enabled")]
        public bool Enabled { get; set; }

        [JsonProperty("mode")]
        public string Mode { get; set; }

        [JsonProperty("proration_behavior")]
        public string ProrationBehavior { get; set; }
    }

    public class ConfigurationFeaturesSubscriptionCancelCancellationReason : StripeEntity<ConfigurationFeaturesSubscriptionCancelCancellationReason>
    {
        [JsonProperty("enabled")]
        public bool Enabled { get; set; }

        [JsonProperty("options")]
        public List<string> Options { get; set; }
    }
}
