namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// <see cref="SinkCatalogue"/> resolved against one compilation: which catalogued member a call, a property write or
    /// a collection write reaches. Interface and base-class entries also match implementations and overrides.
    /// </summary>
    internal sealed class CatalogueSinks
    {
        private readonly List<(INamedTypeSymbol Type, SinkEntry Entry)> entries = new List<(INamedTypeSymbol, SinkEntry)>();
        private readonly ConcurrentDictionary<ISymbol, SinkEntry?> callSinks = new ConcurrentDictionary<ISymbol, SinkEntry?>(SymbolEqualityComparer.Default);
        private readonly INamedTypeSymbol? console;

        public CatalogueSinks(KnownTypes types)
        {
            this.console = types.Get(SinkCatalogue.Console);
            foreach (var entry in SinkCatalogue.Entries)
            {
                if (types.Get(entry.TypeName) is { } type)
                {
                    this.entries.Add((type, entry));
                }
            }
        }

        /// <summary>The entry a call (or a constructor) reaches, cached by the method's definition.</summary>
        public SinkEntry? MatchCall(IMethodSymbol method)
        {
            return this.callSinks.GetOrAdd(method.OriginalDefinition, m =>
            {
                var definition = (IMethodSymbol)m;
                var name = definition.MethodKind == MethodKind.Constructor ? ".ctor" : definition.Name;
                foreach (var (type, entry) in this.entries)
                {
                    if (entry.Shape == SinkShape.Call && entry.MatchesMember(name) && TypeFacts.IsOrInherits(definition.ContainingType, type))
                    {
                        return entry;
                    }
                }

                return null;
            });
        }

        /// <summary>The kind of a matched call: a <c>TextWriter</c> write is storage, except on <c>Console.Out</c>/<c>Console.Error</c>, which log.</summary>
        public SinkKind KindOf(SinkEntry entry, IInvocationOperation invocation) =>
            entry.TypeName == SinkCatalogue.TextWriter
            && this.console is not null
            && invocation.Instance is IPropertyReferenceOperation stream
            && SymbolEqualityComparer.Default.Equals(stream.Property.ContainingType, this.console)
                ? SinkKind.Log
                : entry.Kind;

        public SinkEntry? MatchProperty(IPropertySymbol property, SinkShape shape)
        {
            foreach (var (type, entry) in this.entries)
            {
                if (entry.Shape == shape && entry.MatchesMember(property.Name) && TypeFacts.IsOrInherits(property.ContainingType, type))
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>TempData["k"] = v, ViewData.Add(k, v), exception.Data["k"] = v.</summary>
        public SinkDescription? DescribeCollectionWrite(IOperation? collection, bool isIndexer)
        {
            if (collection is null)
            {
                return null;
            }

            foreach (var (type, entry) in this.entries)
            {
                if (entry.Shape == SinkShape.DictionaryWrite && TypeFacts.IsOrInherits(collection.Type, type))
                {
                    return new SinkDescription(entry.Kind, type.Name + (isIndexer ? "[...]" : ".Add"));
                }

                if (entry.Shape == SinkShape.CollectionProperty
                    && collection is IPropertyReferenceOperation holder
                    && entry.MatchesMember(holder.Property.Name)
                    && TypeFacts.IsOrInherits(holder.Property.ContainingType, type))
                {
                    return new SinkDescription(entry.Kind, type.Name + "." + holder.Property.Name);
                }
            }

            return null;
        }
    }
}
