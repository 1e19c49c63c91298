namespace Accrue.Portal.Analyzers.Knowledge
{
    using System.IO;
    using Microsoft.CodeAnalysis.CSharp;
    using Microsoft.CodeAnalysis.CSharp.Syntax;
    using Microsoft.CodeAnalysis.Text;

    /// <summary>
    /// Generated code is skipped: the analyzers configure <see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/>
    /// without <see cref="GeneratedCodeAnalysisFlags.Analyze"/>, so the driver calls no action for a generated file or a
    /// <c>[GeneratedCode]</c> declaration, and this check keeps out of generated code the diagnostics that land outside
    /// the declaration analysed (an options factory in another file). With <see cref="GeneratedCodeAnalysisFlags.None"/>
    /// the driver made the same check itself by reading every token of each file a PORTAL rule reported in, a quarter of
    /// the per-document cost of an IDE edit; here a file whose text never names <c>GeneratedCode</c> needs no symbol.
    /// The file-level test is the driver's: the <c>generated_code</c> option, else the file name and the leading comment.
    /// </summary>
    internal static class GeneratedCode
    {
        private static readonly WeakCache<SyntaxTree, TreeMarks> Marks = new WeakCache<SyntaxTree, TreeMarks>(Read);

        /// <summary>Reports <paramref name="diagnostic"/> unless its location is in generated code.</summary>
        public static void ReportOutsideGeneratedCode(this OperationBlockAnalysisContext context, Diagnostic diagnostic) =>
            ReportOutside(context.ReportDiagnostic, context.Compilation, context.Options, diagnostic, context.CancellationToken);

        /// <inheritdoc cref="ReportOutsideGeneratedCode(OperationBlockAnalysisContext, Diagnostic)"/>
        public static void ReportOutsideGeneratedCode(this OperationAnalysisContext context, Diagnostic diagnostic) =>
            ReportOutside(context.ReportDiagnostic, context.Compilation, context.Options, diagnostic, context.CancellationToken);

        /// <inheritdoc cref="ReportOutsideGeneratedCode(OperationBlockAnalysisContext, Diagnostic)"/>
        public static void ReportOutsideGeneratedCode(this SemanticModelAnalysisContext context, Diagnostic diagnostic) =>
            ReportOutside(context.ReportDiagnostic, context.SemanticModel.Compilation, context.Options, diagnostic, context.CancellationToken);

        /// <summary>The location is in generated code, as the driver judges it.</summary>
        public static bool Contains(Location location, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            if (location.SourceTree is not { } tree || !compilation.ContainsSyntaxTree(tree))
            {
                return false;
            }

            var marks = Marks.Get(tree)!;
            // The driver reads the option from the analyzer configuration (.editorconfig); it overrides the file's looks.
            var isGenerated = options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue("generated_code", out var option) && bool.TryParse(option, out var marked)
                ? marked
                : marks.LooksGenerated;
            return isGenerated || (marks.NamesGeneratedCode && IsInGeneratedCodeSymbol(location, compilation, cancellationToken));
        }

        private static void ReportOutside(Action<Diagnostic> report, Compilation compilation, AnalyzerOptions options, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!Contains(diagnostic.Location, compilation, options, cancellationToken))
            {
                report(diagnostic);
            }
        }

        /// <summary>
        /// As the driver asks it: a declaration enclosing the location declares a symbol marked <c>[GeneratedCode]</c>,
        /// itself or through its containing types, and a symbol declared in several parts (a partial type) never counts.
        /// </summary>
        private static bool IsInGeneratedCodeSymbol(Location location, Compilation compilation, CancellationToken cancellationToken)
        {
            var tree = location.SourceTree!;
#pragma warning disable RS1030 // Only for a diagnostic about to be reported in a file that names GeneratedCode; the driver caches the model.
            var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            for (var node = tree.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true); node is not null; node = node.Parent)
            {
                if (node is BaseFieldDeclarationSyntax field)
                {
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (IsGeneratedSymbol(model.GetDeclaredSymbol(variable, cancellationToken)))
                        {
                            return true;
                        }
                    }
                }
                else if (IsGeneratedSymbol(model.GetDeclaredSymbol(node, cancellationToken)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsGeneratedSymbol(ISymbol? symbol)
        {
            for (; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                if (symbol.DeclaringSyntaxReferences.Length > 1)
                {
                    return false;
                }

                foreach (var attribute in symbol.GetAttributes())
                {
                    if (attribute.AttributeClass is
                        {
                            Name: "GeneratedCodeAttribute",
                            ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
                        })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static TreeMarks Read(SyntaxTree tree) =>
            new TreeMarks(
                LooksGenerated: IsGeneratedFileName(tree.FilePath) || BeginsWithAutoGeneratedComment(tree),
                NamesGeneratedCode: Names(tree.GetText(), "GeneratedCode"));

        /// <summary>The text holds <paramref name="word"/> anywhere (a using alias, a comment): read in chunks, the whole text never copied.</summary>
        private static bool Names(SourceText text, string word)
        {
            if (text.Length < word.Length)
            {
                return false;
            }

            var chunk = new char[Math.Min(text.Length, 4096)];
            for (var start = 0; ; start += chunk.Length - (word.Length - 1))
            {
                var count = Math.Min(chunk.Length, text.Length - start);
                text.CopyTo(start, chunk, 0, count);
                if (new ReadOnlySpan<char>(chunk, 0, count).IndexOf(word.AsSpan()) >= 0)
                {
                    return true;
                }

                if (start + count >= text.Length)
                {
                    return false;
                }
            }
        }

        private static bool IsGeneratedFileName(string? filePath)
        {
            if (string.IsNullOrEmpty(filePath))
            {
                return false;
            }

            var fileName = Path.GetFileName(filePath);
            if (fileName.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.IsNullOrEmpty(Path.GetExtension(fileName)))
            {
                return false;
            }

            var name = Path.GetFileNameWithoutExtension(fileName);
            return name.EndsWith(".designer", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".generated", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".g", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".g.i", StringComparison.OrdinalIgnoreCase);
        }

        private static bool BeginsWithAutoGeneratedComment(SyntaxTree tree)
        {
            foreach (var trivia in tree.GetRoot().GetLeadingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    var text = trivia.ToString();
                    if (text.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0
                        || text.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private sealed record TreeMarks(bool LooksGenerated, bool NamesGeneratedCode);
    }
}
