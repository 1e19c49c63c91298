namespace Accrue.Portal.CodeFixes
{
    using System.Text.RegularExpressions;
    using Microsoft.CodeAnalysis.Operations;

    /// <summary>
    /// PORTAL001: log the session's Id instead of its URL when the Session is in scope; otherwise drop the structured-log
    /// argument together with its placeholder in the constant message template.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PortalUrlLoggedCodeFixProvider))]
    [Shared]
    public sealed class PortalUrlLoggedCodeFixProvider() : PortalCodeFixProvider(PortalDiagnostics.PortalUrlLogged)
    {
        public const string UseSessionIdKey = "PORTAL001.UseSessionId";
        public const string RemoveArgumentKey = "PORTAL001.RemoveArgument";

        private static readonly Regex Placeholder = new Regex(@"(?<!\{)\{(?!\{)[^{}]*\}", RegexOptions.CultureInvariant);

        private protected override Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel)
        {
            if (SessionIdReplacement.TryRegister(context, diagnostic, root, semanticModel, requireTextTarget: false, "Log the session Id instead of its URL", UseSessionIdKey))
            {
                return Task.CompletedTask;
            }

            if (FindTemplateArgument(diagnostic, root, semanticModel, context.CancellationToken) is { } removal)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove the URL and its placeholder from the log message",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(Remove(root, removal.Argument, removal.Template, removal.PlaceholderIndex))),
                        RemoveArgumentKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        /// <summary>The flagged argument as the n-th value of a message template given as a string literal with exactly one placeholder per value.</summary>
        private static (ArgumentSyntax Argument, LiteralExpressionSyntax Template, int PlaceholderIndex)? FindTemplateArgument(
            Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax flagged
                || flagged.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } argument
                || semanticModel.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
            {
                return null;
            }

            LiteralExpressionSyntax? template = null;
            var values = ImmutableArray.CreateBuilder<SyntaxNode>();
            foreach (var operationArgument in invocation.Arguments)
            {
                var name = operationArgument.Parameter?.Name ?? string.Empty;
                if (name is "message" or "messageTemplate" or "format")
                {
                    template = operationArgument.Value.Syntax as LiteralExpressionSyntax;
                }
                else if (operationArgument.ArgumentKind == ArgumentKind.ParamArray && operationArgument.Value is IArrayCreationOperation { IsImplicit: true, Initializer: { } elements })
                {
                    values.AddRange(elements.ElementValues.Select(e => e.Syntax));
                }
                else if (name.StartsWith("propertyValue", System.StringComparison.Ordinal) || name.StartsWith("argument", System.StringComparison.Ordinal))
                {
                    values.Add(operationArgument.Value.Syntax);
                }
            }

            var index = values.IndexOf(flagged);
            if (template is null || !template.IsKind(SyntaxKind.StringLiteralExpression) || index < 0
                || Placeholder.Matches(template.Token.ValueText).Count != values.Count)
            {
                return null;
            }

            return (argument, template, index);
        }

        private static SyntaxNode Remove(SyntaxNode root, ArgumentSyntax argument, LiteralExpressionSyntax template, int placeholderIndex)
        {
            var text = template.Token.ValueText;
            var placeholder = Placeholder.Matches(text)[placeholderIndex];
            var start = placeholder.Index;
            var end = placeholder.Index + placeholder.Length;
            if (start > 0 && text[start - 1] == ' ')
            {
                start--;
            }
            else if (end < text.Length && text[end] == ' ')
            {
                end++;
            }

            var newTemplate = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text.Remove(start, end - start)))
                .WithTriviaFrom(template);
            var list = (ArgumentListSyntax)argument.Parent!;
            var argumentIndex = list.Arguments.IndexOf(argument);
            var newList = list.ReplaceNode(template, newTemplate);
            return root.ReplaceNode(list, newList.WithArguments(newList.Arguments.RemoveAt(argumentIndex)));
        }
    }
}
