namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>A type and its base classes, enumerated without allocating (<see cref="TypeFacts.SelfAndBaseTypes"/>).</summary>
    internal readonly struct BaseTypeChain
    {
        private readonly ITypeSymbol? first;

        public BaseTypeChain(ITypeSymbol? first) => this.first = first;

        public Enumerator GetEnumerator() => new Enumerator(this.first);

        internal struct Enumerator
        {
            private ITypeSymbol? next;

            public Enumerator(ITypeSymbol? first)
            {
                this.next = first;
                this.Current = null!;
            }

            public ITypeSymbol Current { get; private set; }

            public bool MoveNext()
            {
                if (this.next is null)
                {
                    return false;
                }

                this.Current = this.next;
                this.next = this.next.BaseType;
                return true;
            }
        }
    }
}
