namespace Accrue.Portal.Analyzers.Knowledge
{
    using Microsoft.CodeAnalysis.CSharp.Syntax;

    /// <summary>
    /// Where a call through an interface or a virtual/abstract member of the compilation may land: every implementation
    /// and override with a body in this compilation's own source. Only members the compilation itself declares dispatch
    /// here (an app's <c>IBillingService</c>, not <c>IDisposable</c>): calls through library interfaces stay unfollowed.
    /// <para>
    /// The index is built once per compilation, on the first call that may dispatch (in a body an analyzer's gate chose),
    /// from the symbols of the compilation's own source types (<c>Compilation.Assembly</c>, never a referenced project's
    /// syntax) whose base list can name one of them (<see cref="BaseListNames"/>), and shared by every rule.
    /// Implementations are in source order, so messages naming one are stable.
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
            var interfaces = new SourceInterfaceWalk(this.compilation.Assembly);
            var baseNames = new BaseListNames(this.compilation);
            var interfaceMaps = new List<(IMethodSymbol InterfaceMethod, IMethodSymbol Implementation)>();
            foreach (var type in DeclaredTypes.In(this.compilation.Assembly.GlobalNamespace))
            {
                if (baseNames.MayNameSourceType(type))
                {
                    this.AddType(type, interfaces, found, interfaceMaps);
                }
            }

            // An interface member maps to the member that implements it where the interface is declared; when that member
            // is abstract or virtual, the call runs its overrides (already listed under it, every level of the chain).
            foreach (var (interfaceMethod, implementation) in interfaceMaps)
            {
                this.Add(found, interfaceMethod, implementation);
                if (found.TryGetValue(implementation.OriginalDefinition, out var overrides))
                {
                    foreach (var overriding in overrides)
                    {
                        this.Add(found, interfaceMethod, overriding);
                    }
                }
            }

            var result = new Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(found.Count, SymbolEqualityComparer.Default);
            foreach (var entry in found)
            {
                entry.Value.Sort(CompareSourceOrder);
                result.Add(entry.Key, entry.Value.ToImmutableArray());
            }

            return result;
        }

        private void AddType(
            INamedTypeSymbol type,
            SourceInterfaceWalk interfaces,
            Dictionary<IMethodSymbol, List<IMethodSymbol>> found,
            List<(IMethodSymbol InterfaceMethod, IMethodSymbol Implementation)> interfaceMaps)
        {
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || !this.IsInThisCompilation(type))
            {
                return;
            }

            foreach (var implemented in interfaces.Of(type))
            {
                foreach (var member in implemented.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: false } interfaceMethod
                        && type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation
                        && SymbolEqualityComparer.Default.Equals(implementation.ContainingType.OriginalDefinition, type.OriginalDefinition))
                    {
                        interfaceMaps.Add((interfaceMethod.OriginalDefinition, implementation));
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

        /// <summary>
        /// Read from syntax, before any symbol of the type is asked for: a type can implement an interface of this
        /// compilation, or override a member of it, only when its base list names a type of this compilation (a type of a
        /// reference has no base or interface from here) or a using alias, which may stand for one. Most of an app's types
        /// do not, and asking them for their interfaces and members would bind the declarations of every type of the
        /// project, which an IDE does anew for each edit.
        /// </summary>
        private sealed class BaseListNames(Compilation compilation)
        {
            private readonly HashSet<int> sourceTypeNames = SourceTypeNames.For(compilation);
            private readonly HashSet<string> aliases = NamesInSyntax.Aliases(compilation);

            public bool MayNameSourceType(INamedTypeSymbol type)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is not TypeDeclarationSyntax declaration)
                    {
                        return true;
                    }

                    foreach (var listed in declaration.BaseList?.Types ?? default)
                    {
                        if (NamesInSyntax.TypeName(listed.Type) is not { } name || this.sourceTypeNames.Contains(WordHash.Of(name)) || this.aliases.Contains(name))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// The interfaces of this compilation a type implements. Only a type or interface of this compilation can name
        /// one, so the walk stays in source: <c>AllInterfaces</c> would also close over every referenced base type's
        /// interfaces (a <c>DbContext</c>'s, a controller's) for every type of the app. One walk serves the whole index.
        /// </summary>
        private sealed class SourceInterfaceWalk
        {
            private readonly IAssemblySymbol assembly;
            private readonly List<INamedTypeSymbol> found = new List<INamedTypeSymbol>();
            private readonly Stack<INamedTypeSymbol> pending = new Stack<INamedTypeSymbol>();

            public SourceInterfaceWalk(IAssemblySymbol assembly) => this.assembly = assembly;

            /// <summary>Valid until the next call.</summary>
            public List<INamedTypeSymbol> Of(INamedTypeSymbol type)
            {
                this.found.Clear();
                for (var current = type; current is not null && this.IsInAssembly(current); current = current.BaseType)
                {
                    foreach (var declared in current.Interfaces)
                    {
                        this.pending.Push(declared);
                    }
                }

                while (this.pending.Count > 0)
                {
                    var candidate = this.pending.Pop();
                    if (this.IsInAssembly(candidate) && !this.IsFound(candidate))
                    {
                        this.found.Add(candidate);
                        foreach (var inherited in candidate.Interfaces)
                        {
                            this.pending.Push(inherited);
                        }
                    }
                }

                return this.found;
            }

            private bool IsFound(INamedTypeSymbol candidate)
            {
                foreach (var known in this.found)
                {
                    if (SymbolEqualityComparer.Default.Equals(known, candidate))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool IsInAssembly(INamedTypeSymbol type) => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, this.assembly);
        }
    }
}
