namespace Accrue.Portal
{
    using System;
    using System.Collections.Generic;
    using System.Linq;
    using Accrue.Portal.Internal;

    /// <summary>
    /// The go-live checklist for a portal configuration, in code: cancel at period end, ask for a cancellation reason,
    /// a valid proration behaviour, a default return URL, active, and the configuration the guard pins. The generated
    /// <c>AuditAsync</c>/<c>EnsureCompliantAsync</c> on Stripe.net's <c>ConfigurationService</c> use it.
    /// </summary>
    public static class PortalConfigurationAudit
    {
        /// <summary>The metadata key <c>EnsureCompliantAsync</c> marks its configuration with.</summary>
        public const string CompliantMarkerKey = "accrue_portal";

        /// <summary>The metadata value of the compliant shape this version writes.</summary>
        public const string CompliantMarkerValue = "compliant-v1";

        /// <summary>Every finding for <paramref name="configuration"/>, most severe first.</summary>
        /// <param name="configuration">The configuration as Stripe returned it.</param>
        /// <param name="options">The guard's options: <see cref="PortalGuardOptions.DefaultConfigurationId"/> is the pinned id.</param>
        public static IReadOnlyList<PortalConfigurationFinding> Audit(PortalConfigurationSnapshot configuration, PortalGuardOptions? options = null)
        {
            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            var findings = new List<PortalConfigurationFinding>();
            var pinned = options?.DefaultConfigurationId;
            if (!string.IsNullOrEmpty(pinned) && !string.Equals(pinned, configuration.Id, StringComparison.Ordinal))
            {
                findings.Add(new PortalConfigurationFinding(
                    PortalFindingCodes.PinnedConfigurationMismatch,
                    PortalFindingSeverity.Error,
                    PortalApiRules.ConfigurationPath,
                    "the guard pins " + pinned + " but " + configuration.Id + " is the configuration audited; audit (and pin) the one sessions use."));
            }

            if (!configuration.Active)
            {
                findings.Add(new PortalConfigurationFinding(
                    PortalFindingCodes.Inactive,
                    PortalFindingSeverity.Error,
                    PortalApiRules.ConfigurationActivePath,
                    "the configuration is inactive: Stripe refuses portal sessions that pin it."));
            }

            AuditCancellation(configuration.SubscriptionCancel, findings);
            AuditPause(configuration.SubscriptionPause, findings);
            if (string.IsNullOrEmpty(configuration.DefaultReturnUrl))
            {
                findings.Add(new PortalConfigurationFinding(
                    PortalFindingCodes.NoDefaultReturnUrl,
                    PortalFindingSeverity.Warning,
                    PortalApiRules.DefaultReturnUrlPath,
                    "no default return URL: a session without return_url is refused; set default_return_url to the account page."));
            }

            findings.Add(new PortalConfigurationFinding(
                PortalFindingCodes.RetentionNotReadable,
                PortalFindingSeverity.Info,
                PortalApiRules.RetentionPath,
                "Stripe's API cannot read or write a configuration's retention offers; set PortalGuardOptions.RetentionCouponId so the guard offers a coupon in every subscription_cancel flow."));
            findings.Sort((a, b) => b.Severity.CompareTo(a.Severity));
            return findings;
        }

