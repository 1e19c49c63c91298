namespace Accrue.Portal.Analyzers.Requests
{
    using Microsoft.CodeAnalysis.CSharp;
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
        private readonly Func<IMethodSymbol, ImmutableArray<IInvocationOperation>> bindCallers;
        private readonly Lazy<Dictionary<string, List<InvocationExpressionSyntax>>> callSites;
        private readonly Lazy<ReceiverTypes> receivers;

        public RequestReach(PortalRequestSymbols symbols)
        {
            this.symbols = symbols;
            this.readBody = this.ReadBody;
            this.bindCallers = this.BindCallers;
            this.receivers = new Lazy<ReceiverTypes>(() => new ReceiverTypes(this.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            this.callSites = new Lazy<Dictionary<string, List<InvocationExpressionSyntax>>>(this.FindCallSites, LazyThreadSafetyMode.ExecutionAndPublication);
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
        /// words hold a factory's name are walked, and in them only the code the per-type gate lets through); of those of
        /// its name, only the calls whose receiver may hold the factory's type are bound (an app's options sources are all
        /// called <c>Create</c>, each behind its own interface).
        /// </summary>
        public ImmutableArray<IInvocationOperation> CallersOf(IMethodSymbol factory) => this.callers.GetOrAdd(factory.OriginalDefinition, this.bindCallers);

        private MethodBody? ReadBody(IMethodSymbol method)
        {
            var blocks = MethodBodies.Read(method, this.Compilation);
            return blocks.IsEmpty ? null : new MethodBody(method, blocks);
        }

        /// <summary>
        /// The calls of the factory's name whose receiver may hold a value the factory runs for (<see cref="ReceiverTypes"/>),
        /// bound, and of those the ones that run it: their target is the factory, or an interface or virtual member it
        /// implements. A call on a receiver declared with an unrelated type is left unbound: binding it would bind its whole body.
        /// </summary>
        private ImmutableArray<IInvocationOperation> BindCallers(IMethodSymbol factory)
        {
            if (!this.callSites.Value.TryGetValue(factory.Name, out var sites))
            {
                return ImmutableArray<IInvocationOperation>.Empty;
            }

            var implementations = Implementations.For(this.Compilation);
            var calls = ImmutableArray.CreateBuilder<IInvocationOperation>();
            SemanticModel? model = null;
            foreach (var site in sites)
            {
                if (!this.receivers.Value.MayRun(site, factory))
                {
                    continue;
                }

#pragma warning disable RS1030 // Only the calls that may run the factory are bound; the driver's model keeps them for the callers' own analysis.
                if (model?.SyntaxTree != site.SyntaxTree)
                {
                    model = this.Compilation.GetSemanticModel(site.SyntaxTree);
                }
#pragma warning restore RS1030

                if (model.GetOperation(site) is IInvocationOperation call
                    && (SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, factory)
                        || (implementations.TryGet(call.TargetMethod, out var runs) && runs.Contains(factory, SymbolEqualityComparer.Default))))
                {
                    calls.Add(call);
                }
            }

            return calls.ToImmutable();
        }

        /// <summary>
        /// Invocations by called name, for the names of the compilation's methods that return request options, each of a
        /// shape one of those methods can be called in (<see cref="FactoryCalls"/>): a call of another arity
        /// (<c>sessions.Create(options)</c> beside a <c>Create(customerId, returnUrl)</c> factory), or one made through
        /// another static class than the factory's, cannot run a factory, and binding it would bind its whole body.
        /// </summary>
        private Dictionary<string, List<InvocationExpressionSyntax>> FindCallSites()
        {
            var sites = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);
            var factories = this.Factories();
            if (factories.Count == 0)
            {
                return sites;
            }

            var words = factories.Keys.Select(WordHash.Of).ToImmutableArray();
            var aliases = NamesInSyntax.Aliases(this.Compilation);
            var gate = PortalTrees.For(this.Compilation);
            foreach (var tree in this.Compilation.SyntaxTrees)
            {
                var naming = TreeWords.For(tree).DeclarationsMentioning(words);
                if (naming.Count == 0)
                {
                    continue;
                }

                // A caller names the factory, whose signature holds a Stripe type: the gate lets the caller's type through.
                // Of that code, only the declarations whose words hold a factory's name can call one.
                foreach (var code in gate.CodeThatMayTouch(tree))
                {
                    if (!naming.Contains(TreeWords.DeclarationStart(code)))
                    {
                        continue;
                    }

                    foreach (var node in code.DescendantNodesAndSelf())
                    {
                        if (node is InvocationExpressionSyntax invocation
                            && CalledName(invocation.Expression) is { } called
                            && factories.TryGetValue(called, out var shapes)
                            && MayCall(shapes, invocation, aliases))
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

        /// <summary>
        /// The names of the compilation's own methods that return <c>SessionCreateOptions</c> or a configuration's options,
        /// each with the shapes a call of one of them can have, read from their declarations: asking the types
        /// for their members would build the members of every portal type of the project, which an IDE does anew for
        /// each edit. A return type is matched by name (or a using alias, which may stand for one), so a method of
        /// another type of that name counts too: its calls are searched for its name, and only its own callers kept.
        /// An implementation or override has its member's parameters, so the declared methods cover every call that may
        /// dispatch to one.
        /// </summary>
        private Dictionary<string, List<FactoryCalls>> Factories()
        {
            var optionsTypes = new[] { this.symbols.SessionCreateOptions, this.symbols.ConfigurationCreateOptions, this.symbols.ConfigurationUpdateOptions };
            var returned = NamesInSyntax.WithAliases(this.Compilation, optionsTypes.OfType<INamedTypeSymbol>().Select(type => type.Name));

            var factories = new Dictionary<string, List<FactoryCalls>>(StringComparer.Ordinal);
            var words = returned.Select(WordHash.Of).ToImmutableArray();
            var gate = PortalTrees.For(this.Compilation);
            foreach (var tree in this.Compilation.SyntaxTrees)
            {
                if (!TreeWords.For(tree).MentionsAny(words))
                {
                    continue;
                }

                // A factory's signature names a Stripe options type, so its type is one the gate lets through.
                foreach (var code in gate.CodeThatMayTouch(tree))
                {
                    if (code is MethodDeclarationSyntax method && NamesInSyntax.TypeName(method.ReturnType) is { } name && returned.Contains(name))
                    {
                        var called = method.Identifier.ValueText;
                        if (!factories.TryGetValue(called, out var calls))
                        {
                            factories[called] = calls = new List<FactoryCalls>();
                        }

                        calls.Add(FactoryCalls.Of(method));
                    }
                }
            }

            return factories;
        }

        private static bool MayCall(List<FactoryCalls> factories, InvocationExpressionSyntax invocation, HashSet<string> aliases)
        {
            foreach (var factory in factories)
            {
                if (factory.MayBe(invocation, aliases))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? CalledName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>
    /// What a call of an options factory can look like, read from its declaration: how many arguments it passes
    /// (optional parameters may be left out, and a parameter with attributes may be optional through them; a params array
    /// takes any number; an extension method called on its receiver passes one less) and, for a static method of a
    /// static class (which no type derives from), the class it is called through when it is called on a name.
    /// </summary>
    internal readonly record struct FactoryCalls(int Min, int Max, string? StaticClass)
    {
        public static FactoryCalls Of(MethodDeclarationSyntax method)
        {
            var parameters = method.ParameterList.Parameters;
            var required = 0;
            var max = parameters.Count;
            foreach (var parameter in parameters)
            {
                if (parameter.Modifiers.Any(SyntaxKind.ParamsKeyword) || parameter.Identifier.IsKind(SyntaxKind.ArgListKeyword))
                {
                    max = int.MaxValue;
                }
                else if (parameter.Default is null && parameter.AttributeLists.Count == 0)
                {
                    required++;
                }
            }

            var extension = parameters.Count > 0 && parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword);
            var staticClass = !extension && method.Modifiers.Any(SyntaxKind.StaticKeyword) && method.Parent is ClassDeclarationSyntax owner && owner.Modifiers.Any(SyntaxKind.StaticKeyword)
                ? owner.Identifier.ValueText
                : null;
            return new FactoryCalls(extension ? Math.Max(required - 1, 0) : required, max, staticClass);
        }

        /// <summary>
        /// The call may run this factory: its argument count fits and, for a static class's method, it is unqualified (in the
        /// class, or through <c>using static</c>) or made on a name that is the class's or a using alias's.
        /// </summary>
        public bool MayBe(InvocationExpressionSyntax call, HashSet<string> aliases)
        {
            var count = call.ArgumentList.Arguments.Count;
            if (count < this.Min || count > this.Max)
            {
                return false;
            }

            return this.StaticClass is not { } owner || IsOnStaticClass(call, owner, aliases);
        }

        /// <summary>The call may be of a static member of the static class <paramref name="owner"/>: unqualified, or made on its name or an alias.</summary>
        public static bool IsOnStaticClass(InvocationExpressionSyntax call, string owner, HashSet<string> aliases) => call.Expression switch
        {
            MemberAccessExpressionSyntax access => ReceiverName(access.Expression) is { } name && (name == owner || aliases.Contains(name)),
            MemberBindingExpressionSyntax => false,
            _ => true,
        };

        /// <summary>The name a receiver ends in (<c>T</c> of <c>Shop.Billing.T</c>), or null for one that is no name and so no type.</summary>
        private static string? ReceiverName(ExpressionSyntax receiver) => receiver switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            TypeSyntax type => NamesInSyntax.TypeName(type),
            _ => null,
        };
    }

    /// <summary>The operation blocks of one method of the compilation.</summary>
    internal sealed record MethodBody(IMethodSymbol Method, ImmutableArray<IOperation> Blocks);
}
