namespace Accrue.Portal.CodeFixes
{
    using Accrue.Portal.Internal;

    /// <summary>
    /// PORTAL009: cancel at period end (or a proration Stripe accepts), and ask for a cancellation reason with Stripe's
    /// full list of reasons.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakCancellationConfigurationCodeFixProvider))]
    [Shared]
    public sealed class WeakCancellationConfigurationCodeFixProvider() : PortalCodeFixProvider(PortalDiagnostics.WeakCancellationConfiguration)
    {
        public const string ReplaceValueKey = "PORTAL009.ReplaceValue";
        public const string AskCancellationReasonKey = "PORTAL009.AskCancellationReason";

        private protected override Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel)
        {
            if (!diagnostic.Properties.TryGetValue(WeakCancellationConfigurationAnalyzer.FixProperty, out var fix))
            {
                return Task.CompletedTask;
            }

            var value = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (fix)
            {
                case WeakCancellationConfigurationAnalyzer.FixReplaceLiteral
                    when value is LiteralExpressionSyntax literal
                         && diagnostic.Properties.TryGetValue(WeakCancellationConfigurationAnalyzer.ReplacementProperty, out var replacement) && replacement is not null:
                    var newLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement));
                    context.RegisterCodeFix(
                        CodeAction.Create($"Use '{replacement}'", ct => Replace(context.Document, root, literal, newLiteral), ReplaceValueKey),
                        diagnostic);
                    break;
                case WeakCancellationConfigurationAnalyzer.FixEnableReason when value is LiteralExpressionSyntax falseLiteral:
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Ask for a cancellation reason",
                            ct => Replace(context.Document, root, falseLiteral, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)),
                            AskCancellationReasonKey),
                        diagnostic);
                    break;
                case WeakCancellationConfigurationAnalyzer.FixAddCancellationReason or WeakCancellationConfigurationAnalyzer.FixAddReasonEnabled
                    when diagnostic.AdditionalLocations.Count == 1 && diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree
                         && InitializerEditor.FindCreation(root, diagnostic.AdditionalLocations[0].SourceSpan) is { } creation:
                    var member = fix == WeakCancellationConfigurationAnalyzer.FixAddReasonEnabled
                        ? "Enabled = true"
                        : CancellationReasonMember(semanticModel, creation, context.CancellationToken);
                    if (member is not null)
                    {
                        var span = creation.Span;
                        context.RegisterCodeFix(
                            CodeAction.Create("Ask for a cancellation reason", ct => InitializerEditor.AddMemberAsync(context.Document, span, member, ct), AskCancellationReasonKey),
                            diagnostic);
                    }

                    break;
            }

            return Task.CompletedTask;
        }

        private static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode old, SyntaxNode replacement) =>
            Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(old, replacement.WithTriviaFrom(old))));

        /// <summary><c>CancellationReason = new … { Enabled = true, Options = new List&lt;string&gt; { every reason } }</c>.</summary>
        private static string? CancellationReasonMember(SemanticModel semanticModel, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            if (semanticModel.GetTypeInfo(creation, cancellationToken).Type is not { } cancelType
                || cancelType.GetMembers("CancellationReason").OfType<IPropertySymbol>().FirstOrDefault() is not { } reason
                || reason.Type.GetMembers("Options").OfType<IPropertySymbol>().FirstOrDefault() is not { } options)
            {
                return null;
            }

            var position = creation.SpanStart;
            var reasons = string.Join(", ", PortalEnumeratedField.CancellationReason.ValidValues.Select(r => SyntaxFactory.Literal(r).Text));
            return $"{reason.Name} = new {reason.Type.ToMinimalDisplayString(semanticModel, position)} {{ Enabled = true, {options.Name} = new {options.Type.ToMinimalDisplayString(semanticModel, position)} {{ {reasons} }} }}";
        }
    }
}
