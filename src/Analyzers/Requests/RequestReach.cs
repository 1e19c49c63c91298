namespace Accrue.Portal.Analyzers.Requests
{
    using Microsoft.CodeAnalysis.CSharp.Syntax;

    /// <summary>
    /// The methods of one compilation a request is followed through (<see cref="PortalRequestCollector"/>): the bodies a
    /// call runs (its own, each implementation of an interface or virtual member, <see cref="Implementations"/>) and the
    /// calls of an options factory. Both are found on first use and cached for the compilation; only syntax trees of
    /// this compilation are read.
    /// </summary>
    internal sealed class RequestReach
    {
        private readonly PortalRequestSymbols symbols;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodBody?> bodies = new ConcurrentDictionary<IMethodSymbol, MethodBody?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>> callers = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>>(SymbolEqualityComparer.Default);
        private readonly Func<IMethodSymbol, MethodBody?> readBody;
        private readonly Func<IMethodSymbol, ImmutableArray<IInvocationOperation>> findCallers;
        private readonly Lazy<Dictionary<string, List<InvocationExpressionSyntax>>> callSites;

        public RequestReach(PortalRequestSymbols symbols)
        {
            this.symbols = symbols;
            this.readBody = this.ReadBody;
            this.findCallers = this.FindCallers;
            this.callSites = new Lazy<Dictionary<string, List<InvocationExpressionSyntax>>>(this.FindCallSites, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private Compilation Compilation => this.symbols.Compilation;

        /// <summary>The top of the operation tree an operation belongs to (its method body).</summary>
        public static IOperation RootOf(IOperation operation)
        {
            while (operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
        }

        /// <summary>The bodies a call of <paramref name="target"/> may run in this compilation: its own, or each implementation's.</summary>
        public IEnumerable<MethodBody> BodiesOf(IMethodSymbol target)
        {
            if (TypeFacts.HasSourceBody(target, this.Compilation) && this.bodies.GetOrAdd(target.OriginalDefinition, this.readBody) is { } own)
            {
                yield return own;
            }

            if (Implementations.For(this.Compilation).TryGet(target, out var implementations))
            {
                foreach (var implementation in implementations)
                {
                    if (this.bodies.GetOrAdd(implementation, this.readBody) is { } body)
                    {
                        yield return body;
                    }
                }
            }
        }

        /// <summary>
        /// The calls of an options factory in this compilation (directly, or through an interface or virtual member it
        /// implements). The call sites of every factory name are found in one pass per compilation (only trees whose
        /// words hold a factory's name are walked, and in them only the code the per-type gate lets through), and bound
        /// once per factory.
        /// </summary>
        public ImmutableArray<IInvocationOperation> CallersOf(IMethodSymbol factory) => this.callers.GetOrAdd(factory.OriginalDefinition, this.findCallers);

        private MethodBody? ReadBody(IMethodSymbol method)
        {
            var blocks = MethodBodies.Read(method, this.Compilation);
            return blocks.IsEmpty ? null : new MethodBody(method, blocks);
        }

        private ImmutableArray<IInvocationOperation> FindCallers(IMethodSymbol factory)
        {
            var found = ImmutableArray.CreateBuilder<IInvocationOperation>();
            if (!this.callSites.Value.TryGetValue(factory.Name, out var sites))
            {
                return found.ToImmutable();
            }

            SemanticModel? model = null;
            foreach (var site in sites)
            {
#pragma warning disable RS1030 // Calls of a factory are bound once per factory and compilation, only where its name is called.
                if (model?.SyntaxTree != site.SyntaxTree)
                {
                    model = this.Compilation.GetSemanticModel(site.SyntaxTree);
                }
#pragma warning restore RS1030

                if (model.GetOperation(site) is IInvocationOperation call && this.Calls(call.TargetMethod, factory))
                {
                    found.Add(call);
                }
            }

            return found.ToImmutable();
        }

        /// <summary>Invocations by called name, for the names of the compilation's methods that return request options.</summary>
        private Dictionary<string, List<InvocationExpressionSyntax>> FindCallSites()
        {
            var sites = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);
            var names = this.FactoryNames();
            if (names.Count == 0)
            {
                return sites;
            }

            var words = names.Select(WordHash.Of).ToImmutableArray();
            var gate = PortalTrees.For(this.Compilation);
            foreach (var tree in this.Compilation.SyntaxTrees)
            {
                var treeWords = TreeWords.For(tree);
                if (!words.Any(treeWords.Mentions))
                {
                    continue;
                }

                // A caller names the factory, whose signature holds a Stripe type: the gate lets the caller's type through.
                foreach (var code in gate.CodeThatMayTouch(tree))
                {
                    foreach (var node in code.DescendantNodesAndSelf())
                    {
                        if (node is InvocationExpressionSyntax invocation && CalledName(invocation.Expression) is { } called && names.Contains(called))
                        {
                            if (!sites.TryGetValue(called, out var list))
                            {
                                sites[called] = list = new List<InvocationExpressionSyntax>();
                            }

                            list.Add(invocation);
                        }
                    }
                }
            }

            return sites;
        }

        /// <summary>The names of the compilation's own methods that return <c>SessionCreateOptions</c> or a configuration's options.</summary>
        private HashSet<string> FactoryNames()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var gate = PortalTrees.For(this.Compilation);

            // A factory's signature names a Stripe options type, so its type is one the gate lets through.
            foreach (var type in DeclaredTypes.In(this.Compilation.Assembly.GlobalNamespace).Where(gate.MayTouch))
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol method && this.symbols.IsRequestOptionsType(method.ReturnType))
                    {
                        names.Add(method.Name);
                    }
                }
            }

            return names;
        }

        private bool Calls(IMethodSymbol target, IMethodSymbol factory)
        {
            if (SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, factory))
            {
                return true;
            }

            return Implementations.For(this.Compilation).TryGet(target, out var implementations) && implementations.Contains(factory, SymbolEqualityComparer.Default);
        }

        private static string? CalledName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>The operation blocks of one method of the compilation.</summary>
    internal sealed record MethodBody(IMethodSymbol Method, ImmutableArray<IOperation> Blocks);
}
