// Compiled into the runtime and the analyzers: the fields whose value must come from a closed set, the API version
// that brought each value, and what each value requires. One table, so the runtime guard and the analyzers agree.
namespace Accrue.Portal.Internal
{
    internal sealed class PortalEnumeratedField
    {
        private const string Baseline = StripeApiVersions.Baseline;

        public static readonly PortalEnumeratedField FlowType = new PortalEnumeratedField(
            "flow_data.type",
            "Accrue.Portal.PortalFlowTypes",
            new PortalVariant(PortalFlowTypes.CustomerUpdate, StripeApiVersions.Endive, null),
            new PortalVariant(PortalFlowTypes.PaymentMethodUpdate, Baseline, null),
            new PortalVariant(PortalFlowTypes.SubscriptionCancel, Baseline, "flow_data.subscription_cancel", "flow_data.subscription_cancel.subscription"),
            new PortalVariant(PortalFlowTypes.SubscriptionPause, StripeApiVersions.Endive, "flow_data.subscription_pause", "flow_data.subscription_pause.subscription"),
            new PortalVariant(PortalFlowTypes.SubscriptionUpdate, Baseline, "flow_data.subscription_update", "flow_data.subscription_update.subscription"),
            new PortalVariant(
                PortalFlowTypes.SubscriptionUpdateConfirm,
                Baseline,
                "flow_data.subscription_update_confirm",
                "flow_data.subscription_update_confirm.subscription",
                "flow_data.subscription_update_confirm.items")); // exactly one item, its id required: PortalApiRules

        public static readonly PortalEnumeratedField AfterCompletionType = new PortalEnumeratedField(
            "flow_data.after_completion.type",
            "Accrue.Portal.PortalAfterCompletionTypes",
            new PortalVariant(PortalAfterCompletionTypes.HostedConfirmation, Baseline, "flow_data.after_completion.hosted_confirmation"),
            new PortalVariant(PortalAfterCompletionTypes.PortalHomepage, Baseline, null),
            new PortalVariant(PortalAfterCompletionTypes.Redirect, Baseline, "flow_data.after_completion.redirect", "flow_data.after_completion.redirect.return_url"));

        public static readonly PortalEnumeratedField RetentionType = new PortalEnumeratedField(
            "flow_data.subscription_cancel.retention.type",
            "Accrue.Portal.PortalRetentionTypes",
            new PortalVariant(
                PortalRetentionTypes.CouponOffer,
                Baseline,
                "flow_data.subscription_cancel.retention.coupon_offer",
                "flow_data.subscription_cancel.retention.coupon_offer.coupon"));

        /// <summary><c>after_expiration.type</c>; <c>customer_login.expires_at</c> is optional (unset: no recovery deadline).</summary>
        public static readonly PortalEnumeratedField AfterExpirationType = new PortalEnumeratedField(
            "after_expiration.type",
            "Accrue.Portal.PortalAfterExpirationTypes",
            new PortalVariant(PortalAfterExpirationTypes.CustomerLogin, StripeApiVersions.Endive, "after_expiration.customer_login"));

        /// <summary>The session request's type fields: each names its parent object's variant.</summary>
        public static readonly IReadOnlyList<PortalEnumeratedField> All = Array.AsReadOnly(new[] { FlowType, AfterCompletionType, RetentionType, AfterExpirationType });

        public static readonly PortalEnumeratedField Locale = Values(
            PortalApiRules.LocalePath,
            Baseline,
            "auto", "bg", "cs", "da", "de", "el", "en", "en-AU", "en-CA", "en-GB", "en-IE", "en-IN", "en-NZ", "en-SG", "es", "es-419",
            "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR",
            "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW");

        /// <summary>Every cancellation reason a portal configuration can offer.</summary>
        public static readonly PortalEnumeratedField CancellationReason = Values(
            PortalApiRules.CancellationReasonOptionsPath,
            Baseline,
            "customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive", "unused");

        /// <summary>How long a customer may pause: <c>interval_options</c> requires the preset durations.</summary>
        public static readonly PortalEnumeratedField PauseDurationType = new PortalEnumeratedField(
            PortalApiRules.SubscriptionPauseDurationTypePath,
            null,
            new PortalVariant(PortalApiRules.PauseDurationIndefinite, StripeApiVersions.Endive, null),
            new PortalVariant(PortalApiRules.PauseDurationIntervalOptions, StripeApiVersions.Endive, null, PortalApiRules.SubscriptionPauseIntervalOptionsPath));

        public static readonly PortalEnumeratedField PauseInterval = Values(
            PortalApiRules.SubscriptionPauseIntervalPath,
            StripeApiVersions.Endive,
            PortalApiRules.PauseIntervalDay, PortalApiRules.PauseIntervalWeek, PortalApiRules.PauseIntervalMonth, PortalApiRules.PauseIntervalYear);

        /// <summary>What a customer may change when subscription updates are enabled; none allowed means nothing changes.</summary>
        public static readonly PortalEnumeratedField SubscriptionUpdateAllowedUpdate = Values(
            PortalApiRules.SubscriptionUpdateDefaultAllowedUpdatesPath,
            Baseline,
            "price", "promotion_code", "quantity");

        private PortalEnumeratedField(string fieldPath, string? constantsTypeName, params PortalVariant[] variants)
        {
            this.FieldPath = fieldPath;
            this.ConstantsTypeName = constantsTypeName;
            this.Variants = variants;
            this.FormKey = PortalFieldPath.ToFormKey(fieldPath);
            var values = new string[variants.Length];
            for (var i = 0; i < variants.Length; i++)
            {
                values[i] = variants[i].Value;
            }

            this.ValidValues = values;
        }

