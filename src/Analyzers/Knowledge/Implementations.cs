namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// Where a call through an interface or a virtual/abstract member of the compilation may land: every implementation
    /// and override with a body in this compilation's own source. Only members the compilation itself declares dispatch
    /// here (an app's <c>IBillingService</c>, not <c>IDisposable</c>): calls through library interfaces stay unfollowed.
    /// <para>
    /// The index is built once per compilation, on the first call that may dispatch (in a body an analyzer's gate chose),
    /// from the symbols of the compilation's own source types (<c>Compilation.Assembly</c>, never a referenced project's
    /// syntax) and shared by every rule. Implementations are in source order, so messages naming one are stable.
    /// </para>
    /// </summary>
    internal sealed class Implementations
    {
        private static readonly WeakCache<Compilation, Implementations> Shared = new WeakCache<Compilation, Implementations>(compilation => new Implementations(compilation));

        private readonly Compilation compilation;
        private readonly Lazy<Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>> index;

        private Implementations(Compilation compilation)
        {
            this.compilation = compilation;
            this.index = new Lazy<Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>>(this.Build, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public static Implementations For(Compilation compilation) => Shared.Get(compilation)!;

        /// <summary>
        /// The bodies a call of <paramref name="method"/> may run besides its own: implementations of an interface member,
        /// overrides of an abstract, virtual or override member. False (without building the index) for every other call.
        /// </summary>
        public bool TryGet(IMethodSymbol method, out ImmutableArray<IMethodSymbol> implementations)
        {
            implementations = ImmutableArray<IMethodSymbol>.Empty;
            if (!MayDispatch(method) || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, this.compilation.Assembly))
            {
                return false;
            }

            if (this.index.Value.TryGetValue(method.OriginalDefinition, out var found))
            {
                implementations = found;
                return true;
            }

            return false;
        }

        /// <summary>
        /// Cheap first test, asked for most calls an analysed body makes: a member of source (the symbol's stored
        /// location, as <see cref="DataFlow.TypeFacts.IsDeclaredInSource"/> reads it) that an override or implementation may replace.
        /// </summary>
        private static bool MayDispatch(IMethodSymbol method) =>
            (method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType.TypeKind == TypeKind.Interface)
            && !method.IsStatic
            && !method.IsSealed
            && method.Locations is { Length: > 0 } locations && locations[0].IsInSource
            && method.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.PropertySet;

        private Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> Build()
        {
            var found = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            foreach (var type in DeclaredTypes.In(this.compilation.Assembly.GlobalNamespace))
            {
                this.AddType(type, found);
            }

            var result = new Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(found.Count, SymbolEqualityComparer.Default);
            foreach (var entry in found)
            {
                entry.Value.Sort(CompareSourceOrder);
                result.Add(entry.Key, entry.Value.ToImmutableArray());
            }

            return result;
        }

        private void AddType(INamedTypeSymbol type, Dictionary<IMethodSymbol, List<IMethodSymbol>> found)
        {
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || !this.IsInThisCompilation(type))
            {
                return;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (!SymbolEqualityComparer.Default.Equals(implemented.ContainingAssembly, this.compilation.Assembly))
                {
                    continue;
                }

                foreach (var member in implemented.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: false } interfaceMethod
                        && type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation
                        && SymbolEqualityComparer.Default.Equals(implementation.ContainingType.OriginalDefinition, type.OriginalDefinition))
                    {
                        this.Add(found, interfaceMethod.OriginalDefinition, implementation);
                    }
                }
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsOverride: true } method)
                {
                    for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.ContainingAssembly, this.compilation.Assembly))
                        {
                            this.Add(found, overridden.OriginalDefinition, method);
                        }
                    }
                }
            }
        }

        private void Add(Dictionary<IMethodSymbol, List<IMethodSymbol>> found, IMethodSymbol dispatched, IMethodSymbol implementation)
        {
            implementation = implementation.OriginalDefinition;
            if (implementation.IsAbstract || implementation.IsExtern || !this.IsInThisCompilation(implementation))
            {
                return;
            }

            if (!found.TryGetValue(dispatched, out var list))
            {
                found[dispatched] = list = new List<IMethodSymbol>();
            }

            if (!list.Contains(implementation, SymbolEqualityComparer.Default))
            {
                list.Add(implementation);
            }
        }

        /// <summary>Declared in a syntax tree of this compilation (a partial type's or member's first part decides).</summary>
        private bool IsInThisCompilation(ISymbol symbol) =>
            !symbol.IsImplicitlyDeclared
            && symbol.Locations is { Length: > 0 } locations
            && locations[0].SourceTree is { } tree
            && this.compilation.ContainsSyntaxTree(tree);

        private static int CompareSourceOrder(IMethodSymbol first, IMethodSymbol second)
        {
            var a = first.Locations[0];
            var b = second.Locations[0];
            var byFile = string.CompareOrdinal(a.SourceTree!.FilePath, b.SourceTree!.FilePath);
            return byFile != 0 ? byFile : a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
        }
    }
}
