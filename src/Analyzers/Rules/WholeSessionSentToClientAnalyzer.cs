namespace Accrue.Portal.Analyzers.Rules
{
    /// <summary>
    /// PORTAL012: a <c>Stripe.BillingPortal.Session</c> returned from a controller action, Razor Pages handler or minimal
    /// API endpoint, or passed to <c>Ok</c>, <c>Json</c>, <c>Results.Ok/Json</c>, <c>TypedResults.Ok/Json</c>,
    /// <c>new JsonResult(..)</c>, <c>new OkObjectResult(..)</c>: the framework serialises every field to the client.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WholeSessionSentToClientAnalyzer() : PortalAnalyzer(PortalDiagnostics.WholeSessionSentToClient)
    {
        /// <summary>Diagnostic property, present when replacing the Session by <c>new { url = session.Url }</c> keeps the code compiling.</summary>
        internal const string UrlOnlyFixableProperty = "UrlOnlyFixable";

        private static readonly ImmutableArray<string> ResultMethods = ImmutableArray.Create("Ok", "Json");

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            var compilation = start.Compilation;
            var session = portal.Session;
            var inputs = portal.Inputs;
            if (session is null || inputs is null)
            {
                return;
            }

            var resultFactories = ResolveAll(compilation, AspNetNames.ControllerBase, AspNetNames.Controller, AspNetNames.Results, AspNetNames.TypedResults);
            var resultTypes = ResolveAll(compilation, AspNetNames.JsonResult, AspNetNames.OkObjectResult);
            OperationBlockGate.RegisterOperationAction(
                start,
                c =>
                {
                    switch (c.Operation.Kind)
                    {
                        case OperationKind.Return:
                            AnalyzeReturn(c, session, inputs);
                            break;
                        case OperationKind.Invocation:
                            AnalyzeResultCall(c, session, resultFactories);
                            break;
                        default:
                            AnalyzeResultCreation(c, session, resultTypes);
                            break;
                    }
                },
                OperationKind.Return,
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        }

        private static void AnalyzeReturn(OperationAnalysisContext context, SessionType session, RequestInputSymbols inputs)
        {
            var operation = (IReturnOperation)context.Operation;
            if (operation.ReturnedValue?.WalkDownImplicitConversions() is not { } value || !session.Matches(value.Type))
            {
                return;
            }

            var function = operation.EnclosingFunctionSymbol() ?? context.ContainingSymbol as IMethodSymbol;
            if (function is null || function.MethodKind == MethodKind.LocalFunction || !inputs.IsEndpoint(function, operation))
            {
                return;
            }

            // A lambda's return type follows its body; a method's only accepts an anonymous object when it is object.
            var fixable = function.MethodKind == MethodKind.AnonymousFunction || IsObjectOrTaskOfObject(function.ReturnType);
            var name = function.MethodKind == MethodKind.AnonymousFunction ? "the endpoint delegate" : "'" + TypeFacts.MemberDisplayName(function) + "'";
            Report(context, value, "returned from " + name, fixable);
        }

        private static void AnalyzeResultCall(OperationAnalysisContext context, SessionType session, ImmutableArray<INamedTypeSymbol> factories)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!ResultMethods.Contains(method.Name) || !factories.Contains(method.ContainingType.OriginalDefinition, SymbolEqualityComparer.Default))
            {
                return;
            }

            // TypedResults.Ok<Session>(session) names the type: the URL-only object would not fit it.
            var explicitTypeArguments = method.IsGenericMethod && invocation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
            {
                Expression: Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name: Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax },
            };
            ReportArguments(context, invocation.Arguments, session, "passed to '" + TypeFacts.MemberDisplayName(method.OriginalDefinition) + "'", !explicitTypeArguments);
        }

        private static void AnalyzeResultCreation(OperationAnalysisContext context, SessionType session, ImmutableArray<INamedTypeSymbol> types)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is { } constructor && types.Contains(constructor.ContainingType, SymbolEqualityComparer.Default))
            {
                ReportArguments(context, creation.Arguments, session, "passed to 'new " + constructor.ContainingType.Name + "'", fixable: true);
            }
        }

        private static void ReportArguments(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, SessionType session, string how, bool fixable)
        {
            foreach (var argument in arguments)
            {
                var value = argument.Value.WalkDownImplicitConversions();
                if (session.Matches(value.Type) && argument.Parameter?.OriginalDefinition.Type is { } declared
                    && (declared.SpecialType == SpecialType.System_Object || declared.TypeKind == TypeKind.TypeParameter))
                {
                    Report(context, value, how, fixable);
                }
            }
        }

        private static void Report(OperationAnalysisContext context, IOperation value, string how, bool fixable)
        {
            var properties = fixable
                ? ImmutableDictionary<string, string?>.Empty.Add(UrlOnlyFixableProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportOutsideGeneratedCode(Diagnostic.Create(PortalDiagnostics.WholeSessionSentToClient, value.Syntax.GetLocation(), properties, how));
        }

        private static bool IsObjectOrTaskOfObject(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
                && generic.Name is "Task" or "ValueTask"
                && generic.ContainingNamespace.ToDisplayString() == "System.Threading.Tasks")
            {
                type = generic.TypeArguments[0];
            }

            return type.SpecialType == SpecialType.System_Object;
        }

        private static ImmutableArray<INamedTypeSymbol> ResolveAll(Compilation compilation, params string[] names)
        {
            var types = KnownTypes.For(compilation);
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in names)
            {
                // Every declaration: Results and TypedResults are declared in more than one reference assembly.
                builder.AddRange(types.GetAll(name));
            }

            return builder.ToImmutable();
        }
    }
}
