// Compiled into the runtime and the analyzers: what makes a portal configuration weak, or one Stripe rejects. PORTAL009
// judges the constants written in ConfigurationCreate/UpdateOptions, the audit the configuration Stripe returns; both
// ask these checks, so they give the same finding, with the same message, on the same field path.
namespace Accrue.Portal.Internal
{
    internal static class PortalConfigurationPolicy
    {
        private const string CancelMode = PortalApiRules.SubscriptionCancelModePath;
        private const string CancelProration = PortalApiRules.SubscriptionCancelProrationPath;

        /// <summary>The longest preset pause Stripe allows, three years, in <paramref name="interval"/>; null for an interval the tables do not know.</summary>
        private static long? MaxPauseIntervalCount(string interval) => interval switch
        {
            PortalApiRules.PauseIntervalDay => 1095,
            PortalApiRules.PauseIntervalWeek => 156,
            PortalApiRules.PauseIntervalMonth => 36,
            PortalApiRules.PauseIntervalYear => 3,
            _ => null,
        };

        /// <summary>Customers cannot cancel in the portal at all (the audit only: source never shows a whole configuration).</summary>
        public static PortalConfigurationFinding? Cancellation(bool enabled) => enabled
            ? null
            : new PortalConfigurationFinding(
                PortalFindingCodes.CancellationDisabled,
                PortalFindingSeverity.Warning,
                PortalApiRules.SubscriptionCancelEnabledPath,
                PortalApiRules.SubscriptionCancelEnabledPath + " is false: customers cannot cancel in the portal and cancel through support or a chargeback instead; enable it at period end with a cancellation reason");

        /// <summary>Immediate cancellation ends access at once and leaves no time to win the customer back.</summary>
        public static PortalConfigurationFinding? Mode(string? mode) => mode == PortalApiRules.CancelModeImmediately
            ? new PortalConfigurationFinding(
                PortalFindingCodes.ImmediateCancellation,
                PortalFindingSeverity.Error,
                CancelMode,
                $"{CancelMode} is '{PortalApiRules.CancelModeImmediately}': a customer who cancels loses access at once and cannot be won back; cancel '{PortalApiRules.CancelModeAtPeriodEnd}'",
                PortalApiRules.CancelModeAtPeriodEnd)
            : null;

        /// <summary>
        /// Stripe rejects <c>always_invoice</c> for cancellations; <c>create_prorations</c> only goes with immediate
        /// cancellation (a null <paramref name="mode"/> is not known, so only <c>always_invoice</c> is judged).
        /// </summary>
        public static PortalConfigurationFinding? Proration(string? proration, string? mode)
        {
            if (proration == PortalApiRules.ProrationAlwaysInvoice)
            {
                return new PortalConfigurationFinding(
                    PortalFindingCodes.InvalidProration,
                    PortalFindingSeverity.Error,
                    CancelProration,
                    $"Stripe rejects {CancelProration} '{PortalApiRules.ProrationAlwaysInvoice}' for portal cancellations; use '{PortalApiRules.ProrationNone}'",
                    PortalApiRules.ProrationNone);
            }

            return proration == PortalApiRules.ProrationCreateProrations && mode == PortalApiRules.CancelModeAtPeriodEnd
                ? new PortalConfigurationFinding(
                    PortalFindingCodes.InvalidProration,
                    PortalFindingSeverity.Error,
                    CancelProration,
                    $"{CancelProration} '{PortalApiRules.ProrationCreateProrations}' only goes with mode '{PortalApiRules.CancelModeImmediately}'; at period end use '{PortalApiRules.ProrationNone}'",
                    PortalApiRules.ProrationNone)
                : null;
        }

        /// <summary>An enabled cancellation must ask why: without a reason the cancellation carries no churn signal.</summary>
        public static PortalConfigurationFinding? CancellationReason(bool asked) => asked
            ? null
            : new PortalConfigurationFinding(
                PortalFindingCodes.CancellationReasonOff,
                PortalFindingSeverity.Error,
                PortalApiRules.CancellationReasonEnabledPath,
                "Portal cancellation is enabled without " + PortalApiRules.CancellationReasonEnabledPath
                + " = true: the portal does not ask why customers cancel, so cancellation_details.reason stays empty");

