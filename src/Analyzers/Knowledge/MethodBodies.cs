namespace Accrue.Portal.Analyzers.Knowledge
{
    using Microsoft.CodeAnalysis.CSharp.Syntax;

    /// <summary>
    /// The operation blocks of a method body the analysis follows a call into. Only trees of the compilation given are
    /// read: a declaration in another compilation's tree (a referenced project in an IDE) has no body here, as the
    /// command-line build sees a library.
    /// </summary>
    internal static class MethodBodies
    {
        /// <summary>Empty for a method without a body here: declared elsewhere, an auto-property accessor, a positional record property.</summary>
        public static ImmutableArray<IOperation> Read(IMethodSymbol method, Compilation compilation)
        {
            var blocks = ImmutableArray<IOperation>.Empty;
            foreach (var reference in (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences)
            {
                if (!compilation.ContainsSyntaxTree(reference.SyntaxTree))
                {
                    continue;
                }

                var syntax = reference.GetSyntax();
                if (syntax is AccessorDeclarationSyntax { Body: null, ExpressionBody: null } or ParameterSyntax)
                {
                    continue;
                }

#pragma warning disable RS1030 // A call followed into the app's own method needs its body; the analyzer driver caches these semantic models.
                if (compilation.GetSemanticModel(reference.SyntaxTree).GetOperation(syntax) is { } operation)
#pragma warning restore RS1030
                {
                    blocks = blocks.Add(operation);
                }
            }

            return blocks;
        }
    }
}
