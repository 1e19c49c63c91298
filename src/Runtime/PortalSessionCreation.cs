namespace Accrue.Portal
{
    using System.Diagnostics;

    /// <summary>
    /// One guarded creation after the request passed the guard: the generated glue sends the request through the host's
    /// Stripe.net, then calls <see cref="Complete"/> (or <see cref="Fail"/>) and disposes it.
    /// </summary>
    public sealed class PortalSessionCreation : IDisposable
    {
        private readonly Activity? activity;

        internal PortalSessionCreation(Activity? activity, string? defaultConfigurationToApply, string? retentionCouponToApply)
        {
            this.activity = activity;
            this.DefaultConfigurationToApply = defaultConfigurationToApply;
            this.RetentionCouponToApply = retentionCouponToApply;
        }

        /// <summary><see cref="PortalGuardOptions.DefaultConfigurationId"/> when the request pinned no configuration; null otherwise.</summary>
        public string? DefaultConfigurationToApply { get; }

        /// <summary>
        /// <see cref="PortalGuardOptions.RetentionCouponId"/> when the request is a subscription_cancel flow without a
        /// retention offer: the glue adds <c>retention.type = coupon_offer</c> with this coupon. Null otherwise.
        /// </summary>
        public string? RetentionCouponToApply { get; }

        /// <summary>Turns Stripe's answer into the URL-safe handle and records the created session.</summary>
        public PortalSession Complete(string? id, string? customer, string? returnUrl, bool livemode, DateTime created, string? flowType, string? url)
        {
            if (string.IsNullOrEmpty(id)
                || !Uri.TryCreate(url, UriKind.Absolute, out var redirectUri)
                || !string.Equals(redirectUri.Scheme, "https", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("Stripe answered without a session id or an absolute https session url.");
            }

            var session = new PortalSession(id!, customer, returnUrl, livemode, created, flowType, redirectUri);
            var flowTag = PortalTelemetry.FlowTypeTagValue(flowType, hasFlow: false);
            PortalTelemetry.SessionsCreated.Add(
                1,
                new KeyValuePair<string, object?>(PortalTelemetry.FlowTypeTag, flowTag),
                new KeyValuePair<string, object?>(PortalTelemetry.LivemodeTag, livemode));
            if (this.activity is not null)
            {
                this.activity.SetTag(PortalTelemetry.FlowTypeTag, flowTag);
                this.activity.SetTag(PortalTelemetry.LivemodeTag, livemode);
                this.activity.SetStatus(ActivityStatusCode.Ok);
            }

            return session;
        }

        /// <summary>Marks the creation failed (Stripe or the network threw); records the exception type only.</summary>
        public void Fail(Exception exception)
        {
            if (this.activity is not null && exception is not null)
            {
                this.activity.SetTag(PortalTelemetry.ErrorTypeTag, exception.GetType().FullName);
                this.activity.SetStatus(ActivityStatusCode.Error, "failed");
            }
        }

        /// <summary>Ends the activity.</summary>
        public void Dispose() => this.activity?.Dispose();
    }
}
