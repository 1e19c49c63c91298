namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Wire;
using Stripe.BillingPortal;

/// <summary>
/// A shop's portal code over the real Stripe.net client: the URL Stripe answers with reaches the caller through
/// <see cref="PortalSession.GetRedirectUri"/> only. It is in no log line of a real logging pipeline (message, structured
/// values, scopes), no exception, no Activity (any source) and no metric tag. Listeners see the whole process, so this
/// runs in the telemetry tests' non-parallel collection.
/// </summary>
[Collection(nameof(PortalTelemetryTests))]
public sealed class UrlNeverLeaksOnTheWireTests : IDisposable
{
    private static readonly string Host = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Accrue.Portal;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;
        using Stripe;
        using Stripe.BillingPortal;

        public static class Host
        {
            public static async Task<string> Open(StripeClient client, SessionCreateOptions options, List<string> log)
            {
                var services = new ServiceCollection();
                services.AddLogging(logging => logging.AddProvider(new CapturingLoggerProvider(log)).SetMinimumLevel(LogLevel.Trace));
                using (var provider = services.BuildServiceProvider())
                {
                    var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Billing");
                    try
                    {
                        var session = await client.V1.BillingPortal.Sessions.CreateGuardedAsync(options, new PortalGuardOptions(), cancellationToken: CancellationToken.None);
                        using (logger.BeginScope(session))
                        {
                            logger.LogInformation("Opened portal session {Session} for {Customer}", session, session.Customer);
                            logger.LogDebug("Handle {@Session}", session);
                        }

                        return session.GetRedirectUri().AbsoluteUri;
                    }
                    catch (Exception exception)
                    {
                        logger.LogError(exception, "Opening the portal failed: {Reason}", exception.Message);
                        return "failed: " + exception.GetType().Name;
                    }
                }
            }
        }
        """ + GeneratedHost.CapturingLoggerProvider;

    private static readonly Lazy<System.Reflection.Assembly> LoadedHost = new(() => GeneratedHost.Load(Host, aspNetCore: true));

    private readonly ConcurrentQueue<string> telemetry = new();
    private readonly ActivityListener activityListener;
    private readonly MeterListener meterListener;

    public UrlNeverLeaksOnTheWireTests()
    {
        this.activityListener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                this.telemetry.Enqueue(activity.Source.Name + " " + activity.DisplayName + " " + activity.StatusDescription);
                foreach (var tag in activity.TagObjects)
                {
                    this.telemetry.Enqueue(tag.Key + "=" + tag.Value);
                }

                foreach (var activityEvent in activity.Events)
                {
                    this.telemetry.Enqueue(activityEvent.Name + " " + string.Join(",", activityEvent.Tags.Select(t => t.Key + "=" + t.Value)));
                }
            },
        };
        ActivitySource.AddActivityListener(this.activityListener);
        this.meterListener = new MeterListener { InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument) };
        this.meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => this.Measured(instrument, tags));
        this.meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => this.Measured(instrument, tags));
        this.meterListener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => this.Measured(instrument, tags));
        this.meterListener.Start();
    }

    public void Dispose()
    {
        this.activityListener.Dispose();
        this.meterListener.Dispose();
    }

    [Fact]
    public async Task The_session_url_reaches_only_the_redirect()
    {
        using var wire = new StripeWire();
        var log = new List<string>();

        var answers = new List<string>();
        using (var timingOut = new StripeWire(timeout: TimeSpan.FromMilliseconds(100)))
        {
            timingOut.FailNext(WireFailure.Timeout);
            answers.Add(await Open(timingOut, Options("cus_timeout"), log));
        }

        var valid = await Open(wire, Options("cus_valid"), log);
        wire.FailNext(WireFailure.BadRequest);
        answers.Add(await Open(wire, Options("cus_missing"), log));
        var refusedOptions = Options("cus_refused");
        refusedOptions.ReturnUrl = "http://phish.example.net/account";
        answers.Add(await Open(wire, refusedOptions, log));
        this.meterListener.RecordObservableInstruments();

        var url = Assert.Single(wire.IssuedUrls);
        Assert.Equal(url, valid);
        Assert.Equal(["failed: TaskCanceledException", "failed: StripeException", "failed: PortalRequestException"], answers);
        Assert.Contains(log, line => line.StartsWith("Information Shop.Billing: Opened portal session", StringComparison.Ordinal) && line.Contains("cus_valid", StringComparison.Ordinal));
        Assert.Contains(log, line => line.StartsWith("Debug Shop.Billing: Handle", StringComparison.Ordinal));
        Assert.Equal(3, log.Count(line => line.StartsWith("Error Shop.Billing: Opening the portal failed", StringComparison.Ordinal)));
        Assert.Contains(this.telemetry, entry => entry.StartsWith(PortalTelemetry.SourceName + " ", StringComparison.Ordinal));
        Assert.Contains(this.telemetry, entry => entry.StartsWith(PortalTelemetry.SessionsCreatedCounterName, StringComparison.Ordinal));
        var token = url[(url.LastIndexOf('/') + 1)..];
        Assert.All(log.Concat(this.telemetry), text =>
        {
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("billing.stripe.com/p/session", text, StringComparison.Ordinal);
        });
    }

    private static Task<string> Open(StripeWire wire, SessionCreateOptions options, List<string> log) =>
        (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Open", wire.Client, options, log)!;

    private static SessionCreateOptions Options(string customer) => new()
    {
        Customer = customer,
        Configuration = "bpc_1",
        ReturnUrl = "https://example.com/account",
        FlowData = new SessionFlowDataOptions { Type = "payment_method_update" },
    };

    private void Measured(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = instrument.Meter.Name + " " + instrument.Name;
        foreach (var tag in tags)
        {
            text += " " + tag.Key + "=" + tag.Value;
        }

        this.telemetry.Enqueue(instrument.Name + " " + text);
    }
}
