namespace Accrue.Portal.Tests.Agreement;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

/// <summary>
/// One table of portal configurations, each judged by PORTAL009 on a <c>ConfigurationCreateOptions</c> written in full
/// and by the audit on the snapshot of the same configuration: both must flag the row's field paths, with the same
/// messages. Row i is the method on line i + 1 of one compilation, so a diagnostic's line names its row.
/// </summary>
public sealed class ConfigurationAgreementTests
{
    private const string Mode = "features.subscription_cancel.mode";
    private const string Proration = "features.subscription_cancel.proration_behavior";
    private const string Reason = "features.subscription_cancel.cancellation_reason.enabled";
    private const string Allowed = "features.subscription_update.default_allowed_updates";
    private const string Products = "features.subscription_update.products";
    private const string IntervalOptions = "features.subscription_pause.duration.interval_options";
    private const string IntervalCount = "features.subscription_pause.duration.interval_options.interval_count";

    /// <summary>The audit's findings that a constant in source can show; the others (inactive, no return URL, …) need the whole configuration.</summary>
    private static readonly string[] SourceJudgedCodes =
    [
        PortalFindingCodes.ImmediateCancellation,
        PortalFindingCodes.InvalidProration,
        PortalFindingCodes.CancellationReasonOff,
        PortalFindingCodes.PauseIntervalOptionsMissing,
        PortalFindingCodes.PauseDurationTooLong,
        PortalFindingCodes.SubscriptionUpdateAllowsNothing,
        PortalFindingCodes.SubscriptionUpdateTooManyProducts,
    ];

