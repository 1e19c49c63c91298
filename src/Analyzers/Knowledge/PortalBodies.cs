namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// The pre-filter every gated rule asks first, once per method body for all of them: does the body touch Stripe at
    /// all? It does when one of its operations uses a member of Stripe.net or of the Accrue.Portal runtime, has a value
    /// of a type from them (a <c>Task&lt;Session&gt;</c>, a class derived from <c>SessionService</c>), or calls the
    /// app's own code that does, within the engines' call depth (through interfaces and overrides, properties,
    /// constructors and user-defined operators). Every rule reports on Stripe values, options or calls, or on the app's
    /// methods that reach them, so a body that touches none of them (almost every body of an app) gets no operation
    /// callback from any rule.
    /// <para>
    /// It reads symbols, not names: a <c>var</c>, a target-typed <c>new()</c>, an alias or a helper in another file
    /// cannot hide a Stripe value from it. Bodies are walked once; what a body touches and the app methods it calls are
    /// kept per method for the compilation.
    /// </para>
    /// </summary>
    internal sealed class PortalBodies
    {
        /// <summary>One level more than the engines follow calls, so that no reach they find starts in a body left out.</summary>
        private const int CallDepth = TaintEngine.MaxCallDepth + 1;

        private const int MaxTypeNesting = 6;

        private static readonly WeakCache<Compilation, PortalBodies> Shared = new WeakCache<Compilation, PortalBodies>(compilation => new PortalBodies(compilation, gated: true));

        private readonly Compilation compilation;
        private readonly ImmutableArray<IAssemblySymbol> portalAssemblies;
        private readonly ConcurrentDictionary<ISymbol, BodyFacts> facts = new ConcurrentDictionary<ISymbol, BodyFacts>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), bool> reaches = new ConcurrentDictionary<(IMethodSymbol, int), bool>(new ReachKeyComparer());
        private readonly ConcurrentDictionary<ITypeSymbol, bool> portalTypes = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly Func<ITypeSymbol, bool> isPortalTypeUncached;
        private readonly Func<(IMethodSymbol Method, int Depth), bool> reachesUncached;
        private readonly Func<ISymbol, BodyFacts> collectCallee;
        private readonly Implementations implementations;
        private readonly PortalTrees? trees;

        private PortalBodies(Compilation compilation, bool gated)
        {
            this.compilation = compilation;
            this.portalAssemblies = FindPortalAssemblies(compilation);
            this.implementations = Implementations.For(compilation);
            this.trees = gated ? PortalTrees.For(compilation) : null;
            this.isPortalTypeUncached = this.IsPortalTypeUncached;
            this.reachesUncached = key => this.ReachesUncached(key.Method, key.Depth);
            this.collectCallee = method => this.Collect(MethodBodies.Read((IMethodSymbol)method, this.compilation));
        }

        public static PortalBodies For(Compilation compilation) => Shared.Get(compilation)!;

        /// <summary>
        /// The same answers without <see cref="PortalTrees"/>'s gate in front: every body is collected and every callee
        /// followed. The tests check the gate's soundness against it; the rules always use <see cref="For"/>.
        /// </summary>
        public static PortalBodies WithoutGate(Compilation compilation) => new PortalBodies(compilation, gated: false);

        /// <summary>The referenced Stripe.net and Accrue.Portal assemblies.</summary>
        public ImmutableArray<IAssemblySymbol> PortalAssemblies => this.portalAssemblies;

        /// <summary>The assembly's name is Stripe.net's or the runtime's.</summary>
        public static bool IsPortalAssemblyName(string name) =>
            string.Equals(name, StripeReference.AssemblyName, StringComparison.OrdinalIgnoreCase) || name == RuntimeNames.AssemblyName;

        /// <summary>The body (the operation blocks the driver hands out for <paramref name="owner"/>) touches Stripe, itself or through the app's calls.</summary>
        public bool Touches(ISymbol owner, ImmutableArray<IOperation> blocks)
        {
            // Every gated rule asks for every body: the answer is read without a closure; a race collects a body twice, alike.
            // A body whose declaration the gate keeps out cannot touch Stripe (the gate's soundness): it is not collected.
            if (!this.facts.TryGetValue(owner, out var body))
            {
                if (this.trees is { } gate && !gate.MayTouchBody(blocks))
                {
                    return false;
                }

                body = this.facts.GetOrAdd(owner, this.Collect(blocks));
            }

            return this.Reaches(body, CallDepth);
        }

        private static ImmutableArray<IAssemblySymbol> FindPortalAssemblies(Compilation compilation)
        {
            var assemblies = ImmutableArray.CreateBuilder<IAssemblySymbol>();
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && IsPortalAssemblyName(assembly.Name))
                {
                    assemblies.Add(assembly);
                }
            }

            return assemblies.ToImmutable();
        }

        private bool Reaches(BodyFacts body, int depth)
        {
            if (body.TouchesDirectly)
            {
                return true;
            }

            if (depth > 0)
            {
                foreach (var callee in body.Callees)
                {
                    if (this.reaches.GetOrAdd((callee, depth - 1), this.reachesUncached))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool ReachesUncached(IMethodSymbol method, int depth)
        {
            // Nor is a callee's body bound when the gate keeps its declaration out.
            if (TypeFacts.HasSourceBody(method, this.compilation)
                && (this.trees is null || this.trees.MayTouchMember(method))
                && this.Reaches(this.facts.GetOrAdd(method, this.collectCallee), depth))
            {
                return true;
            }

            if (this.implementations.TryGet(method, out var bodies))
            {
                foreach (var body in bodies)
                {
                    if (this.reaches.GetOrAdd((body, depth), this.reachesUncached))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private BodyFacts Collect(ImmutableArray<IOperation> blocks)
        {
            List<IMethodSymbol>? callees = null;
            foreach (var block in blocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (this.IsPortalType(operation.Type))
                    {
                        return BodyFacts.Direct;
                    }

                    switch (operation)
                    {
                        case IInvocationOperation invocation when invocation.TargetMethod.MethodKind != MethodKind.LocalFunction:
                            if (this.Uses(invocation.TargetMethod, ref callees))
                            {
                                return BodyFacts.Direct;
                            }

                            break;
                        case IObjectCreationOperation { Constructor: { } constructor }:
                            if (this.Uses(constructor, ref callees))
                            {
                                return BodyFacts.Direct;
                            }

                            break;
                        case IPropertyReferenceOperation property:
                            if (this.IsPortalMember(property.Property)
                                || (property.Property.GetMethod is { } getter && this.Uses(getter, ref callees))
                                || (property.Property.SetMethod is { } setter && this.Uses(setter, ref callees)))
                            {
                                return BodyFacts.Direct;
                            }

                            break;
                        case IMethodReferenceOperation reference:
                            if (this.Uses(reference.Method, ref callees))
                            {
                                return BodyFacts.Direct;
                            }

                            break;
                        case IMemberReferenceOperation member:
                            if (this.IsPortalMember(member.Member))
                            {
                                return BodyFacts.Direct;
                            }

                            break;
                        case IConversionOperation { OperatorMethod: { } conversion }:
                            if (this.Uses(conversion, ref callees))
                            {
                                return BodyFacts.Direct;
                            }

                            break;
                        case IBinaryOperation { OperatorMethod: { } binary }:
                            if (this.Uses(binary, ref callees))
                            {
                                return BodyFacts.Direct;
                            }

                            break;
                        case IUnaryOperation { OperatorMethod: { } unary }:
                            if (this.Uses(unary, ref callees))
                            {
                                return BodyFacts.Direct;
                            }

                            break;
                    }
                }
            }

            return callees is null ? BodyFacts.Nothing : new BodyFacts(false, callees.ToImmutableArray());
        }

        /// <summary>A member of Stripe.net or the runtime (true), else a method of the app's own code kept as a callee.</summary>
        private bool Uses(IMethodSymbol method, ref List<IMethodSymbol>? callees)
        {
            if (this.IsPortalMember(method))
            {
                return true;
            }

            if (TypeFacts.HasSourceBody(method, this.compilation) || this.implementations.TryGet(method, out _))
            {
                (callees ??= new List<IMethodSymbol>()).Add(method.OriginalDefinition);
            }

            return false;
        }

        private bool IsPortalMember(ISymbol member) => member.ContainingAssembly is { } assembly && this.IsPortalAssembly(assembly);

        private bool IsPortalAssembly(IAssemblySymbol assembly)
        {
            foreach (var portal in this.portalAssemblies)
            {
                if (ReferenceEquals(portal, assembly))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Special types (string, int, object, void) are never Stripe's; every other type is answered once.</summary>
        public bool IsPortalType(ITypeSymbol? type) =>
            type is not null
            && (type.SpecialType == SpecialType.None || type is INamedTypeSymbol { IsGenericType: true })
            && this.portalTypes.GetOrAdd(type, this.isPortalTypeUncached);

        private bool IsPortalTypeUncached(ITypeSymbol type) => this.Mentions(type, MaxTypeNesting);

        /// <summary>The type, a base type or a type argument is Stripe's; bounded, as a type may name itself (<c>class Node : List&lt;Node&gt;</c>).</summary>
        private bool Mentions(ITypeSymbol type, int nesting)
        {
            if (nesting == 0)
            {
                return false;
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    return this.Mentions(array.ElementType, nesting - 1);
                case INamedTypeSymbol named:
                    for (var current = named; current is not null; current = current.BaseType)
                    {
                        if (this.IsPortalMember(current))
                        {
                            return true;
                        }

                        foreach (var argument in current.TypeArguments)
                        {
                            if (this.Mentions(argument, nesting - 1))
                            {
                                return true;
                            }
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>What one body touches itself, and the app methods it calls.</summary>
        private sealed record BodyFacts(bool TouchesDirectly, ImmutableArray<IMethodSymbol> Callees)
        {
            public static readonly BodyFacts Direct = new BodyFacts(true, ImmutableArray<IMethodSymbol>.Empty);
            public static readonly BodyFacts Nothing = new BodyFacts(false, ImmutableArray<IMethodSymbol>.Empty);
        }

        private sealed class ReachKeyComparer : IEqualityComparer<(IMethodSymbol Method, int Depth)>
        {
            public bool Equals((IMethodSymbol Method, int Depth) x, (IMethodSymbol Method, int Depth) y) =>
                x.Depth == y.Depth && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

            public int GetHashCode((IMethodSymbol Method, int Depth) obj) => (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + obj.Depth;
        }
    }
}
