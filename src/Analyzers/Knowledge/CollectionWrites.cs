namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// The calls that store their arguments in the receiver (list.Add, builder.Append, dictionary.TryAdd). The engine
    /// reads them as <see cref="Propagation.IntoReceiver"/> (the receiver then carries what was stored); PORTAL002 reads
    /// their names as writes into a long-lived collection (a static field, a field of a singleton), whatever its type.
    /// </summary>
    internal static class CollectionWrites
    {
        /// <summary>By type: the members ("Add,TryAdd") that store their arguments in a value of it.</summary>
        public static readonly ImmutableArray<(string TypeName, string Members)> Entries = ImmutableArray.Create(
            ("System.Text.StringBuilder", "Append,AppendLine,AppendFormat,AppendJoin,Insert,Replace"),
            ("System.Collections.Generic.List`1", "Add,AddRange,Insert,InsertRange"),
            ("System.Collections.Generic.Dictionary`2", "Add,TryAdd"),
            ("System.Collections.Concurrent.ConcurrentDictionary`2", "TryAdd,AddOrUpdate,GetOrAdd"),
            ("System.Collections.Generic.HashSet`1", "Add"),
            ("System.Collections.Generic.Queue`1", "Enqueue"),
            ("System.Collections.Generic.Stack`1", "Push"),
            ("System.Collections.Generic.ICollection`1", "Add"),
            ("System.Collections.Generic.IDictionary`2", "Add"));

        /// <summary>Every write's name, for a collection whose type the table need not know.</summary>
        public static readonly ImmutableHashSet<string> MethodNames =
            Entries.SelectMany(entry => entry.Members.Split(',')).ToImmutableHashSet(StringComparer.Ordinal);
    }
}
