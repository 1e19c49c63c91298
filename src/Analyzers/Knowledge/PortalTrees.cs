namespace Accrue.Portal.Analyzers.Knowledge
{
    using Microsoft.CodeAnalysis.CSharp.Syntax;

    /// <summary>
    /// The gate before <see cref="PortalBodies"/>, per type and read from text: can any body of the type touch Stripe?
    /// A declaration can when its words name Stripe (<c>Stripe</c>, <c>Accrue</c>, an alias of theirs, a type of theirs
    /// where the tree imports them), or name a declaration that can (a member, its type, a type around it), or a member
    /// of a referenced assembly whose signature holds a Stripe type; followed to a fixed point, across files. A value,
    /// a call or a base type that leads to Stripe is always reached through a name that one of these holds, so every
    /// body <see cref="PortalBodies"/> would pass is in a type this lets through. For the others (almost every type of
    /// an app) the rules register nothing: the driver calls none of them back for those bodies, nor builds their
    /// operations for them.
    /// </summary>
    internal sealed class PortalTrees
    {
        private static readonly WeakCache<Compilation, PortalTrees> Shared = new WeakCache<Compilation, PortalTrees>(compilation => new PortalTrees(compilation));
        // The hashed names of a Stripe.net or Accrue.Portal assembly's types, kept per assembly across compilations; read only.
        private static readonly WeakCache<IAssemblySymbol, HashSet<int>> TypeWords = new WeakCache<IAssemblySymbol, HashSet<int>>(assembly => new HashSet<int>(assembly.TypeNames.Select(WordHash.Of)));
        private static readonly ImmutableArray<int> PortalRootWords = ImmutableArray.Create(WordHash.Of("Stripe"), WordHash.Of("Accrue"));

        private readonly Compilation compilation;
        private readonly Lazy<Passed> passed;

        // Every analyzer asks for every type (its symbol-start action), and a type's declaring references are built anew on each ask.
        private readonly ConcurrentDictionary<ISymbol, bool> typesThatMayTouch = new ConcurrentDictionary<ISymbol, bool>(ReferenceIdentity<ISymbol>.Instance);
        private readonly Func<ISymbol, bool> findMayTouch;

        private PortalTrees(Compilation compilation)
        {
            this.compilation = compilation;
            this.passed = new Lazy<Passed>(this.FindPassed, LazyThreadSafetyMode.ExecutionAndPublication);
            this.findMayTouch = this.FindMayTouch;
        }

        public static PortalTrees For(Compilation compilation) => Shared.Get(compilation)!;

        /// <summary>Some declaration of <paramref name="type"/> (a part, the top-level statements of <c>Program</c>) may touch Stripe.</summary>
        public bool MayTouch(ISymbol type) => this.typesThatMayTouch.GetOrAdd(type, this.findMayTouch);

        private bool FindMayTouch(ISymbol type)
        {
            var owners = this.passed.Value.Owners;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var owner = reference.GetSyntax() is CompilationUnitSyntax ? TreeWords.CompilationUnitOwner : reference.Span.Start;
                if (owners.Contains((reference.SyntaxTree, owner)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The declaration that holds one of <paramref name="blocks"/> (a member, a type's header, the top-level
        /// statements) may touch Stripe: in a type that passes, a member whose own words name nothing that leads to
        /// Stripe (and whose type's header does not) cannot, so its body need not be read.
        /// </summary>
        public bool MayTouchBody(ImmutableArray<IOperation> blocks)
        {
            foreach (var block in blocks)
            {
                if (this.LetsThrough(block.Syntax))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The same for a member of the app's code whose body is not read yet (a callee followed from a body).</summary>
        public bool MayTouchMember(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                if (this.LetsThrough(reference.GetSyntax()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The code of <paramref name="tree"/> in the declarations <see cref="MayTouch"/> lets through: the members,
        /// headers (attributes, parameters, base list) and top-level statements of those types, nested types apart.
        /// What a search for calls of the app's own Stripe-typed methods needs to read; the rest cannot name them.
        /// </summary>
        public IEnumerable<SyntaxNode> CodeThatMayTouch(SyntaxTree tree)
        {
            var owners = this.passed.Value.Owners;
            var pending = new Stack<SyntaxNode>();
            pending.Push(tree.GetRoot());
            while (pending.Count > 0)
            {
                var container = pending.Pop();
                var passes = container switch
                {
                    CompilationUnitSyntax => owners.Contains((tree, TreeWords.CompilationUnitOwner)),
                    TypeDeclarationSyntax type => owners.Contains((tree, type.SpanStart)),
                    _ => false,
                };
                foreach (var child in container.ChildNodes())
                {
                    if (child is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                    {
                        pending.Push(child);
                    }
                    else if (passes && child is not (BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or UsingDirectiveSyntax or ExternAliasDirectiveSyntax or NameSyntax))
                    {
                        yield return child;
                    }
                }
            }
        }

        private bool LetsThrough(SyntaxNode node) => this.passed.Value.Declarations.Contains((node.SyntaxTree, TreeWords.DeclarationStart(node)));

        private Passed FindPassed()
        {
            var trees = this.compilation.SyntaxTrees.Select(tree => (Tree: tree, Words: TreeWords.For(tree))).ToList();
            var importedEverywhere = trees.Any(t => t.Words.ImportsPortalGlobally);
            var membersReachedByName = trees.Any(t => t.Words.ImportsStatically);
            var dispatchedNames = new HashSet<int>(trees.SelectMany(t => t.Words.DispatchedNames));
            var sourceTypeNames = SourceTypeNames.For(this.compilation);
            var hotNames = new HashSet<int>(PortalRootWords);
            hotNames.UnionWith(trees.SelectMany(t => t.Words.PortalAliases));
            hotNames.UnionWith(this.ReferencedPortalMemberNames());
            var portalTypeNames = PortalBodies.For(this.compilation).PortalAssemblies.Select(assembly => TypeWords.Get(assembly)!).ToList();

            var owners = new HashSet<(SyntaxTree, int)>();
            var declarations = new HashSet<(SyntaxTree, int)>();
            var typesWithPortalHeader = new HashSet<int>();
            var typeLocalNames = new HashSet<long>();
            var typesWithLocalNames = new HashSet<int>();
            var pending = new List<(SyntaxTree Tree, TreeWords.Declaration Declaration, bool SeesPortalTypes)>(trees.Sum(t => t.Words.Declarations.Length));
            foreach (var (tree, words) in trees)
            {
                var seesPortalTypes = importedEverywhere || words.ImportsPortal;
                foreach (var declaration in words.Declarations)
                {
                    pending.Add((tree, declaration, seesPortalTypes));
                }
            }

            // Each round lets through the declarations that name what the rounds before let through; a few rounds suffice.
            var changed = true;
            while (changed)
            {
                changed = false;
                for (var i = pending.Count - 1; i >= 0; i--)
                {
                    var (tree, declaration, seesPortalTypes) = pending[i];
                    if (Names(declaration.Words, hotNames)
                        || (typesWithLocalNames.Contains(declaration.TypeName) && NamesInType(declaration, typeLocalNames))
                        || (seesPortalTypes && NamesAny(declaration.Words, portalTypeNames))
                        || (!declaration.IsHeader && typesWithPortalHeader.Contains(declaration.TypeName)))
                    {
                        owners.Add((tree, declaration.Owner));
                        declarations.Add((tree, declaration.Start));
                        if (declaration.IsHeader)
                        {
                            typesWithPortalHeader.Add(declaration.TypeName);
                        }

                        for (var at = 0; at < declaration.Names.Length; at++)
                        {
                            var name = declaration.Names[at];
                            if (at < declaration.NameCount
                                || (at < declaration.MemberNameEnd && (membersReachedByName || dispatchedNames.Contains(name))))
                            {
                                hotNames.Add(name);
                            }
                            else
                            {
                                typeLocalNames.Add(InType(declaration.TypeName, name));
                                typesWithLocalNames.Add(declaration.TypeName);
                            }
                        }

                        foreach (var overridden in declaration.OverriddenTypes)
                        {
                            if (sourceTypeNames.Contains(overridden))
                            {
                                hotNames.Add(overridden);
                            }
                        }

                        pending[i] = pending[pending.Count - 1];
                        pending.RemoveAt(pending.Count - 1);
                        changed = true;
                    }
                }
            }

            return new Passed(owners, declarations);
        }

        private static bool Names(int[] words, HashSet<int> names)
        {
            foreach (var word in words)
            {
                if (names.Contains(word))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NamesAny(int[] words, List<HashSet<int>> nameSets)
        {
            foreach (var names in nameSets)
            {
                if (Names(words, names))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NamesInType(TreeWords.Declaration declaration, HashSet<long> names)
        {
            foreach (var word in declaration.Words)
            {
                if (names.Contains(InType(declaration.TypeName, word)))
                {
                    return true;
                }
            }

            return false;
        }

        private static long InType(int typeName, int name) => ((long)typeName << 32) | (uint)name;

        /// <summary>
        /// The app's other assemblies (a referenced project, a library of its own) that reference Stripe.net: the names of
        /// their types and members whose signatures hold a Stripe type, which a body here can use without naming Stripe.
        /// </summary>
        private IEnumerable<int> ReferencedPortalMemberNames()
        {
            var bodies = PortalBodies.For(this.compilation);
            var names = new List<int>();
            foreach (var reference in this.compilation.References)
            {
                // The referenced names are read from the assembly's metadata (or project) without binding its references.
                if (this.compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                    || PortalBodies.IsPortalAssemblyName(assembly.Name)
                    || !assembly.Modules.Any(module => module.ReferencedAssemblies.Any(identity => PortalBodies.IsPortalAssemblyName(identity.Name))))
                {
                    continue;
                }

                foreach (var type in DeclaredTypes.In(assembly.GlobalNamespace))
                {
                    AddPortalMembers(type, bodies, names);
                }
            }

            return names;
        }

        private static void AddPortalMembers(INamedTypeSymbol type, PortalBodies bodies, List<int> names)
        {
            var holdsPortal = bodies.IsPortalType(type);
            foreach (var member in type.GetMembers())
            {
                if (SignatureTypes(member).Any(bodies.IsPortalType))
                {
                    holdsPortal = true;
                    if (!member.IsImplicitlyDeclared && member.CanBeReferencedByName)
                    {
                        names.Add(WordHash.Of(member.Name));
                    }
                }
            }

            if (holdsPortal)
            {
                names.Add(WordHash.Of(type.Name));
            }
        }

        /// <summary>What the fixed point let through: the types' declarations (by their starts) and each declaration of theirs.</summary>
        private sealed record Passed(HashSet<(SyntaxTree Tree, int Owner)> Owners, HashSet<(SyntaxTree Tree, int Start)> Declarations);

        private static IEnumerable<ITypeSymbol> SignatureTypes(ISymbol member) => member switch
        {
            IMethodSymbol method => method.Parameters.Select(p => p.Type).Prepend(method.ReturnType),
            IPropertySymbol property => property.Parameters.Select(p => p.Type).Prepend(property.Type),
            IFieldSymbol field => new[] { field.Type },
            IEventSymbol @event => new[] { @event.Type },
            _ => Enumerable.Empty<ITypeSymbol>(),
        };
    }
}
