namespace Accrue.Portal.Tests.Runtime;

using System.Linq;

/// <summary>The audit of the configuration's subscription_pause feature (API version 2026-10-28.endive).</summary>
public sealed class PortalConfigurationPauseAuditTests
{
    private static PortalConfigurationSnapshot WithPause(PortalSubscriptionPauseSnapshot? pause) => new()
    {
        Id = "bpc_good",
        Active = true,
        DefaultReturnUrl = "https://example.com/account",
        SubscriptionCancel = new PortalSubscriptionCancelSnapshot
        {
            Enabled = true,
            Mode = "at_period_end",
            ProrationBehavior = "none",
            CancellationReasonEnabled = true,
            CancellationReasonOptions = [.. PortalConfigurationAudit.AllCancellationReasons],
            CancellationReasonFeedbackOptions = ["bfo_123"],
        },
        SubscriptionPause = pause,
    };

    private static string[] Codes(PortalConfigurationSnapshot snapshot) => [.. PortalConfigurationAudit.Audit(snapshot).Select(f => f.Code)];

    [Fact]
    public void Pause_limited_to_preset_durations_without_any_is_an_error_on_interval_options()
    {
        var finding = PortalConfigurationAudit.Audit(WithPause(new PortalSubscriptionPauseSnapshot { Enabled = true, DurationType = "interval_options" }))[0];

        Assert.Equal(
            (PortalFindingCodes.PauseIntervalOptionsMissing, PortalFindingSeverity.Error, "features.subscription_pause.duration.interval_options"),
            (finding.Code, finding.Severity, finding.Path));
        Assert.Equal(
            "features.subscription_pause.duration.type is 'interval_options' but features.subscription_pause.duration.interval_options offers no duration; Stripe rejects the configuration",
            finding.Message);
    }

    [Fact]
    public void Pause_with_preset_durations_indefinite_disabled_or_absent_has_no_pause_finding()
    {
        var withOptions = new PortalSubscriptionPauseSnapshot { Enabled = true, DurationType = "interval_options", IntervalOptions = [new PortalPauseIntervalSnapshot { Interval = "month", IntervalCount = 1 }] };

        Assert.Equal([PortalFindingCodes.RetentionNotReadable], Codes(WithPause(withOptions)));
        Assert.Equal([PortalFindingCodes.RetentionNotReadable], Codes(WithPause(new PortalSubscriptionPauseSnapshot { Enabled = true, DurationType = "indefinite" })));
        Assert.Equal([PortalFindingCodes.RetentionNotReadable], Codes(WithPause(new PortalSubscriptionPauseSnapshot { Enabled = false, DurationType = "interval_options" })));
        Assert.Equal([PortalFindingCodes.RetentionNotReadable], Codes(WithPause(null)));
    }

    [Fact]
    public void A_duration_type_the_tables_do_not_know_is_left_to_Stripe()
    {
        Assert.Equal([PortalFindingCodes.RetentionNotReadable], Codes(WithPause(new PortalSubscriptionPauseSnapshot { Enabled = true, DurationType = "until_next_invoice" })));
    }
}
