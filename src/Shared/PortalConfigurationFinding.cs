// Compiled into the runtime (public API) and into the analyzers (internal): the findings of the portal configuration
// checklist, their codes and severities, which the shared policy (PortalConfigurationPolicy) returns to both.
namespace Accrue.Portal
{
    /// <summary>How much a <c>PortalConfigurationFinding</c> matters.</summary>
#if ACCRUE_PORTAL_RUNTIME
    public
#else
    internal
#endif
    enum PortalFindingSeverity
    {
        /// <summary>Something to know; nothing to change.</summary>
        Info,

        /// <summary>Worth changing; the portal works.</summary>
        Warning,

        /// <summary>Breaks the go-live checklist (or the portal): fails the startup check in production.</summary>
        Error,
    }

    /// <summary>The stable codes of <c>PortalConfigurationFinding</c>; alerts and tests can match on them.</summary>
#if ACCRUE_PORTAL_RUNTIME
    public
#else
    internal
#endif
    static class PortalFindingCodes
    {
        /// <summary>Cancellation takes effect at once instead of at the end of the paid period.</summary>
        public const string ImmediateCancellation = "immediate_cancellation";

        /// <summary>The portal does not ask for a cancellation reason.</summary>
        public const string CancellationReasonOff = "cancellation_reason_off";

        /// <summary>The portal offers only some of Stripe's cancellation reasons.</summary>
        public const string CancellationReasonsIncomplete = "cancellation_reasons_incomplete";

        /// <summary>A proration behaviour Stripe rejects, or one that does not go with the cancellation mode.</summary>
        public const string InvalidProration = "invalid_proration";

        /// <summary>Customers cannot cancel in the portal at all.</summary>
        public const string CancellationDisabled = "cancellation_disabled";

        /// <summary>No default return URL: every session must carry its own.</summary>
        public const string NoDefaultReturnUrl = "no_default_return_url";

        /// <summary>The configuration is inactive: Stripe refuses sessions that pin it.</summary>
        public const string Inactive = "configuration_inactive";

        /// <summary>The audited configuration is not the one the guard pins.</summary>
        public const string PinnedConfigurationMismatch = "pinned_configuration_mismatch";

        /// <summary>No configuration is pinned, so the account default (which any Dashboard edit changes) is in use.</summary>
        public const string NotPinned = "configuration_not_pinned";

        /// <summary>Pausing is limited to preset durations, but the configuration offers none.</summary>
        public const string PauseIntervalOptionsMissing = "pause_interval_options_missing";

        /// <summary>A preset pause duration longer than the three years Stripe allows.</summary>
        public const string PauseDurationTooLong = "pause_duration_too_long";

        /// <summary>Subscription updates are enabled but no update is allowed: the feature changes nothing.</summary>
        public const string SubscriptionUpdateAllowsNothing = "subscription_update_allows_nothing";

        /// <summary>More subscription-update products than Stripe accepts.</summary>
        public const string SubscriptionUpdateTooManyProducts = "subscription_update_too_many_products";

        /// <summary>Retention offers are not readable through the API; offer one per session instead.</summary>
        public const string RetentionNotReadable = "retention_not_readable";
    }

    /// <summary>One result of the portal configuration audit (<c>PortalConfigurationAudit</c>).</summary>
#if ACCRUE_PORTAL_RUNTIME
    public
#else
    internal
#endif
    sealed class PortalConfigurationFinding
    {
        /// <summary>Creates a finding.</summary>
        public PortalConfigurationFinding(string code, PortalFindingSeverity severity, string path, string message)
            : this(code, severity, path, message, null)
        {
        }

        internal PortalConfigurationFinding(string code, PortalFindingSeverity severity, string path, string message, string? replacement)
        {
            this.Code = code;
            this.Severity = severity;
            this.Path = path;
            this.Message = message;
            this.Replacement = replacement;
        }

        /// <summary>One of <see cref="PortalFindingCodes"/>.</summary>
        public string Code { get; }

        /// <summary>How much it matters.</summary>
        public PortalFindingSeverity Severity { get; }

        /// <summary>The configuration field (<c>features.subscription_cancel.mode</c>).</summary>
        public string Path { get; }

        /// <summary>What is wrong and what to do; names the field path as Stripe does.</summary>
        public string Message { get; }

        /// <summary>The value PORTAL009's fix writes instead, when one value fixes it; null when only the app can choose.</summary>
        internal string? Replacement { get; }

        /// <summary>Severity, code, path and message on one line.</summary>
        public override string ToString() => this.Severity + " " + this.Code + " (" + this.Path + "): " + this.Message;
    }
}
