namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// Where type names are declared among one set of referenced assemblies, shared by every compilation bound to the
    /// same assembly symbols. Each IDE edit is a new compilation, but the compiler reuses the metadata symbols of unchanged
    /// references, and a name cannot resolve differently in the same symbols; a compilation with any other reference gets
    /// its own set. A few recent sets are kept per core library, weakly.
    /// </summary>
    internal sealed class ReferencedTypes
    {
        private const int RecentSetsKept = 4;
        private const string GlobalAlias = "global";

        private static readonly WeakCache<IAssemblySymbol, RecentSets> ByCoreLibrary = new WeakCache<IAssemblySymbol, RecentSets>(_ => new RecentSets());

        private readonly ImmutableArray<IAssemblySymbol> assemblies;
        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> declarations = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(StringComparer.Ordinal);
        private readonly Func<string, ImmutableArray<INamedTypeSymbol>> find;

        private ReferencedTypes(ImmutableArray<IAssemblySymbol> assemblies)
        {
            this.assemblies = assemblies;
            this.find = this.Find;
        }

        public static ReferencedTypes For(Compilation compilation)
        {
            var assemblies = ReferencedAssemblies(compilation);
            return compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly is { } coreLibrary
                ? ByCoreLibrary.Get(coreLibrary)!.GetOrAdd(assemblies)
                : new ReferencedTypes(assemblies);
        }

        /// <summary>Every declaration of the metadata name in these assemblies.</summary>
        public ImmutableArray<INamedTypeSymbol> Declarations(string metadataName) => this.declarations.GetOrAdd(metadataName, this.find);

        private ImmutableArray<INamedTypeSymbol> Find(string metadataName)
        {
            var typeName = TopLevelTypeName(metadataName);
            var found = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var assembly in this.assemblies)
            {
                // TypeNames is a hashed set the assembly symbol keeps, so a miss costs one look-up per assembly.
                if (assembly.TypeNames.Contains(typeName) && assembly.GetTypeByMetadataName(metadataName) is { } type)
                {
                    found.Add(type);
                }
            }

            return found.ToImmutable();
        }

        /// <summary>Every assembly referenced without an extern alias, as GetTypeByMetadataName searches them.</summary>
        private static ImmutableArray<IAssemblySymbol> ReferencedAssemblies(Compilation compilation)
        {
            var assemblies = ImmutableArray.CreateBuilder<IAssemblySymbol>();
            var seen = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
            foreach (var reference in compilation.References)
            {
                var aliases = reference.Properties.Aliases;
                if ((aliases.IsDefaultOrEmpty || aliases.Contains(GlobalAlias))
                    && compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                    && seen.Add(assembly))
                {
                    assemblies.Add(assembly);
                }
            }

            return assemblies.ToImmutable();
        }

        /// <summary>"A.B.Outer+Inner`1" is declared by the assembly that declares Outer.</summary>
        public static string TopLevelTypeName(string metadataName)
        {
            var nested = metadataName.IndexOf('+');
            var end = nested < 0 ? metadataName.Length : nested;
            var start = metadataName.LastIndexOf('.', end - 1) + 1;
            var tick = metadataName.IndexOf('`', start);
            return metadataName.Substring(start, (tick >= 0 && tick < end ? tick : end) - start);
        }

        private bool IsFor(ImmutableArray<IAssemblySymbol> other)
        {
            if (other.Length != this.assemblies.Length)
            {
                return false;
            }

            for (var i = 0; i < other.Length; i++)
            {
                if (!ReferenceEquals(other[i], this.assemblies[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The most recently used sets for one core library, newest first.</summary>
        private sealed class RecentSets
        {
            private readonly List<ReferencedTypes> sets = new List<ReferencedTypes>();

            public ReferencedTypes GetOrAdd(ImmutableArray<IAssemblySymbol> assemblies)
            {
                lock (this.sets)
                {
                    var index = this.sets.FindIndex(set => set.IsFor(assemblies));
                    var set = index >= 0 ? this.sets[index] : new ReferencedTypes(assemblies);
                    if (index != 0)
                    {
                        if (index > 0)
                        {
                            this.sets.RemoveAt(index);
                        }

                        this.sets.Insert(0, set);
                        if (this.sets.Count > RecentSetsKept)
                        {
                            this.sets.RemoveAt(this.sets.Count - 1);
                        }
                    }

                    return set;
                }
            }
        }
    }
}
