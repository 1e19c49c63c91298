namespace Accrue.Portal.Tests.Runtime;

using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
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
        var debug = File.ReadAllText(GeneratedSource("AspNetCore-Debug", "2-" + GuardedSessionGenerator.SessionServiceHintName));
        var release = File.ReadAllText(GeneratedSource("AspNetCore-Release", "2-" + GuardedSessionGenerator.SessionServiceHintName));

        Assert.Contains("PortalGuard.BeginCreate(ToRequest(options), guard, false)", debug, StringComparison.Ordinal);
        Assert.Equal(debug.Replace("PortalGuard.BeginCreate(ToRequest(options), guard, false)", "PortalGuard.BeginCreate(ToRequest(options), guard, true)", StringComparison.Ordinal), release);
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
        var glue = Directory.GetFiles(GeneratedSource("AspNetCore-Debug", string.Empty), "*.g.cs");
        var oldGlue = Directory.GetFiles(GeneratedSource("AspNetCore-Debug-CSharp7_3", string.Empty), "*.g.cs");

        Assert.Equal(4, glue.Length);
        Assert.All(glue, f => Assert.Contains("#nullable enable", File.ReadAllText(f), StringComparison.Ordinal));
        Assert.Equal(4, oldGlue.Length);
        Assert.All(oldGlue, f => Assert.DoesNotContain("#nullable", File.ReadAllText(f), StringComparison.Ordinal));
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
        Path.Combine(RepositoryPaths.Root, "tests", "Accrue.Portal.Tests", "Runtime", "GeneratedSources", caseName, hintName);

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