        /// <summary>Every reason Stripe offers should be offered (the audit only: a reason list in source is rarely constant).</summary>
        public static PortalConfigurationFinding? CancellationReasonOptions(ICollection<string> offered)
        {
            var missing = new List<string>();
            foreach (var reason in PortalEnumeratedField.CancellationReason.ValidValues)
            {
                if (!offered.Contains(reason))
                {
                    missing.Add(reason);
                }
            }

            return missing.Count == 0
                ? null
                : new PortalConfigurationFinding(
                    PortalFindingCodes.CancellationReasonsIncomplete,
                    PortalFindingSeverity.Info,
                    PortalApiRules.CancellationReasonOptionsPath,
                    PortalApiRules.CancellationReasonOptionsPath + " lacks " + string.Join(", ", missing) + ": customers who leave for those reasons cannot say so");
        }

        /// <summary>
        /// <c>duration.type = interval_options</c> requires the preset durations. A pause feature known to be disabled
        /// (<paramref name="enabled"/> false; null is not known) is not judged: Stripe fills in its defaults there.
        /// </summary>
        public static PortalConfigurationFinding? PauseIntervalOptions(bool? enabled, string? durationType, bool offersNone)
        {
            if (enabled == false || !offersNone || durationType is null
                || PortalEnumeratedField.PauseDurationType.Find(durationType) is not { } variant
                || !Contains(variant.RequiredPaths, PortalApiRules.SubscriptionPauseIntervalOptionsPath))
            {
                return null;
            }

            return new PortalConfigurationFinding(
                PortalFindingCodes.PauseIntervalOptionsMissing,
                PortalFindingSeverity.Error,
                PortalApiRules.SubscriptionPauseIntervalOptionsPath,
                $"{PortalApiRules.SubscriptionPauseDurationTypePath} is '{durationType}' but {PortalApiRules.SubscriptionPauseIntervalOptionsPath} offers no duration; Stripe rejects the configuration");
        }

        /// <summary>
        /// A preset pause is at most three years; an interval the tables do not know is left to Stripe, and a pause
        /// feature known to be disabled is not judged, as in <see cref="PauseIntervalOptions"/>.
        /// </summary>
        public static PortalConfigurationFinding? PauseDuration(bool? enabled, string? interval, long intervalCount)
        {
            if (enabled == false || interval is null || MaxPauseIntervalCount(interval) is not { } max || intervalCount <= max)
            {
                return null;
            }

            return new PortalConfigurationFinding(
                PortalFindingCodes.PauseDurationTooLong,
                PortalFindingSeverity.Error,
                PortalApiRules.SubscriptionPauseIntervalCountPath,
                $"{PortalApiRules.SubscriptionPauseIntervalCountPath} {intervalCount} with interval '{interval}' pauses for more than three years; Stripe rejects it above {max}");
        }

        /// <summary>
        /// Subscription updates enabled (<paramref name="enabled"/> true; null is not known) with no allowed update: the
        /// portal offers the feature but nothing can change.
        /// </summary>
        public static PortalConfigurationFinding? AllowedUpdates(bool? enabled, int allowedUpdateCount)
        {
            if (enabled != true || allowedUpdateCount > 0)
            {
                return null;
            }

            return new PortalConfigurationFinding(
                PortalFindingCodes.SubscriptionUpdateAllowsNothing,
                PortalFindingSeverity.Warning,
                PortalApiRules.SubscriptionUpdateDefaultAllowedUpdatesPath,
                $"{PortalApiRules.SubscriptionUpdateEnabledPath} is true but {PortalApiRules.SubscriptionUpdateDefaultAllowedUpdatesPath} is empty, so customers can change nothing; allow at least one of "
                + string.Join(", ", PortalEnumeratedField.SubscriptionUpdateAllowedUpdate.ValidValues) + ", or disable the feature");
        }

        /// <summary>Stripe takes at most ten subscription-update products.</summary>
        public static PortalConfigurationFinding? Products(int productCount) => productCount <= PortalApiRules.MaxSubscriptionUpdateProducts
            ? null
            : new PortalConfigurationFinding(
                PortalFindingCodes.SubscriptionUpdateTooManyProducts,
                PortalFindingSeverity.Error,
                PortalApiRules.SubscriptionUpdateProductsPath,
                $"{PortalApiRules.SubscriptionUpdateProductsPath} holds {productCount} products; Stripe rejects more than {PortalApiRules.MaxSubscriptionUpdateProducts}");

        private static bool Contains(IReadOnlyList<string> paths, string path)
        {
            foreach (var candidate in paths)
            {
                if (candidate == path)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
