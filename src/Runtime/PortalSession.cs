namespace Accrue.Portal
{
    using System.Diagnostics;
    using System.Globalization;

    /// <summary>
    /// A created portal session without the secret on display. The portal URL is a single-use bearer credential, so it
    /// is not a property: only <see cref="GetRedirectUri"/> returns it. Every reflection-based serializer (System.Text.Json,
    /// Newtonsoft.Json, structured-log destructuring) therefore writes the safe fields and leaves the URL out: serialisation
    /// redacts, it does not refuse. <see cref="ToString"/> and the debugger display never contain it either.
    /// </summary>
    [DebuggerDisplay("{ToString(),nq}")]
    public sealed class PortalSession
    {
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly Uri redirectUri;

        /// <summary>Creates a handle; <paramref name="redirectUri"/> must be an absolute https URI.</summary>
        public PortalSession(string id, string? customer, string? returnUrl, bool livemode, DateTime created, string? flowType, Uri redirectUri)
        {
            if (string.IsNullOrEmpty(id))
            {
                throw new ArgumentException("A portal session needs its id.", nameof(id));
            }

            if (redirectUri is null || !redirectUri.IsAbsoluteUri || !string.Equals(redirectUri.Scheme, "https", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("A portal session needs the absolute https URL Stripe returned.", nameof(redirectUri));
            }

            this.Id = id;
            this.Customer = customer;
            this.ReturnUrl = returnUrl;
            this.Livemode = livemode;
            this.Created = created;
            this.FlowType = flowType;
            this.redirectUri = redirectUri;
        }

        /// <summary>The session id (<c>bps_…</c>); safe to log.</summary>
        public string Id { get; }

        /// <summary>The customer id (<c>cus_…</c>); safe to log.</summary>
        public string? Customer { get; }

        /// <summary>Where the portal's back link goes (your own URL, not the secret).</summary>
        public string? ReturnUrl { get; }

        /// <summary>Whether the session was created in live mode.</summary>
        public bool Livemode { get; }

        /// <summary>When Stripe created the session.</summary>
        public DateTime Created { get; }

        /// <summary>The flow the session deep-links into (<see cref="PortalFlowTypes"/>), or null for the portal homepage.</summary>
        public string? FlowType { get; }

        /// <summary>
        /// The portal URL to redirect the customer to: a single-use credential valid for minutes. Redirect to it or return
        /// it to the browser that asked; do not log, store or cache it.
        /// </summary>
        public Uri GetRedirectUri() => this.redirectUri;

        /// <summary>Id, customer, mode and flow; the URL is shown as redacted.</summary>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "PortalSession {0} (customer {1}, {2}, flow {3}, url redacted)",
            this.Id,
            this.Customer ?? "none",
            this.Livemode ? "live" : "test",
            this.FlowType ?? "none");
    }
}
