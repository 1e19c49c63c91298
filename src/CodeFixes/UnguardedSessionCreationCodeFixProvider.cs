namespace Accrue.Portal.CodeFixes
{
    using System.Collections.Generic;
    using Microsoft.CodeAnalysis.Editing;
    using Microsoft.CodeAnalysis.Operations;
    using Microsoft.CodeAnalysis.Simplification;

    /// <summary>
    /// PORTAL008: call <c>CreateGuarded</c>/<c>CreateGuardedAsync</c> instead, keeping request options and the cancellation
    /// token, and read the URL from the handle (<c>session.Url</c> becomes <c>session.GetRedirectUri().AbsoluteUri</c>).
    /// Offered only when every use of the result exists on the handle, so the fixed code compiles.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnguardedSessionCreationCodeFixProvider))]
    [Shared]
    public sealed class UnguardedSessionCreationCodeFixProvider() : PortalCodeFixProvider(PortalDiagnostics.UnguardedSessionCreation)
    {
        public const string UseGuardedCallKey = "PORTAL008.UseGuardedCall";

        /// <summary>Session members the handle has under the same name and type.</summary>
        private static readonly ImmutableHashSet<string> SameOnHandle = ImmutableHashSet.Create("Id", "Customer", "ReturnUrl", "Livemode", "Created");

        private protected override Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var plan = Plan(node, semanticModel, context.CancellationToken);
            if (plan is null)
            {
                return Task.CompletedTask;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use {plan.GuardedName}",
                    ct => ApplyAsync(context.Document, plan, ct),
                    UseGuardedCallKey),
                diagnostic);

            return Task.CompletedTask;
        }

        private static FixPlan? Plan(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Expression: MemberAccessExpressionSyntax access } invocation
                || !access.Name.Span.Contains(node.Span)
                || semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                || semanticModel.Compilation.GetTypeByMetadataName(RuntimeNames.PortalSession) is not { } portalSession)
            {
                return null;
            }

            var isAsync = operation.TargetMethod.Name == StripeNames.CreateAsyncMethod;
            var result = isAsync ? AwaitedResult(invocation) : invocation;
            if (result is null)
            {
                return null;
            }

            var plan = new FixPlan(invocation, access, operation, isAsync ? RuntimeNames.CreateGuardedAsyncMethod : RuntimeNames.CreateGuardedMethod, portalSession);
            var parent = WalkUpParentheses(result).Parent;
            switch (parent)
            {
                case ExpressionStatementSyntax:
                case ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax { ReturnType: PredefinedTypeSyntax returnType } }
                    when returnType.Keyword.IsKind(SyntaxKind.VoidKeyword):
                    return plan;
                case MemberAccessExpressionSyntax memberAccess when IsAdaptable(memberAccess):
                    plan.MemberUses.Add(memberAccess);
                    return plan;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                    when declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1 } declaration
                         && declaration.Parent is LocalDeclarationStatementSyntax
                         && semanticModel.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local:
                    plan.Declaration = declaration;
                    return CollectLocalUses(plan, local, declarator, semanticModel, cancellationToken) ? plan : null;
                default:
                    return null;
            }
        }

        /// <summary><c>await x.CreateAsync(...)</c>, optionally through <c>.ConfigureAwait(...)</c>; null when not awaited there.</summary>
        private static ExpressionSyntax? AwaitedResult(InvocationExpressionSyntax invocation)
        {
            var current = WalkUpParentheses(invocation);
            if (current.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure
                && configure.Parent is InvocationExpressionSyntax configured)
            {
                current = WalkUpParentheses(configured);
            }

            return current.Parent as AwaitExpressionSyntax;
        }

        private static SyntaxNode WalkUpParentheses(SyntaxNode node)
        {
            while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                node = parenthesized;
            }

            return node;
        }

        private static bool CollectLocalUses(FixPlan plan, ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var scope = declarator.FirstAncestorOrSelf<BlockSyntax>();
            if (scope is null)
            {
                return false;
            }

            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != local.Name
                    || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    continue;
                }

                if (identifier.Parent is not MemberAccessExpressionSyntax memberAccess
                    || memberAccess.Expression != identifier
                    || !IsAdaptable(memberAccess))
                {
                    return false;
                }

                plan.MemberUses.Add(memberAccess);
            }

            return true;
        }

        /// <summary>A read of a Session member the handle offers (the URL through its explicit method).</summary>
        private static bool IsAdaptable(MemberAccessExpressionSyntax memberAccess)
        {
            var name = memberAccess.Name.Identifier.ValueText;
            var isWrite = memberAccess.Parent is AssignmentExpressionSyntax assignment && assignment.Left == memberAccess;
            return !isWrite && (name == StripeNames.UrlProperty || SameOnHandle.Contains(name));
        }

        private static async Task<Document> ApplyAsync(Document document, FixPlan plan, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var generator = editor.Generator;

            editor.ReplaceNode(plan.Access.Name, SyntaxFactory.IdentifierName(plan.GuardedName).WithTriviaFrom(plan.Access.Name));
            foreach (var (argument, parameterName) in PositionalArgumentsToName(plan))
            {
                editor.ReplaceNode(
                    argument,
                    argument.WithNameColon(SyntaxFactory.NameColon(parameterName)).WithTriviaFrom(argument));
            }

            foreach (var use in plan.MemberUses.Where(u => u.Name.Identifier.ValueText == StripeNames.UrlProperty))
            {
                // The callback sees the use with the earlier edits applied (the use may contain the renamed call itself).
                editor.ReplaceNode(use, (current, _) =>
                {
                    var currentUse = (MemberAccessExpressionSyntax)current;
                    var redirectUri = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, currentUse.Expression, SyntaxFactory.IdentifierName(RuntimeNames.GetRedirectUriMethod)));
                    return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, redirectUri, SyntaxFactory.IdentifierName(nameof(System.Uri.AbsoluteUri)))
                        .WithTriviaFrom(currentUse);
                });
            }

            if (plan.Declaration is { Type.IsVar: false } declaration)
            {
                var handleType = generator.TypeExpression(plan.PortalSession)
                    .WithTriviaFrom(declaration.Type)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                editor.ReplaceNode(declaration.Type, handleType);
            }

            return editor.GetChangedDocument();
        }

        /// <summary>Positional request options and cancellation token: the guarded call has the guard options in between.</summary>
        private static IEnumerable<(ArgumentSyntax Argument, string ParameterName)> PositionalArgumentsToName(FixPlan plan)
        {
            foreach (var argument in plan.Operation.Arguments)
            {
                if (argument.Syntax is ArgumentSyntax { NameColon: null } syntax
                    && argument.ArgumentKind == ArgumentKind.Explicit
                    && argument.Parameter is { Ordinal: > 0 } parameter)
                {
                    yield return (syntax, parameter.Name);
                }
            }
        }

        private sealed record FixPlan(InvocationExpressionSyntax Invocation, MemberAccessExpressionSyntax Access, IInvocationOperation Operation, string GuardedName, INamedTypeSymbol PortalSession)
        {
            public List<MemberAccessExpressionSyntax> MemberUses { get; } = new List<MemberAccessExpressionSyntax>();

            public VariableDeclarationSyntax? Declaration { get; set; }
        }
    }
}
