namespace Accrue.Portal.Analyzers.Rules
{
    using Microsoft.CodeAnalysis.CSharp;
    using Microsoft.CodeAnalysis.CSharp.Syntax;
    using Microsoft.CodeAnalysis.Text;

    /// <summary>
    /// PORTAL014: a Stripe secret key, restricted key or webhook signing secret written in the source, in a literal, in a
    /// constant expression built from literals and named constants, or in a comment.
    /// </summary>
    /// <remarks>
    /// Two passes that never report the same expression. The text pass reads each file's text once for a secret prefix
    /// (a vectorised search, before any syntax or semantic work, so a file without one costs a scan and nothing else)
    /// and reports the literal that holds it, or the outermost constant expression that literal is part of. The
    /// operation pass reports a constant concatenation or interpolation whose secret comes from named constants only
    /// (<c>Prefix + Body</c>), which no literal at that place shows.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StripeSecretInSourceAnalyzer() : PortalAnalyzer(PortalDiagnostics.StripeSecretInSource)
    {
        /// <summary>Diagnostic property: the <see cref="StripeSecretKind"/> name, set where the fix can replace the expression.</summary>
        internal const string SecretKindProperty = "SecretKind";

        private const string InSource = "the source";
        private const string ReadFromConfiguration = "read it from configuration";

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            start.RegisterSemanticModelAction(AnalyzeText);
            start.RegisterOperationAction(AnalyzeNamedConstantComposition, OperationKind.Binary, OperationKind.InterpolatedString);
        }

        private static void AnalyzeText(SemanticModelAnalysisContext context)
        {
            var tree = context.SemanticModel.SyntaxTree;
            var text = tree.GetText(context.CancellationToken);
            SyntaxNode? root = null;
            List<TextSpan>? reported = null;
            var position = 0;
            int start;
            while ((start = StripeSecrets.FindPrefix(text, position, out var prefix)) >= 0)
            {
                position = start + prefix!.Text.Length;
                root ??= tree.GetRoot(context.CancellationToken);
                var token = root.FindToken(start, findInsideTrivia: true);
                if (!token.Span.Contains(start))
                {
                    var trivia = root.FindTrivia(start);
                    if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                    {
                        ReportInTrivia(context, text, start, prefix, "a comment");
                    }
                    else if (trivia.IsKind(SyntaxKind.DisabledTextTrivia))
                    {
                        ReportInTrivia(context, text, start, prefix, "disabled code");
                    }
                }
                else if (token.Parent?.FirstAncestorOrSelf<DocumentationCommentTriviaSyntax>() is not null)
                {
                    ReportInTrivia(context, text, start, prefix, "a comment");
                }
                else if (IsStringText(token))
                {
                    AnalyzeLiteral(context, token, ref reported);
                    position = Math.Max(position, token.Span.End);
                }
            }
        }

        private static void AnalyzeLiteral(SemanticModelAnalysisContext context, SyntaxToken token, ref List<TextSpan>? reported)
        {
            var model = context.SemanticModel;
            var cancellationToken = context.CancellationToken;
            if (token.Parent is InterpolatedStringTextSyntax textPart && !IsConstant(textPart.Parent, model, cancellationToken))
            {
                // Text inside an interpolation with run-time holes: only this part is known, and no fix rewrites half a string.
                if (StripeSecrets.TryFindSecret(token.ValueText.AsSpan(), out var textPrefix, out _, out _))
                {
                    Report(context, textPart.GetLocation(), textPrefix!, fixable: false, ref reported);
                }

                return;
            }

            var piece = (ExpressionSyntax)(token.Parent is InterpolatedStringTextSyntax ? token.Parent.Parent! : token.Parent!);
            var reportOn = piece;
            string? value;
            if (IsConstant(piece, model, cancellationToken))
            {
                for (var composition = EnclosingComposition(reportOn); composition is not null && IsConstant(composition, model, cancellationToken); composition = EnclosingComposition(composition))
                {
                    reportOn = composition;
                }

                value = model.GetConstantValue(reportOn, cancellationToken).Value as string;
            }
            else
            {
                // A UTF-8 literal has no constant value; its text is what ships.
                value = token.ValueText;
            }

            if (value is not null && StripeSecrets.TryFindSecret(value.AsSpan(), out var prefix, out _, out _))
            {
                Report(context, reportOn.GetLocation(), prefix!, fixable: !piece.IsKind(SyntaxKind.Utf8StringLiteralExpression), ref reported);
            }
        }

