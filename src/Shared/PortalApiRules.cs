// Compiled into the runtime and the analyzers: Stripe's rules for POST /v1/billing_portal/sessions and for portal
// configurations (shared/stripe-net/billing-portal-surface.md) that are not a closed value set.
namespace Accrue.Portal.Internal
{
    using System.Collections.Generic;

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

        /// <summary>Field of each <c>subscription_update_confirm.items</c> entry that Stripe requires.</summary>
        public const string SubscriptionUpdateConfirmItemIdField = "id";

        public const string CustomerIdPrefix = "cus_";
        public const string AccountIdPrefix = "acct_";
        public const string ConfigurationIdPrefix = "bpc_";
        public const string SessionIdPrefix = "bps_";

        /// <summary><c>hosted_confirmation.custom_message</c> is at most this many characters.</summary>
        public const int MaxCustomMessageLength = 500;

        /// <summary><c>subscription_update_confirm.items</c> takes exactly this many items, each with its <c>id</c>.</summary>
        public const int SubscriptionUpdateConfirmItemCount = 1;

        public static readonly IReadOnlyList<string> Locales = new[]
        {
            "auto", "bg", "cs", "da", "de", "el", "en", "en-AU", "en-CA", "en-GB", "en-IE", "en-IN", "en-NZ", "en-SG", "es", "es-419",
            "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR",
            "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW",
        };

        /// <summary>Every cancellation reason a portal configuration can offer.</summary>
        public static readonly IReadOnlyList<string> CancellationReasons = new[]
        {
            "customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive", "unused",
        };

        public const string CancelModeAtPeriodEnd = "at_period_end";
        public const string CancelModeImmediately = "immediately";
        public const string ProrationNone = "none";
        public const string ProrationCreateProrations = "create_prorations";

        /// <summary>The API rejects this proration behaviour for portal cancellations.</summary>
        public const string ProrationAlwaysInvoice = "always_invoice";
    }
}
