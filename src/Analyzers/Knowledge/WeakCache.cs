namespace Accrue.Portal.Analyzers.Knowledge
{
    using System.Runtime.CompilerServices;

    /// <summary>
    /// One value per key object (a compilation, an assembly symbol), built on first use and shared by every analyzer (and
    /// the generator) that asks: the symbol tables several rules resolve from the same references. Held weakly by the key,
    /// so a value lives exactly as long as its key and nothing is carried past it (the idiom of the roslyn-analyzers
    /// WellKnownTypeProvider). The only static caches the analyzer assembly holds are of this type (and one thread-static
    /// scratch reader, <see cref="TreeWords"/>'s, which holds no value between trees).
    /// </summary>
    internal sealed class WeakCache<TKey, TValue>
        where TKey : class
        where TValue : class
    {
        private readonly ConditionalWeakTable<TKey, Lazy<TValue?>> values = new ConditionalWeakTable<TKey, Lazy<TValue?>>();
        private readonly ConditionalWeakTable<TKey, Lazy<TValue?>>.CreateValueCallback create;

        public WeakCache(Func<TKey, TValue?> factory)
        {
            // Lazy, so concurrent first callers build the value once rather than racing to build it twice.
            this.create = key => new Lazy<TValue?>(() => factory(key), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public TValue? Get(TKey key) => this.values.GetValue(key, this.create).Value;
    }
}
