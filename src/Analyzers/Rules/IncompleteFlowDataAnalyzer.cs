namespace Accrue.Portal.Analyzers.Rules
{
    /// <summary>
    /// PORTAL006: a flow (or after-completion, or retention) type without the fields it requires, carrying another
    /// type's options, a subscription_update_confirm without exactly one item with its id, or a custom message too long.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IncompleteFlowDataAnalyzer() : PortalAnalyzer(PortalDiagnostics.IncompleteFlowData)
    {
        /// <summary>Diagnostic property: the option properties to create, dotted (<c>SubscriptionCancel.Subscription</c>).</summary>
        internal const string MissingMembersProperty = "MissingMembers";

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            if (portal.Requests is { } symbols)
            {
                var apiVersion = portal.ApiVersion;
                symbols.RegisterSessionRequestAnalysis(start, (c, requests) => Analyze(c, symbols, requests, apiVersion));
            }
        }

        private static void Analyze(OperationBlockAnalysisContext context, PortalRequestSymbols symbols, ImmutableArray<PortalRequest> requests, StripeApiVersion apiVersion)
        {
            var reported = new HashSet<(Location, string)>();
            foreach (var request in requests)
            {
                foreach (var field in PortalEnumeratedField.All)
                {
                    CheckEnumeratedField(request, field);
                }

                var message = request.Lookup(PortalApiRules.CustomMessagePath);
                if (message.ConstantString is { Length: > PortalApiRules.MaxCustomMessageLength } text)
                {
                    Report(message.Value!.Syntax.GetLocation(), $"{PortalApiRules.CustomMessagePath} is {text.Length} characters; Stripe allows at most {PortalApiRules.MaxCustomMessageLength}");
                }
            }

            void CheckEnumeratedField(PortalRequest request, PortalEnumeratedField field)
            {
                var parent = request.Lookup(field.ParentPath);
                if (!parent.IsPresent)
                {
                    return;
                }

                var type = request.Lookup(field.FieldPath);
                if (type.IsAbsent)
                {
                    Report(parent.Value!.Syntax.GetLocation(), $"{field.ParentPath} is set without {field.FieldPath}; Stripe requires it");
                    return;
                }

                if (type.ConstantString is not { } value
                    || field.Classify(value, apiVersion, out var variant) != PortalValueStanding.Known)
                {
                    return; // unknown at compile time, or PORTAL005's business
                }

                var location = type.Value!.Syntax.GetLocation();
                foreach (var requiredPath in variant!.RequiredPaths)
                {
                    var required = request.Lookup(requiredPath);
                    if (required.IsAbsent)
                    {
                        ReportMissing(location, $"{field.FieldPath} is '{value}' but {requiredPath} is not set; Stripe rejects the session", required);
                    }
                    else if (requiredPath == PortalApiRules.SubscriptionUpdateConfirmItemsPath && required.List is { IsOpaque: false } items)
                    {
                        CheckItems(required, items);
                    }
                }

                foreach (var other in field.Variants)
                {
                    if (other != variant && other.OptionsPath is { } optionsPath && request.Lookup(optionsPath) is { IsPresent: true } carried)
                    {
                        Report(carried.Value!.Syntax.GetLocation(), $"{field.FieldPath} is '{value}' but {optionsPath} is set, which only '{other.Value}' takes");
                    }
                }
            }

            void CheckItems(FieldLookup lookup, OptionsList items)
            {
                const string Path = PortalApiRules.SubscriptionUpdateConfirmItemsPath;
                if (items.Items.Count != PortalApiRules.SubscriptionUpdateConfirmItemCount)
                {
                    Report(lookup.Value!.Syntax.GetLocation(), $"{Path} must hold exactly {PortalApiRules.SubscriptionUpdateConfirmItemCount} item with its id; it holds {items.Items.Count}");
                    return;
                }

                for (var i = 0; i < items.Items.Count; i++)
                {
                    if (items.Items[i] is { IsOpaque: false } item
                        && item.ExtraParams.Count == 0
                        && (!item.Fields.TryGetValue(PortalApiRules.SubscriptionUpdateConfirmItemIdField, out var id) || id.Value.ConstantValue is { HasValue: true, Value: null }))
                    {
                        Report(item.Creation!.GetLocation(), $"{Path}[{i}] has no {PortalApiRules.SubscriptionUpdateConfirmItemIdField}; Stripe requires the subscription item id");
                    }
                }
            }

            void ReportMissing(Location location, string message, FieldLookup missing)
            {
                var chain = missing.MissingFrom?.Creation is not null
                    ? symbols.PropertyChain(missing.MissingFrom.Type, missing.MissingFields)
                    : null;
                if (chain is not null && chain[chain.Count - 1].Type.SpecialType == SpecialType.System_String)
                {
                    Report(
                        location,
                        message,
                        missing.MissingFrom!.Creation!.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(MissingMembersProperty, string.Join(".", chain.Select(p => p.Name))));
                }
                else
                {
                    Report(location, message);
                }
            }

            void Report(Location location, string message, Location? fixTarget = null, ImmutableDictionary<string, string?>? properties = null)
            {
                if (reported.Add((location, message)))
                {
                    context.ReportOutsideGeneratedCode(Diagnostic.Create(
                        PortalDiagnostics.IncompleteFlowData,
                        location,
                        fixTarget is null ? null : new[] { fixTarget },
                        properties,
                        message));
                }
            }
        }
    }
}
