namespace Accrue.Portal.Analyzers.Rules
{
    using Microsoft.CodeAnalysis.CSharp;

    /// <summary>
    /// PORTAL009: a portal configuration written with <c>ConfigurationService.Create/Update</c> whose subscription_cancel
    /// cancels immediately, is enabled without asking for a cancellation reason, or carries a proration behaviour Stripe
    /// rejects; whose subscription_pause is limited to preset durations without any, or offers one over three years; or
    /// whose subscription_update is enabled with nothing allowed, or lists more products than Stripe takes. The verdicts
    /// and messages are <see cref="PortalConfigurationPolicy"/>'s, which the runtime audit also asks. Only what the
    /// method writes counts (the request engine, followed across methods); a rejected or weak value is reported where it
    /// is written, even when no Create/Update call is in sight; unknown values are silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed partial class WeakCancellationConfigurationAnalyzer : PortalAnalyzer
    {
        /// <summary>Diagnostic property: which fix applies (one of the <c>Fix*</c> values).</summary>
        internal const string FixProperty = "Fix";

        /// <summary>Replace the string literal reported with <see cref="ReplacementProperty"/>.</summary>
        internal const string FixReplaceLiteral = "ReplaceLiteral";

        /// <summary>Add a full cancellation_reason to the subscription_cancel creation (the additional location).</summary>
        internal const string FixAddCancellationReason = "AddCancellationReason";

        /// <summary>Replace the <c>false</c> literal reported with <c>true</c>.</summary>
        internal const string FixEnableReason = "EnableReason";

        /// <summary>Add <c>Enabled = true</c> to the cancellation_reason creation (the additional location).</summary>
        internal const string FixAddReasonEnabled = "AddReasonEnabled";

        /// <summary>Diagnostic property: the value a <see cref="FixReplaceLiteral"/> writes.</summary>
        internal const string ReplacementProperty = "Replacement";

        public WeakCancellationConfigurationAnalyzer()
            : base(PortalDiagnostics.WeakCancellationConfiguration)
        {
        }

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            var symbols = portal.Requests;
            if (symbols?.ConfigurationService is not null && symbols.ConfigurationCreateOptions is not null)
            {
                OperationBlockGate.Register(start, symbols.CreatesOptions, c => Analyze(c, symbols), OperationKind.ObjectCreation);
            }
        }

        private static void Analyze(OperationBlockAnalysisContext context, PortalRequestSymbols symbols)
        {
            var report = new Reporter(context);
            foreach (var request in PortalRequestCollector.Collect(context.OwningSymbol, context.OperationBlocks, symbols, symbols.TryMatchConfigurationWrite, includeUnsent: true))
            {
                if (request.Root is not { } root)
                {
                    continue;
                }

                var isCreate = SymbolEqualityComparer.Default.Equals(root.Type, symbols.ConfigurationCreateOptions);
                CheckCancellation(request, isCreate, report);
                CheckPause(request, report);
                CheckSubscriptionUpdate(request, isCreate, report);
            }
        }

        private static void CheckCancellation(PortalRequest request, bool isCreate, Reporter report)
        {
            // A rejected or weak value is wrong where it is written, whatever code out of sight does with the object.
            var mode = request.LookupWritten(PortalApiRules.SubscriptionCancelModePath);
            if (PortalConfigurationPolicy.Mode(mode.ConstantString) is { } immediate)
            {
                report.Replace(mode.Value!, immediate);
            }

            var proration = request.LookupWritten(PortalApiRules.SubscriptionCancelProrationPath);
            if (PortalConfigurationPolicy.Proration(proration.ConstantString, mode.ConstantString) is { } invalid)
            {
                report.Replace(proration.Value!, invalid);
            }

            var enabled = request.LookupWritten(PortalApiRules.SubscriptionCancelEnabledPath);
            if (enabled.Value?.ConstantValue is not { HasValue: true, Value: true })
            {
                return;
            }

            var message = PortalConfigurationPolicy.CancellationReason(asked: false)!.Message;
            var reason = request.Lookup(PortalApiRules.CancellationReasonPath);
            if (reason.IsAbsent)
            {
                // An update that leaves cancellation_reason alone keeps what the configuration has; an object not
                // sent in sight may be completed elsewhere.
                if (isCreate && !request.IsUnsent)
                {
                    report.Report(enabled.Value.Syntax.GetLocation(), message, FixAddCancellationReason, reason.MissingFrom?.Creation?.GetLocation());
                }

                return;
            }

            var reasonEnabled = request.LookupWritten(PortalApiRules.CancellationReasonEnabledPath);
            var reasonKnown = request.Lookup(PortalApiRules.CancellationReasonEnabledPath);
            if (reasonEnabled.Value?.ConstantValue is { HasValue: true, Value: false })
            {
                report.Report(reasonEnabled.Value.Syntax.GetLocation(), message, reasonEnabled.Value.Syntax.IsKind(SyntaxKind.FalseLiteralExpression) ? FixEnableReason : null, null);
            }
            else if (reasonKnown.IsAbsent && isCreate && !request.IsUnsent && reason.Value is { } reasonValue)
            {
                report.Report(reasonValue.Syntax.GetLocation(), message, FixAddReasonEnabled, reason.Object?.Creation?.GetLocation());
            }
        }

        /// <summary>Reports each location once, with the fix the diagnostic's properties name.</summary>
        private sealed class Reporter
        {
            private readonly OperationBlockAnalysisContext context;
            private readonly HashSet<Location> reported = new();

            public Reporter(OperationBlockAnalysisContext context) => this.context = context;

            /// <summary>The verdict on <paramref name="value"/>; a string literal gets the verdict's replacement as its fix.</summary>
            public void Replace(IOperation value, PortalConfigurationFinding verdict)
            {
                var fix = verdict.Replacement is not null && value.Syntax.IsKind(SyntaxKind.StringLiteralExpression);
                var properties = fix
                    ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixReplaceLiteral).Add(ReplacementProperty, verdict.Replacement)
                    : ImmutableDictionary<string, string?>.Empty;
                if (this.reported.Add(value.Syntax.GetLocation()))
                {
                    this.context.ReportOutsideGeneratedCode(Diagnostic.Create(PortalDiagnostics.WeakCancellationConfiguration, value.Syntax.GetLocation(), properties, verdict.Message));
                }
            }

            /// <summary>A verdict no single edit fixes.</summary>
            public void Report(Location location, PortalConfigurationFinding verdict) => this.Report(location, verdict.Message, null, null);

            public void Report(Location location, string message, string? fix, Location? fixTarget)
            {
                if (fix is not null && fix != FixEnableReason && fixTarget is null)
                {
                    fix = null;
                }

                if (this.reported.Add(location))
                {
                    this.context.ReportOutsideGeneratedCode(Diagnostic.Create(
                        PortalDiagnostics.WeakCancellationConfiguration,
                        location,
                        fixTarget is null ? null : new[] { fixTarget },
                        fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix),
                        message));
                }
            }
        }
    }
}
