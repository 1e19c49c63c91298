namespace Accrue.Portal
{
    using System.Collections.Generic;

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
    }
}
