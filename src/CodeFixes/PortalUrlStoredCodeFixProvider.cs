namespace Accrue.Portal.CodeFixes
{
    /// <summary>PORTAL002: store the session's Id instead of its URL when the Session is in scope, or remove the store.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PortalUrlStoredCodeFixProvider))]
    [Shared]
    public sealed class PortalUrlStoredCodeFixProvider() : PortalCodeFixProvider(PortalDiagnostics.PortalUrlStored)
    {
        public const string StoreSessionIdKey = "PORTAL002.StoreSessionId";
        public const string RemoveStoreKey = "PORTAL002.RemoveStore";

        private protected override Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel)
        {
            SessionIdReplacement.TryRegister(context, diagnostic, root, semanticModel, requireTextTarget: true, "Store the session Id instead of its URL", StoreSessionIdKey);

            if (FindStoreStatement(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is { } statement)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove the statement that stores the portal URL",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(statement, Microsoft.CodeAnalysis.SyntaxRemoveOptions.KeepNoTrivia)!)),
                        RemoveStoreKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        /// <summary>The statement whose whole job is the store: <c>x.Field = v;</c>, <c>cache.Set(k, v);</c>, <c>await db.AddAsync(v);</c>.</summary>
        private static ExpressionStatementSyntax? FindStoreStatement(SyntaxNode flagged)
        {
            for (var node = flagged.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case ExpressionStatementSyntax statement when statement.Parent is BlockSyntax:
                        return statement;
                    case ArgumentSyntax or ArgumentListSyntax or InvocationExpressionSyntax or AwaitExpressionSyntax or AssignmentExpressionSyntax
                        or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or InitializerExpressionSyntax
                        or AnonymousObjectCreationExpressionSyntax or AnonymousObjectMemberDeclaratorSyntax or MemberAccessExpressionSyntax:
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }
    }
}
