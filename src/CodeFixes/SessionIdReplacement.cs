namespace Accrue.Portal.CodeFixes
{
    /// <summary>
    /// The shared part of the PORTAL001/002 fixes: where to put <c>session.Id</c> instead of the URL. Either the URL read
    /// (or the Session object) sits inside the flagged expression and is swapped in place (<c>$"…{session.Url}"</c> →
    /// <c>$"…{session.Id}"</c>), or the flagged expression is a plain reference (<c>url</c>) and the Session it came from
    /// is still in scope.
    /// </summary>
    internal static class SessionIdReplacement
    {
        /// <summary>Offers the swap to <c>session.Id</c> when <see cref="Find"/> finds one; false when it does not.</summary>
        public static bool TryRegister(
            CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel, bool requireTextTarget, string title, string equivalenceKey)
        {
            if (Find(diagnostic, root, semanticModel, requireTextTarget, context.CancellationToken) is not { } replacement)
            {
                return false;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(replacement.Target, replacement.Replacement))),
                    equivalenceKey),
                diagnostic);
            return true;
        }

        public static (ExpressionSyntax Target, ExpressionSyntax Replacement)? Find(
            Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel, bool requireTextTarget, CancellationToken cancellationToken)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax flagged)
            {
                return null;
            }

            var session = SessionType.For(semanticModel.Compilation);
            if (session is null)
            {
                return null;
            }

            var source = diagnostic.AdditionalLocations.FirstOrDefault();
            if (source is not null && source.SourceTree == root.SyntaxTree && flagged.Span.Contains(source.SourceSpan)
                && root.FindNode(source.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax read)
            {
                if (read is MemberAccessExpressionSyntax { Name.Identifier.ValueText: StripeNames.UrlProperty } access
                    && session.Matches(semanticModel.GetTypeInfo(access.Expression, cancellationToken).Type))
                {
                    return (access, access.WithName(SyntaxFactory.IdentifierName(StripeNames.IdProperty)).WithTriviaFrom(access));
                }

                if (read is IdentifierNameSyntax && session.Matches(semanticModel.GetTypeInfo(read, cancellationToken).Type))
                {
                    return (read, IdOf(read.WithoutTrivia()).WithTriviaFrom(read));
                }

                return null;
            }

            if (flagged is not (IdentifierNameSyntax or MemberAccessExpressionSyntax)
                || !diagnostic.Properties.TryGetValue(PortalUrlLeakAnalyzer.SessionNameProperty, out var name) || name is null)
            {
                return null;
            }

            var holder = semanticModel.LookupSymbols(flagged.SpanStart, name: name)
                .FirstOrDefault(s => s is ILocalSymbol or IParameterSymbol);
            var holderType = holder switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                _ => null,
            };
            if (!session.Matches(holderType))
            {
                return null;
            }

            var converted = semanticModel.GetTypeInfo(flagged, cancellationToken).ConvertedType;
            if (requireTextTarget && converted?.SpecialType is not (SpecialType.System_String or SpecialType.System_Object))
            {
                return null;
            }

            return (flagged, IdOf(SyntaxFactory.IdentifierName(name)).WithTriviaFrom(flagged));
        }

        private static ExpressionSyntax IdOf(ExpressionSyntax holder) =>
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, holder, SyntaxFactory.IdentifierName(StripeNames.IdProperty));
    }
}
