namespace Accrue.Portal.Analyzers.Generators
{
    using System;
    using Accrue.Portal.Analyzers.Knowledge;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.CSharp;
    using Microsoft.CodeAnalysis.Diagnostics;

    /// <summary>
    /// Emits the Stripe.net glue of the runtime into the host compilation: <c>CreateGuarded</c>/<c>CreateGuardedAsync</c> on
    /// <c>SessionService</c> when the host references both Stripe.net and Accrue.Portal, and a 303 redirect result for the
    /// handle when it also references ASP.NET Core. The glue binds to the host's own Stripe.net version.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class GuardedSessionGenerator : IIncrementalGenerator
    {
        public const string SessionServiceHintName = "Accrue.Portal.SessionServiceExtensions.g.cs";
        public const string RedirectHintName = "Accrue.Portal.PortalRedirect.g.cs";

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
            });
        }
    }

    /// <summary>What the host compilation offers the glue; equatable, so an edit that changes none of it emits nothing new.</summary>
    internal sealed class GlueShape : IEquatable<GlueShape>
    {
        private GlueShape(bool sessionService, bool aspNetCore, bool mvc, bool releaseBuild, bool nullableSyntax, bool customerAccount, bool retention, bool discounts)
        {
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

        public static GlueShape From(Compilation compilation, AnalyzerConfigOptionsProvider options, ParseOptions parseOptions)
        {
            var runtime = RuntimeNames.FindRuntime(compilation) is not null;
            var sessionService = compilation.GetTypeByMetadataName(StripeNames.SessionService);
            var createOptions = compilation.GetTypeByMetadataName(StripeNames.SessionCreateOptions);
            var stripe = sessionService is not null
                         && createOptions is not null
                         && compilation.GetTypeByMetadataName(StripeNames.Session) is not null
                         && HasMember(sessionService, StripeNames.CreateMethod)
                         && HasMember(sessionService, StripeNames.CreateAsyncMethod);
            var aspNetCore = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResult") is not null
                             && compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext") is not null;
            var release = options.GlobalOptions.TryGetValue("build_property.Configuration", out var configuration) && !string.IsNullOrEmpty(configuration)
                ? string.Equals(configuration, "Release", StringComparison.OrdinalIgnoreCase)
                : compilation.Options.OptimizationLevel == OptimizationLevel.Release;
            return new GlueShape(
                sessionService: runtime && stripe,
                aspNetCore: runtime && aspNetCore,
                mvc: compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.IActionResult") is not null,
                releaseBuild: release,
                nullableSyntax: ((CSharpParseOptions)parseOptions).LanguageVersion >= LanguageVersion.CSharp8,
                customerAccount: HasMember(createOptions, StripeNames.CustomerAccountProperty),
                retention: HasMember(compilation.GetTypeByMetadataName(StripeNames.SessionFlowDataSubscriptionCancelOptions), StripeNames.RetentionProperty),
                discounts: HasMember(compilation.GetTypeByMetadataName(StripeNames.SessionFlowDataSubscriptionUpdateConfirmOptions), StripeNames.DiscountsProperty));
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
            && this.Discounts == other.Discounts;

        public override bool Equals(object? obj) => this.Equals(obj as GlueShape);

        public override int GetHashCode()
        {
            var bits = new[] { this.SessionService, this.AspNetCore, this.Mvc, this.ReleaseBuild, this.NullableSyntax, this.CustomerAccount, this.Retention, this.Discounts };
            var hash = 0;
            foreach (var bit in bits)
            {
                hash = (hash << 1) | (bit ? 1 : 0);
            }

            return hash;
        }

        private static bool HasMember(INamedTypeSymbol? type, string name) => type is not null && !type.GetMembers(name).IsEmpty;
    }
}
