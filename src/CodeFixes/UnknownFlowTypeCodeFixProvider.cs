namespace Accrue.Portal.CodeFixes
{
    using Microsoft.CodeAnalysis.Editing;
    using Microsoft.CodeAnalysis.Simplification;

    /// <summary>PORTAL005: replace an unknown flow type by the value it most likely meant, or by the runtime's constant.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownFlowTypeCodeFixProvider))]
    [Shared]
    public sealed class UnknownFlowTypeCodeFixProvider() : PortalCodeFixProvider(PortalDiagnostics.UnknownFlowType)
    {
        public const string ReplaceWithSuggestionKey = "PORTAL005.ReplaceWithSuggestion";
        public const string UseRuntimeConstantKey = "PORTAL005.UseRuntimeConstant";

        private protected override Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel)
        {
            if (!diagnostic.Properties.TryGetValue(UnknownFlowTypeAnalyzer.SuggestionProperty, out var suggestion) || suggestion is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                return Task.CompletedTask;
            }

            var literal = FindLiteralToReplace(value, semanticModel, context.CancellationToken);
            if (literal is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Replace with '{suggestion}'",
                        ct => ReplaceLiteralAsync(context.Document.Project.Solution, literal, suggestion, ct),
                        ReplaceWithSuggestionKey),
                    diagnostic);
            }

            if (value is LiteralExpressionSyntax
                && diagnostic.Properties.TryGetValue(UnknownFlowTypeAnalyzer.ConstantsTypeProperty, out var constantsTypeName)
                && FindConstant(semanticModel.Compilation, constantsTypeName, suggestion) is { } constant)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use {constant.ContainingType.Name}.{constant.Name}",
                        ct => UseConstantAsync(context.Document, value, constant, ct),
                        UseRuntimeConstantKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        /// <summary>
        /// The string literal that holds the value: the expression itself, or the initializer of the constant it names when
        /// that is in this document's compilation (a constant of a referenced project is a library's, as on the command line).
        /// </summary>
        private static LiteralExpressionSyntax? FindLiteralToReplace(ExpressionSyntax value, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            if (value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return literal;
            }

            var symbol = semanticModel.GetSymbolInfo(value, cancellationToken).Symbol;
            var isConstant = symbol is IFieldSymbol { IsConst: true } || symbol is ILocalSymbol { IsConst: true };
            var declarations = isConstant ? symbol!.DeclaringSyntaxReferences : ImmutableArray<SyntaxReference>.Empty;
            if (declarations.Length != 1 || !semanticModel.Compilation.ContainsSyntaxTree(declarations[0].SyntaxTree))
            {
                return null;
            }

            var declarator = declarations[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
            return declarator?.Initializer?.Value is LiteralExpressionSyntax initializer && initializer.IsKind(SyntaxKind.StringLiteralExpression)
                ? initializer
                : null;
        }

        private static IFieldSymbol? FindConstant(Compilation compilation, string? constantsTypeName, string value)
        {
            return constantsTypeName is null
                ? null
                : compilation.GetTypeByMetadataName(constantsTypeName)?
                    .GetMembers()
                    .OfType<IFieldSymbol>()
                    .FirstOrDefault(field => field.IsConst && field.DeclaredAccessibility == Accessibility.Public && value.Equals(field.ConstantValue));
        }

        private static async Task<Solution> ReplaceLiteralAsync(Solution solution, LiteralExpressionSyntax literal, string replacement, CancellationToken cancellationToken)
        {
            var document = solution.GetDocument(literal.SyntaxTree);
            var root = await literal.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                return solution;
            }

            var newLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement))
                .WithTriviaFrom(literal);
            return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(literal, newLiteral));
        }

        private static async Task<Document> UseConstantAsync(Document document, ExpressionSyntax value, IFieldSymbol constant, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var generator = editor.Generator;
            var access = generator.MemberAccessExpression(generator.TypeExpression(constant.ContainingType), constant.Name)
                .WithTriviaFrom(value)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            editor.ReplaceNode(value, access);
            return editor.GetChangedDocument();
        }
    }
}
