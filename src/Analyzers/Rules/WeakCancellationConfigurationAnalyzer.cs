namespace Accrue.Portal.Analyzers.Rules
{
    using System.Collections.Generic;
    using System.Collections.Immutable;
    using Accrue.Portal.Analyzers.Knowledge;
    using Accrue.Portal.Analyzers.Requests;
    using Accrue.Portal.Internal;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.CSharp;
    using Microsoft.CodeAnalysis.Diagnostics;
    using Microsoft.CodeAnalysis.Operations;

    /// <summary>
    /// PORTAL009: a portal configuration written with <c>ConfigurationService.Create/Update</c> whose subscription_cancel
    /// cancels immediately, is enabled without asking for a cancellation reason, or carries a proration behaviour Stripe
    /// rejects (<c>always_invoice</c>, or <c>create_prorations</c> with <c>at_period_end</c>); or whose subscription_pause
    /// is limited to preset durations without any. Only what the method writes counts (the issue-5 request engine,
    /// followed across methods); a rejected or weak value is reported where it is written, even when no Create/Update
    /// call is in sight; unknown values are silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WeakCancellationConfigurationAnalyzer : PortalAnalyzer
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
            var reported = new HashSet<Location>();
            foreach (var request in PortalRequestCollector.Collect(context.OwningSymbol, context.OperationBlocks, symbols, symbols.TryMatchConfigurationWrite, includeUnsent: true))
            {
                if (request.Root is not { } root)
                {
                    continue;
                }

                var isCreate = SymbolEqualityComparer.Default.Equals(root.Type, symbols.ConfigurationCreateOptions);
                // A rejected or weak value is wrong where it is written, whatever code out of sight does with the object.
                var mode = request.LookupWritten(PortalApiRules.SubscriptionCancelModePath);
                if (mode.ConstantString == PortalApiRules.CancelModeImmediately)
                {
                    ReportReplace(
                        mode.Value!,
                        $"{PortalApiRules.SubscriptionCancelModePath} is '{PortalApiRules.CancelModeImmediately}': a customer who cancels loses access at once and cannot be won back; cancel '{PortalApiRules.CancelModeAtPeriodEnd}'",
                        PortalApiRules.CancelModeAtPeriodEnd);
                }

                var proration = request.LookupWritten(PortalApiRules.SubscriptionCancelProrationPath);
                if (proration.ConstantString == PortalApiRules.ProrationAlwaysInvoice)
                {
                    ReportReplace(
                        proration.Value!,
                        $"Stripe rejects {PortalApiRules.SubscriptionCancelProrationPath} '{PortalApiRules.ProrationAlwaysInvoice}' for portal cancellations; use '{PortalApiRules.ProrationNone}'",
                        PortalApiRules.ProrationNone);
                }
                else if (proration.ConstantString == PortalApiRules.ProrationCreateProrations && mode.ConstantString == PortalApiRules.CancelModeAtPeriodEnd)
                {
                    ReportReplace(
                        proration.Value!,
                        $"{PortalApiRules.SubscriptionCancelProrationPath} '{PortalApiRules.ProrationCreateProrations}' only goes with mode '{PortalApiRules.CancelModeImmediately}'; at period end use '{PortalApiRules.ProrationNone}'",
                        PortalApiRules.ProrationNone);
                }

                CheckCancellationReason(request, isCreate);
                CheckPauseDuration(request);
            }

            void CheckPauseDuration(PortalRequest request)
            {
                var type = request.Lookup(PortalApiRules.SubscriptionPauseDurationTypePath);
                if (type.ConstantString is not { } value || PortalEnumeratedField.PauseDurationType.Find(value) is not { } variant)
                {
                    return;
                }

                foreach (var requiredPath in variant.RequiredPaths)
                {
                    var required = request.Lookup(requiredPath);
                    if (required.IsAbsent || required.List is { IsOpaque: false, Items.Count: 0 })
                    {
                        Report(
                            type.Value!.Syntax.GetLocation(),
                            $"{PortalApiRules.SubscriptionPauseDurationTypePath} is '{value}' but {requiredPath} offers no duration; Stripe rejects the configuration",
                            null,
                            null);
                    }
                }
            }

            void CheckCancellationReason(PortalRequest request, bool isCreate)
            {
                var enabled = request.LookupWritten(PortalApiRules.SubscriptionCancelEnabledPath);
                if (enabled.Value?.ConstantValue is not { HasValue: true, Value: true })
                {
                    return;
                }

                const string Message = "Portal cancellation is enabled without " + PortalApiRules.CancellationReasonEnabledPath
                                       + " = true: the portal does not ask why customers cancel, so cancellation_details.reason stays empty";
                var reason = request.Lookup(PortalApiRules.CancellationReasonPath);
                if (reason.IsAbsent)
                {
                    // An update that leaves cancellation_reason alone keeps what the configuration has; an object not
                    // sent in sight may be completed elsewhere.
                    if (isCreate && !request.IsUnsent)
                    {
                        Report(enabled.Value.Syntax.GetLocation(), Message, FixAddCancellationReason, reason.MissingFrom?.Creation?.GetLocation());
                    }

                    return;
                }

                var reasonEnabled = request.LookupWritten(PortalApiRules.CancellationReasonEnabledPath);
                var reasonKnown = request.Lookup(PortalApiRules.CancellationReasonEnabledPath);
                if (reasonEnabled.Value?.ConstantValue is { HasValue: true, Value: false })
                {
                    Report(reasonEnabled.Value.Syntax.GetLocation(), Message, reasonEnabled.Value.Syntax.IsKind(SyntaxKind.FalseLiteralExpression) ? FixEnableReason : null, null);
                }
                else if (reasonKnown.IsAbsent && isCreate && !request.IsUnsent && reason.Value is { } reasonValue)
                {
                    Report(reasonValue.Syntax.GetLocation(), Message, FixAddReasonEnabled, reason.Object?.Creation?.GetLocation());
                }
            }

            void ReportReplace(IOperation value, string message, string replacement)
            {
                var fix = value.Syntax.IsKind(SyntaxKind.StringLiteralExpression);
                var properties = fix
                    ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixReplaceLiteral).Add(ReplacementProperty, replacement)
                    : ImmutableDictionary<string, string?>.Empty;
                if (reported.Add(value.Syntax.GetLocation()))
                {
                    context.ReportDiagnostic(Diagnostic.Create(PortalDiagnostics.WeakCancellationConfiguration, value.Syntax.GetLocation(), properties, message));
                }
            }

            void Report(Location location, string message, string? fix, Location? fixTarget)
            {
                if (fix is not null && fix != FixEnableReason && fixTarget is null)
                {
                    fix = null;
                }

                if (reported.Add(location))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
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