        private static void AnalyzeNamedConstantComposition(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            if (operation.ConstantValue is not { HasValue: true, Value: string value }
                || !StripeSecrets.TryFindSecret(value.AsSpan(), out var prefix, out _, out _)
                || IsPartOfConstantComposition(operation)
                || HasPieceReportedElsewhere(operation))
            {
                return;
            }

            context.ReportOutsideGeneratedCode(Diagnostic.Create(
                PortalDiagnostics.StripeSecretInSource,
                operation.Syntax.GetLocation(),
                FixableProperties(prefix!),
                prefix!.Description,
                prefix.Masked,
                InSource,
                ReadFromConfiguration));
        }

        /// <summary>The operation is an operand of a larger constant: that one is reported, once.</summary>
        private static bool IsPartOfConstantComposition(IOperation operation)
        {
            var parent = operation.Parent is IInterpolationOperation interpolation ? interpolation.Parent : operation.Parent;
            return parent is IBinaryOperation or IInterpolatedStringOperation && parent.ConstantValue.HasValue;
        }

        /// <summary>
        /// A literal piece that shows a secret prefix belongs to the text pass; a named constant that holds a whole secret
        /// is reported where it is declared (or, from a referenced assembly, is not this project's source).
        /// </summary>
        private static bool HasPieceReportedElsewhere(IOperation composition)
        {
            foreach (var piece in composition.DescendantsAndSelf())
            {
                switch (piece)
                {
                    case ILiteralOperation literal when WrittenText(literal.Syntax) is { } written && StripeSecrets.ContainsPrefix(written):
                        return true;
                    case IFieldReferenceOperation or ILocalReferenceOperation
                        when piece.ConstantValue is { HasValue: true, Value: string constant } && StripeSecrets.TryFindSecret(constant.AsSpan(), out _, out _, out _):
                        return true;
                }
            }

            return false;
        }

        private static string? WrittenText(SyntaxNode syntax) => syntax switch
        {
            LiteralExpressionSyntax literal => literal.Token.Text,
            InterpolatedStringTextSyntax text => text.TextToken.Text,
            _ => null,
        };

        /// <summary>The concatenation or interpolated string the expression is a direct operand of (through parentheses).</summary>
        private static ExpressionSyntax? EnclosingComposition(ExpressionSyntax expression)
        {
            var parent = expression.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => binary,
                InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } => interpolated,
                _ => null,
            };
        }

        private static bool IsConstant(SyntaxNode? expression, SemanticModel model, System.Threading.CancellationToken cancellationToken) =>
            expression is ExpressionSyntax && model.GetConstantValue(expression, cancellationToken).HasValue;

        private static bool IsStringText(SyntaxToken token) =>
            token.Kind() switch
            {
                SyntaxKind.StringLiteralToken
                or SyntaxKind.Utf8StringLiteralToken
                or SyntaxKind.SingleLineRawStringLiteralToken
                or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8SingleLineRawStringLiteralToken
                or SyntaxKind.Utf8MultiLineRawStringLiteralToken => token.Parent is LiteralExpressionSyntax,
                SyntaxKind.InterpolatedStringTextToken => token.Parent is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax },
                _ => false,
            };

        private static void ReportInTrivia(SemanticModelAnalysisContext context, SourceText text, int start, StripeSecretPrefix prefix, string where)
        {
            // Only this rare path copies text: the prefix and what may be its key body.
            var window = text.ToString(new TextSpan(start, Math.Min(text.Length - start, 256)));
            var length = StripeSecrets.SecretLengthAt(window.AsSpan(), 0, prefix);
            if (length > 0)
            {
                var location = Location.Create(context.SemanticModel.SyntaxTree, new TextSpan(start, length));
                context.ReportOutsideGeneratedCode(Diagnostic.Create(PortalDiagnostics.StripeSecretInSource, location, prefix.Description, prefix.Masked, where, "delete it"));
            }
        }

        private static void Report(SemanticModelAnalysisContext context, Location location, StripeSecretPrefix prefix, bool fixable, ref List<TextSpan>? reported)
        {
            // Two secret literals in one constant expression report that expression once.
            reported ??= new List<TextSpan>();
            if (reported.Contains(location.SourceSpan))
            {
                return;
            }

            reported.Add(location.SourceSpan);
            var properties = fixable ? FixableProperties(prefix) : ImmutableDictionary<string, string?>.Empty;
            context.ReportOutsideGeneratedCode(Diagnostic.Create(PortalDiagnostics.StripeSecretInSource, location, properties, prefix.Description, prefix.Masked, InSource, ReadFromConfiguration));
        }

        private static ImmutableDictionary<string, string?> FixableProperties(StripeSecretPrefix prefix) =>
            ImmutableDictionary<string, string?>.Empty.Add(SecretKindProperty, prefix.Kind.Name);
    }
}
