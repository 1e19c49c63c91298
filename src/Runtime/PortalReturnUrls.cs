namespace Accrue.Portal
{
    /// <summary>
    /// The return-URL allow-list for URLs an app takes from the request (a "come back to" parameter). Stripe sends the
    /// customer there from a trusted stripe.com page, so an unchecked one is an open redirect. Unlike the guard's own
    /// check, these require <see cref="PortalGuardOptions.AllowedReturnHosts"/>: without an allow-list no request
    /// input is trusted. The PORTAL010 analyzer treats a value that passed these as checked.
    /// </summary>
    public static class PortalReturnUrls
    {
        /// <summary>True when <paramref name="url"/> is an absolute https (or allowed custom-scheme) URL on an allowed host.</summary>
        public static bool IsAllowed(string? url, PortalGuardOptions options) => Check(url, options).Count == 0;

        /// <summary>Returns <paramref name="url"/> when allowed; otherwise throws <see cref="PortalRequestException"/> naming <c>return_url</c>, never the value.</summary>
        public static string EnsureAllowed(string? url, PortalGuardOptions options)
        {
            var violations = Check(url, options);
            if (violations.Count > 0)
            {
                throw new PortalRequestException(violations);
            }

            return url!;
        }

        private static IReadOnlyList<PortalRequestViolation> Check(string? url, PortalGuardOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (string.IsNullOrWhiteSpace(url))
            {
                return new[] { new PortalRequestViolation(PortalApiRules.ReturnUrlPath, "is empty; fall back to a return URL from configuration.") };
            }

            if (options.AllowedReturnHosts.Count == 0)
            {
                return new[] { new PortalRequestViolation(PortalApiRules.ReturnUrlPath, "comes from outside the app but PortalGuardOptions.AllowedReturnHosts is empty; list the hosts customers may return to.") };
            }

            return PortalRequestValidator.CheckReturnUrl(url!, options);
        }
    }
}
