namespace Accrue.Portal.Tests.Runtime;

using System.Linq;

/// <summary>The audit of subscription_update (nothing allowed, too many products) and of preset pause durations over three years.</summary>
public sealed class PortalConfigurationFeaturesAuditTests
{
    private static PortalConfigurationSnapshot With(PortalSubscriptionUpdateSnapshot? update = null, PortalSubscriptionPauseSnapshot? pause = null) => new()
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
        },
        SubscriptionUpdate = update,
        SubscriptionPause = pause,
    };

    private static PortalSubscriptionUpdateSnapshot Update(bool enabled, string[] allowed, int products) => new()
    {
        Enabled = enabled,
        DefaultAllowedUpdates = allowed,
        Products = [.. Enumerable.Range(1, products).Select(i => "prod_" + i)],
    };

    private static PortalSubscriptionPauseSnapshot Pause(bool enabled, params (string Interval, long Count)[] options) => new()
    {
        Enabled = enabled,
        DurationType = "interval_options",
        IntervalOptions = [.. options.Select(o => new PortalPauseIntervalSnapshot { Interval = o.Interval, IntervalCount = o.Count })],
    };

    private static string[] Codes(PortalConfigurationSnapshot snapshot) => [.. PortalConfigurationAudit.Audit(snapshot).Select(f => f.Code)];

    [Fact]
    public void Updates_enabled_with_nothing_allowed_is_a_warning_on_default_allowed_updates()
    {
        var finding = PortalConfigurationAudit.Audit(With(Update(enabled: true, [], products: 1)))[0];

        Assert.Equal(
            (PortalFindingCodes.SubscriptionUpdateAllowsNothing, PortalFindingSeverity.Warning, "features.subscription_update.default_allowed_updates"),
            (finding.Code, finding.Severity, finding.Path));
        Assert.Equal(
            "features.subscription_update.enabled is true but features.subscription_update.default_allowed_updates is empty, so customers can change nothing; allow at least one of price, promotion_code, quantity, or disable the feature",
            finding.Message);
    }

    [Fact]
    public void Updates_disabled_allowing_something_or_absent_have_no_update_finding()
    {
        Assert.Equal([PortalFindingCodes.RetentionNotReadable], Codes(With(Update(enabled: false, [], products: 0))));
        Assert.Equal([PortalFindingCodes.RetentionNotReadable], Codes(With(Update(enabled: true, ["promotion_code"], products: 10))));
        Assert.Equal([PortalFindingCodes.RetentionNotReadable], Codes(With()));
    }

    [Fact]
    public void Eleven_products_are_an_error_and_ten_are_not()
    {
        var finding = PortalConfigurationAudit.Audit(With(Update(enabled: true, ["price"], products: 11)))[0];

        Assert.Equal(
            (PortalFindingCodes.SubscriptionUpdateTooManyProducts, PortalFindingSeverity.Error, "features.subscription_update.products"),
            (finding.Code, finding.Severity, finding.Path));
        Assert.Equal("features.subscription_update.products holds 11 products; Stripe rejects more than 10", finding.Message);
        Assert.DoesNotContain(PortalFindingCodes.SubscriptionUpdateTooManyProducts, Codes(With(Update(enabled: true, ["price"], products: 10))));
    }

    [Fact]
    public void Each_preset_pause_over_three_years_is_an_error_on_interval_count()
    {
        var findings = PortalConfigurationAudit.Audit(With(pause: Pause(true, ("month", 1), ("month", 37), ("day", 1096))))
            .Where(f => f.Code == PortalFindingCodes.PauseDurationTooLong)
            .ToList();

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal((PortalFindingSeverity.Error, "features.subscription_pause.duration.interval_options.interval_count"), (f.Severity, f.Path)));
        Assert.Equal(
            [
                "features.subscription_pause.duration.interval_options.interval_count 37 with interval 'month' pauses for more than three years; Stripe rejects it above 36",
                "features.subscription_pause.duration.interval_options.interval_count 1096 with interval 'day' pauses for more than three years; Stripe rejects it above 1095",
            ],
            findings.Select(f => f.Message));
    }

    [Theory]
    [InlineData("day", 1095)]
    [InlineData("week", 156)]
    [InlineData("month", 36)]
    [InlineData("year", 3)]
    [InlineData("fortnight", 1000)]
    public void Three_years_exactly_or_an_unknown_interval_is_left_alone(string interval, long count) =>
        Assert.Equal([PortalFindingCodes.RetentionNotReadable], Codes(With(pause: Pause(true, (interval, count)))));

    [Fact]
    public void A_disabled_pause_is_not_judged_for_its_length() =>
        Assert.Equal([PortalFindingCodes.RetentionNotReadable], Codes(With(pause: Pause(false, ("year", 10)))));
}
