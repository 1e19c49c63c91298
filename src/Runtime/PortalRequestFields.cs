namespace Accrue.Portal
{
    using System.Collections.Generic;
    using Accrue.Portal.Internal;

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

            var flow = request.Flow;
            if (flow is null)
            {
                return fields;
            }

            var flowPath = fields.Object(PortalApiRules.FlowDataPath);
            fields.Value(Join(flowPath, "type"), flow.Type);
            if (flow.AfterCompletion is { } afterCompletion)
            {
                var path = fields.Object(Join(flowPath, "after_completion"));
                fields.Value(Join(path, "type"), afterCompletion.Type);
                if (afterCompletion.HostedConfirmation is { } hosted)
                {
                    fields.Value(Join(fields.Object(Join(path, "hosted_confirmation")), "custom_message"), hosted.CustomMessage);
                }

                if (afterCompletion.Redirect is { } redirect)
                {
                    fields.Value(Join(fields.Object(Join(path, "redirect")), "return_url"), redirect.ReturnUrl);
                }
            }

            if (flow.SubscriptionCancel is { } cancel)
            {
                var path = fields.Object(Join(flowPath, "subscription_cancel"));
                fields.Value(Join(path, "subscription"), cancel.Subscription);
                if (cancel.Retention is { } retention)
                {
                    var retentionPath = fields.Object(Join(path, "retention"));
                    fields.Value(Join(retentionPath, "type"), retention.Type);
                    if (retention.CouponOffer is { } offer)
                    {
                        fields.Value(Join(fields.Object(Join(retentionPath, "coupon_offer")), "coupon"), offer.Coupon);
                    }
                }
            }

            if (flow.SubscriptionUpdate is { } update)
            {
                fields.Value(Join(fields.Object(Join(flowPath, "subscription_update")), "subscription"), update.Subscription);
            }

            if (flow.SubscriptionUpdateConfirm is { } confirm)
            {
                var path = fields.Object(Join(flowPath, "subscription_update_confirm"));
                fields.Value(Join(path, "subscription"), confirm.Subscription);
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

        private static string Join(string parent, string segment) => parent + "." + segment;

        private string Object(string path)
        {
            this.present[path] = null;
            return path;
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
