namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Tests.Wire;
using Stripe;
using Stripe.BillingPortal;

/// <summary>The generated AuditAsync/EnsureCompliantAsync and the retention option, run against the real Stripe.net client over the recording wire.</summary>
public sealed class ConfigurationGlueTests
{
    private const string Host = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Accrue.Portal;
        using Stripe;
        using Stripe.BillingPortal;

        public static class Host
        {
            public static Task<IReadOnlyList<PortalConfigurationFinding>> Audit(StripeClient client, string id, PortalGuardOptions guard) =>
                client.V1.BillingPortal.Configurations.AuditAsync(id, guard);

            public static Task<string> Ensure(IStripeClient client, string returnUrl, CancellationToken cancellationToken) =>
                new ConfigurationService(client).EnsureCompliantAsync(returnUrl, cancellationToken: cancellationToken);

            public static PortalSession Create(IStripeClient client, SessionCreateOptions options, PortalGuardOptions guard) =>
                new SessionService(client).CreateGuarded(options, guard);
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> LoadedHost = new(() => GeneratedHost.Load(Host));

    private static Configuration Stored(StripeWire wire, string id, string mode = "at_period_end", bool reasons = true, bool active = true, string? returnUrl = "https://example.com/account", Dictionary<string, string>? metadata = null)
    {
        var configuration = new Configuration
        {
            Id = id,
            Active = active,
            DefaultReturnUrl = returnUrl,
            Metadata = metadata,
            Created = DateTime.UtcNow,
            Features = new ConfigurationFeatures
            {
                SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancel
                {
                    Enabled = true,
                    Mode = mode,
                    ProrationBehavior = "none",
                    CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReason
                    {
                        Enabled = reasons,
                        Options = ["customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive", "unused"],
                    },
                },
            },
        };
        wire.Store(configuration);
        return configuration;
    }

    [Fact]
    public async Task AuditAsync_fetches_the_configuration_and_reports_its_findings()
    {
        using var wire = new StripeWire();
        Stored(wire, "bpc_weak", mode: "immediately", reasons: false, returnUrl: null);

        var findings = await (Task<IReadOnlyList<PortalConfigurationFinding>>)GeneratedHost.Invoke(LoadedHost.Value, "Audit", wire.Client, "bpc_weak", new PortalGuardOptions { DefaultConfigurationId = "bpc_weak" })!;

        Assert.Equal(
            [PortalFindingCodes.ImmediateCancellation, PortalFindingCodes.CancellationReasonOff, PortalFindingCodes.NoDefaultReturnUrl, PortalFindingCodes.RetentionNotReadable],
            findings.Select(f => f.Code));
        var call = Assert.Single(wire.Requests);
        Assert.Equal("GET /v1/billing_portal/configurations/bpc_weak", call.Operation);
        Assert.Empty(call.Query);
        Assert.Empty(call.Form);
    }

    [Fact]
    public async Task AuditAsync_of_a_compliant_configuration_reports_only_the_retention_note()
    {
        using var wire = new StripeWire();
        Stored(wire, "bpc_good");

        var findings = await (Task<IReadOnlyList<PortalConfigurationFinding>>)GeneratedHost.Invoke(LoadedHost.Value, "Audit", wire.Client, "bpc_good", new PortalGuardOptions { DefaultConfigurationId = "bpc_good" })!;

        Assert.Equal([PortalFindingCodes.RetentionNotReadable], findings.Select(f => f.Code));
    }

