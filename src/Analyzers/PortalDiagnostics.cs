namespace Accrue.Portal.Analyzers
{
    /// <summary>Every descriptor the package reports, built in one place with its doc link.</summary>
    internal static class PortalDiagnostics
    {
        public const string DocumentationBaseUri = "https://github.com/accrue-portal/accrue-portal/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor OptionMatchesNothing = Create(
            RuleIdentifiers.OptionMatchesNothing,
            "Accrue.Portal option matches nothing",
            "{0}",
            RuleCategories.Configuration,
            DiagnosticSeverity.Warning,
            "An accrue_portal.* option whose key the package does not read, or whose value names no method, member or type of the compilation, is ignored without a word: a declared ownership check or return-URL validator that matches nothing leaves the rule reporting what the check was meant to clear. Correct the key or the name.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor PortalUrlLogged = Create(
            RuleIdentifiers.PortalUrlLogged,
            "Portal session URL written to a log",
            "The portal session URL {0} reaches {1}",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            "A portal session URL is a single-use bearer credential valid for about five minutes: whoever reads it in a log, a trace, telemetry or an exception message can open the customer's billing portal. Log the session Id instead.");

        public static readonly DiagnosticDescriptor PortalUrlStored = Create(
            RuleIdentifiers.PortalUrlStored,
            "Portal session URL stored or cached",
            "The portal session URL {0} is stored in {1}",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            "A portal session URL is a single-use bearer credential valid for about five minutes: keeping it in a database, cache, session state, cookie, TempData, file or long-lived field hands the customer's billing to whoever reads it. Create a new session when needed, redirect to it, and keep the session Id if you need a reference.");

        public static readonly DiagnosticDescriptor UnknownFlowType = Create(
            RuleIdentifiers.UnknownFlowType,
            "Unknown portal flow type",
            "'{0}' is not a value Stripe accepts for {1}{2}",
            RuleCategories.Correctness,
            DiagnosticSeverity.Warning,
            "Stripe answers an unknown flow_data type, after-completion type or retention type with HTTP 400 at run time. Use one of the documented values.");

        public static readonly DiagnosticDescriptor UnguardedSessionCreation = Create(
            RuleIdentifiers.UnguardedSessionCreation,
            "Portal session created outside the guard",
            "SessionService.{0} sends the portal request unchecked and returns the URL on a Session that prints it; use {1} to validate first and get a URL-safe handle",
            RuleCategories.Usage,
            DiagnosticSeverity.Info,
            "Accrue.Portal is referenced, so the guarded CreateGuarded/CreateGuardedAsync are available: they refuse a bad request before any network call and return a PortalSession whose ToString, debugger display and JSON never contain the portal URL.");

        public static readonly DiagnosticDescriptor ReturnUrlNotAbsoluteHttps = Create(
            RuleIdentifiers.ReturnUrlNotAbsoluteHttps,
            "Return URL is not an absolute HTTPS URL",
            "{0}",
            RuleCategories.Correctness,
            DiagnosticSeverity.Warning,
            "Stripe needs an absolute https:// address for the portal's return URL, the after-completion redirect and a configuration's default return URL. A relative path is rejected with HTTP 400; an http:// address sends the customer back over an unencrypted connection.");

        public static readonly DiagnosticDescriptor UnpinnedConfiguration = Create(
            RuleIdentifiers.UnpinnedConfiguration,
            "Portal session without a pinned configuration",
            "The portal session is created without Configuration{0}: the account's default portal configuration applies, and any Dashboard edit changes it",
            RuleCategories.Correctness,
            DiagnosticSeverity.Warning,
            "Without SessionCreateOptions.Configuration, Stripe uses the account's default portal configuration, which anyone with Dashboard access can change (what customers may cancel, switch or update). Pin the configuration (bpc_...) that was reviewed.");

        public static readonly DiagnosticDescriptor IncompleteFlowData = Create(
            RuleIdentifiers.IncompleteFlowData,
            "Flow data missing what its type requires, or carrying another type's options",
            "{0}",
            RuleCategories.Correctness,
            DiagnosticSeverity.Warning,
            "Each portal flow type requires its own sub-options (the subscription to cancel or update, the item to confirm, the redirect URL, the retention coupon) and rejects the options of other types. Stripe answers such a request with HTTP 400 at run time.");

        public static readonly DiagnosticDescriptor MissingOrMalformedCustomer = Create(
            RuleIdentifiers.MissingOrMalformedCustomer,
            "Missing or malformed customer",
            "{0}",
            RuleCategories.Correctness,
            DiagnosticSeverity.Warning,
            "A portal session needs Customer (a cus_... id) or CustomerAccount (an acct_... id). An email address, a name or an id from another system is rejected with HTTP 400.");

        public static readonly DiagnosticDescriptor WeakCancellationConfiguration = Create(
            RuleIdentifiers.WeakCancellationConfiguration,
            "Portal configuration weakens cancellation or is not what Stripe accepts",
            "{0}",
            RuleCategories.Correctness,
            DiagnosticSeverity.Warning,
            "A portal configuration should cancel at the end of the paid period and ask for a cancellation reason: immediate cancellation ends access at once and leaves no time to win the customer back, and without a reason the cancellation carries no churn signal. Stripe rejects proration_behavior always_invoice for cancellations, create_prorations only goes with immediate cancellation, a subscription_pause limited to preset durations needs at least one, each at most three years, and subscription_update takes at most 10 products; enabled with no default_allowed_updates it lets customers change nothing.");

        public static readonly DiagnosticDescriptor ReturnUrlFromRequestInput = Create(
            RuleIdentifiers.ReturnUrlFromRequestInput,
            "Return URL taken from request input",
            "The return URL for {0} comes from {1} without an allow-list check: anyone can send the customer from the portal to a site of their choosing",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            "Stripe sends the customer to the return URL after the portal, from a trusted stripe.com page. A URL taken from the query, form, headers, Host or a bound model turns the portal into an open redirect for phishing. Build the URL from configuration, or check it against an allow-list first.");

        public static readonly DiagnosticDescriptor CustomerFromRequestInput = Create(
            RuleIdentifiers.CustomerFromRequestInput,
            "Portal customer taken from request input",
            "The portal customer ({0}) comes from {1}: the customer must be looked up for the signed-in user, never taken from the request",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            "Whoever holds a portal session controls that customer's billing. A customer id taken from the query, form, route, headers, cookies or a bound model lets any signed-in user (or anyone, on an open endpoint) open another customer's portal by sending their id. Look the customer up from the authenticated user's record, or pass the id through a declared ownership check first.");

        public static readonly DiagnosticDescriptor WholeSessionSentToClient = Create(
            RuleIdentifiers.WholeSessionSentToClient,
            "Whole portal Session sent to the client",
            "The whole portal Session is sent to the client ({0}): send only its URL, or redirect to it",
            RuleCategories.Security,
            DiagnosticSeverity.Info,
            "Serialising a Stripe.BillingPortal.Session sends every field to the browser: the customer id, the configuration, the flow, the return URL and the raw Stripe response, and it ties the API contract to Stripe.net's model. The client needs the URL only; return new { url = session.Url } or redirect.");

        public static readonly DiagnosticDescriptor ConfigurationPerRequest = Create(
            RuleIdentifiers.ConfigurationPerRequest,
            "Portal configuration created or updated per request",
            "{0} on every request to {1}: configurations pile up in the Stripe account and none of them is the one that was reviewed; create it once (a deploy step, or EnsureCompliantAsync at startup) and pin its id",
            RuleCategories.Correctness,
            DiagnosticSeverity.Warning,
            "A portal configuration is account-wide state, like a price or a webhook endpoint: created in a request handler, each click adds another configuration to the Stripe account, none of them is the one the go-live checklist was applied to, and the sessions opened with them are pinned to nothing reviewed. Create or repair the configuration once, in a deploy step or at startup (EnsureCompliantAsync), and pin its bpc_ id in configuration.");

        public static readonly DiagnosticDescriptor StripeSecretInSource = Create(
            RuleIdentifiers.StripeSecretInSource,
            "Stripe secret in source",
            "A Stripe {0} ({1}) is written in {2}: it ships with the code and stays in the repository history; {3}, then roll it in the Stripe Dashboard",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            "A secret API key, restricted key or webhook signing secret written in the code ships with every build, copy and fork of it, and stays in the repository history after the line is deleted: whoever reads it can act on the Stripe account as the app does (a live key: charge, refund, read customers; a test key: the test data and its settings). Read it from configuration (user secrets, environment variables, a vault) and roll the key.");

        private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description, params string[] customTags)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: DocumentationBaseUri + id + ".md",
                customTags: customTags);
        }
    }
}
