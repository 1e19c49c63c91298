namespace Accrue.Portal.Analyzers.Rules
{
    using Microsoft.CodeAnalysis.CSharp.Syntax;

    /// <summary>PORTAL008: <c>SessionService.Create/CreateAsync</c> called directly where the guarded runtime is referenced.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnguardedSessionCreationAnalyzer() : PortalAnalyzer(PortalDiagnostics.UnguardedSessionCreation)
    {
        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            var sessionService = portal.Types.Get(StripeNames.SessionService);
            if (sessionService is null || RuntimeNames.FindRuntime(portal.Types) is null)
            {
                return;
            }

            OperationBlockGate.RegisterOperationAction(start, c => Analyze(c, sessionService), OperationKind.Invocation);
        }

        /// <summary>The SessionService method the invocation reaches (through overrides in a subclass), or null.</summary>
        internal static IMethodSymbol? FindCreateMethod(IInvocationOperation invocation, INamedTypeSymbol sessionService)
        {
            for (var method = invocation.TargetMethod; method is not null; method = method.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType, sessionService))
                {
                    return method.Name is StripeNames.CreateMethod or StripeNames.CreateAsyncMethod ? method : null;
                }
            }

            return null;
        }

        private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol sessionService)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = FindCreateMethod(invocation, sessionService);

            // base.Create inside a SessionService subclass is the wrapper's plumbing; its callers are reported instead.
            if (method is null || invocation.Instance is IInstanceReferenceOperation)
            {
                return;
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                ? access.Name.GetLocation()
                : invocation.Syntax.GetLocation();
            var guarded = method.Name == StripeNames.CreateMethod ? RuntimeNames.CreateGuardedMethod : RuntimeNames.CreateGuardedAsyncMethod;
            context.ReportOutsideGeneratedCode(Diagnostic.Create(PortalDiagnostics.UnguardedSessionCreation, location, method.Name, guarded));
        }
    }
}