    [Fact]
    public async Task AuditAsync_reads_subscription_update_and_pause_durations_from_Stripe_net()
    {
        using var wire = new StripeWire();
        var configuration = Stored(wire, "bpc_features");
        configuration.Features.SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdate
        {
            Enabled = true,
            DefaultAllowedUpdates = [],
            Products = [.. Enumerable.Range(1, 11).Select(i => new ConfigurationFeaturesSubscriptionUpdateProduct { Product = "prod_" + i, Prices = ["price_" + i] })],
        };
        configuration.Features.SubscriptionPause = new ConfigurationFeaturesSubscriptionPause
        {
            Enabled = true,
            Duration = new ConfigurationFeaturesSubscriptionPauseDuration
            {
                Type = "interval_options",
                IntervalOptions = [new ConfigurationFeaturesSubscriptionPauseDurationIntervalOption { Interval = "week", IntervalCount = 157 }],
            },
        };
        wire.Store(configuration);

        var findings = await (Task<IReadOnlyList<PortalConfigurationFinding>>)GeneratedHost.Invoke(LoadedHost.Value, "Audit", wire.Client, "bpc_features", new PortalGuardOptions { DefaultConfigurationId = "bpc_features" })!;

        Assert.Equal(
            [
                (PortalFindingCodes.PauseDurationTooLong, "features.subscription_pause.duration.interval_options.interval_count"),
                (PortalFindingCodes.SubscriptionUpdateTooManyProducts, "features.subscription_update.products"),
                (PortalFindingCodes.SubscriptionUpdateAllowsNothing, "features.subscription_update.default_allowed_updates"),
                (PortalFindingCodes.RetentionNotReadable, "flow_data.subscription_cancel.retention"),
            ],
            findings.Select(f => (f.Code, f.Path)));
        Assert.Contains("157 with interval 'week'", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAsync_of_an_unknown_id_surfaces_Stripes_error()
    {
        using var wire = new StripeWire();

        var thrown = await Assert.ThrowsAsync<StripeException>(() => (Task<IReadOnlyList<PortalConfigurationFinding>>)GeneratedHost.Invoke(LoadedHost.Value, "Audit", wire.Client, "bpc_missing", null)!);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, thrown.HttpStatusCode);
        Assert.Equal("resource_missing", thrown.StripeError.Code);
        Assert.Equal("GET /v1/billing_portal/configurations/bpc_missing", Assert.Single(wire.Requests).Operation);
    }

    [Fact]
    public async Task EnsureCompliantAsync_creates_a_marked_compliant_configuration_once_then_reuses_it()
    {
        using var wire = new StripeWire();
        Stored(wire, "bpc_other", mode: "immediately");

        var first = await Ensure(wire, "https://example.com/account");
        var second = await Ensure(wire, "https://example.com/account");

        Assert.StartsWith("bpc_", first, StringComparison.Ordinal);
        Assert.NotEqual("bpc_other", first);
        Assert.Equal(first, second);
        Assert.Equal(
            ["GET /v1/billing_portal/configurations", "POST /v1/billing_portal/configurations", "GET /v1/billing_portal/configurations"],
            wire.Requests.Select(c => c.Operation));
        Assert.Equal([new KeyValuePair<string, string>("limit", "100")], wire.Requests[0].Query);
        var sent = wire.Requests[1];
        var expected = new Dictionary<string, string>
        {
            ["default_return_url"] = "https://example.com/account",
            ["features[subscription_cancel][enabled]"] = "true",
            ["features[subscription_cancel][mode]"] = "at_period_end",
            ["features[subscription_cancel][proration_behavior]"] = "none",
            ["features[subscription_cancel][cancellation_reason][enabled]"] = "true",
            ["features[invoice_history][enabled]"] = "true",
            ["features[payment_method_update][enabled]"] = "true",
            ["metadata[accrue_portal]"] = "compliant-v1",
        };
        for (var i = 0; i < PortalConfigurationAudit.AllCancellationReasons.Count; i++)
        {
            expected["features[subscription_cancel][cancellation_reason][options][" + i + "]"] = PortalConfigurationAudit.AllCancellationReasons[i];
        }

        Assert.Equal(expected, sent.Fields);
        Assert.Equal(PortalConfigurationAudit.AllCancellationReasons, sent.List("features[subscription_cancel][cancellation_reason][options]"));
        var cancel = wire.Configuration(first)!.Features.SubscriptionCancel;
        Assert.Equal((true, "at_period_end", "none"), (cancel.Enabled, cancel.Mode, cancel.ProrationBehavior));
        Assert.True(cancel.CancellationReason.Enabled);
        Assert.Equal(PortalConfigurationAudit.AllCancellationReasons, cancel.CancellationReason.Options);
        Assert.Equal("immediately", wire.Configuration("bpc_other")!.Features.SubscriptionCancel.Mode);
    }

    [Fact]
    public async Task EnsureCompliantAsync_updates_the_marked_configuration_when_it_drifted()
    {
        using var wire = new StripeWire();
        Stored(wire, "bpc_marked", mode: "immediately", reasons: false, active: false, metadata: new() { ["accrue_portal"] = "compliant-v1" });

        var id = await Ensure(wire, "https://example.com/account");

        Assert.Equal("bpc_marked", id);
        Assert.Equal(["GET /v1/billing_portal/configurations", "POST /v1/billing_portal/configurations/bpc_marked"], wire.Requests.Select(c => c.Operation));
        var update = wire.Requests[1];
        Assert.Equal("true", update.Field("active"));
        Assert.Equal("at_period_end", update.Field("features[subscription_cancel][mode]"));
        Assert.Equal("compliant-v1", update.Field("metadata[accrue_portal]"));
        var stored = wire.Configuration("bpc_marked")!;
        Assert.Equal(("at_period_end", true, true), (stored.Features.SubscriptionCancel.Mode, stored.Features.SubscriptionCancel.CancellationReason.Enabled, stored.Active));
        Assert.Equal("bpc_marked", await Ensure(wire, "https://example.com/account"));
        Assert.Equal(3, wire.Requests.Count);
    }

    [Fact]
    public async Task EnsureCompliantAsync_updates_when_the_default_return_url_changed()
    {
        using var wire = new StripeWire();
        Stored(wire, "bpc_marked", returnUrl: "https://old.example.com/account", metadata: new() { ["accrue_portal"] = "compliant-v1" });

        Assert.Equal("bpc_marked", await Ensure(wire, "https://example.com/account"));

        Assert.Equal("POST /v1/billing_portal/configurations/bpc_marked", wire.Requests.Last().Operation);
        Assert.Equal("https://example.com/account", wire.Requests.Last().Field("default_return_url"));
        Assert.Equal("https://example.com/account", wire.Configuration("bpc_marked")!.DefaultReturnUrl);
    }

    [Fact]
    public async Task EnsureCompliantAsync_honours_the_cancellation_token()
    {
        using var wire = new StripeWire();
        wire.Latency = TimeSpan.FromSeconds(30);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Ensure", wire.Client, null, cancellation.Token)!);
        Assert.Empty(wire.ConfigurationIds);
        Assert.Equal("GET /v1/billing_portal/configurations", Assert.Single(wire.Requests).Operation);
        Assert.Empty(wire.Answered);
    }

    [Fact]
    public void RetentionCouponId_adds_a_coupon_offer_to_a_cancel_flow_without_one()
    {
        using var wire = new StripeWire();

        GeneratedHost.Invoke(LoadedHost.Value, "Create", wire.Client, CancelOptions(retention: null), new PortalGuardOptions { RetentionCouponId = "SAVE50" });

        var sent = Assert.Single(wire.Requests);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["customer"] = "cus_1",
                ["configuration"] = "bpc_1",
                ["return_url"] = "https://example.com/account",
                ["flow_data[type]"] = "subscription_cancel",
                ["flow_data[subscription_cancel][subscription]"] = "sub_1",
                ["flow_data[subscription_cancel][retention][type]"] = "coupon_offer",
                ["flow_data[subscription_cancel][retention][coupon_offer][coupon]"] = "SAVE50",
            },
            sent.Fields);
    }

