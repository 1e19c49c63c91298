namespace Accrue.Portal.Analyzers.Rules
{
    using Microsoft.CodeAnalysis.CSharp.Syntax;

    /// <summary>
    /// PORTAL013: <c>ConfigurationService.Create/Update</c> (sync or async) run by a request handler (a controller action, a
    /// Razor Pages handler, a minimal API delegate), directly or through the app's own methods. Every click then makes a
    /// new configuration, none of them the reviewed one. Reported in the handler, on the call that leads there.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationPerRequestAnalyzer() : PortalAnalyzer(PortalDiagnostics.ConfigurationPerRequest)
    {
        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            var requests = portal.Requests;
            var inputs = portal.Inputs;
            if (requests?.ConfigurationService is null || inputs is null)
            {
                return;
            }

            var specification = new ConfigurationWriteSpecification(requests);
            var gate = new TaintGate(new TaintEngine(start.Compilation, specification));

            // Only request handlers are analysed: an action or page handler by its symbol, a minimal API delegate by the
            // lambda that MapGet/MapPost receive.
            OperationBlockGate.Register(
                start,
                operation => operation is IAnonymousFunctionOperation lambda && inputs.IsEndpointDelegate(lambda.Symbol, lambda.Body),
                block => Analyze(block, inputs, specification, gate),
                ImmutableArray.Create(OperationKind.AnonymousFunction),
                owner => owner is IMethodSymbol method && inputs.IsActionOrHandler(method));
        }

        private static void Analyze(OperationBlockAnalysisContext context, RequestInputSymbols inputs, ConfigurationWriteSpecification specification, TaintGate gate)
        {
            var owner = context.OwningSymbol as IMethodSymbol;
            var ownerIsHandler = owner is not null && inputs.IsActionOrHandler(owner);
            foreach (var block in context.OperationBlocks)
            {
                if (ownerIsHandler)
                {
                    Report(context, block, "'" + TypeFacts.MemberDisplayName(owner!) + "'", specification, gate);
                    continue;
                }

                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (operation is IAnonymousFunctionOperation lambda && inputs.IsEndpointDelegate(lambda.Symbol, lambda.Body))
                    {
                        Report(context, lambda.Body, EndpointName(lambda), specification, gate);
                    }
                }
            }
        }

        private static void Report(OperationBlockAnalysisContext context, IOperation body, string handler, ConfigurationWriteSpecification specification, TaintGate gate)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (specification.IsConfigurationWrite(operation))
                {
                    var invocation = (IInvocationOperation)operation;
                    context.ReportOutsideGeneratedCode(Diagnostic.Create(
                        PortalDiagnostics.ConfigurationPerRequest,
                        NameLocation(invocation),
                        "ConfigurationService." + invocation.TargetMethod.Name + " runs",
                        handler));
                }
                else if (operation is IInvocationOperation or IObjectCreationOperation && gate.CallsMethodReachingSink(operation))
                {
                    var callee = operation is IInvocationOperation call ? call.TargetMethod : ((IObjectCreationOperation)operation).Constructor!;
                    context.ReportOutsideGeneratedCode(Diagnostic.Create(
                        PortalDiagnostics.ConfigurationPerRequest,
                        operation is IInvocationOperation called ? NameLocation(called) : operation.Syntax.GetLocation(),
                        "'" + TypeFacts.MemberDisplayName(callee) + "' creates or updates a portal configuration",
                        handler));
                }
            }
        }

        /// <summary>The method name of <c>service.CreateAsync(..)</c>: the call, not its whole argument list.</summary>
        private static Location NameLocation(IInvocationOperation invocation) =>
            invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                ? access.Name.GetLocation()
                : invocation.Syntax.GetLocation();

        /// <summary>"the endpoint MapPost("/portal")", from the Map call the delegate is passed to.</summary>
        private static string EndpointName(IAnonymousFunctionOperation lambda)
        {
            var current = lambda.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation or IArgumentOperation)
            {
                current = current.Parent;
            }

            if (current is IInvocationOperation map)
            {
                foreach (var argument in map.Arguments)
                {
                    if (argument.Value.ConstantValue is { HasValue: true, Value: string pattern })
                    {
                        return "the endpoint " + map.TargetMethod.Name + "(\"" + pattern + "\")";
                    }
                }

                return "the endpoint " + map.TargetMethod.Name;
            }

            return "a minimal API endpoint";
        }
    }
}
