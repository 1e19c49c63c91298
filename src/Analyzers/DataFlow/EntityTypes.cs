namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// The EF Core entities of this compilation: the T of every <c>DbSet&lt;T&gt;</c> property on a <c>DbContext</c>
    /// subclass declared here. Found on first use, once per compilation.
    /// </summary>
    internal sealed class EntityTypes
    {
        private readonly Lazy<ImmutableHashSet<ITypeSymbol>> types;

        public EntityTypes(Compilation compilation)
        {
            this.types = new Lazy<ImmutableHashSet<ITypeSymbol>>(() => Find(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public bool Contains(ITypeSymbol type) => this.types.Value.Contains(type.OriginalDefinition);

        private static ImmutableHashSet<ITypeSymbol> Find(Compilation compilation)
        {
            var types = KnownTypes.For(compilation);
            var dbContext = types.Get(SinkCatalogue.DbContext);
            var dbSet = types.Get(SinkCatalogue.DbSet);
            var builder = ImmutableHashSet.CreateBuilder<ITypeSymbol>(SymbolEqualityComparer.Default);
            if (dbContext is null || dbSet is null)
            {
                return builder.ToImmutable();
            }

            // A DbSet<T> property names DbSet (or an alias, which may stand for it): only the types of trees whose words
            // say so are asked for their base types and members, which binds their declarations.
            var words = NamesInSyntax.WithAliases(compilation, [dbSet.Name]).Select(WordHash.Of).ToImmutableArray();
            var naming = new HashSet<SyntaxTree>(compilation.SyntaxTrees.Where(tree => TreeWords.For(tree).MentionsAny(words)));

            // Namespaces and types only: asking a type for all its members would build every member symbol of the app.
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                var container = pending.Pop();
                var members = container is INamespaceSymbol ns ? ns.GetMembers() : container.GetTypeMembers();
                foreach (var member in members)
                {
                    pending.Push(member);
                    if (member is INamedTypeSymbol { TypeKind: TypeKind.Class } type
                        && type.Locations.Any(location => location.SourceTree is { } tree && naming.Contains(tree))
                        && TypeFacts.IsOrInherits(type, dbContext))
                    {
                        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                        {
                            if (property.Type is INamedTypeSymbol { TypeArguments.Length: 1 } set && SymbolEqualityComparer.Default.Equals(set.OriginalDefinition, dbSet))
                            {
                                builder.Add(set.TypeArguments[0].OriginalDefinition);
                            }
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }
    }
}
