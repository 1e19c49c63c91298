namespace Accrue.Portal.Tests.Runtime;

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

public sealed class PortalConfigurationAuditTests
{
    private static PortalConfigurationSnapshot Compliant() => new()
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
    };

    private static IReadOnlyList<string> Codes(PortalConfigurationSnapshot snapshot, PortalGuardOptions? options = null) =>
        PortalConfigurationAudit.Audit(snapshot, options).Select(f => f.Code).ToList();

    [Fact]
    public void Compliant_configuration_has_only_the_retention_note_pointing_to_the_per_session_offer()
    {
        var finding = Assert.Single(PortalConfigurationAudit.Audit(Compliant(), new PortalGuardOptions { DefaultConfigurationId = "bpc_good" }));

        Assert.Equal((PortalFindingCodes.RetentionNotReadable, PortalFindingSeverity.Info, "flow_data.subscription_cancel.retention"), (finding.Code, finding.Severity, finding.Path));
        Assert.Contains("PortalGuardOptions.RetentionCouponId", finding.Message, System.StringComparison.Ordinal);
        Assert.True(PortalConfigurationAudit.IsCompliant(Compliant(), "https://example.com/account"));
    }

    [Fact]
    public void Immediate_cancellation_is_an_error_on_the_mode()
    {
        var snapshot = Compliant();
        snapshot.SubscriptionCancel!.Mode = "immediately";

        var finding = PortalConfigurationAudit.Audit(snapshot)[0];

        Assert.Equal((PortalFindingCodes.ImmediateCancellation, PortalFindingSeverity.Error, "features.subscription_cancel.mode"), (finding.Code, finding.Severity, finding.Path));
        Assert.Equal("features.subscription_cancel.mode is 'immediately': a customer who cancels loses access at once and cannot be won back; cancel 'at_period_end'", finding.Message);
        Assert.False(PortalConfigurationAudit.IsCompliant(snapshot, null));
    }

    [Fact]
    public void Cancellation_reason_off_is_an_error()
    {
        var snapshot = Compliant();
        snapshot.SubscriptionCancel!.CancellationReasonEnabled = false;

        var finding = PortalConfigurationAudit.Audit(snapshot)[0];

        Assert.Equal((PortalFindingCodes.CancellationReasonOff, PortalFindingSeverity.Error, "features.subscription_cancel.cancellation_reason.enabled"), (finding.Code, finding.Severity, finding.Path));
    }

    [Fact]
    public void Some_reasons_missing_is_informational_and_names_them()
    {
        var snapshot = Compliant();
        snapshot.SubscriptionCancel!.CancellationReasonOptions = ["other", "too_expensive", "unused", "customer_service", "low_quality", "switched_service"];

        var finding = PortalConfigurationAudit.Audit(snapshot).First(f => f.Code == PortalFindingCodes.CancellationReasonsIncomplete);

        Assert.Equal(PortalFindingSeverity.Info, finding.Severity);
        Assert.Equal("features.subscription_cancel.cancellation_reason.options lacks missing_features, too_complex: customers who leave for those reasons cannot say so", finding.Message);
        Assert.False(PortalConfigurationAudit.IsCompliant(snapshot, null));
    }

    [Theory]
    [InlineData("always_invoice", "at_period_end", true)]
    [InlineData("create_prorations", "at_period_end", true)]
    [InlineData("create_prorations", "immediately", false)]
    [InlineData("none", "at_period_end", false)]
    public void Proration_that_does_not_go_with_the_mode_is_an_error(string proration, string mode, bool reported)
    {
        var snapshot = Compliant();
        snapshot.SubscriptionCancel!.ProrationBehavior = proration;
        snapshot.SubscriptionCancel.Mode = mode;

        Assert.Equal(reported, Codes(snapshot).Contains(PortalFindingCodes.InvalidProration));
    }

    [Fact]
    public void Cancellation_disabled_is_a_warning_and_hides_the_cancellation_details()
    {
        var disabled = Compliant();
        disabled.SubscriptionCancel!.Enabled = false;
        disabled.SubscriptionCancel.Mode = "immediately";
        var missing = Compliant();
        missing.SubscriptionCancel = null;

        Assert.Equal([PortalFindingCodes.CancellationDisabled, PortalFindingCodes.RetentionNotReadable], Codes(disabled));
        Assert.Equal([PortalFindingCodes.CancellationDisabled, PortalFindingCodes.RetentionNotReadable], Codes(missing));
        Assert.Equal(PortalFindingSeverity.Warning, PortalConfigurationAudit.Audit(missing)[0].Severity);
    }

    [Fact]
    public void No_default_return_url_is_a_warning()
    {
        var snapshot = Compliant();
        snapshot.DefaultReturnUrl = "";

        var finding = PortalConfigurationAudit.Audit(snapshot)[0];

        Assert.Equal((PortalFindingCodes.NoDefaultReturnUrl, PortalFindingSeverity.Warning, "default_return_url"), (finding.Code, finding.Severity, finding.Path));
        Assert.True(PortalConfigurationAudit.IsCompliant(snapshot, null));
        Assert.False(PortalConfigurationAudit.IsCompliant(snapshot, "https://example.com/account"));
    }

    [Fact]
    public void Inactive_configuration_is_an_error()
    {
        var snapshot = Compliant();
        snapshot.Active = false;

        Assert.Equal([PortalFindingCodes.Inactive, PortalFindingCodes.RetentionNotReadable], Codes(snapshot));
        Assert.False(PortalConfigurationAudit.IsCompliant(snapshot, null));
    }

    [Fact]
    public void Pinned_id_other_than_the_audited_one_is_an_error_naming_both()
    {
        var finding = PortalConfigurationAudit.Audit(Compliant(), new PortalGuardOptions { DefaultConfigurationId = "bpc_pinned" })[0];

        Assert.Equal((PortalFindingCodes.PinnedConfigurationMismatch, PortalFindingSeverity.Error, "configuration"), (finding.Code, finding.Severity, finding.Path));
        Assert.Equal("the guard pins bpc_pinned but bpc_good is the configuration audited; audit (and pin) the one sessions use.", finding.Message);
        Assert.DoesNotContain(PortalFindingCodes.PinnedConfigurationMismatch, Codes(Compliant(), new PortalGuardOptions()));
    }

    [Fact]
    public void Findings_come_most_severe_first()
    {
        var snapshot = Compliant();
        snapshot.DefaultReturnUrl = null;
        snapshot.SubscriptionCancel!.Mode = "immediately";

        Assert.Equal(
            [PortalFindingSeverity.Error, PortalFindingSeverity.Warning, PortalFindingSeverity.Info],
            PortalConfigurationAudit.Audit(snapshot).Select(f => f.Severity));
    }

    [Theory]
    [InlineData(PortalStartupAudit.FailInProduction, null, null, PortalStartupVerdict.Fail)]
    [InlineData(PortalStartupAudit.FailInProduction, null, "Development", PortalStartupVerdict.Degraded)]
    [InlineData(PortalStartupAudit.FailInProduction, "Development", "Production", PortalStartupVerdict.Degraded)]
    [InlineData(PortalStartupAudit.FailInProduction, "Staging", "Development", PortalStartupVerdict.Fail)]
    [InlineData(PortalStartupAudit.Report, null, "Production", PortalStartupVerdict.Degraded)]
    public void Startup_verdict_follows_the_mode_and_environment(PortalStartupAudit mode, string? optionsEnvironment, string? hostEnvironment, PortalStartupVerdict expected)
    {
        var snapshot = Compliant();
        snapshot.Active = false;
        var options = new PortalGuardOptions { AuditOnStartup = mode, Environment = optionsEnvironment };

        Assert.Equal(expected, PortalStartupCheck.Judge(PortalConfigurationAudit.Audit(snapshot), options, hostEnvironment));
        Assert.Equal(PortalStartupVerdict.Pass, PortalStartupCheck.Judge(PortalConfigurationAudit.Audit(Compliant()), options, hostEnvironment));
    }

    [Fact]
    public async Task Startup_audit_uses_the_explicit_id_over_the_pinned_one_and_reports_none_pinned()
    {
        var audited = new List<string>();
        Task<IReadOnlyList<PortalConfigurationFinding>> Audit(string id, CancellationToken token)
        {
            audited.Add(id);
            return Task.FromResult(PortalConfigurationAudit.Audit(Compliant()));
        }

        await PortalStartupCheck.AuditPinnedAsync("bpc_explicit", new PortalGuardOptions { DefaultConfigurationId = "bpc_pinned" }, Audit, CancellationToken.None);
        await PortalStartupCheck.AuditPinnedAsync(null, new PortalGuardOptions { DefaultConfigurationId = "bpc_pinned" }, Audit, CancellationToken.None);
        var none = await PortalStartupCheck.AuditPinnedAsync(null, new PortalGuardOptions(), Audit, CancellationToken.None);

        Assert.Equal(["bpc_explicit", "bpc_pinned"], audited);
        Assert.Equal((PortalFindingCodes.NotPinned, PortalFindingSeverity.Error), (Assert.Single(none).Code, none[0].Severity));
    }
}
