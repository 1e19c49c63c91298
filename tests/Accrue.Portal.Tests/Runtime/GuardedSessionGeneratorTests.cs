namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stripe;
using Stripe.BillingPortal;
using StripeNetStandIn;

public sealed class GuardedSessionGeneratorTests
{
    private const string Host = """
        using System.Threading;
        using System.Threading.Tasks;
        using Accrue.Portal;
        using Stripe;
        using Stripe.BillingPortal;

        public static class Host
        {
            public static PortalSession Create(SessionCreateOptions options, PortalGuardOptions guard, RequestOptions requestOptions) =>
                new SessionService().CreateGuarded(options, guard, requestOptions);

            public static Task<PortalSession> CreateAsync(SessionCreateOptions options, PortalGuardOptions guard, CancellationToken cancellationToken) =>
                new StripeClient("sk_test").V1.BillingPortal.Sessions.CreateGuardedAsync(options, guard, cancellationToken: cancellationToken);
        }
        """;

    private static readonly string[] GlueHintNames = [GuardedSessionGenerator.SessionServiceHintName, GuardedSessionGenerator.RedirectHintName];

    private static SessionCreateOptions ValidOptions() => new()
    {
        Customer = "cus_123",
        Configuration = "bpc_123",
        ReturnUrl = "https://example.com/account",
        FlowData = new SessionFlowDataOptions
        {
            Type = "subscription_update_confirm",
            SubscriptionUpdateConfirm = new SessionFlowDataSubscriptionUpdateConfirmOptions
            {
                Subscription = "sub_123",
                Items = [new SessionFlowDataSubscriptionUpdateConfirmItemOptions { Id = "si_123", Price = "price_123", Quantity = 2 }],
            },
        },
    };

