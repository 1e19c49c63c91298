namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

/// <summary>PORTAL009 on the configuration's subscription_pause feature (API version 2026-10-28.endive, Stripe.net 53.1).</summary>
public sealed class Portal009WeakCancellationConfigurationPauseTests
{
    private const string Message =
        "features.subscription_pause.duration.type is 'interval_options' but features.subscription_pause.duration.interval_options offers no duration; Stripe rejects the configuration";

    private static ProjectBuilder Create(string duration) => new ProjectBuilder()
        .WithAnalyzer<WeakCancellationConfigurationAnalyzer>()
        .WithSourceCode($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                Task<Configuration> RunAsync(IStripeClient client)
                {
                    var options = new ConfigurationUpdateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionPause = new ConfigurationFeaturesSubscriptionPauseOptions { Enabled = true, Duration = {{duration}} },
                        },
                    };
                    return new ConfigurationService(client).UpdateAsync("bpc_123", options);
                }
            }
            """);

    [Fact]
    public Task Preset_durations_without_any_are_reported_on_the_type() =>
        Create("""new ConfigurationFeaturesSubscriptionPauseDurationOptions { Type = {|#0:"interval_options"|} }""")
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(Message))
            .ValidateAsync();

    [Fact]
    public Task Preset_durations_with_an_empty_list_are_reported() =>
        Create("""new ConfigurationFeaturesSubscriptionPauseDurationOptions { Type = {|#0:"interval_options"|}, IntervalOptions = new List<ConfigurationFeaturesSubscriptionPauseDurationIntervalOptionOptions>() }""")
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(Message))
            .ValidateAsync();

    [Fact]
    public Task Preset_durations_with_an_option_are_silent() =>
        Create("""
            new ConfigurationFeaturesSubscriptionPauseDurationOptions
                            {
                                Type = "interval_options",
                                IntervalOptions = new List<ConfigurationFeaturesSubscriptionPauseDurationIntervalOptionOptions> { new() { Interval = "month", IntervalCount = 1 } },
                            }
            """)
            .ValidateAsync();

    [Fact]
    public Task An_indefinite_pause_is_silent() =>
        Create("""new ConfigurationFeaturesSubscriptionPauseDurationOptions { Type = "indefinite" }""").ValidateAsync();
}