        /// <summary>
        /// The configuration has the shape <c>EnsureCompliantAsync</c> writes: active, cancellation at period end without
        /// prorations, every cancellation reason asked, and <paramref name="defaultReturnUrl"/> when one is given.
        /// </summary>
        public static bool IsCompliant(PortalConfigurationSnapshot configuration, string? defaultReturnUrl)
        {
            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            var cancel = configuration.SubscriptionCancel;
            if (!configuration.Active
                || cancel is null
                || !cancel.Enabled
                || cancel.Mode != PortalApiRules.CancelModeAtPeriodEnd
                || cancel.ProrationBehavior != PortalApiRules.ProrationNone
                || !cancel.CancellationReasonEnabled
                || (defaultReturnUrl is not null && !string.Equals(defaultReturnUrl, configuration.DefaultReturnUrl, StringComparison.Ordinal)))
            {
                return false;
            }

            foreach (var reason in PortalEnumeratedField.CancellationReason.ValidValues)
            {
                if (!cancel.CancellationReasonOptions.Contains(reason))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Every cancellation reason Stripe offers, for <c>cancellation_reason.options</c>.</summary>
        public static IReadOnlyList<string> AllCancellationReasons => PortalEnumeratedField.CancellationReason.ValidValues;

        private static void AuditPause(PortalSubscriptionPauseSnapshot? pause, List<PortalConfigurationFinding> findings)
        {
            if (pause is not { Enabled: true, DurationType: { } type }
                || PortalEnumeratedField.PauseDurationType.Find(type) is not { } variant
                || !variant.RequiredPaths.Contains(PortalApiRules.SubscriptionPauseIntervalOptionsPath)
                || pause.IntervalOptions is { Count: > 0 })
            {
                return;
            }

            findings.Add(new PortalConfigurationFinding(
                PortalFindingCodes.PauseIntervalOptionsMissing,
                PortalFindingSeverity.Error,
                PortalApiRules.SubscriptionPauseIntervalOptionsPath,
                "pausing is limited to preset durations (duration.type " + type + ") but none is offered; add interval_options (interval "
                + string.Join(", ", PortalEnumeratedField.PauseInterval.ValidValues) + ") or allow an indefinite pause."));
        }

        private static void AuditCancellation(PortalSubscriptionCancelSnapshot? cancel, List<PortalConfigurationFinding> findings)
        {
            if (cancel is null || !cancel.Enabled)
            {
                findings.Add(new PortalConfigurationFinding(
                    PortalFindingCodes.CancellationDisabled,
                    PortalFindingSeverity.Warning,
                    PortalApiRules.SubscriptionCancelEnabledPath,
                    "customers cannot cancel in the portal: they will cancel through support or a chargeback instead; enable it at period end with a cancellation reason."));
                return;
            }

            if (cancel.Mode == PortalApiRules.CancelModeImmediately)
            {
                findings.Add(new PortalConfigurationFinding(
                    PortalFindingCodes.ImmediateCancellation,
                    PortalFindingSeverity.Error,
                    PortalApiRules.SubscriptionCancelModePath,
                    "cancellation is immediate: the customer loses access at once and no win-back is possible; set mode to " + PortalApiRules.CancelModeAtPeriodEnd + "."));
            }

            if (cancel.ProrationBehavior == PortalApiRules.ProrationAlwaysInvoice
                || (cancel.ProrationBehavior == PortalApiRules.ProrationCreateProrations && cancel.Mode == PortalApiRules.CancelModeAtPeriodEnd))
            {
                findings.Add(new PortalConfigurationFinding(
                    PortalFindingCodes.InvalidProration,
                    PortalFindingSeverity.Error,
                    PortalApiRules.SubscriptionCancelProrationPath,
                    "proration_behavior " + cancel.ProrationBehavior + " does not go with mode " + cancel.Mode + "; set it to " + PortalApiRules.ProrationNone + "."));
            }

            if (!cancel.CancellationReasonEnabled)
            {
                findings.Add(new PortalConfigurationFinding(
                    PortalFindingCodes.CancellationReasonOff,
                    PortalFindingSeverity.Error,
                    PortalApiRules.CancellationReasonEnabledPath,
                    "the portal does not ask why customers cancel, so cancellation_details.reason stays empty; enable cancellation_reason with every option."));
                return;
            }

            var missing = new List<string>();
            foreach (var reason in PortalEnumeratedField.CancellationReason.ValidValues)
            {
                if (!cancel.CancellationReasonOptions.Contains(reason))
                {
                    missing.Add(reason);
                }
            }

            if (missing.Count > 0)
            {
                findings.Add(new PortalConfigurationFinding(
                    PortalFindingCodes.CancellationReasonsIncomplete,
                    PortalFindingSeverity.Info,
                    PortalApiRules.CancellationReasonOptionsPath,
                    "the portal does not offer the reasons " + string.Join(", ", missing) + "."));
            }
        }
    }
}
