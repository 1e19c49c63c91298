namespace Accrue.Portal
{
    /// <summary>
    /// A portal session request in plain C#, shaped like <c>POST /v1/billing_portal/sessions</c>. The generated
    /// <c>CreateGuarded</c> glue maps Stripe.net's <c>SessionCreateOptions</c> onto it, so the guard needs no Stripe types.
    /// </summary>
    public sealed class PortalSessionRequest
    {
        /// <summary><c>customer</c>: the Stripe customer id (<c>cus_…</c>).</summary>
        public string? Customer { get; set; }

        /// <summary><c>customer_account</c>: the account id (<c>acct_…</c>) that identifies the customer instead of <see cref="Customer"/>.</summary>
        public string? CustomerAccount { get; set; }

        /// <summary><c>return_url</c>: where the portal's back link goes; absolute https.</summary>
        public string? ReturnUrl { get; set; }

        /// <summary><c>configuration</c>: the pinned portal configuration (<c>bpc_…</c>).</summary>
        public string? Configuration { get; set; }

        /// <summary><c>locale</c>: one of Stripe's portal locales.</summary>
        public string? Locale { get; set; }

        /// <summary><c>on_behalf_of</c>: the connected account (<c>acct_…</c>).</summary>
        public string? OnBehalfOf { get; set; }

        /// <summary><c>flow_data</c>: a deep link into one portal flow.</summary>
        public PortalFlowData? Flow { get; set; }

        /// <summary><c>after_expiration</c>: what happens once the session expires (API version 2026-10-28.endive).</summary>
        public PortalAfterExpiration? AfterExpiration { get; set; }
    }

    /// <summary><c>after_expiration</c>.</summary>
    public sealed class PortalAfterExpiration
    {
        /// <summary><c>after_expiration.type</c>: one of <see cref="PortalAfterExpirationTypes"/>.</summary>
        public string? Type { get; set; }

        /// <summary><c>after_expiration.customer_login</c>.</summary>
        public PortalAfterExpirationCustomerLogin? CustomerLogin { get; set; }
    }

    /// <summary><c>after_expiration.customer_login</c>.</summary>
    public sealed class PortalAfterExpirationCustomerLogin
    {
        /// <summary><c>expires_at</c>: after this the customer can no longer recover the session; null: no deadline.</summary>
        public DateTime? ExpiresAt { get; set; }
    }

    /// <summary><c>flow_data</c>.</summary>
    public sealed class PortalFlowData
    {
        /// <summary><c>flow_data.type</c>: one of <see cref="PortalFlowTypes"/>.</summary>
        public string? Type { get; set; }

        /// <summary><c>flow_data.after_completion</c>.</summary>
        public PortalFlowAfterCompletion? AfterCompletion { get; set; }

        /// <summary><c>flow_data.subscription_cancel</c>.</summary>
        public PortalFlowSubscriptionCancel? SubscriptionCancel { get; set; }

        /// <summary><c>flow_data.subscription_pause</c>.</summary>
        public PortalFlowSubscriptionPause? SubscriptionPause { get; set; }

        /// <summary><c>flow_data.subscription_update</c>.</summary>
        public PortalFlowSubscriptionUpdate? SubscriptionUpdate { get; set; }

        /// <summary><c>flow_data.subscription_update_confirm</c>.</summary>
        public PortalFlowSubscriptionUpdateConfirm? SubscriptionUpdateConfirm { get; set; }
    }

    /// <summary><c>flow_data.after_completion</c>.</summary>
    public sealed class PortalFlowAfterCompletion
    {
        /// <summary><c>flow_data.after_completion.type</c>: one of <see cref="PortalAfterCompletionTypes"/>.</summary>
        public string? Type { get; set; }

        /// <summary><c>flow_data.after_completion.hosted_confirmation</c>.</summary>
        public PortalFlowHostedConfirmation? HostedConfirmation { get; set; }

        /// <summary><c>flow_data.after_completion.redirect</c>.</summary>
        public PortalFlowRedirect? Redirect { get; set; }
    }

    /// <summary><c>flow_data.after_completion.hosted_confirmation</c>.</summary>
    public sealed class PortalFlowHostedConfirmation
    {
        /// <summary><c>custom_message</c>: at most 500 characters.</summary>
        public string? CustomMessage { get; set; }
    }

    /// <summary><c>flow_data.after_completion.redirect</c>.</summary>
    public sealed class PortalFlowRedirect
    {
        /// <summary><c>return_url</c>: where Stripe sends the customer after the flow; absolute https.</summary>
        public string? ReturnUrl { get; set; }
    }

    /// <summary><c>flow_data.subscription_cancel</c>.</summary>
    public sealed class PortalFlowSubscriptionCancel
    {
        /// <summary><c>subscription</c>: the subscription to cancel.</summary>
        public string? Subscription { get; set; }

        /// <summary><c>retention</c>: an offer shown before the cancellation.</summary>
        public PortalFlowRetention? Retention { get; set; }
    }

    /// <summary><c>flow_data.subscription_cancel.retention</c>.</summary>
    public sealed class PortalFlowRetention
    {
        /// <summary><c>type</c>: one of <see cref="PortalRetentionTypes"/>.</summary>
        public string? Type { get; set; }

        /// <summary><c>coupon_offer</c>.</summary>
        public PortalFlowCouponOffer? CouponOffer { get; set; }
    }

    /// <summary><c>flow_data.subscription_cancel.retention.coupon_offer</c>.</summary>
    public sealed class PortalFlowCouponOffer
    {
        /// <summary><c>coupon</c>: the coupon offered.</summary>
        public string? Coupon { get; set; }
    }

    /// <summary><c>flow_data.subscription_pause</c>.</summary>
    public sealed class PortalFlowSubscriptionPause
    {
        /// <summary><c>subscription</c>: the subscription to pause; required.</summary>
        public string? Subscription { get; set; }
    }

    /// <summary><c>flow_data.subscription_update</c>.</summary>
    public sealed class PortalFlowSubscriptionUpdate
    {
        /// <summary><c>subscription</c>: the subscription to change.</summary>
        public string? Subscription { get; set; }
    }

    /// <summary><c>flow_data.subscription_update_confirm</c>.</summary>
    public sealed class PortalFlowSubscriptionUpdateConfirm
    {
        /// <summary><c>subscription</c>: the subscription to change.</summary>
        public string? Subscription { get; set; }

        /// <summary><c>items</c>: exactly one item, with its <c>id</c>.</summary>
        public IList<PortalFlowSubscriptionUpdateConfirmItem?>? Items { get; set; }

        /// <summary><c>discounts</c>: optional coupons or promotion codes.</summary>
        public IList<PortalFlowSubscriptionUpdateConfirmDiscount?>? Discounts { get; set; }
    }

    /// <summary>One of <c>flow_data.subscription_update_confirm.items</c>.</summary>
    public sealed class PortalFlowSubscriptionUpdateConfirmItem
    {
        /// <summary><c>id</c>: the subscription item; required.</summary>
        public string? Id { get; set; }

        /// <summary><c>price</c>: the new price.</summary>
        public string? Price { get; set; }

        /// <summary><c>quantity</c>: the new quantity.</summary>
        public long? Quantity { get; set; }
    }

    /// <summary>One of <c>flow_data.subscription_update_confirm.discounts</c>.</summary>
    public sealed class PortalFlowSubscriptionUpdateConfirmDiscount
    {
        /// <summary><c>coupon</c>.</summary>
        public string? Coupon { get; set; }

        /// <summary><c>promotion_code</c>.</summary>
        public string? PromotionCode { get; set; }
    }
}
