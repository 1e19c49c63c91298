namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Stripe;
using Stripe.BillingPortal;
using StripeNetStandIn;

/// <summary>The generated AuditAsync/EnsureCompliantAsync and the retention option, run against the stand-in's services.</summary>
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
            public static Task<IReadOnlyList<PortalConfigurationFinding>> Audit(string id, PortalGuardOptions guard) =>
                new StripeClient("sk_test").V1.BillingPortal.Configurations.AuditAsync(id, guard);

            public static Task<string> Ensure(string returnUrl, CancellationToken cancellationToken) =>
                new ConfigurationService().EnsureCompliantAsync(returnUrl, cancellationToken: cancellationToken);

            public static PortalSession Create(SessionCreateOptions options, PortalGuardOptions guard) =>
                new SessionService().CreateGuarded(options, guard);
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> LoadedHost = new(() => GeneratedHost.Load(Host));

    private static Configuration Stored(StandInRecorder recorder, string id, string mode = "at_period_end", bool reasons = true, bool active = true, string? returnUrl = "https://example.com/account", Dictionary<string, string>? metadata = null)
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
        recorder.Configurations[id] = configuration;
        return configuration;
    }

    [Fact]
    public async Task AuditAsync_fetches_the_configuration_and_reports_its_findings()
    {
        using var recorder = StandInRecorder.Start();
        Stored(recorder, "bpc_weak", mode: "immediately", reasons: false, returnUrl: null);

        var findings = await (Task<IReadOnlyList<PortalConfigurationFinding>>)GeneratedHost.Invoke(LoadedHost.Value, "Audit", "bpc_weak", new PortalGuardOptions { DefaultConfigurationId = "bpc_weak" })!;

        Assert.Equal(
            [PortalFindingCodes.ImmediateCancellation, PortalFindingCodes.CancellationReasonOff, PortalFindingCodes.NoDefaultReturnUrl, PortalFindingCodes.RetentionNotReadable],
            findings.Select(f => f.Code));
        var call = Assert.Single(recorder.Calls);
        Assert.Equal(("billing_portal.configurations.retrieve", "bpc_weak"), (call.Operation, call.Id));
    }

    [Fact]
    public async Task AuditAsync_of_a_compliant_configuration_reports_only_the_retention_note()
    {
        using var recorder = StandInRecorder.Start();
        Stored(recorder, "bpc_good");

        var findings = await (Task<IReadOnlyList<PortalConfigurationFinding>>)GeneratedHost.Invoke(LoadedHost.Value, "Audit", "bpc_good", new PortalGuardOptions { DefaultConfigurationId = "bpc_good" })!;

        Assert.Equal([PortalFindingCodes.RetentionNotReadable], findings.Select(f => f.Code));
    }

    [Fact]
    public async Task AuditAsync_of_an_unknown_id_surfaces_Stripes_error()
    {
        using var recorder = StandInRecorder.Start();

        await Assert.ThrowsAsync<StripeException>(() => (Task<IReadOnlyList<PortalConfigurationFinding>>)GeneratedHost.Invoke(LoadedHost.Value, "Audit", "bpc_missing", null)!);
    }

    [Fact]
    public async Task EnsureCompliantAsync_creates_a_marked_compliant_configuration_once_then_reuses_it()
    {
        using var recorder = StandInRecorder.Start();
        Stored(recorder, "bpc_other", mode: "immediately");

        var first = await Ensure("https://example.com/account");
        var second = await Ensure("https://example.com/account");

        Assert.StartsWith("bpc_", first, StringComparison.Ordinal);
        Assert.NotEqual("bpc_other", first);
        Assert.Equal(first, second);
        Assert.Equal(
            ["billing_portal.configurations.list", "billing_portal.configurations.create", "billing_portal.configurations.list"],
            recorder.Calls.Select(c => c.Operation));
        var sent = (ConfigurationCreateOptions)recorder.Calls[1].Options;
        var cancel = sent.Features.SubscriptionCancel;
        Assert.Equal((true, "at_period_end", "none"), (cancel.Enabled, cancel.Mode, cancel.ProrationBehavior));
        Assert.True(cancel.CancellationReason.Enabled);
        Assert.Equal(PortalConfigurationAudit.AllCancellationReasons, cancel.CancellationReason.Options);
        Assert.Equal("https://example.com/account", sent.DefaultReturnUrl);
        Assert.Equal("compliant-v1", sent.Metadata["accrue_portal"]);
        Assert.Equal("immediately", recorder.Configurations["bpc_other"].Features.SubscriptionCancel.Mode);
    }

    [Fact]
    public async Task EnsureCompliantAsync_updates_the_marked_configuration_when_it_drifted()
    {
        using var recorder = StandInRecorder.Start();
        Stored(recorder, "bpc_marked", mode: "immediately", reasons: false, active: false, metadata: new() { ["accrue_portal"] = "compliant-v1" });

        var id = await Ensure("https://example.com/account");

        Assert.Equal("bpc_marked", id);
        Assert.Equal(["billing_portal.configurations.list", "billing_portal.configurations.update"], recorder.Calls.Select(c => c.Operation));
        var update = (ConfigurationUpdateOptions)recorder.Calls[1].Options;
        Assert.True(update.Active);
        var stored = recorder.Configurations["bpc_marked"];
        Assert.Equal(("at_period_end", true, true), (stored.Features.SubscriptionCancel.Mode, stored.Features.SubscriptionCancel.CancellationReason.Enabled, stored.Active));
        Assert.Equal("bpc_marked", await Ensure("https://example.com/account"));
        Assert.Equal(3, recorder.Calls.Count);
    }

    [Fact]
    public async Task EnsureCompliantAsync_updates_when_the_default_return_url_changed()
    {
        using var recorder = StandInRecorder.Start();
        Stored(recorder, "bpc_marked", returnUrl: "https://old.example.com/account", metadata: new() { ["accrue_portal"] = "compliant-v1" });

        Assert.Equal("bpc_marked", await Ensure("https://example.com/account"));

        Assert.Equal("billing_portal.configurations.update", recorder.Calls.Last().Operation);
        Assert.Equal("https://example.com/account", recorder.Configurations["bpc_marked"].DefaultReturnUrl);
    }

    [Fact]
    public async Task EnsureCompliantAsync_honours_the_cancellation_token()
    {
        using var recorder = StandInRecorder.Start();
        recorder.Latency = TimeSpan.FromSeconds(30);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Ensure", null, cancellation.Token)!);
        Assert.Empty(recorder.Configurations);
    }

    [Fact]
    public void RetentionCouponId_adds_a_coupon_offer_to_a_cancel_flow_without_one()
    {
        using var recorder = StandInRecorder.Start();

        GeneratedHost.Invoke(LoadedHost.Value, "Create", CancelOptions(retention: null), new PortalGuardOptions { RetentionCouponId = "SAVE50" });

        var sent = (SessionCreateOptions)Assert.Single(recorder.Calls).Options;
        var retention = sent.FlowData.SubscriptionCancel.Retention;
        Assert.Equal(("coupon_offer", "SAVE50"), (retention.Type, retention.CouponOffer.Coupon));
    }

    [Fact]
    public void RetentionCouponId_leaves_an_existing_offer_and_other_flows_alone()
    {
        using var recorder = StandInRecorder.Start();
        var own = new SessionFlowDataSubscriptionCancelRetentionOptions { Type = "coupon_offer", CouponOffer = new() { Coupon = "OWN" } };
        var guard = new PortalGuardOptions { RetentionCouponId = "SAVE50" };

        GeneratedHost.Invoke(LoadedHost.Value, "Create", CancelOptions(own), guard);
        GeneratedHost.Invoke(LoadedHost.Value, "Create", new SessionCreateOptions { Customer = "cus_1", Configuration = "bpc_1", ReturnUrl = "https://example.com/account" }, guard);

        var sent = recorder.Calls.Select(c => (SessionCreateOptions)c.Options).ToList();
        Assert.Equal("OWN", sent[0].FlowData.SubscriptionCancel.Retention.CouponOffer.Coupon);
        Assert.Null(sent[1].FlowData);
    }

    [Fact]
    public void RetentionCouponId_is_validated_like_a_handwritten_offer()
    {
        using var recorder = StandInRecorder.Start();

        var refused = Assert.Throws<PortalRequestException>(() => GeneratedHost.Invoke(LoadedHost.Value, "Create", CancelOptions(retention: null), new PortalGuardOptions { RetentionCouponId = string.Empty }));

        Assert.Contains(refused.Violations, v => v.Path == "flow_data.subscription_cancel.retention.coupon_offer.coupon");
        Assert.Empty(recorder.Calls);
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

    private static Task<string> Ensure(string returnUrl) =>
        (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Ensure", returnUrl, CancellationToken.None)!;

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
