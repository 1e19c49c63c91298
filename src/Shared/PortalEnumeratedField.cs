// Compiled into the runtime and the analyzers: the request fields whose value must come from a closed set,
// and what each value requires. One table, so the runtime guard and the analyzers agree.
namespace Accrue.Portal.Internal
{
    using System.Collections.Generic;

    internal sealed class PortalEnumeratedField
    {
        public static readonly PortalEnumeratedField FlowType = new PortalEnumeratedField(
            "flow_data.type",
            "Accrue.Portal.PortalFlowTypes",
            new PortalVariant(PortalFlowTypes.PaymentMethodUpdate, null),
            new PortalVariant(PortalFlowTypes.SubscriptionCancel, "flow_data.subscription_cancel", "flow_data.subscription_cancel.subscription"),
            new PortalVariant(PortalFlowTypes.SubscriptionUpdate, "flow_data.subscription_update", "flow_data.subscription_update.subscription"),
            new PortalVariant(
                PortalFlowTypes.SubscriptionUpdateConfirm,
                "flow_data.subscription_update_confirm",
                "flow_data.subscription_update_confirm.subscription",
                "flow_data.subscription_update_confirm.items")); // exactly one item, its id required: PortalApiRules

        public static readonly PortalEnumeratedField AfterCompletionType = new PortalEnumeratedField(
            "flow_data.after_completion.type",
            "Accrue.Portal.PortalAfterCompletionTypes",
            new PortalVariant(PortalAfterCompletionTypes.HostedConfirmation, "flow_data.after_completion.hosted_confirmation"),
            new PortalVariant(PortalAfterCompletionTypes.PortalHomepage, null),
            new PortalVariant(PortalAfterCompletionTypes.Redirect, "flow_data.after_completion.redirect", "flow_data.after_completion.redirect.return_url"));

        public static readonly PortalEnumeratedField RetentionType = new PortalEnumeratedField(
            "flow_data.subscription_cancel.retention.type",
            "Accrue.Portal.PortalRetentionTypes",
            new PortalVariant(
                PortalRetentionTypes.CouponOffer,
                "flow_data.subscription_cancel.retention.coupon_offer",
                "flow_data.subscription_cancel.retention.coupon_offer.coupon"));

        public static readonly IReadOnlyList<PortalEnumeratedField> All = new[] { FlowType, AfterCompletionType, RetentionType };

        private PortalEnumeratedField(string fieldPath, string constantsTypeName, params PortalVariant[] variants)
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

        public IReadOnlyList<string> ValidValues { get; }

        /// <summary>Full name of the runtime class whose constants hold the valid values.</summary>
        public string ConstantsTypeName { get; }

        public bool IsValid(string value) => this.Find(value) != null;

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

        /// <summary>The valid value a typo most likely meant, or null when none is close enough to suggest.</summary>
        public string? Suggest(string value) => NearestValue.Find(value, this.ValidValues);
    }

    /// <summary>One accepted value of an enumerated field: the options object it owns and the fields it requires.</summary>
    internal sealed class PortalVariant
    {
        public PortalVariant(string value, string? optionsPath, params string[] requiredPaths)
        {
            this.Value = value;
            this.OptionsPath = optionsPath;
            this.RequiredPaths = requiredPaths;
        }

        public string Value { get; }

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
