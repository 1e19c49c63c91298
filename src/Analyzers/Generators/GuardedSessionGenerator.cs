namespace Accrue.Portal.Analyzers.Generators
{
    using Microsoft.CodeAnalysis.CSharp;

    /// <summary>
    /// Emits the Stripe.net glue of the runtime into the host compilation: <c>CreateGuarded</c>/<c>CreateGuardedAsync</c> on
    /// <c>SessionService</c> when the host references both Stripe.net and Accrue.Portal, and a 303 redirect result for the
    /// handle when it also references ASP.NET Core; <c>AuditAsync</c>/<c>EnsureCompliantAsync</c> on <c>ConfigurationService</c>;
    /// and, where Microsoft.Extensions.Hosting (and HealthChecks) are referenced, the opt-in startup check. The glue binds
    /// to the host's own Stripe.net version.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class GuardedSessionGenerator : IIncrementalGenerator
    {
        public const string SessionServiceHintName = "Accrue.Portal.SessionServiceExtensions.g.cs";
        public const string RedirectHintName = "Accrue.Portal.PortalRedirect.g.cs";
        public const string ConfigurationServiceHintName = "Accrue.Portal.ConfigurationServiceExtensions.g.cs";
        public const string StartupCheckHintName = "Accrue.Portal.StartupCheck.g.cs";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // The glue is internal and [Embedded], so a project that sees another's internals (InternalsVisibleTo) never sees two copies.
            context.RegisterPostInitializationOutput(static output => output.AddEmbeddedAttributeDefinition());

            var shape = context.CompilationProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Combine(context.ParseOptionsProvider)
                .Select(static (input, _) => GlueShape.From(input.Left.Left, input.Left.Right, input.Right));
            context.RegisterSourceOutput(shape, static (output, glue) =>
            {
                if (glue.SessionService)
                {
                    output.AddSource(SessionServiceHintName, GlueSource.SessionServiceExtensions(glue));
                }

                if (glue.AspNetCore)
                {
                    output.AddSource(RedirectHintName, GlueSource.Redirect(glue));
                }

                if (glue.ConfigurationService)
                {
                    output.AddSource(ConfigurationServiceHintName, ConfigurationGlueSource.ConfigurationServiceExtensions(glue));
                }

                if (glue.Hosting)
                {
                    output.AddSource(StartupCheckHintName, ConfigurationGlueSource.StartupCheck(glue));
                }
            });
        }
    }

    /// <summary>What the host compilation offers the glue; equatable, so an edit that changes none of it emits nothing new.</summary>
    internal sealed class GlueShape : IEquatable<GlueShape>
    {
        private GlueShape(bool sessionService, bool aspNetCore, bool mvc, bool releaseBuild, bool nullableSyntax, bool customerAccount, bool retention, bool discounts, bool subscriptionPause, bool afterExpiration, bool configurationPause, bool cancellationFeedback, string? stripeApiVersion, bool configurationService, bool hosting, bool healthChecks, bool logging)
        {
            this.SubscriptionPause = subscriptionPause;
            this.AfterExpiration = afterExpiration;
            this.ConfigurationPause = configurationPause;
            this.CancellationFeedback = cancellationFeedback;
            this.StripeApiVersion = stripeApiVersion;
            this.ConfigurationService = configurationService;
            this.Hosting = hosting;
            this.HealthChecks = healthChecks;
            this.Logging = logging;
            this.SessionService = sessionService;
            this.AspNetCore = aspNetCore;
            this.Mvc = mvc;
            this.ReleaseBuild = releaseBuild;
            this.NullableSyntax = nullableSyntax;
            this.CustomerAccount = customerAccount;
            this.Retention = retention;
            this.Discounts = discounts;
        }

        /// <summary>Stripe.net and the runtime are both referenced.</summary>
        public bool SessionService { get; }

        /// <summary>ASP.NET Core's <c>IResult</c> and the runtime are both referenced.</summary>
        public bool AspNetCore { get; }

        /// <summary>The session glue is emitted and Stripe.net has the <c>ConfigurationService</c> calls the audit glue makes.</summary>
        public bool ConfigurationService { get; }

        /// <summary>The configuration glue is emitted and the host references Microsoft.Extensions.Hosting, DI and Options.</summary>
        public bool Hosting { get; }

        /// <summary>Microsoft.Extensions.Diagnostics.HealthChecks is referenced too: the startup check is also a health check.</summary>
        public bool HealthChecks { get; }

        /// <summary>Microsoft.Extensions.Logging is referenced: the startup check logs its findings.</summary>
        public bool Logging { get; }

        /// <summary>MVC's <c>IActionResult</c> is referenced too.</summary>
        public bool Mvc { get; }

        /// <summary>The host builds in Release: the guard requires a pinned configuration.</summary>
        public bool ReleaseBuild { get; }

        /// <summary>C# 8 or later: the glue can say <c>#nullable enable</c> and annotate.</summary>
        public bool NullableSyntax { get; }

        // Members newer Stripe.net versions added; the glue maps them only where the host's version has them.
        public bool CustomerAccount { get; }

        public bool Retention { get; }

        public bool Discounts { get; }

        public bool SubscriptionPause { get; }

        public bool AfterExpiration { get; }

        /// <summary>The configuration entity's <c>features.subscription_pause</c>.</summary>
        public bool ConfigurationPause { get; }

        /// <summary>The configuration entity's <c>cancellation_reason.feedback_options</c> ids.</summary>
        public bool CancellationFeedback { get; }

        /// <summary>The host's <c>Stripe.ApiVersion.Current</c>, handed to the guard; null when its Stripe.net declares none.</summary>
        public string? StripeApiVersion { get; }

        public static GlueShape From(Compilation compilation, AnalyzerConfigOptionsProvider options, ParseOptions parseOptions)
        {
            var types = KnownTypes.For(compilation);
            var stripeReferenced = StripeReference.IsPresent(compilation);
            var runtime = stripeReferenced && RuntimeNames.FindRuntime(compilation) is not null;
            var sessionService = stripeReferenced ? types.Get(StripeNames.SessionService) : null;
            var createOptions = stripeReferenced ? types.Get(StripeNames.SessionCreateOptions) : null;
            var stripe = sessionService is not null
                         && createOptions is not null
                         && types.Get(StripeNames.Session) is not null
                         && HasMember(sessionService, StripeNames.CreateMethod)
                         && HasMember(sessionService, StripeNames.CreateAsyncMethod);
            var aspNetCore = types.Get(AspNetNames.Result) is not null
                             && types.Get(AspNetNames.HttpContext) is not null;
            var release = options.GlobalOptions.TryGetValue(PortalOptions.BuildConfigurationProperty, out var configuration) && !string.IsNullOrEmpty(configuration)
                ? string.Equals(configuration, "Release", StringComparison.OrdinalIgnoreCase)
                : compilation.Options.OptimizationLevel == OptimizationLevel.Release;
            var configurationService = types.Get(StripeNames.ConfigurationService);
            var configurationGlue = runtime && stripe
                                    && types.Get(RuntimeNames.PortalConfigurationAudit) is not null
                                    && types.Get(StripeNames.Configuration) is not null
                                    && types.Get(StripeNames.ConfigurationListOptions) is not null
                                    && HasMember(configurationService, StripeNames.GetAsyncMethod)
                                    && HasMember(configurationService, StripeNames.ListAsyncMethod)
                                    && HasMember(configurationService, StripeNames.CreateAsyncMethod)
                                    && HasMember(configurationService, StripeNames.UpdateAsyncMethod);
            var hosting = configurationGlue
                          && types.Get(RuntimeNames.PortalStartupCheck) is not null
                          && types.Get(HostingNames.HostedService) is not null
                          && types.Get(HostingNames.HostEnvironment) is not null
                          && types.Get(HostingNames.ServiceCollection) is not null
                          && types.Get(HostingNames.ServiceCollectionExtensions) is not null
                          && types.Get(HostingNames.Options) is not null;
            return new GlueShape(
                sessionService: runtime && stripe,
                aspNetCore: runtime && aspNetCore,
                mvc: types.Get(AspNetNames.ActionResult) is not null,
                releaseBuild: release,
                nullableSyntax: ((CSharpParseOptions)parseOptions).LanguageVersion >= LanguageVersion.CSharp8,
                customerAccount: HasMember(createOptions, StripeNames.CustomerAccountProperty),
                retention: HasMember(types.Get(StripeNames.SessionFlowDataSubscriptionCancelOptions), StripeNames.RetentionProperty),
                discounts: HasMember(types.Get(StripeNames.SessionFlowDataSubscriptionUpdateConfirmOptions), StripeNames.DiscountsProperty),
                subscriptionPause: HasMember(types.Get(StripeNames.SessionFlowDataOptions), StripeNames.SubscriptionPauseProperty),
                afterExpiration: HasMember(createOptions, StripeNames.AfterExpirationProperty),
                configurationPause: HasMember(types.Get(StripeNames.ConfigurationFeatures), StripeNames.SubscriptionPauseProperty),
                cancellationFeedback: HasMember(types.Get(StripeNames.ConfigurationFeaturesSubscriptionCancelCancellationReason), StripeNames.FeedbackOptionIdsProperty),
                stripeApiVersion: stripeReferenced ? StripeApiVersionReference.Declared(compilation) : null,
                configurationService: configurationGlue,
                hosting: hosting,
                healthChecks: hosting
                              && types.Get(HostingNames.HealthCheck) is not null
                              && types.Get(HostingNames.HealthCheckRegistration) is not null
                              && types.Get(HostingNames.HealthChecksBuilder) is not null,
                logging: types.Get(HostingNames.LoggerFactory) is not null);
        }

        public bool Equals(GlueShape? other) =>
            other is not null
            && this.SessionService == other.SessionService
            && this.AspNetCore == other.AspNetCore
            && this.Mvc == other.Mvc
            && this.ReleaseBuild == other.ReleaseBuild
            && this.NullableSyntax == other.NullableSyntax
            && this.CustomerAccount == other.CustomerAccount
            && this.Retention == other.Retention
            && this.Discounts == other.Discounts
            && this.SubscriptionPause == other.SubscriptionPause
            && this.AfterExpiration == other.AfterExpiration
            && this.ConfigurationPause == other.ConfigurationPause
            && this.CancellationFeedback == other.CancellationFeedback
            && this.StripeApiVersion == other.StripeApiVersion
            && this.ConfigurationService == other.ConfigurationService
            && this.Hosting == other.Hosting
            && this.HealthChecks == other.HealthChecks
            && this.Logging == other.Logging;

        public override bool Equals(object? obj) => this.Equals(obj as GlueShape);

        public override int GetHashCode()
        {
            var bits = new[] { this.SessionService, this.AspNetCore, this.Mvc, this.ReleaseBuild, this.NullableSyntax, this.CustomerAccount, this.Retention, this.Discounts, this.SubscriptionPause, this.AfterExpiration, this.ConfigurationPause, this.CancellationFeedback, this.ConfigurationService, this.Hosting, this.HealthChecks, this.Logging };
            var hash = 0;
            foreach (var bit in bits)
            {
                hash = (hash << 1) | (bit ? 1 : 0);
            }

            return hash ^ (this.StripeApiVersion?.GetHashCode() ?? 0);
        }

        private static bool HasMember(INamedTypeSymbol? type, string name) => type is not null && !type.GetMembers(name).IsEmpty;
    }
}
