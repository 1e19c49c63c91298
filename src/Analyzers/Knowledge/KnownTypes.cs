namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// The compilation's types by metadata name, shared by every analyzer and the generator, each name resolved once per
    /// compilation. <see cref="Compilation.GetTypeByMetadataName"/> binds its way through every referenced assembly (about
    /// 0.1 ms a name in an ASP.NET Core app with 300 references) and caches no misses, while most catalogue names are
    /// misses in any one app (it logs with Serilog or NLog, not both). Every IDE edit is a new compilation, so that cost
    /// would come back on each keystroke. Here the references' answers come from <see cref="ReferencedTypes"/>, shared by
    /// the compilations that bind the same reference symbols, and only the source assembly is asked again.
    /// </summary>
    internal sealed class KnownTypes
    {
        private static readonly WeakCache<Compilation, KnownTypes> Shared = new WeakCache<Compilation, KnownTypes>(compilation => new KnownTypes(compilation, namesFromTreeWords: true));
        private static readonly WeakCache<Compilation, KnownTypes> SharedForGenerator = new WeakCache<Compilation, KnownTypes>(compilation => new KnownTypes(compilation, namesFromTreeWords: false));

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> types = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> declarations = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(StringComparer.Ordinal);
        private readonly Func<string, INamedTypeSymbol?> resolve;
        private readonly Func<string, ImmutableArray<INamedTypeSymbol>> findDeclarations;
        private readonly Lazy<ReferencedTypes> referenced;
        private readonly bool namesFromTreeWords;

        private KnownTypes(Compilation compilation, bool namesFromTreeWords)
        {
            this.compilation = compilation;
            this.resolve = this.Resolve;
            this.findDeclarations = this.FindDeclarations;
            this.referenced = new Lazy<ReferencedTypes>(() => ReferencedTypes.For(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            this.namesFromTreeWords = namesFromTreeWords;
        }

        /// <summary>For the analyzers (and fixes): a source name is looked for only where a tree's words declare it (the gate reads every tree's words anyway).</summary>
        public static KnownTypes For(Compilation compilation) => Shared.Get(compilation)!;

        /// <summary>
        /// For the generator, which runs on the compilation before its output is added, where no gate reads the trees:
        /// the source assembly's own type-name set answers, and the trees' words are left to the analyzers' compilation.
        /// </summary>
        public static KnownTypes ForGenerator(Compilation compilation) => SharedForGenerator.Get(compilation)!;

        /// <summary>The same answer as <see cref="Compilation.GetTypeByMetadataName"/>: the one type of that name, or null.</summary>
        public INamedTypeSymbol? Get(string metadataName) => this.types.GetOrAdd(metadataName, this.resolve);

        /// <summary>Every declaration of the name in the compilation and its (non-aliased) references: a type some reference assemblies each declare.</summary>
        public ImmutableArray<INamedTypeSymbol> GetAll(string metadataName) => this.declarations.GetOrAdd(metadataName, this.findDeclarations);

        private INamedTypeSymbol? Resolve(string metadataName)
        {
            // No declaration means null and one is the answer; only a type declared twice needs the compiler's own
            // tie-break (source assembly first, then the core library).
            var found = this.GetAll(metadataName);
            return found.Length switch
            {
                0 => null,
                1 => found[0],
                _ => this.compilation.GetTypeByMetadataName(metadataName),
            };
        }

        private ImmutableArray<INamedTypeSymbol> FindDeclarations(string metadataName)
        {
            // The source assembly is new with each edit, so it is asked each time; for the analyzers only when a tree
            // declares a type of that name: the words the gate reads of each tree (kept per tree) hold every declared
            // type's name, and asking the assembly itself would make the first analyzer build the compiler's declaration
            // table, which the compiler builds anyway. The references' answers are shared across compilations.
            var referenced = this.referenced.Value.Declarations(metadataName);
            var topLevelName = ReferencedTypes.TopLevelTypeName(metadataName);
            if (this.namesFromTreeWords && !SourceTypeNames.For(this.compilation).Contains(WordHash.Of(topLevelName)))
            {
                return referenced;
            }

            var source = this.compilation.Assembly;
            return source.TypeNames.Contains(topLevelName) && source.GetTypeByMetadataName(metadataName) is { } declared
                ? referenced.Insert(0, declared)
                : referenced;
        }
    }
}
