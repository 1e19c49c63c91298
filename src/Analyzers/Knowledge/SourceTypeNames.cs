namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// The names (hashed, <see cref="WordHash"/>) of the types the compilation's own trees declare, nested ones included,
    /// read from <see cref="TreeWords"/> without a symbol: whether a name in source can mean a type of the app.
    /// </summary>
    internal static class SourceTypeNames
    {
        private static readonly WeakCache<Compilation, HashSet<int>> Shared =
            new WeakCache<Compilation, HashSet<int>>(compilation => new HashSet<int>(compilation.SyntaxTrees.SelectMany(tree => TreeWords.For(tree).TypeNames)));

        public static HashSet<int> For(Compilation compilation) => Shared.Get(compilation)!;
    }
}
