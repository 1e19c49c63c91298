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
    /// <param name="SessionService">Stripe.net and the runtime are both referenced.</param>
    /// <param name="AspNetCore">ASP.NET Core's <c>IResult</c> and the runtime are both referenced.</param>
    /// <param name="Mvc">MVC's <c>IActionResult</c> is referenced too.</param>
    /// <param name="ReleaseBuild">The host builds in Release: the guard requires a pinned configuration.</param>
    /// <param name="NullableSyntax">C# 8 or later: the glue can say <c>#nullable enable</c> and annotate.</param>
    /// <param name="CustomerAccount">Stripe.net has <c>SessionCreateOptions.CustomerAccount</c> (members newer versions added are mapped only where the host's version has them).</param>
    /// <param name="Retention">Stripe.net has the cancel flow's <c>Retention</c>.</param>
    /// <param name="Discounts">Stripe.net has the update-confirm flow's <c>Discounts</c>.</param>
    /// <param name="SubscriptionPause">Stripe.net has the <c>subscription_pause</c> flow.</param>
    /// <param name="AfterExpiration">Stripe.net has the session's <c>after_expiration</c>.</param>
    /// <param name="ConfigurationPause">The configuration entity's <c>features.subscription_pause</c>.</param>
    /// <param name="CancellationFeedback">The configuration entity's <c>cancellation_reason.feedback_options</c> ids.</param>
    /// <param name="StripeApiVersion">The host's <c>Stripe.ApiVersion.Current</c>, handed to the guard; null when its Stripe.net declares none.</param>
    /// <param name="ConfigurationService">The session glue is emitted and Stripe.net has the <c>ConfigurationService</c> calls the audit glue makes.</param>
    /// <param name="Hosting">The configuration glue is emitted and the host references Microsoft.Extensions.Hosting, DI and Options.</param>
    /// <param name="HealthChecks">Microsoft.Extensions.Diagnostics.HealthChecks is referenced too: the startup check is also a health check.</param>
    /// <param name="Logging">Microsoft.Extensions.Logging is referenced: the startup check logs its findings.</param>
    internal sealed record GlueShape(bool SessionService, bool AspNetCore, bool Mvc, bool ReleaseBuild, bool NullableSyntax, bool CustomerAccount, bool Retention, bool Discounts, bool SubscriptionPause, bool AfterExpiration, bool ConfigurationPause, bool CancellationFeedback, string? StripeApiVersion, bool ConfigurationService, bool Hosting, bool HealthChecks, bool Logging)
    {
        public static GlueShape From(Compilation compilation, AnalyzerConfigOptionsProvider options, ParseOptions parseOptions)
        {
            var types = KnownTypes.ForGenerator(compilation);
            var stripeReferenced = StripeReference.IsPresent(compilation);
            var runtime = stripeReferenced && RuntimeNames.FindRuntime(types) is not null;
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
                SessionService: runtime && stripe,
                AspNetCore: runtime && aspNetCore,
                Mvc: types.Get(AspNetNames.ActionResult) is not null,
                ReleaseBuild: release,
                NullableSyntax: ((CSharpParseOptions)parseOptions).LanguageVersion >= LanguageVersion.CSharp8,
                CustomerAccount: HasMember(createOptions, StripeNames.CustomerAccountProperty),
                Retention: HasMember(types.Get(StripeNames.SessionFlowDataSubscriptionCancelOptions), StripeNames.RetentionProperty),
                Discounts: HasMember(types.Get(StripeNames.SessionFlowDataSubscriptionUpdateConfirmOptions), StripeNames.DiscountsProperty),
                SubscriptionPause: HasMember(types.Get(StripeNames.SessionFlowDataOptions), StripeNames.SubscriptionPauseProperty),
                AfterExpiration: HasMember(createOptions, StripeNames.AfterExpirationProperty),
                ConfigurationPause: HasMember(types.Get(StripeNames.ConfigurationFeatures), StripeNames.SubscriptionPauseProperty),
                CancellationFeedback: HasMember(types.Get(StripeNames.ConfigurationFeaturesSubscriptionCancelCancellationReason), StripeNames.FeedbackOptionIdsProperty),
                StripeApiVersion: stripeReferenced ? StripeApiVersionReference.Declared(compilation) : null,
                ConfigurationService: configurationGlue,
                Hosting: hosting,
                HealthChecks: hosting
                              && types.Get(HostingNames.HealthCheck) is not null
                              && types.Get(HostingNames.HealthCheckRegistration) is not null
                              && types.Get(HostingNames.HealthChecksBuilder) is not null,
                Logging: types.Get(HostingNames.LoggerFactory) is not null);
        }

        private static bool HasMember(INamedTypeSymbol? type, string name) => type is not null && !type.GetMembers(name).IsEmpty;
    }
}
