// Compiled into the runtime and the analyzers: Stripe's rules for POST /v1/billing_portal/sessions and for portal
// configurations that are not a closed value set.
namespace Accrue.Portal.Internal
{
    internal static class PortalApiRules
    {
        public const string CustomerPath = "customer";
        public const string CustomerAccountPath = "customer_account";
        public const string ConfigurationPath = "configuration";
        public const string ReturnUrlPath = "return_url";
        public const string LocalePath = "locale";
        public const string OnBehalfOfPath = "on_behalf_of";
        public const string FlowDataPath = "flow_data";
        public const string AfterCompletionRedirectReturnUrlPath = "flow_data.after_completion.redirect.return_url";
        public const string CustomMessagePath = "flow_data.after_completion.hosted_confirmation.custom_message";
        public const string SubscriptionUpdateConfirmItemsPath = "flow_data.subscription_update_confirm.items";
        public const string DefaultReturnUrlPath = "default_return_url";
        public const string RetentionPath = "flow_data.subscription_cancel.retention";

        // Portal configuration fields (POST /v1/billing_portal/configurations).
        public const string ConfigurationActivePath = "active";
        public const string SubscriptionCancelPath = "features.subscription_cancel";
        public const string SubscriptionCancelEnabledPath = "features.subscription_cancel.enabled";
        public const string SubscriptionCancelModePath = "features.subscription_cancel.mode";
        public const string SubscriptionCancelProrationPath = "features.subscription_cancel.proration_behavior";
        public const string CancellationReasonPath = "features.subscription_cancel.cancellation_reason";
        public const string CancellationReasonEnabledPath = "features.subscription_cancel.cancellation_reason.enabled";
        public const string CancellationReasonOptionsPath = "features.subscription_cancel.cancellation_reason.options";
        public const string SubscriptionPauseDurationTypePath = "features.subscription_pause.duration.type";
        public const string SubscriptionPauseIntervalOptionsPath = "features.subscription_pause.duration.interval_options";
        public const string SubscriptionPauseIntervalPath = "features.subscription_pause.duration.interval_options.interval";
        public const string SubscriptionPauseIntervalCountPath = "features.subscription_pause.duration.interval_options.interval_count";
        public const string SubscriptionPauseEnabledPath = "features.subscription_pause.enabled";
        public const string SubscriptionUpdateEnabledPath = "features.subscription_update.enabled";
        public const string SubscriptionUpdateDefaultAllowedUpdatesPath = "features.subscription_update.default_allowed_updates";
        public const string SubscriptionUpdateProductsPath = "features.subscription_update.products";

        /// <summary>Fields of each <c>subscription_pause.duration.interval_options</c> entry.</summary>
        public const string PauseIntervalField = "interval";
        public const string PauseIntervalCountField = "interval_count";

        /// <summary><c>subscription_update.products</c> holds at most this many products.</summary>
        public const int MaxSubscriptionUpdateProducts = 10;

        /// <summary>Field of each <c>subscription_update_confirm.items</c> entry that Stripe requires.</summary>
        public const string SubscriptionUpdateConfirmItemIdField = "id";

        public const string CustomerIdPrefix = "cus_";
        public const string AccountIdPrefix = "acct_";
        public const string ConfigurationIdPrefix = "bpc_";

        /// <summary><c>hosted_confirmation.custom_message</c> is at most this many characters.</summary>
        public const int MaxCustomMessageLength = 500;

        /// <summary><c>subscription_update_confirm.items</c> takes exactly this many items, each with its <c>id</c>.</summary>
        public const int SubscriptionUpdateConfirmItemCount = 1;

        public const string CancelModeAtPeriodEnd = "at_period_end";
        public const string CancelModeImmediately = "immediately";
        public const string ProrationNone = "none";
        public const string ProrationCreateProrations = "create_prorations";

        /// <summary>The API rejects this proration behaviour for portal cancellations.</summary>
        public const string ProrationAlwaysInvoice = "always_invoice";

        public const string PauseDurationIndefinite = "indefinite";
        public const string PauseDurationIntervalOptions = "interval_options";
        public const string PauseIntervalDay = "day";
        public const string PauseIntervalWeek = "week";
        public const string PauseIntervalMonth = "month";
        public const string PauseIntervalYear = "year";
    }
}