    [Theory]
    [InlineData(NullableContextOptions.Enable, BuildConfiguration.Debug)]
    [InlineData(NullableContextOptions.Disable, BuildConfiguration.Release)]
    [InlineData(NullableContextOptions.Annotations, BuildConfiguration.Debug)]
    public async Task Glue_compiles_without_diagnostics_through_the_verifier(NullableContextOptions nullable, BuildConfiguration configuration)
    {
        var result = await new ProjectBuilder()
            .WithAnalyzer<UnguardedSessionCreationAnalyzer>()
            .WithSourceGenerator<GuardedSessionGenerator>()
            .WithPortalRuntime()
            .WithAspNetCore()
            .WithNullable(nullable)
            .WithBuildConfiguration(configuration)
            .WithSourceCode(Host)
            .AnalyzeAsync();

        Assert.Empty(result.CompilerDiagnostics);
        Assert.Empty(result.AnalyzerDiagnostics);
        Assert.Equal(GlueHintNames, result.GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)).Where(GlueHintNames.Contains));
        var glue = result.GeneratedTrees.Single(t => t.FilePath.EndsWith(GuardedSessionGenerator.SessionServiceHintName, StringComparison.Ordinal)).ToString();
        Assert.Contains($"PortalGuard.BeginCreate(ToRequest(options), guard, {(configuration == BuildConfiguration.Release ? "true" : "false")})", glue, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.Latest)]
    public void Glue_compiles_under_warnaserror_in_every_language_version(LanguageVersion version)
    {
        var (compilation, generated) = GeneratedHost.Generate("public static class Empty { }", aspNetCore: true, languageVersion: version);

        Assert.Equal(5, generated.Length);
        Assert.Empty(compilation.GetDiagnostics());
        Assert.Equal(version >= LanguageVersion.CSharp8, generated.Any(t => t.ToString().Contains("#nullable enable", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Nothing_but_the_embedded_attribute_is_emitted_when_a_reference_is_missing(bool stripe, bool runtime)
    {
        var (compilation, generated) = GeneratedHost.Generate("public static class Empty { }", aspNetCore: !runtime, stripe: stripe, runtime: runtime);

        Assert.Equal(["Microsoft.CodeAnalysis.EmbeddedAttribute.cs"], generated.Select(t => System.IO.Path.GetFileName(t.FilePath)));
        Assert.Empty(compilation.GetDiagnostics());
    }

    [Fact]
    public void A_look_alike_runtime_type_does_not_switch_the_glue_on()
    {
        var (_, generated) = GeneratedHost.Generate("namespace Accrue.Portal { public static class PortalGuard { } }", runtime: false);

        Assert.DoesNotContain(generated, t => t.FilePath.EndsWith(GuardedSessionGenerator.SessionServiceHintName, StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_CreateGuarded_calls_the_hosts_service_and_returns_the_handle()
    {
        var host = GeneratedHost.Load(Host);
        using var recorder = StandInRecorder.Start();
        var options = ValidOptions();
        var requestOptions = new RequestOptions { IdempotencyKey = "portal-1" };

        var session = (PortalSession)GeneratedHost.Invoke(host, "Create", options, null, requestOptions)!;

        var call = Assert.Single(recorder.Calls);
        Assert.Equal("billing_portal.sessions.create", call.Operation);
        Assert.Same(options, call.Options);
        Assert.Same(requestOptions, call.RequestOptions);
        Assert.StartsWith("bps_", session.Id, StringComparison.Ordinal);
        Assert.Equal("cus_123", session.Customer);
        Assert.Equal("https://example.com/account", session.ReturnUrl);
        Assert.Equal("subscription_update_confirm", session.FlowType);
        Assert.StartsWith("https://billing.stripe.com/p/session/", session.GetRedirectUri().AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_CreateGuarded_refuses_before_any_call()
    {
        var host = GeneratedHost.Load(Host);
        using var recorder = StandInRecorder.Start();
        var options = ValidOptions();
        options.Customer = "jane@example.com";
        options.FlowData.SubscriptionUpdateConfirm.Items.Clear();

        var refused = Assert.Throws<PortalRequestException>(() => GeneratedHost.Invoke(host, "Create", options, null, null));

        Assert.Empty(recorder.Calls);
        Assert.Equal(["customer", "flow_data.subscription_update_confirm.items"], refused.Violations.Select(v => v.Path));
        Assert.DoesNotContain("jane@example.com", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_build_requires_a_pinned_configuration_even_in_Development()
    {
        var guard = new PortalGuardOptions { Environment = "Development" };
        var debugHost = GeneratedHost.Load(Host);
        var releaseHost = GeneratedHost.Load(Host, release: true);
        using var recorder = StandInRecorder.Start();
        var options = ValidOptions();
        options.Configuration = null;

        GeneratedHost.Invoke(debugHost, "Create", options, guard, null);
        var refused = Assert.Throws<PortalRequestException>(() => GeneratedHost.Invoke(releaseHost, "Create", options, guard, null));

        Assert.Single(recorder.Calls);
        Assert.Equal("configuration", Assert.Single(refused.Violations).Path);
        Assert.Contains("Release build", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_configuration_is_applied_to_the_request_sent()
    {
        var host = GeneratedHost.Load(Host, release: true);
        using var recorder = StandInRecorder.Start();
        var options = ValidOptions();
        options.Configuration = null;

        GeneratedHost.Invoke(host, "Create", options, new PortalGuardOptions { DefaultConfigurationId = "bpc_default1" }, null);

        Assert.Equal("bpc_default1", ((SessionCreateOptions)Assert.Single(recorder.Calls).Options).Configuration);
    }

    [Fact]
    public async Task Generated_CreateGuardedAsync_passes_the_cancellation_token_through()
    {
        var host = GeneratedHost.Load(Host);
        using var recorder = StandInRecorder.Start();
        recorder.Latency = TimeSpan.FromSeconds(30);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var pending = (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", ValidOptions(), null, cancellation.Token)!;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        recorder.Latency = TimeSpan.Zero;
        var session = await (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", ValidOptions(), null, CancellationToken.None)!;
        // The cancelled call never reached the stand-in's backend; the second did.
        Assert.Single(recorder.Calls);
        Assert.Equal("cus_123", session.Customer);
    }

    [Fact]
    public void Stripe_failure_propagates_unchanged()
    {
        var host = GeneratedHost.Load(Host);
        using var recorder = StandInRecorder.Start();
        var failure = new StripeException(System.Net.HttpStatusCode.BadRequest, "No such customer");
        recorder.FailNextWith = failure;

        var thrown = Assert.Throws<StripeException>(() => GeneratedHost.Invoke(host, "Create", ValidOptions(), null, null));

        Assert.Same(failure, thrown);
    }

    [Fact]
    public void Redirect_result_writes_a_no_store_no_referrer_303()
    {
        var host = GeneratedHost.Load(
            """
            using Accrue.Portal;
            using Microsoft.AspNetCore.Http;

            public static class Host
            {
                public static string Redirect(PortalSession session)
                {
                    var context = new DefaultHttpContext();
                    var result = session.ToPortalRedirect();
                    result.ExecuteAsync(context).GetAwaiter().GetResult();
                    var headers = context.Response.Headers;
                    return context.Response.StatusCode + "|" + headers["Location"] + "|" + headers["Cache-Control"] + "|" + headers["Referrer-Policy"] + "|" + result;
                }
            }
            """,
            aspNetCore: true);
        var session = new PortalSession("bps_1", "cus_1", null, false, DateTime.UtcNow, null, new Uri("https://billing.stripe.com/p/session/test_secret"));

        var written = (string)GeneratedHost.Invoke(host, "Redirect", session)!;

        Assert.Equal(
            "303|https://billing.stripe.com/p/session/test_secret|no-store|no-referrer|303 redirect to the Stripe customer portal (url redacted)",
            written);
    }
}
