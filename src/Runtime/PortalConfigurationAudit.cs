namespace Accrue.Portal
{
    /// <summary>
    /// The go-live checklist for a portal configuration, in code: cancel at period end, ask for a cancellation reason,
    /// a valid proration behaviour, subscription updates that allow something, pause durations Stripe accepts (the
    /// checks PORTAL009 makes on source, from one policy), a default return URL, active, and the configuration the guard
    /// pins. The generated <c>AuditAsync</c>/<c>EnsureCompliantAsync</c> on Stripe.net's <c>ConfigurationService</c> use it.
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
            AuditUpdate(configuration.SubscriptionUpdate, findings);
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

            return PortalConfigurationPolicy.CancellationReasonOptions(cancel.CancellationReasonOptions) is null;
        }

        /// <summary>Every cancellation reason Stripe offers, for <c>cancellation_reason.options</c>.</summary>
        public static IReadOnlyList<string> AllCancellationReasons => PortalEnumeratedField.CancellationReason.ValidValues;

        private static void AuditPause(PortalSubscriptionPauseSnapshot? pause, List<PortalConfigurationFinding> findings)
        {
            if (pause is null)
            {
                return;
            }

            Add(PortalConfigurationPolicy.PauseIntervalOptions(pause.Enabled, pause.DurationType, pause.IntervalOptions.Count == 0), findings);
            foreach (var option in pause.IntervalOptions)
            {
                Add(PortalConfigurationPolicy.PauseDuration(pause.Enabled, option.Interval, option.IntervalCount), findings);
            }
        }

        private static void AuditUpdate(PortalSubscriptionUpdateSnapshot? update, List<PortalConfigurationFinding> findings)
        {
            if (update is null)
            {
                return;
            }

            Add(PortalConfigurationPolicy.AllowedUpdates(update.Enabled, update.DefaultAllowedUpdates.Count), findings);
            Add(PortalConfigurationPolicy.Products(update.Products.Count), findings);
        }

        private static void AuditCancellation(PortalSubscriptionCancelSnapshot? cancel, List<PortalConfigurationFinding> findings)
        {
            if (Add(PortalConfigurationPolicy.Cancellation(cancel is { Enabled: true }), findings) || cancel is null)
            {
                return;
            }

            Add(PortalConfigurationPolicy.Mode(cancel.Mode), findings);
            Add(PortalConfigurationPolicy.Proration(cancel.ProrationBehavior, cancel.Mode), findings);
            if (!Add(PortalConfigurationPolicy.CancellationReason(cancel.CancellationReasonEnabled), findings))
            {
                Add(PortalConfigurationPolicy.CancellationReasonOptions(cancel.CancellationReasonOptions), findings);
            }
        }

        private static bool Add(PortalConfigurationFinding? finding, List<PortalConfigurationFinding> findings)
        {
            if (finding is null)
            {
                return false;
            }

            findings.Add(finding);
            return true;
        }
    }
}
