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
        private readonly ConcurrentDictionary<string, Dictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>>> callsByName = new ConcurrentDictionary<string, Dictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>>>(StringComparer.Ordinal);
        private readonly Func<IMethodSymbol, MethodBody?> readBody;
        private readonly Func<string, Dictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>>> bindCalls;
        private readonly Lazy<Dictionary<string, List<InvocationExpressionSyntax>>> callSites;

        public RequestReach(PortalRequestSymbols symbols)
        {
            this.symbols = symbols;
            this.readBody = this.ReadBody;
            this.bindCalls = this.BindCalls;
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
        /// once per name, for all the factories of that name (an app's options sources are all called <c>Create</c>).
        /// </summary>
        public ImmutableArray<IInvocationOperation> CallersOf(IMethodSymbol factory) =>
            this.callsByName.GetOrAdd(factory.Name, this.bindCalls).TryGetValue(factory.OriginalDefinition, out var calls) ? calls : ImmutableArray<IInvocationOperation>.Empty;

        private MethodBody? ReadBody(IMethodSymbol method)
        {
            var blocks = MethodBodies.Read(method, this.Compilation);
            return blocks.IsEmpty ? null : new MethodBody(method, blocks);
        }

        /// <summary>The calls of one name, each filed under every method it may run: its target and the target's implementations.</summary>
        private Dictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>> BindCalls(string name)
        {
            var byMethod = new Dictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>.Builder>(SymbolEqualityComparer.Default);
            if (this.callSites.Value.TryGetValue(name, out var sites))
            {
                var implementations = Implementations.For(this.Compilation);
                SemanticModel? model = null;
                foreach (var site in sites)
                {
#pragma warning disable RS1030 // Calls of a factory name are bound once per name and compilation, only where the name is called.
                    if (model?.SyntaxTree != site.SyntaxTree)
                    {
                        model = this.Compilation.GetSemanticModel(site.SyntaxTree);
                    }
#pragma warning restore RS1030

                    if (model.GetOperation(site) is IInvocationOperation call)
                    {
                        File(byMethod, call.TargetMethod.OriginalDefinition, call);
                        if (implementations.TryGet(call.TargetMethod, out var runs))
                        {
                            foreach (var implementation in runs)
                            {
                                File(byMethod, implementation, call);
                            }
                        }
                    }
                }
            }

            var result = new Dictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>>(byMethod.Count, SymbolEqualityComparer.Default);
            foreach (var entry in byMethod)
            {
                result.Add(entry.Key, entry.Value.ToImmutable());
            }

            return result;
        }

        private static void File(Dictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>.Builder> byMethod, IMethodSymbol method, IInvocationOperation call)
        {
            if (!byMethod.TryGetValue(method, out var calls))
            {
                byMethod[method] = calls = ImmutableArray.CreateBuilder<IInvocationOperation>();
            }

            calls.Add(call);
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
