namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// The user's own sinks, read from <see cref="PortalOptions.AdditionalLogSinks"/> and
    /// <see cref="PortalOptions.AdditionalStoreSinks"/> (documentation comment ids: <c>M:</c>, <c>P:</c>, or <c>T:</c>
    /// for every member of a type). Each option value is resolved once per compilation.
    /// </summary>
    internal sealed class AdditionalSinkOptions
    {
        private static readonly ImmutableArray<(string Option, SinkKind Kind)> Options = ImmutableArray.Create(
            (PortalOptions.AdditionalLogSinks, SinkKind.Log),
            (PortalOptions.AdditionalStoreSinks, SinkKind.Store));

        private readonly Compilation compilation;
        private readonly AnalyzerConfigOptionsProvider options;
        private readonly ConcurrentDictionary<string, ImmutableHashSet<ISymbol>> parsed = new ConcurrentDictionary<string, ImmutableHashSet<ISymbol>>(StringComparer.Ordinal);

        public AdditionalSinkOptions(Compilation compilation, AnalyzerConfigOptionsProvider options)
        {
            this.compilation = compilation;
            this.options = options;
        }

        /// <summary>The kind the options in force for <paramref name="tree"/> give the member (or its type), or null.</summary>
        public SinkKind? Match(SyntaxTree tree, ISymbol member, ITypeSymbol? containingType)
        {
            var treeOptions = this.options.GetOptions(tree);
            foreach (var (option, kind) in Options)
            {
                if (!treeOptions.TryGetValue(option, out var value) || string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                var symbols = this.parsed.GetOrAdd(value, this.Parse);
                if (symbols.Contains(member.OriginalDefinition) || (containingType is not null && symbols.Contains(containingType.OriginalDefinition)))
                {
                    return kind;
                }
            }

            return null;
        }

        private ImmutableHashSet<ISymbol> Parse(string value)
        {
            var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var id in PortalOptions.SplitDocumentationIds(value))
            {
                builder.UnionWith(OptionSymbols.ForDocumentationId(id, this.compilation));
            }

            return builder.ToImmutable();
        }
    }
}
