namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary><see cref="PropagationCatalogue"/> resolved against one compilation, with a per-member cache.</summary>
    internal sealed class PropagationTable
    {
        private static readonly WeakCache<Compilation, PropagationTable> Shared = new WeakCache<Compilation, PropagationTable>(compilation => new PropagationTable(compilation));

        private readonly List<(INamedTypeSymbol Type, PropagationEntry Entry)> entries = new List<(INamedTypeSymbol, PropagationEntry)>();
        private readonly ConcurrentDictionary<ISymbol, Propagation> cache = new ConcurrentDictionary<ISymbol, Propagation>(SymbolEqualityComparer.Default);

        private PropagationTable(Compilation compilation)
        {
            foreach (var entry in PropagationCatalogue.Entries)
            {
                if (KnownTypes.For(compilation).Get(entry.TypeName) is { } type)
                {
                    this.entries.Add((type, entry));
                }
            }
        }

        /// <summary>The table of the compilation, shared by both taint engines.</summary>
        public static PropagationTable For(Compilation compilation) => Shared.Get(compilation)!;

        /// <summary>What the member (a method, constructor or property, generic definitions compared) propagates.</summary>
        public Propagation Lookup(ISymbol member)
        {
            var definition = member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : member.OriginalDefinition;
            return this.cache.GetOrAdd(definition, this.Compute);
        }

        private Propagation Compute(ISymbol member)
        {
            var result = Propagation.None;
            var name = member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? ".ctor" : member.Name;
            foreach (var (type, entry) in this.entries)
            {
                if ((entry.Members.IsEmpty || entry.Members.Contains(name)) && TypeFacts.IsOrInherits(member.ContainingType, type))
                {
                    result |= entry.Propagation;
                }
            }

            return result;
        }
    }
}