    private static readonly Row[] Table =
    [
        new([]),
        new([Mode]) { Mode = "immediately" },
        new([Mode]) { Mode = "immediately", Proration = "create_prorations" },
        new([Proration]) { Proration = "always_invoice" },
        new([Mode, Proration]) { Mode = "immediately", Proration = "always_invoice" },
        new([Proration]) { Proration = "create_prorations" },
        new([Reason]) { ReasonEnabled = false },
        new([Allowed]) { UpdateEnabled = true, AllowedUpdates = [] },
        new([Allowed]) { UpdateEnabled = true, AllowedUpdates = null },
        new([]) { UpdateEnabled = true, AllowedUpdates = ["price"] },
        new([]) { UpdateEnabled = true, AllowedUpdates = ["promotion_code", "quantity"] },
        new([]) { UpdateEnabled = false, AllowedUpdates = [] },
        new([]) { UpdateEnabled = true, AllowedUpdates = ["price"], ProductCount = 10 },
        new([Products]) { UpdateEnabled = true, AllowedUpdates = ["price"], ProductCount = 11 },
        new([Products]) { UpdateEnabled = false, AllowedUpdates = ["price"], ProductCount = 12 },
        new([Allowed, Products]) { UpdateEnabled = true, AllowedUpdates = [], ProductCount = 11 },
        new([IntervalOptions]) { PauseEnabled = true, PauseType = "interval_options" },
        new([]) { PauseEnabled = false, PauseType = "interval_options" },
        new([]) { PauseEnabled = true, PauseType = "indefinite" },
        new([]) { PauseEnabled = true, PauseType = "until_next_invoice" },
        new([]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("month", 1)] },
        new([]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("day", 1095)] },
        new([IntervalCount]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("day", 1096)] },
        new([]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("week", 156)] },
        new([IntervalCount]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("week", 157)] },
        new([]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("month", 36)] },
        new([IntervalCount]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("month", 37)] },
        new([]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("year", 3)] },
        new([IntervalCount]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("year", 4)] },
        new([IntervalCount, IntervalCount]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("year", 4), ("month", 2), ("day", 2000)] },
        new([]) { PauseEnabled = false, PauseType = "interval_options", PauseOptions = [("year", 4)] },
        new([]) { PauseEnabled = true, PauseType = "interval_options", PauseOptions = [("fortnight", 999)] },
        new([Mode, Reason, Allowed, Products, IntervalCount])
        {
            Mode = "immediately",
            ReasonEnabled = false,
            UpdateEnabled = true,
            AllowedUpdates = [],
            ProductCount = 11,
            PauseEnabled = true,
            PauseType = "interval_options",
            PauseOptions = [("month", 48)],
        },
    ];

    [Fact]
    public async Task Analyzer_and_audit_flag_the_same_fields_with_the_same_messages()
    {
        var analyzer = await AnalyzerMessagesAsync();
        var wrong = new List<string>();
        for (var i = 0; i < Table.Length; i++)
        {
            var row = Table[i];
            var audit = PortalConfigurationAudit.Audit(Snapshot(row)).Where(f => SourceJudgedCodes.Contains(f.Code)).ToList();
            var expected = row.Expected.Order(StringComparer.Ordinal).ToList();
            var auditPaths = audit.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
            var auditMessages = audit.Select(f => f.Message).Order(StringComparer.Ordinal).ToList();
            if (!auditPaths.SequenceEqual(expected) || !analyzer[i].Order(StringComparer.Ordinal).SequenceEqual(auditMessages))
            {
                wrong.Add($"row {i}: expected [{string.Join(", ", expected)}], audit [{string.Join(", ", auditPaths)}]\n  analyzer: {string.Join(" | ", analyzer[i])}\n  audit:    {string.Join(" | ", auditMessages)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static PortalConfigurationSnapshot Snapshot(Row row) => new()
    {
        Id = "bpc_123",
        Active = true,
        DefaultReturnUrl = "https://example.com/account",
        SubscriptionCancel = new PortalSubscriptionCancelSnapshot
        {
            Enabled = true,
            Mode = row.Mode,
            ProrationBehavior = row.Proration,
            CancellationReasonEnabled = row.ReasonEnabled,
            CancellationReasonOptions = [.. PortalConfigurationAudit.AllCancellationReasons],
        },
        SubscriptionUpdate = row.UpdateEnabled is { } enabled
            ? new PortalSubscriptionUpdateSnapshot
            {
                Enabled = enabled,
                DefaultAllowedUpdates = [.. row.AllowedUpdates ?? []],
                Products = [.. Enumerable.Range(1, row.ProductCount).Select(i => "prod_" + i)],
            }
            : null,
        SubscriptionPause = row.PauseEnabled is { } pause
            ? new PortalSubscriptionPauseSnapshot
            {
                Enabled = pause,
                DurationType = row.PauseType,
                IntervalOptions = [.. row.PauseOptions.Select(o => new PortalPauseIntervalSnapshot { Interval = o.Interval, IntervalCount = o.Count })],
            }
            : null,
    };

    private static async Task<List<string>[]> AnalyzerMessagesAsync()
    {
        var source = new StringBuilder("using System.Collections.Generic; using Stripe.BillingPortal;\n");
        for (var i = 0; i < Table.Length; i++)
        {
            source.Append($"static class Row{i} {{ public static Configuration Open(ConfigurationService s) => s.Create(new ConfigurationCreateOptions {{ Features = new ConfigurationFeaturesOptions {{ {Features(Table[i])} }} }}); }}\n");
        }

        var result = await new ProjectBuilder()
            .WithAnalyzer<WeakCancellationConfigurationAnalyzer>()
            .WithSourceCode(source.ToString())
            .AnalyzeAsync();
        Assert.Empty(result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));

        var messages = Table.Select(_ => new List<string>()).ToArray();
        foreach (var diagnostic in result.AnalyzerDiagnostics.Where(d => d.Id == "PORTAL009"))
        {
            messages[diagnostic.Location.GetLineSpan().StartLinePosition.Line - 1].Add(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        return messages;
    }

    private static string Features(Row row)
    {
        var reasons = string.Join(", ", PortalConfigurationAudit.AllCancellationReasons.Select(Literal));
        var features = new List<string>
        {
            $"SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions {{ Enabled = true, Mode = {Literal(row.Mode)}, ProrationBehavior = {Literal(row.Proration)}, "
            + $"CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions {{ Enabled = {Bool(row.ReasonEnabled)}, Options = new List<string> {{ {reasons} }} }} }}",
        };
        if (row.UpdateEnabled is { } enabled)
        {
            var members = new List<string> { $"Enabled = {Bool(enabled)}" };
            if (row.AllowedUpdates is { } allowed)
            {
                members.Add($"DefaultAllowedUpdates = new List<string> {{ {string.Join(", ", allowed.Select(Literal))} }}");
            }

            var products = Enumerable.Range(1, row.ProductCount).Select(i => $"new() {{ Product = \"prod_{i}\", Prices = new List<string> {{ \"price_{i}\" }} }}");
            members.Add($"Products = new List<ConfigurationFeaturesSubscriptionUpdateProductOptions> {{ {string.Join(", ", products)} }}");
            features.Add($"SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions {{ {string.Join(", ", members)} }}");
        }

        if (row.PauseEnabled is { } pause)
        {
            var options = row.PauseOptions.Length == 0
                ? string.Empty
                : ", IntervalOptions = new List<ConfigurationFeaturesSubscriptionPauseDurationIntervalOptionOptions> { "
                  + string.Join(", ", row.PauseOptions.Select(o => $"new() {{ Interval = {Literal(o.Interval)}, IntervalCount = {o.Count} }}")) + " }";
            features.Add($"SubscriptionPause = new ConfigurationFeaturesSubscriptionPauseOptions {{ Enabled = {Bool(pause)}, Duration = new ConfigurationFeaturesSubscriptionPauseDurationOptions {{ Type = {Literal(row.PauseType!)}{options} }} }}");
        }

        return string.Join(", ", features);
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Bool(bool value) => value ? "true" : "false";

    /// <param name="Expected">The field paths both must flag, one per finding.</param>
    private sealed record Row(string[] Expected)
    {
        public string Mode { get; init; } = "at_period_end";

        public string Proration { get; init; } = "none";

        public bool ReasonEnabled { get; init; } = true;

        public bool? UpdateEnabled { get; init; }

        public string[]? AllowedUpdates { get; init; }

        public int ProductCount { get; init; } = 1;

        public bool? PauseEnabled { get; init; }

        public string? PauseType { get; init; }

        public (string Interval, long Count)[] PauseOptions { get; init; } = [];
    }
}
