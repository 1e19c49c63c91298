namespace Accrue.Portal.Analyzers.Rules
{
    /// <summary>PORTAL007: options reach the session call with neither customer field, or with a constant that is no Stripe id.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MissingOrMalformedCustomerAnalyzer() : PortalAnalyzer(PortalDiagnostics.MissingOrMalformedCustomer)
    {
        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            portal.Requests?.RegisterSessionRequestAnalysis(start, Analyze);
        }

        private static void Analyze(OperationBlockAnalysisContext context, ImmutableArray<PortalRequest> requests)
        {
            var reported = new HashSet<Location>();
            foreach (var request in requests)
            {
                var customer = request.Lookup(PortalApiRules.CustomerPath);
                var account = request.Lookup(PortalApiRules.CustomerAccountPath);
                if (customer.IsAbsent && account.IsAbsent)
                {
                    Report(request.Location, "The portal session is created with neither Customer nor CustomerAccount; Stripe rejects it", request.SentAt);
                }

                if (customer.ConstantString is { } customerId && !StripeIds.HasShape(customerId, PortalApiRules.CustomerIdPrefix))
                {
                    Report(
                        customer.Value!.Syntax.GetLocation(),
                        StripeIds.LooksLikeEmail(customerId)
                            ? $"Customer '{customerId}' looks like an email address; Customer takes a Stripe customer id ({PortalApiRules.CustomerIdPrefix}...)"
                            : $"Customer '{customerId}' is not a Stripe customer id ({PortalApiRules.CustomerIdPrefix}...)");
                }

                if (account.ConstantString is { } accountId && !StripeIds.HasShape(accountId, PortalApiRules.AccountIdPrefix))
                {
                    Report(account.Value!.Syntax.GetLocation(), $"CustomerAccount '{accountId}' is not a Stripe account id ({PortalApiRules.AccountIdPrefix}...)");
                }
            }

            void Report(Location location, string message, Location? sentAt = null)
            {
                if (reported.Add(location))
                {
                    context.ReportOutsideGeneratedCode(Diagnostic.Create(PortalDiagnostics.MissingOrMalformedCustomer, location, sentAt is null ? null : new[] { sentAt }, message));
                }
            }
        }
    }
}
