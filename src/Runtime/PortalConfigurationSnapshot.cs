namespace Accrue.Portal
{
    /// <summary>
    /// A portal configuration (<c>bpc_…</c>) as plain data, the part <see cref="PortalConfigurationAudit"/> reads. The
    /// generated <c>AuditAsync</c> glue maps Stripe.net's <c>Configuration</c> onto it.
    /// </summary>
    public sealed class PortalConfigurationSnapshot
    {
        /// <summary><c>id</c>: the configuration id.</summary>
        public string? Id { get; set; }

        /// <summary><c>active</c>: sessions can use it.</summary>
        public bool Active { get; set; }

        /// <summary><c>is_default</c>: the account's default configuration, used by sessions that pin none.</summary>
        public bool IsDefault { get; set; }

        /// <summary><c>livemode</c>: a live-mode configuration.</summary>
        public bool Livemode { get; set; }

        /// <summary><c>default_return_url</c>.</summary>
        public string? DefaultReturnUrl { get; set; }

        /// <summary><c>features.subscription_cancel</c>; null when Stripe returned none.</summary>
        public PortalSubscriptionCancelSnapshot? SubscriptionCancel { get; set; }

        /// <summary><c>features.subscription_update</c>; null when Stripe returned none.</summary>
        public PortalSubscriptionUpdateSnapshot? SubscriptionUpdate { get; set; }

        /// <summary><c>features.subscription_pause</c> (API version 2026-10-28.endive); null when Stripe returned none.</summary>
        public PortalSubscriptionPauseSnapshot? SubscriptionPause { get; set; }
    }

    /// <summary><c>features.subscription_update</c> of a portal configuration.</summary>
    public sealed class PortalSubscriptionUpdateSnapshot
    {
        /// <summary><c>enabled</c>: customers can change their subscriptions in the portal.</summary>
        public bool Enabled { get; set; }

        /// <summary><c>default_allowed_updates</c>: what they may change (<c>price</c>, <c>promotion_code</c>, <c>quantity</c>); none means nothing.</summary>
        public IList<string> DefaultAllowedUpdates { get; set; } = new List<string>();

        /// <summary><c>products</c>: the ids of the products (at most 10) whose subscriptions can be updated.</summary>
        public IList<string> Products { get; set; } = new List<string>();
    }

    /// <summary><c>features.subscription_pause</c> of a portal configuration.</summary>
    public sealed class PortalSubscriptionPauseSnapshot
    {
        /// <summary><c>enabled</c>: customers can pause subscriptions in the portal.</summary>
        public bool Enabled { get; set; }

        /// <summary><c>duration.type</c>: <c>indefinite</c> or <c>interval_options</c>.</summary>
        public string? DurationType { get; set; }

        /// <summary><c>duration.interval_options</c>: the preset pause durations; required when the type is <c>interval_options</c>.</summary>
        public IList<PortalPauseIntervalSnapshot> IntervalOptions { get; set; } = new List<PortalPauseIntervalSnapshot>();
    }

    /// <summary>One of <c>features.subscription_pause.duration.interval_options</c>.</summary>
    public sealed class PortalPauseIntervalSnapshot
    {
        /// <summary><c>interval</c>: <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
        public string? Interval { get; set; }

        /// <summary><c>interval_count</c>: how many intervals.</summary>
        public long IntervalCount { get; set; }
    }

    /// <summary><c>features.subscription_cancel</c> of a portal configuration.</summary>
    public sealed class PortalSubscriptionCancelSnapshot
    {
        /// <summary><c>enabled</c>: customers can cancel in the portal.</summary>
        public bool Enabled { get; set; }

        /// <summary><c>mode</c>: <c>at_period_end</c> or <c>immediately</c>.</summary>
        public string? Mode { get; set; }

        /// <summary><c>proration_behavior</c>: <c>none</c>, <c>create_prorations</c> or <c>always_invoice</c>.</summary>
        public string? ProrationBehavior { get; set; }

        /// <summary><c>cancellation_reason.enabled</c>: the portal asks why.</summary>
        public bool CancellationReasonEnabled { get; set; }

        /// <summary><c>cancellation_reason.options</c>: the reasons offered.</summary>
        public IList<string> CancellationReasonOptions { get; set; } = new List<string>();

        /// <summary><c>cancellation_reason.feedback_options</c>: ids of the custom feedback options offered (API version 2026-10-28.endive).</summary>
        public IList<string> CancellationReasonFeedbackOptions { get; set; } = new List<string>();
    }
}