    [Fact]
    public void RetentionCouponId_leaves_an_existing_offer_and_other_flows_alone()
    {
        using var wire = new StripeWire();
        var own = new SessionFlowDataSubscriptionCancelRetentionOptions { Type = "coupon_offer", CouponOffer = new() { Coupon = "OWN" } };
        var guard = new PortalGuardOptions { RetentionCouponId = "SAVE50" };

        GeneratedHost.Invoke(LoadedHost.Value, "Create", wire.Client, CancelOptions(own), guard);
        GeneratedHost.Invoke(LoadedHost.Value, "Create", wire.Client, new SessionCreateOptions { Customer = "cus_1", Configuration = "bpc_1", ReturnUrl = "https://example.com/account" }, guard);

        var sent = wire.Requests;
        Assert.Equal(2, sent.Count);
        Assert.Equal("OWN", sent[0].Field("flow_data[subscription_cancel][retention][coupon_offer][coupon]"));
        Assert.DoesNotContain(sent[1].Form, f => f.Key.StartsWith("flow_data", StringComparison.Ordinal));
        Assert.Equal(["configuration", "customer", "return_url"], sent[1].Form.Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RetentionCouponId_is_validated_like_a_handwritten_offer()
    {
        using var wire = new StripeWire();

        var refused = Assert.Throws<PortalRequestException>(() => GeneratedHost.Invoke(LoadedHost.Value, "Create", wire.Client, CancelOptions(retention: null), new PortalGuardOptions { RetentionCouponId = string.Empty }));

        Assert.Contains(refused.Violations, v => v.Path == "flow_data.subscription_cancel.retention.coupon_offer.coupon");
        Assert.Empty(wire.Requests);
    }

    [Fact]
    public void Glue_is_emitted_only_with_the_session_glue()
    {
        var (_, withoutRuntime) = GeneratedHost.Generate("public static class Empty { }", runtime: false);
        var (_, plain) = GeneratedHost.Generate("public static class Empty { }");

        Assert.DoesNotContain(withoutRuntime, t => t.FilePath.EndsWith(GuardedSessionGenerator.ConfigurationServiceHintName, StringComparison.Ordinal));
        Assert.Contains(plain, t => t.FilePath.EndsWith(GuardedSessionGenerator.ConfigurationServiceHintName, StringComparison.Ordinal));
        Assert.DoesNotContain(plain, t => t.FilePath.EndsWith(GuardedSessionGenerator.StartupCheckHintName, StringComparison.Ordinal));
    }

    private static Task<string> Ensure(StripeWire wire, string returnUrl) =>
        (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Ensure", wire.Client, returnUrl, CancellationToken.None)!;

    private static SessionCreateOptions CancelOptions(SessionFlowDataSubscriptionCancelRetentionOptions? retention) => new()
    {
        Customer = "cus_1",
        Configuration = "bpc_1",
        ReturnUrl = "https://example.com/account",
        FlowData = new SessionFlowDataOptions
        {
            Type = "subscription_cancel",
            SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions { Subscription = "sub_1", Retention = retention },
        },
    };
}
