namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

/// <summary>Listeners see every guarded creation in the process, so these run alone.</summary>
[CollectionDefinition(nameof(PortalTelemetryTests), DisableParallelization = true)]
public sealed class PortalTelemetryCollection;

[Collection(nameof(PortalTelemetryTests))]
public sealed class PortalTelemetryTests : IDisposable
{
    private const string Url = "https://billing.stripe.com/p/session/test_telemetry_secret";

    private readonly ConcurrentQueue<Activity> activities = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> measurements = new();
    private readonly ActivityListener activityListener;
    private readonly MeterListener meterListener;

    public PortalTelemetryTests()
    {
        this.activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PortalTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = this.activities.Enqueue,
        };
        ActivitySource.AddActivityListener(this.activityListener);
        this.meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PortalTelemetry.SourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        this.meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            this.measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        this.meterListener.Start();
    }

    public void Dispose()
    {
        this.activityListener.Dispose();
        this.meterListener.Dispose();
    }

    [Fact]
    public void A_refusal_is_counted_and_traced_with_the_field_paths()
    {
        var request = new PortalSessionRequest
        {
            Customer = "jane@example.com",
            Configuration = "bpc_1",
            ReturnUrl = "https://example.com/account?secret=1",
            Flow = new PortalFlowData { Type = PortalFlowTypes.SubscriptionCancel },
        };

        Assert.Throws<PortalRequestException>(() => PortalGuard.BeginCreate(request, null, releaseBuild: false));

        var measurement = Assert.Single(this.measurements);
        Assert.Equal((PortalTelemetry.SessionsRefusedCounterName, 1L), (measurement.Instrument, measurement.Value));
        Assert.Equal(
            new Dictionary<string, object?>
            {
                [PortalTelemetry.FlowTypeTag] = "subscription_cancel",
                [PortalTelemetry.RefusalReasonTag] = "customer,flow_data.subscription_cancel.subscription",
            },
            measurement.Tags);
        var activity = Assert.Single(this.activities);
        Assert.Equal(PortalTelemetry.CreateSessionActivityName, activity.OperationName);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("customer,flow_data.subscription_cancel.subscription", activity.GetTagItem(PortalTelemetry.RefusalReasonTag));
        this.AssertNoValueLeaked("jane@example.com", "example.com/account");
    }

    [Fact]
    public void A_created_session_is_counted_and_traced_with_flow_type_and_livemode()
    {
        var request = new PortalSessionRequest { Customer = "cus_1", Configuration = "bpc_1", ReturnUrl = "https://example.com/account" };

        using (var creation = PortalGuard.BeginCreate(request, null, releaseBuild: true))
        {
            creation.Complete("bps_1", "cus_1", request.ReturnUrl, livemode: true, DateTime.UtcNow, null, Url);
        }

        var measurement = Assert.Single(this.measurements);
        Assert.Equal((PortalTelemetry.SessionsCreatedCounterName, 1L), (measurement.Instrument, measurement.Value));
        Assert.Equal(
            new Dictionary<string, object?> { [PortalTelemetry.FlowTypeTag] = "none", [PortalTelemetry.LivemodeTag] = true },
            measurement.Tags);
        var activity = Assert.Single(this.activities);
        Assert.Equal(ActivityStatusCode.Ok, activity.Status);
        Assert.Equal(true, activity.GetTagItem(PortalTelemetry.LivemodeTag));
        this.AssertNoValueLeaked(Url, "example.com/account");
    }

    [Fact]
    public void A_failed_call_marks_the_activity_with_the_exception_type_only()
    {
        var request = new PortalSessionRequest { Customer = "cus_1", Configuration = "bpc_1", Flow = new PortalFlowData { Type = PortalFlowTypes.PaymentMethodUpdate } };

        using (var creation = PortalGuard.BeginCreate(request, null, releaseBuild: false))
        {
            creation.Fail(new InvalidOperationException("Stripe said " + Url));
        }

        Assert.Empty(this.measurements);
        var activity = Assert.Single(this.activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.InvalidOperationException", activity.GetTagItem(PortalTelemetry.ErrorTypeTag));
        Assert.Equal("payment_method_update", activity.GetTagItem(PortalTelemetry.FlowTypeTag));
        this.AssertNoValueLeaked(Url);
    }

    [Fact]
    public void Free_text_flow_types_are_tagged_unknown()
    {
        var request = new PortalSessionRequest { Customer = "cus_1", Configuration = "bpc_1", Flow = new PortalFlowData { Type = "https://example.com/flow" } };

        Assert.Throws<PortalRequestException>(() => PortalGuard.BeginCreate(request, null, releaseBuild: false));

        Assert.Equal("unknown", Assert.Single(this.measurements).Tags[PortalTelemetry.FlowTypeTag]);
        this.AssertNoValueLeaked("example.com/flow");
    }

    [Fact]
    public void With_a_newer_Stripe_net_unknown_values_pass_and_are_counted_by_field_path_only()
    {
        var request = new PortalSessionRequest
        {
            Customer = "cus_1",
            Configuration = "bpc_1",
            Flow = new PortalFlowData { Type = "subscription_hibernate_secret" },
            AfterExpiration = new PortalAfterExpiration { Type = "magic_link_secret" },
        };

        using (PortalGuard.BeginCreate(request, null, releaseBuild: false, stripeApiVersion: "2027-01-27.fennel"))
        {
        }

        var unknown = this.measurements.Where(m => m.Instrument == PortalTelemetry.UnknownValuesCounterName).ToList();
        Assert.Equal(["after_expiration.type", "flow_data.type"], unknown.Select(m => (string)m.Tags[PortalTelemetry.FieldTag]!).Order(StringComparer.Ordinal));
        Assert.All(unknown, m => Assert.Equal(1, m.Value));
        Assert.All(unknown, m => Assert.Single(m.Tags));
        Assert.DoesNotContain(this.measurements, m => m.Instrument == PortalTelemetry.SessionsRefusedCounterName);
        Assert.Equal("unknown", Assert.Single(this.activities).GetTagItem(PortalTelemetry.FlowTypeTag));
        this.AssertNoValueLeaked("secret", "hibernate", "magic_link");
    }

    [Fact]
    public void With_the_tables_version_an_unknown_value_is_refused_and_not_counted_as_unknown()
    {
        var request = new PortalSessionRequest { Customer = "cus_1", Configuration = "bpc_1", Flow = new PortalFlowData { Type = "subscription_hibernate" } };

        Assert.Throws<PortalRequestException>(() => PortalGuard.BeginCreate(request, null, releaseBuild: false, stripeApiVersion: "2026-10-28.endive"));

        Assert.Equal(PortalTelemetry.SessionsRefusedCounterName, Assert.Single(this.measurements).Instrument);
    }

    private void AssertNoValueLeaked(params string[] values)
    {
        var texts = this.activities.SelectMany(a => a.TagObjects.Select(t => t.Key + "=" + t.Value).Append(a.StatusDescription ?? string.Empty).Append(a.DisplayName))
            .Concat(this.measurements.SelectMany(m => m.Tags.Select(t => t.Key + "=" + t.Value)))
            .ToList();
        Assert.NotEmpty(texts);
        foreach (var value in values)
        {
            Assert.DoesNotContain(texts, text => text.Contains(value, StringComparison.Ordinal));
        }
    }
}
