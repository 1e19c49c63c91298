// Compiled into the runtime and the analyzers: the request fields whose value must come from a closed set.
namespace Accrue.Portal.Internal
{
    using System.Collections.Generic;

    internal sealed class PortalEnumeratedField
    {
        public static readonly PortalEnumeratedField FlowType =
            new PortalEnumeratedField("flow_data.type", PortalFlowTypes.All, "Accrue.Portal.PortalFlowTypes");

        public static readonly PortalEnumeratedField AfterCompletionType =
            new PortalEnumeratedField("flow_data.after_completion.type", PortalAfterCompletionTypes.All, "Accrue.Portal.PortalAfterCompletionTypes");

        public static readonly PortalEnumeratedField RetentionType =
            new PortalEnumeratedField("flow_data.subscription_cancel.retention.type", PortalRetentionTypes.All, "Accrue.Portal.PortalRetentionTypes");

        public static readonly IReadOnlyList<PortalEnumeratedField> All = new[] { FlowType, AfterCompletionType, RetentionType };

        private PortalEnumeratedField(string fieldPath, IReadOnlyList<string> validValues, string constantsTypeName)
        {
            this.FieldPath = fieldPath;
            this.ValidValues = validValues;
            this.ConstantsTypeName = constantsTypeName;
            this.FormKey = ToFormKey(fieldPath);
        }

        /// <summary>Dotted API path, as error messages name it: <c>flow_data.after_completion.type</c>.</summary>
        public string FieldPath { get; }

        /// <summary>Form-encoded key, as <c>AddExtraParam</c> takes it: <c>flow_data[after_completion][type]</c>.</summary>
        public string FormKey { get; }

        public IReadOnlyList<string> ValidValues { get; }

        /// <summary>Full name of the runtime class whose constants hold the valid values.</summary>
        public string ConstantsTypeName { get; }

        public bool IsValid(string value)
        {
            foreach (var valid in this.ValidValues)
            {
                if (valid == value)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The valid value a typo most likely meant, or null when none is close enough to suggest.</summary>
        public string? Suggest(string value) => NearestValue.Find(value, this.ValidValues);

        private static string ToFormKey(string fieldPath)
        {
            var parts = fieldPath.Split('.');
            var key = parts[0];
            for (var i = 1; i < parts.Length; i++)
            {
                key += "[" + parts[i] + "]";
            }

            return key;
        }
    }
}
