namespace Accrue.Portal.CodeFixes
{
    using Microsoft.CodeAnalysis.Text;

    /// <summary>Adds one member assignment to an object creation's initializer, keeping its one-line or one-per-line layout.</summary>
    internal static class InitializerEditor
    {
        public static BaseObjectCreationExpressionSyntax? FindCreation(SyntaxNode root, TextSpan span) =>
            root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();

        public static async Task<Document> AddMemberAsync(Document document, TextSpan creationSpan, string member, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var creation = root is null ? null : FindCreation(root, creationSpan);
            if (creation is null)
            {
                return document;
            }

            return document.WithText(text.WithChanges(Change(creation, member, text)));
        }

        private static TextChange Change(BaseObjectCreationExpressionSyntax creation, string member, SourceText text)
        {
            var initializer = creation.Initializer;
            if (initializer is null)
            {
                return new TextChange(new TextSpan(creation.Span.End, 0), " { " + member + " }");
            }

            var expressions = initializer.Expressions;
            if (expressions.Count == 0)
            {
                return new TextChange(initializer.Span, "{ " + member + " }");
            }

            var last = expressions.Last();
            var hasTrailingComma = expressions.SeparatorCount == expressions.Count;
            var end = hasTrailingComma ? expressions.GetSeparator(expressions.Count - 1).Span.End : last.Span.End;
            if (!text.ToString(initializer.Span).Contains("\n"))
            {
                return new TextChange(new TextSpan(end, 0), hasTrailingComma ? " " + member + "," : ", " + member);
            }

            var line = text.Lines.GetLineFromPosition(expressions[0].SpanStart);
            var indentation = text.ToString(TextSpan.FromBounds(line.Start, expressions[0].SpanStart));
            var newLine = text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak));
            return new TextChange(new TextSpan(end, 0), hasTrailingComma ? newLine + indentation + member + "," : "," + newLine + indentation + member);
        }
    }
}
