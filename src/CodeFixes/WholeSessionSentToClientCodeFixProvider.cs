namespace Accrue.Portal.CodeFixes
{
    /// <summary>PORTAL012: send only the session URL (<c>new { url = session.Url }</c>) instead of the whole Session.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WholeSessionSentToClientCodeFixProvider))]
    [Shared]
    public sealed class WholeSessionSentToClientCodeFixProvider() : PortalCodeFixProvider(PortalDiagnostics.WholeSessionSentToClient)
    {
        public const string SendUrlOnlyKey = "PORTAL012.SendUrlOnly";

        private protected override Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel)
        {
            if (diagnostic.Properties.ContainsKey(WholeSessionSentToClientAnalyzer.UrlOnlyFixableProperty)
                && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax session)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Send only the session URL", ct => SendUrlOnlyAsync(context.Document, session, ct), SendUrlOnlyKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> SendUrlOnlyAsync(Document document, ExpressionSyntax session, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var receiver = session.WithoutTrivia().ToString();
            if (session is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax))
            {
                receiver = "(" + receiver + ")";
            }

            var urlOnly = SyntaxFactory.ParseExpression("new { url = " + receiver + ".Url }");
            return document.WithSyntaxRoot(root.ReplaceNode(session, urlOnly.WithTriviaFrom(session)));
        }
    }
}
