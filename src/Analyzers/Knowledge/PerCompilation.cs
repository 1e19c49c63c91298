namespace Accrue.Portal.Analyzers.Knowledge
{
    using System;
    using System.Runtime.CompilerServices;
    using System.Threading;
    using Microsoft.CodeAnalysis;

    /// <summary>
    /// One value per compilation, built on first use and shared by every analyzer (and the generator) that asks: the
    /// symbol tables several rules resolve from the same references. Keyed weakly by the compilation, so a value lives
    /// exactly as long as its compilation and nothing is carried from one compilation to the next (the idiom of the
    /// roslyn-analyzers WellKnownTypeProvider). The only static caches the analyzer assembly holds are of this type.
    /// </summary>
    internal sealed class PerCompilation<T>
        where T : class
    {
        private readonly ConditionalWeakTable<Compilation, Lazy<T?>> values = new ConditionalWeakTable<Compilation, Lazy<T?>>();
        private readonly ConditionalWeakTable<Compilation, Lazy<T?>>.CreateValueCallback create;

        public PerCompilation(Func<Compilation, T?> factory)
        {
            // Lazy, so concurrent first callers build the value once rather than racing to build it twice.
            this.create = compilation => new Lazy<T?>(() => factory(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public T? Get(Compilation compilation) => this.values.GetValue(compilation, this.create).Value;
    }
}