        /// <summary>Dotted API path, as error messages name it: <c>flow_data.after_completion.type</c>.</summary>
        public string FieldPath { get; }

        /// <summary>Form-encoded key, as <c>AddExtraParam</c> takes it: <c>flow_data[after_completion][type]</c>.</summary>
        public string FormKey { get; }

        /// <summary>Path of the object holding this field and the variants' options: <c>flow_data</c>.</summary>
        public string ParentPath => PortalFieldPath.Parent(this.FieldPath);

        public IReadOnlyList<PortalVariant> Variants { get; }

        /// <summary>Every value the tables hold, whichever API version brought it.</summary>
        public IReadOnlyList<string> ValidValues { get; }

        /// <summary>Full name of the runtime class whose constants hold the valid values, or null when there is none.</summary>
        public string? ConstantsTypeName { get; }

        /// <summary>The constants class's simple name (<c>PortalFlowTypes</c>), or null.</summary>
        public string? ConstantsTypeSimpleName => this.ConstantsTypeName?.Substring(this.ConstantsTypeName.LastIndexOf('.') + 1);

        public bool IsValid(string value) => this.Find(value) != null;

        /// <summary>The variant of <paramref name="value"/> in the tables, whichever API version brought it.</summary>
        public PortalVariant? Find(string value)
        {
            foreach (var variant in this.Variants)
            {
                if (variant.Value == value)
                {
                    return variant;
                }
            }

            return null;
        }

        /// <summary>The values <paramref name="version"/> accepts, as far as the tables know.</summary>
        public IReadOnlyList<string> ValuesKnownTo(StripeApiVersion version)
        {
            var known = new List<string>(this.Variants.Count);
            foreach (var variant in this.Variants)
            {
                if (version.Knows(variant.BroughtBy))
                {
                    known.Add(variant.Value);
                }
            }

            return known;
        }

        /// <summary>How <paramref name="value"/> stands in <paramref name="version"/>; the variant when the tables hold the value.</summary>
        public PortalValueStanding Classify(string value, StripeApiVersion version, out PortalVariant? variant)
        {
            variant = this.Find(value);
            if (variant != null)
            {
                return version.Knows(variant.BroughtBy) ? PortalValueStanding.Known : PortalValueStanding.BroughtLater;
            }

            return version.IsNewerThanTables ? PortalValueStanding.PossiblyNewer : PortalValueStanding.Unknown;
        }

        /// <summary>The value <paramref name="version"/> accepts that a typo most likely meant, or null when none is close enough.</summary>
        public string? Suggest(string value, StripeApiVersion version) => NearestValue.Find(value, this.ValuesKnownTo(version));

        private static PortalEnumeratedField Values(string fieldPath, string broughtBy, params string[] values)
        {
            var variants = new PortalVariant[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                variants[i] = new PortalVariant(values[i], broughtBy, null);
            }

            return new PortalEnumeratedField(fieldPath, null, variants);
        }
    }

    /// <summary>What a Stripe API version makes of a value of an enumerated field.</summary>
    internal enum PortalValueStanding
    {
        /// <summary>The version accepts it.</summary>
        Known,

        /// <summary>A later API version brought it: Stripe rejects it at the version the host pins.</summary>
        BroughtLater,

        /// <summary>Not in the tables, and the version is one the tables know: Stripe rejects it.</summary>
        Unknown,

        /// <summary>Not in the tables, but the version is newer than they are: Stripe may accept it.</summary>
        PossiblyNewer,
    }

    /// <summary>One accepted value of an enumerated field: the API version that brought it, the options it owns, the fields it requires.</summary>
    internal sealed class PortalVariant
    {
        public PortalVariant(string value, string broughtBy, string? optionsPath, params string[] requiredPaths)
        {
            this.Value = value;
            this.BroughtBy = broughtBy;
            this.OptionsPath = optionsPath;
            this.RequiredPaths = requiredPaths;
        }

        public string Value { get; }

        /// <summary>The Stripe API version that brought the value (<see cref="StripeApiVersions"/>; the baseline for older ones).</summary>
        public string BroughtBy { get; }

        /// <summary>The sibling options object only this value may carry (<c>flow_data.subscription_cancel</c>), or null.</summary>
        public string? OptionsPath { get; }

        /// <summary>Fields Stripe requires when this value is chosen.</summary>
        public IReadOnlyList<string> RequiredPaths { get; }
    }

    internal static class PortalFieldPath
    {
        /// <summary><c>flow_data.after_completion.type</c> → <c>flow_data[after_completion][type]</c>.</summary>
        public static string ToFormKey(string fieldPath)
        {
            var parts = fieldPath.Split('.');
            var key = parts[0];
            for (var i = 1; i < parts.Length; i++)
            {
                key += "[" + parts[i] + "]";
            }

            return key;
        }

        /// <summary><c>flow_data[after_completion][type]</c> → <c>flow_data.after_completion.type</c>; null when not a form key.</summary>
        public static string? FromFormKey(string formKey)
        {
            var open = formKey.IndexOf('[');
            if (open < 0)
            {
                return formKey.Length == 0 ? null : formKey;
            }

            var path = formKey.Substring(0, open);
            while (open < formKey.Length)
            {
                var close = formKey.IndexOf(']', open);
                if (formKey[open] != '[' || close < 0)
                {
                    return null;
                }

                path += "." + formKey.Substring(open + 1, close - open - 1);
                open = close + 1;
            }

            return path;
        }

        public static string Parent(string fieldPath)
        {
            var dot = fieldPath.LastIndexOf('.');
            return dot < 0 ? string.Empty : fieldPath.Substring(0, dot);
        }
    }
}
