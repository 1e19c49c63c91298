namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Collections.Generic;

using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;
using Accrue.Portal.Tests.Wire;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Stripe;
using Stripe.BillingPortal;

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
            public static PortalSession Create(IStripeClient client, SessionCreateOptions options, PortalGuardOptions guard, RequestOptions requestOptions) =>
                new SessionService(client).CreateGuarded(options, guard, requestOptions);

            public static Task<PortalSession> CreateAsync(StripeClient client, SessionCreateOptions options, PortalGuardOptions guard, CancellationToken cancellationToken) =>
                client.V1.BillingPortal.Sessions.CreateGuardedAsync(options, guard, cancellationToken: cancellationToken);
        }
        """;

    /// <summary>The form body Stripe.net sends for <see cref="ValidOptions"/>: these fields and no others.</summary>
    private static readonly Dictionary<string, string> ValidOptionsOnTheWire = new()
    {
        ["customer"] = "cus_123",
        ["configuration"] = "bpc_123",
        ["return_url"] = "https://example.com/account",
        ["flow_data[type]"] = "subscription_update_confirm",
        ["flow_data[subscription_update_confirm][subscription]"] = "sub_123",
        ["flow_data[subscription_update_confirm][items][0][id]"] = "si_123",
        ["flow_data[subscription_update_confirm][items][0][price]"] = "price_123",
        ["flow_data[subscription_update_confirm][items][0][quantity]"] = "2",
    };

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

    /// <summary>Every output of the generator, compared exactly by the standard library; no compiler or analyzer diagnostic at all.</summary>
    [Theory]
    [InlineData(NullableContextOptions.Enable, BuildConfiguration.Debug, "AspNetCore-Debug")]
    [InlineData(NullableContextOptions.Disable, BuildConfiguration.Release, "AspNetCore-Release")]
    [InlineData(NullableContextOptions.Annotations, BuildConfiguration.Debug, "AspNetCore-Debug")]
    public async Task Glue_is_generated_exactly_and_compiles_without_diagnostics(NullableContextOptions nullable, BuildConfiguration configuration, string expected)
    {
        var test = await new ProjectBuilder()
            .WithAnalyzer<UnguardedSessionCreationAnalyzer>()
            .WithSourceGenerator<GuardedSessionGenerator>()
            .WithPortalRuntime()
            .WithAspNetCore()
            .WithNullable(nullable)
            .WithBuildConfiguration(configuration)
            .WithCompilerDiagnostics(CompilerDiagnostics.All)
            .WithSourceCode(Host)
            .ExpectingAsync(expected);

        await test.ValidateAsync();
    }

    /// <summary>The one place the build configuration shows in the glue: the expected files differ there, and only there.</summary>
    [Fact]
    public void Debug_and_Release_glue_differ_only_in_the_release_flag()
    {
        var debug = System.IO.File.ReadAllText(GeneratedSource("AspNetCore-Debug", "2-" + GuardedSessionGenerator.SessionServiceHintName));
        var release = System.IO.File.ReadAllText(GeneratedSource("AspNetCore-Release", "2-" + GuardedSessionGenerator.SessionServiceHintName));

        Assert.Contains("PortalGuard.BeginCreate(ToRequest(options), guard, false, \"2026-10-28.endive\")", debug, StringComparison.Ordinal);
        Assert.Equal(debug.Replace("PortalGuard.BeginCreate(ToRequest(options), guard, false, \"2026-10-28.endive\")", "PortalGuard.BeginCreate(ToRequest(options), guard, true, \"2026-10-28.endive\")", StringComparison.Ordinal), release);
    }

    /// <summary>Any compiler diagnostic at all fails the library's check, which is stricter than warnaserror.</summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable, "AspNetCore-Debug-CSharp7_3")]
    [InlineData(LanguageVersion.CSharp8, NullableContextOptions.Enable, "AspNetCore-Debug")]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable, "AspNetCore-Debug")]
    public async Task Glue_compiles_without_any_diagnostic_in_every_language_version(LanguageVersion version, NullableContextOptions nullable, string expected)
    {
        var test = await new ProjectBuilder()
            .WithSourceGenerator<GuardedSessionGenerator>()
            .WithPortalRuntime()
            .WithAspNetCore()
            .WithLanguageVersion(version)
            .WithNullable(nullable)
            .WithCompilerDiagnostics(CompilerDiagnostics.All)
            .WithSourceCode("public static class Empty { }")
            .ExpectingAsync(expected);

        await test.ValidateAsync();
    }

    [Fact]
    public void Glue_says_nullable_enable_only_from_CSharp_8()
    {
        var glue = System.IO.Directory.GetFiles(GeneratedSource("AspNetCore-Debug", string.Empty), "*.g.cs");
        var oldGlue = System.IO.Directory.GetFiles(GeneratedSource("AspNetCore-Debug-CSharp7_3", string.Empty), "*.g.cs");

        Assert.Equal(4, glue.Length);
        Assert.All(glue, f => Assert.Contains("#nullable enable", System.IO.File.ReadAllText(f), StringComparison.Ordinal));
        Assert.Equal(4, oldGlue.Length);
        Assert.All(oldGlue, f => Assert.DoesNotContain("#nullable", System.IO.File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Nothing_but_the_embedded_attribute_is_emitted_when_a_reference_is_missing(bool stripe, bool runtime)
    {
        var builder = new ProjectBuilder().WithSourceGenerator<GuardedSessionGenerator>().WithCompilerDiagnostics(CompilerDiagnostics.All).WithSourceCode("public static class Empty { }");
        builder = stripe ? builder : builder.WithoutStripe();
        builder = runtime ? builder.WithPortalRuntime() : builder.WithAspNetCore();

        await (await builder.ExpectingAsync("EmbeddedAttributeOnly")).ValidateAsync();
    }

    [Fact]
    public async Task A_look_alike_runtime_type_does_not_switch_the_glue_on() =>
        await (await new ProjectBuilder()
            .WithSourceGenerator<GuardedSessionGenerator>()
            .WithSourceCode("namespace Accrue.Portal { public static class PortalGuard { } }")
            .ExpectingAsync("EmbeddedAttributeOnly")).ValidateAsync();

    private static string GeneratedSource(string caseName, string hintName) =>
        System.IO.Path.Combine(RepositoryPaths.Root, "tests", "Accrue.Portal.Tests", "Runtime", "GeneratedSources", caseName, hintName);

    [Fact]
    public void Generated_CreateGuarded_calls_the_hosts_service_and_returns_the_handle()
    {
        var host = GeneratedHost.Load(Host);
        using var wire = new StripeWire { Livemode = true };
        var requestOptions = new RequestOptions { IdempotencyKey = "portal-1" };

        var session = (PortalSession)GeneratedHost.Invoke(host, "Create", wire.Client, ValidOptions(), null, requestOptions)!;

        var sent = Assert.Single(wire.Requests);
        Assert.Equal("POST /v1/billing_portal/sessions", sent.Operation);
        Assert.Equal(ValidOptionsOnTheWire, sent.Fields);
        Assert.Equal("portal-1", sent.Headers["Idempotency-Key"]);
        Assert.Equal("Bearer " + StripeWire.ApiKey, sent.Headers["Authorization"]);
        Assert.Equal(StripeConfiguration.ApiVersion, sent.Headers["Stripe-Version"]);
        Assert.StartsWith("application/x-www-form-urlencoded", sent.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.StartsWith("bps_", session.Id, StringComparison.Ordinal);
        Assert.Equal("cus_123", session.Customer);
        Assert.Equal("https://example.com/account", session.ReturnUrl);
        Assert.Equal("subscription_update_confirm", session.FlowType);
        Assert.True(session.Livemode);
        Assert.Equal(Assert.Single(wire.IssuedUrls), session.GetRedirectUri().AbsoluteUri);
        Assert.StartsWith("https://billing.stripe.com/p/session/", session.GetRedirectUri().AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_CreateGuardedAsync_sends_exactly_the_fields_given()
    {
        var host = GeneratedHost.Load(Host);
        using var wire = new StripeWire();
        var options = new SessionCreateOptions
        {
            Customer = "cus_9",
            Configuration = "bpc_9",
            ReturnUrl = "https://example.com/account",
            FlowData = new SessionFlowDataOptions
            {
                Type = "subscription_cancel",
                SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions { Subscription = "sub_9" },
                AfterCompletion = new SessionFlowDataAfterCompletionOptions
                {
                    Type = "redirect",
                    Redirect = new SessionFlowDataAfterCompletionRedirectOptions { ReturnUrl = "https://example.com/cancelled" },
                },
            },
        };

        var session = await (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", wire.Client, options, null, CancellationToken.None)!;

        var sent = Assert.Single(wire.Requests);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["customer"] = "cus_9",
                ["configuration"] = "bpc_9",
                ["return_url"] = "https://example.com/account",
                ["flow_data[type]"] = "subscription_cancel",
                ["flow_data[subscription_cancel][subscription]"] = "sub_9",
                ["flow_data[after_completion][type]"] = "redirect",
                ["flow_data[after_completion][redirect][return_url]"] = "https://example.com/cancelled",
            },
            sent.Fields);
        Assert.Equal("POST /v1/billing_portal/sessions", sent.Operation);
        Assert.True(sent.Headers.ContainsKey("Idempotency-Key"), "Stripe.net adds an idempotency key to every POST");
        Assert.Equal("subscription_cancel", session.FlowType);
    }

    [Fact]
    public void Generated_CreateGuarded_refuses_before_any_call()
    {
        var host = GeneratedHost.Load(Host);
        using var wire = new StripeWire();
        var options = ValidOptions();
        options.Customer = "jane@example.com";
        options.FlowData.SubscriptionUpdateConfirm.Items.Clear();

        var refused = Assert.Throws<PortalRequestException>(() => GeneratedHost.Invoke(host, "Create", wire.Client, options, null, null));

        Assert.Empty(wire.Requests);
        Assert.Equal(["customer", "flow_data.subscription_update_confirm.items"], refused.Violations.Select(v => v.Path));
        Assert.DoesNotContain("jane@example.com", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_build_requires_a_pinned_configuration_even_in_Development()
    {
        var guard = new PortalGuardOptions { Environment = "Development" };
        var debugHost = GeneratedHost.Load(Host);
        var releaseHost = GeneratedHost.Load(Host, release: true);
        using var wire = new StripeWire();
        var options = ValidOptions();
        options.Configuration = null;

        GeneratedHost.Invoke(debugHost, "Create", wire.Client, options, guard, null);
        var refused = Assert.Throws<PortalRequestException>(() => GeneratedHost.Invoke(releaseHost, "Create", wire.Client, options, guard, null));

        Assert.Null(Assert.Single(wire.Requests).Field("configuration"));
        Assert.Equal("configuration", Assert.Single(refused.Violations).Path);
        Assert.Contains("Release build", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_configuration_is_applied_to_the_request_sent()
    {
        var host = GeneratedHost.Load(Host, release: true);
        using var wire = new StripeWire();
        var options = ValidOptions();
        options.Configuration = null;

        GeneratedHost.Invoke(host, "Create", wire.Client, options, new PortalGuardOptions { DefaultConfigurationId = "bpc_default1" }, null);

        Assert.Equal("bpc_default1", Assert.Single(wire.Requests).Field("configuration"));
    }

    [Fact]
    public async Task Generated_CreateGuardedAsync_passes_the_cancellation_token_through()
    {
        var host = GeneratedHost.Load(Host);
        using var wire = new StripeWire();
        wire.Latency = TimeSpan.FromSeconds(30);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var pending = (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", wire.Client, ValidOptions(), null, cancellation.Token)!;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        wire.Latency = TimeSpan.Zero;
        var session = await (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", wire.Client, ValidOptions(), null, CancellationToken.None)!;
        // The cancelled call went out but was never answered; the second was.
        Assert.Equal(2, wire.Requests.Count);
        Assert.Single(wire.Answered);
        Assert.Equal("cus_123", session.Customer);
    }

    [Fact]
    public void Stripe_failure_propagates_unchanged()
    {
        var host = GeneratedHost.Load(Host);
        using var wire = new StripeWire();
        wire.FailNext(WireFailure.BadRequest);

        var thrown = Assert.Throws<StripeException>(() => GeneratedHost.Invoke(host, "Create", wire.Client, ValidOptions(), null, null));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, thrown.HttpStatusCode);
        Assert.Equal(("invalid_request_error", "resource_missing", "customer"), (thrown.StripeError.Type, thrown.StripeError.Code, thrown.StripeError.Param));
        Assert.Equal("No such customer: 'cus_123'", thrown.Message);
        Assert.Single(wire.Requests);
        Assert.Empty(wire.Answered);
    }

    [Theory]
    [InlineData(WireFailure.BadRequest, 400, "invalid_request_error")]
    [InlineData(WireFailure.RateLimited, 429, "invalid_request_error")]
    [InlineData(WireFailure.ServerError, 500, "api_error")]
    public async Task Stripe_error_answers_reach_the_caller_as_Stripe_net_raises_them(WireFailure failure, int status, string type)
    {
        var host = GeneratedHost.Load(Host);
        using var wire = new StripeWire();
        wire.FailNext(failure);

        var thrown = await Assert.ThrowsAsync<StripeException>(() => (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", wire.Client, ValidOptions(), null, CancellationToken.None)!);

        Assert.Equal(status, (int)thrown.HttpStatusCode);
        Assert.Equal(type, thrown.StripeError.Type);
        Assert.Equal(ValidOptionsOnTheWire, Assert.Single(wire.Requests).Fields);
        Assert.DoesNotContain("billing.stripe.com", thrown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_surfaces_as_the_http_clients_timeout_not_as_a_refusal()
    {
        var host = GeneratedHost.Load(Host);
        using var wire = new StripeWire(timeout: TimeSpan.FromMilliseconds(200));
        wire.FailNext(WireFailure.Timeout);

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", wire.Client, ValidOptions(), null, CancellationToken.None)!);

        Assert.IsType<TimeoutException>(thrown.InnerException);
        Assert.Single(wire.Requests);
        Assert.Empty(wire.Answered);
    }

    [Fact]
    public async Task A_connection_reset_surfaces_as_the_http_request_exception()
    {
        var host = GeneratedHost.Load(Host);
        using var wire = new StripeWire();
        wire.FailNext(WireFailure.ConnectionReset);

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", wire.Client, ValidOptions(), null, CancellationToken.None)!);

        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(thrown.InnerException!.InnerException).SocketErrorCode);
        Assert.Single(wire.Requests);
    }

    [Fact]
    public async Task Stripe_net_retries_a_connection_reset_and_the_guard_sends_the_same_request_again()
    {
        var host = GeneratedHost.Load(Host);
        using var wire = new StripeWire(maxNetworkRetries: 1);
        wire.FailNext(WireFailure.ConnectionReset);

        var session = await (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", wire.Client, ValidOptions(), null, CancellationToken.None)!;

        Assert.Equal(2, wire.Requests.Count);
        Assert.All(wire.Requests, r => Assert.Equal(ValidOptionsOnTheWire, r.Fields));
        Assert.Equal(wire.Requests[0].Headers["Idempotency-Key"], wire.Requests[1].Headers["Idempotency-Key"]);
        Assert.Equal("cus_123", session.Customer);
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
