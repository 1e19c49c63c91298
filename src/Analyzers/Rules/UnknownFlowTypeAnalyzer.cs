namespace Accrue.Portal.Analyzers.Rules
{
    /// <summary>
    /// PORTAL005: a constant flow, after-completion, retention or after-expiration type that the API version of the
    /// referenced Stripe.net does not accept (with a Stripe.net newer than the tables: a near-miss of a known value).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnknownFlowTypeAnalyzer() : PortalAnalyzer(PortalDiagnostics.UnknownFlowType)
    {
        /// <summary>Diagnostic property: the valid value the typo most likely meant.</summary>
        internal const string SuggestionProperty = "Suggestion";

        /// <summary>Diagnostic property: the runtime class whose constants hold the valid values.</summary>
        internal const string ConstantsTypeProperty = "ConstantsType";

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            var typeProperties = ResolveTypeProperties(start.Compilation);
            var apiVersion = portal.ApiVersion;
            var baseOptions = portal.Types.Get(StripeNames.BaseOptions);
            if (typeProperties.Count == 0 || baseOptions is null)
            {
                return;
            }

            // One callback for both checks: the driver calls back once per registration and operation.
            OperationBlockGate.RegisterOperationAction(
                start,
                c =>
                {
                    if (c.Operation is ISimpleAssignmentOperation assignment)
                    {
                        AnalyzePropertyAssignment(c, assignment, typeProperties, apiVersion);
                    }

                    AnalyzeExtraParam(c, baseOptions, apiVersion);
                },
                OperationKind.SimpleAssignment,
                OperationKind.Invocation);
        }

        private static Dictionary<IPropertySymbol, PortalEnumeratedField> ResolveTypeProperties(Compilation compilation)
        {
            var properties = new Dictionary<IPropertySymbol, PortalEnumeratedField>(SymbolEqualityComparer.Default);
            Add(StripeNames.SessionFlowDataOptions, PortalEnumeratedField.FlowType);
            Add(StripeNames.SessionFlowDataAfterCompletionOptions, PortalEnumeratedField.AfterCompletionType);
            Add(StripeNames.SessionFlowDataSubscriptionCancelRetentionOptions, PortalEnumeratedField.RetentionType);
            Add(StripeNames.SessionAfterExpirationOptions, PortalEnumeratedField.AfterExpirationType);
            return properties;

            void Add(string optionsType, PortalEnumeratedField field)
            {
                foreach (var member in KnownTypes.For(compilation).Get(optionsType)?.GetMembers(StripeNames.TypeProperty) ?? ImmutableArray<ISymbol>.Empty)
                {
                    if (member is IPropertySymbol property)
                    {
                        properties[property] = field;
                    }
                }
            }
        }

        private static void AnalyzePropertyAssignment(
            OperationAnalysisContext context,
            ISimpleAssignmentOperation assignment,
            Dictionary<IPropertySymbol, PortalEnumeratedField> typeProperties,
            StripeApiVersion apiVersion)
        {
            if (assignment.Target is IPropertyReferenceOperation target
                && typeProperties.TryGetValue(target.Property.OriginalDefinition, out var field))
            {
                Check(context, assignment.Value.WalkDownImplicitConversions(), field, apiVersion);
            }
        }

        private static void AnalyzeExtraParam(OperationAnalysisContext context, INamedTypeSymbol baseOptions, StripeApiVersion apiVersion)
        {
            if (!ExtraParamWrite.TryMatch(context.Operation, baseOptions, out var write)
                || !write.Key.TryGetConstantString(out var key))
            {
                return;
            }

            foreach (var field in PortalEnumeratedField.All)
            {
                if (field.FormKey == key)
                {
                    Check(context, write.Value, field, apiVersion);
                }
            }
        }

        private static void Check(OperationAnalysisContext context, IOperation value, PortalEnumeratedField field, StripeApiVersion apiVersion)
        {
            if (!value.TryGetConstantString(out var text))
            {
                return;
            }

            var standing = field.Classify(text, apiVersion, out var variant);
            var suggestion = standing is PortalValueStanding.Unknown or PortalValueStanding.PossiblyNewer ? field.Suggest(text, apiVersion) : null;
            if (standing == PortalValueStanding.Known || (standing == PortalValueStanding.PossiblyNewer && suggestion is null))
            {
                return; // valid, or a value Stripe may have added after the tables: only a near-miss of a known one is a typo
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(ConstantsTypeProperty, field.ConstantsTypeName);
            string hint;
            if (standing == PortalValueStanding.BroughtLater)
            {
                hint = " in API version " + apiVersion.Name + ", which the referenced Stripe.net pins; it came with " + variant!.BroughtBy;
            }
            else if (suggestion is null)
            {
                hint = " (expected one of: " + string.Join(", ", field.ValuesKnownTo(apiVersion)) + ")";
            }
            else
            {
                hint = "; did you mean '" + suggestion + "'?";
                properties = properties.Add(SuggestionProperty, suggestion);
            }

            context.ReportOutsideGeneratedCode(Diagnostic.Create(PortalDiagnostics.UnknownFlowType, value.Syntax.GetLocation(), properties, text, field.FieldPath, hint));
        }
    }
}
