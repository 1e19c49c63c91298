namespace Accrue.Portal
{
    /// <summary>
    /// The request flattened to API field paths, so the shared tables (<see cref="PortalEnumeratedField"/>) drive the
    /// checks without a second copy of them. A field is present when it holds a non-blank value or a non-null object.
    /// </summary>
    internal sealed class PortalRequestFields
    {
        private readonly Dictionary<string, string?> present = new Dictionary<string, string?>();
        private readonly Dictionary<string, string> given = new Dictionary<string, string>();

        private PortalRequestFields()
        {
        }

        public static PortalRequestFields From(PortalSessionRequest request)
        {
            var fields = new PortalRequestFields();
            fields.Value(PortalApiRules.CustomerPath, request.Customer);
            fields.Value(PortalApiRules.CustomerAccountPath, request.CustomerAccount);
            fields.Value(PortalApiRules.ReturnUrlPath, request.ReturnUrl);
            fields.Value(PortalApiRules.ConfigurationPath, request.Configuration);
            fields.Value(PortalApiRules.LocalePath, request.Locale);
            fields.Value(PortalApiRules.OnBehalfOfPath, request.OnBehalfOf);

            if (request.AfterExpiration is { } afterExpiration)
            {
                fields.Object(PortalEnumeratedField.AfterExpirationType.ParentPath);
                fields.Value(PortalEnumeratedField.AfterExpirationType.FieldPath, afterExpiration.Type);
                if (afterExpiration.CustomerLogin is not null)
                {
                    fields.Variant(PortalEnumeratedField.AfterExpirationType, PortalAfterExpirationTypes.CustomerLogin, null);
                }
            }

            var flow = request.Flow;
            if (flow is null)
            {
                return fields;
            }

            fields.Object(PortalApiRules.FlowDataPath);
            fields.Value(PortalEnumeratedField.FlowType.FieldPath, flow.Type);
            if (flow.AfterCompletion is { } afterCompletion)
            {
                fields.Object(PortalEnumeratedField.AfterCompletionType.ParentPath);
                fields.Value(PortalEnumeratedField.AfterCompletionType.FieldPath, afterCompletion.Type);
                if (afterCompletion.HostedConfirmation is { } hosted)
                {
                    fields.Variant(PortalEnumeratedField.AfterCompletionType, PortalAfterCompletionTypes.HostedConfirmation, null);
                    fields.Value(PortalApiRules.CustomMessagePath, hosted.CustomMessage);
                }

                if (afterCompletion.Redirect is { } redirect)
                {
                    fields.Variant(PortalEnumeratedField.AfterCompletionType, PortalAfterCompletionTypes.Redirect, redirect.ReturnUrl);
                }
            }

            if (flow.SubscriptionCancel is { } cancel)
            {
                fields.Variant(PortalEnumeratedField.FlowType, PortalFlowTypes.SubscriptionCancel, cancel.Subscription);
                if (cancel.Retention is { } retention)
                {
                    fields.Object(PortalEnumeratedField.RetentionType.ParentPath);
                    fields.Value(PortalEnumeratedField.RetentionType.FieldPath, retention.Type);
                    if (retention.CouponOffer is { } offer)
                    {
                        fields.Variant(PortalEnumeratedField.RetentionType, PortalRetentionTypes.CouponOffer, offer.Coupon);
                    }
                }
            }

            if (flow.SubscriptionPause is { } pause)
            {
                fields.Variant(PortalEnumeratedField.FlowType, PortalFlowTypes.SubscriptionPause, pause.Subscription);
            }

            if (flow.SubscriptionUpdate is { } update)
            {
                fields.Variant(PortalEnumeratedField.FlowType, PortalFlowTypes.SubscriptionUpdate, update.Subscription);
            }

            if (flow.SubscriptionUpdateConfirm is { } confirm)
            {
                fields.Variant(PortalEnumeratedField.FlowType, PortalFlowTypes.SubscriptionUpdateConfirm, confirm.Subscription);
                if (confirm.Items is { Count: > 0 })
                {
                    fields.Object(PortalApiRules.SubscriptionUpdateConfirmItemsPath);
                }
            }

            return fields;
        }

        public bool IsPresent(string path) => this.present.ContainsKey(path);

        /// <summary>The value at a leaf path, or null when absent.</summary>
        public string? this[string path] => this.present.TryGetValue(path, out var value) ? value : null;

        /// <summary>The value at a leaf path as the request gives it, blank included; null when unset.</summary>
        public string? Given(string path) => this.given.TryGetValue(path, out var value) ? value : null;

        private void Object(string path) => this.present[path] = null;

        /// <summary>The options object a variant owns, and the value of its first required field (the subscription, the coupon).</summary>
        private void Variant(PortalEnumeratedField field, string value, string? firstRequired)
        {
            var variant = field.Find(value)!;
            this.Object(variant.OptionsPath!);
            if (variant.RequiredPaths.Count > 0)
            {
                this.Value(variant.RequiredPaths[0], firstRequired);
            }
        }

        private void Value(string path, string? value)
        {
            if (value is not null)
            {
                this.given[path] = value;
            }

            if (!string.IsNullOrWhiteSpace(value))
            {
                this.present[path] = value;
            }
        }
    }
}
