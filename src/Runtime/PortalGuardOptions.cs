namespace Accrue.Portal
{
    /// <summary>
    /// What the guard accepts beyond Stripe's own rules. Plain properties, so <c>services.Configure&lt;PortalGuardOptions&gt;(configuration.GetSection("Portal"))</c>
    /// binds them without this package depending on Microsoft.Extensions.*.
    /// </summary>
    public sealed class PortalGuardOptions
    {
        /// <summary>The environment name that relaxes <see cref="RequireConfiguration"/>.</summary>
        public const string DevelopmentEnvironment = "Development";

        /// <summary>
        /// Hosts an https return URL may point to: <c>example.com</c>, or <c>*.example.com</c> for its subdomains (not
        /// <c>example.com</c> itself). Compared without port, case or a trailing dot, IDN hosts in their punycode form. Empty: any host.
        /// </summary>
        public IList<string> AllowedReturnHosts { get; set; } = new List<string>();

        /// <summary>Non-web schemes a return URL may use (a mobile app's <c>myapp</c>, any case, <c>myapp:</c> too). Empty: https only.</summary>
        public IList<string> AllowedCustomSchemes { get; set; } = new List<string>();

        /// <summary>
        /// Accept plain http to a loopback host (<c>localhost</c>, <c>*.localhost</c>, 127.0.0.0/8, <c>[::1]</c>) as a
        /// return URL, for local development; never for a caller compiled in Release.
        /// </summary>
        public bool AllowHttpLocalhost { get; set; }

        /// <summary>
        /// Refuse a request without a pinned <c>configuration</c> (or <see cref="DefaultConfigurationId"/>) outside the
        /// <see cref="DevelopmentEnvironment"/> environment. Release builds of the generated glue require it always.
        /// </summary>
        public bool RequireConfiguration { get; set; } = true;

        /// <summary>The portal configuration (<c>bpc_…</c>) used when a request pins none.</summary>
        public string? DefaultConfigurationId { get; set; }

        /// <summary>
        /// A coupon (its Stripe id) offered to keep the customer: every <c>subscription_cancel</c> flow without a retention
        /// offer gets <c>retention.type = coupon_offer</c> with this coupon. Portal configurations cannot carry retention
        /// offers through the API, so this is how a host offers one in code.
        /// </summary>
        public string? RetentionCouponId { get; set; }

        /// <summary>What the generated startup check (hosted service or health check) does with the pinned configuration's audit.</summary>
        public PortalStartupAudit AuditOnStartup { get; set; } = PortalStartupAudit.Off;

        /// <summary>The host environment name (ASP.NET Core's <c>IHostEnvironment.EnvironmentName</c>); null counts as production.</summary>
        public string? Environment { get; set; }

        internal bool IsDevelopment => string.Equals(this.Environment, DevelopmentEnvironment, StringComparison.OrdinalIgnoreCase);
    }
}
