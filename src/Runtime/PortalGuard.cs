namespace Accrue.Portal
{
    using System.Diagnostics;

    /// <summary>
    /// Validates portal session requests before any network call. The generated <c>CreateGuarded</c>/<c>CreateGuardedAsync</c>
    /// extension methods on Stripe.net's <c>SessionService</c> call <see cref="BeginCreate"/>; apps call them, not this class.
    /// </summary>
    public static class PortalGuard
    {
        /// <summary>Throws <see cref="PortalRequestException"/> listing every violated field when the request would be refused.</summary>
        /// <param name="request">The request to check.</param>
        /// <param name="options">The app's rules; null for the defaults.</param>
        /// <param name="releaseBuild">The caller was compiled in Release: a pinned configuration is required in every environment.</param>
        /// <param name="stripeApiVersion">
        /// The caller's <c>Stripe.ApiVersion.Current</c>: values a later API version brought are refused, and with a version
        /// newer than this package knows, values it does not know are let through. Null: the newest version this package knows.
        /// </param>
        public static void Validate(PortalSessionRequest request, PortalGuardOptions? options = null, bool releaseBuild = false, string? stripeApiVersion = null)
        {
            var validator = Run(request, options, releaseBuild, stripeApiVersion);
            if (validator.Violations.Count > 0)
            {
                throw new PortalRequestException(validator.Violations);
            }
        }

        /// <summary>
        /// Starts one guarded creation: validates (counting and tracing a refusal, then throwing <see cref="PortalRequestException"/>),
        /// and returns the attempt that turns Stripe's answer into a <see cref="PortalSession"/>. Used by the generated glue.
        /// </summary>
        /// <param name="request">The request mapped from the Stripe.net options.</param>
        /// <param name="options">The app's rules; null for the defaults.</param>
        /// <param name="releaseBuild">The caller was compiled in Release: a pinned configuration is required in every environment.</param>
        /// <param name="stripeApiVersion">The caller's <c>Stripe.ApiVersion.Current</c>, as in <see cref="Validate"/>; the glue passes its Stripe.net's.</param>
        public static PortalSessionCreation BeginCreate(PortalSessionRequest request, PortalGuardOptions? options, bool releaseBuild, string? stripeApiVersion = null)
        {
            var activity = PortalTelemetry.ActivitySource.StartActivity(PortalTelemetry.CreateSessionActivityName, ActivityKind.Internal);
            var flowTag = PortalTelemetry.FlowTypeTagValue(request?.Flow?.Type, request?.Flow is not null);
            activity?.SetTag(PortalTelemetry.FlowTypeTag, flowTag);
            PortalRequestValidator validator;
            string? retentionCoupon;
            try
            {
                retentionCoupon = AttachRetentionOffer(request!, options);
                validator = Run(request!, options, releaseBuild, stripeApiVersion);
            }
            catch
            {
                activity?.Dispose();
                throw;
            }

            foreach (var path in validator.UnknownValuePaths)
            {
                PortalTelemetry.UnknownValues.Add(1, new KeyValuePair<string, object?>(PortalTelemetry.FieldTag, path));
            }

            if (validator.Violations.Count > 0)
            {
                var reason = RefusalReason(validator.Violations);
                PortalTelemetry.SessionsRefused.Add(
                    1,
                    new KeyValuePair<string, object?>(PortalTelemetry.FlowTypeTag, flowTag),
                    new KeyValuePair<string, object?>(PortalTelemetry.RefusalReasonTag, reason));
                if (activity is not null)
                {
                    activity.SetTag(PortalTelemetry.RefusalReasonTag, reason);
                    activity.SetStatus(ActivityStatusCode.Error, "refused");
                    activity.Dispose();
                }

                throw new PortalRequestException(validator.Violations);
            }

            return new PortalSessionCreation(activity, validator.DefaultConfigurationToApply, retentionCoupon);
        }

        /// <summary>
        /// With <see cref="PortalGuardOptions.RetentionCouponId"/>, gives a subscription_cancel flow without a retention offer
        /// the coupon offer, before validation (so the offer is checked like one written by hand). Returns the coupon added.
        /// </summary>
        private static string? AttachRetentionOffer(PortalSessionRequest request, PortalGuardOptions? options)
        {
            if (request is null
                || options?.RetentionCouponId is not { } coupon
                || request.Flow is not { Type: PortalFlowTypes.SubscriptionCancel, SubscriptionCancel: { Retention: null } cancel })
            {
                return null;
            }

            cancel.Retention = new PortalFlowRetention
            {
                Type = PortalRetentionTypes.CouponOffer,
                CouponOffer = new PortalFlowCouponOffer { Coupon = coupon },
            };
            return coupon;
        }

        private static PortalRequestValidator Run(PortalSessionRequest request, PortalGuardOptions? options, bool releaseBuild, string? stripeApiVersion)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            return PortalRequestValidator.Run(request, options ?? new PortalGuardOptions(), releaseBuild, StripeApiVersion.From(stripeApiVersion));
        }

        private static string RefusalReason(IReadOnlyList<PortalRequestViolation> violations)
        {
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var violation in violations)
            {
                paths.Add(violation.Path);
            }

            return string.Join(",", paths);
        }
    }
}
