namespace Accrue.Portal.Analyzers
{
    using Microsoft.CodeAnalysis;

    /// <summary>Every descriptor the package reports, built in one place with its doc link.</summary>
    internal static class PortalDiagnostics
    {
        public const string DocumentationBaseUri = "https://github.com/accrue-portal/accrue-portal/blob/main/docs/rules/";

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

        private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: DocumentationBaseUri + id + ".md");
        }
    }
}
