// Compiled into the runtime (public API) and into the analyzers (internal): one table of the values Stripe accepts.
namespace Accrue.Portal
{
    /// <summary>Values Stripe accepts for <c>flow_data.type</c>.</summary>
#if ACCRUE_PORTAL_RUNTIME
    public
#else
    internal
#endif
    static class PortalFlowTypes
    {
        /// <summary>The customer updates their details (API version 2026-10-28.endive); nothing else is required.</summary>
        public const string CustomerUpdate = "customer_update";
        /// <summary>The customer adds or replaces a payment method; nothing else is required.</summary>
        public const string PaymentMethodUpdate = "payment_method_update";
        /// <summary>Cancel a subscription; requires <c>flow_data.subscription_cancel.subscription</c>.</summary>
        public const string SubscriptionCancel = "subscription_cancel";
        /// <summary>Pause a subscription (API version 2026-10-28.endive); requires <c>flow_data.subscription_pause.subscription</c>.</summary>
        public const string SubscriptionPause = "subscription_pause";
        /// <summary>Change a subscription; requires <c>flow_data.subscription_update.subscription</c>.</summary>
        public const string SubscriptionUpdate = "subscription_update";
        /// <summary>Confirm a prepared change; requires the subscription and exactly one item with its id.</summary>
        public const string SubscriptionUpdateConfirm = "subscription_update_confirm";

        /// <summary>Every accepted value.</summary>
        public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(new[] { CustomerUpdate, PaymentMethodUpdate, SubscriptionCancel, SubscriptionPause, SubscriptionUpdate, SubscriptionUpdateConfirm });
    }

    /// <summary>Values Stripe accepts for <c>flow_data.after_completion.type</c>.</summary>
#if ACCRUE_PORTAL_RUNTIME
    public
#else
    internal
#endif
    static class PortalAfterCompletionTypes
    {
        /// <summary>Stripe shows its confirmation page (optional custom message, at most 500 characters).</summary>
        public const string HostedConfirmation = "hosted_confirmation";
        /// <summary>The customer lands on the portal homepage.</summary>
        public const string PortalHomepage = "portal_homepage";
        /// <summary>Stripe redirects to <c>after_completion.redirect.return_url</c>.</summary>
        public const string Redirect = "redirect";

        /// <summary>Every accepted value.</summary>
        public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(new[] { HostedConfirmation, PortalHomepage, Redirect });
    }

    /// <summary>Values Stripe accepts for <c>flow_data.subscription_cancel.retention.type</c>.</summary>
#if ACCRUE_PORTAL_RUNTIME
    public
#else
    internal
#endif
    static class PortalRetentionTypes
    {
        /// <summary>Offer a coupon before cancelling; requires <c>retention.coupon_offer.coupon</c>.</summary>
        public const string CouponOffer = "coupon_offer";

        /// <summary>Every accepted value.</summary>
        public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(new[] { CouponOffer });
    }

    /// <summary>Values Stripe accepts for <c>after_expiration.type</c> (API version 2026-10-28.endive).</summary>
#if ACCRUE_PORTAL_RUNTIME
    public
#else
    internal
#endif
    static class PortalAfterExpirationTypes
    {
        /// <summary>After the session expires the customer signs in again; <c>customer_login.expires_at</c> optionally ends that.</summary>
        public const string CustomerLogin = "customer_login";

        /// <summary>Every accepted value.</summary>
        public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(new[] { CustomerLogin });
    }
}
