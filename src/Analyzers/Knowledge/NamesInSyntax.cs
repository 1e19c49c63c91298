namespace Accrue.Portal.Analyzers.Knowledge
{
    using Microsoft.CodeAnalysis.CSharp.Syntax;

    /// <summary>
    /// How source text names a type, for the pre-filters that look for a type by its name before any symbol is asked
    /// for (which would bind the declarations of the project's types): the name a type's syntax ends in, and the
    /// compilation's using aliases, each of which may stand for the type looked for.
    /// </summary>
    internal static class NamesInSyntax
    {
        private static readonly WeakCache<Compilation, HashSet<string>> SharedAliases = new WeakCache<Compilation, HashSet<string>>(FindAliases);

        /// <summary>The names of the compilation's using aliases, global and namespace-level ones included.</summary>
        public static HashSet<string> Aliases(Compilation compilation) => SharedAliases.Get(compilation)!;

        /// <summary>
        /// The simple name a type's syntax ends in (<c>SessionCreateOptions</c> for <c>Stripe.BillingPortal.SessionCreateOptions?</c>),
        /// or null for a syntax that names no named type by its name (an array, a tuple, a predefined type).
        /// </summary>
        public static string? TypeName(TypeSyntax type) => type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            NullableTypeSyntax nullable => TypeName(nullable.ElementType),
            RefTypeSyntax reference => TypeName(reference.Type),
            _ => null,
        };

        /// <summary>
        /// <paramref name="typeNames"/> and the compilation's using aliases: the names a text can use for those types.
        /// </summary>
        public static HashSet<string> WithAliases(Compilation compilation, IEnumerable<string> typeNames)
        {
            var names = new HashSet<string>(Aliases(compilation), StringComparer.Ordinal);
            names.UnionWith(typeNames);
            return names;
        }

        /// <summary>Read from the words kept per tree (<see cref="TreeWords.AliasNames"/>), so an edit re-reads one file's usings.</summary>
        private static HashSet<string> FindAliases(Compilation compilation) =>
            new HashSet<string>(compilation.SyntaxTrees.SelectMany(tree => TreeWords.For(tree).AliasNames), StringComparer.Ordinal);
    }
}
