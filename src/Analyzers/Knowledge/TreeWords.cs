namespace Accrue.Portal.Analyzers.Knowledge
{
    using Microsoft.CodeAnalysis.CSharp.Syntax;

    /// <summary>
    /// What <see cref="PortalTrees"/> reads of one syntax tree, without a semantic model: the words of each declaration
    /// (a member, a type's header, the top-level statements), the names each declaration gives, and whether the tree
    /// imports a Stripe.net or Accrue.Portal namespace. Words are read from the text, comments and strings included,
    /// so a tree holds every identifier it uses and perhaps a few more. Kept per tree: an IDE edit makes a new
    /// compilation but keeps the trees it did not touch.
    /// </summary>
    internal sealed partial class TreeWords
    {
        /// <summary>The owner key of the top-level statements, whose type (<c>Program</c>) has the compilation unit as its declaration.</summary>
        public const int CompilationUnitOwner = -1;

        private static readonly WeakCache<SyntaxTree, TreeWords> Shared = new WeakCache<SyntaxTree, TreeWords>(tree => new TreeWords(tree));

        [ThreadStatic]
        private static Reader? cachedReader;

        private TreeWords(SyntaxTree tree)
        {
            // One reader per thread, its buffers kept: growing them anew for each of a project's trees was most of what reading allocated.
            var reader = cachedReader ?? new Reader();
            cachedReader = null;
            reader.Start(tree.GetText().ToString());
            reader.ReadContainer(tree.GetRoot());
            this.Declarations = reader.Declarations.ToImmutable();
            this.ImportsPortal = reader.ImportsPortal;
            this.ImportsPortalGlobally = reader.ImportsPortalGlobally;
            this.PortalAliases = reader.PortalAliases.ToImmutable();
            this.AliasNames = reader.AliasNames.ToImmutable();
            this.DispatchedNames = reader.DispatchedNames.ToImmutable();
            this.TypeNames = reader.TypeNames.ToImmutable();
            this.ImportsStatically = reader.ImportsStatically;
            reader.Start(string.Empty);
            cachedReader = reader;
        }

        public ImmutableArray<Declaration> Declarations { get; }

        /// <summary>A using directive of the tree names a Stripe.net or Accrue.Portal namespace or type.</summary>
        public bool ImportsPortal { get; }

        /// <summary>A <c>global using</c> does: every tree of the compilation then sees Stripe's type names unqualified.</summary>
        public bool ImportsPortalGlobally { get; }

        /// <summary>The names of using aliases for Stripe.net or Accrue.Portal namespaces and types.</summary>
        public ImmutableArray<int> PortalAliases { get; }

        /// <summary>The names of every using alias of the tree, whatever it stands for.</summary>
        public ImmutableArray<string> AliasNames { get; }

        /// <summary>The names of the interface, virtual and abstract members the tree declares: a call of one may run an implementation.</summary>
        public ImmutableArray<int> DispatchedNames { get; }

        /// <summary>The names of the types the tree declares.</summary>
        public ImmutableArray<int> TypeNames { get; }

        /// <summary>A <c>using static</c> directive: members of a type are then reached by their own names alone.</summary>
        public bool ImportsStatically { get; }

        public static TreeWords For(SyntaxTree tree) => Shared.Get(tree)!;

        /// <summary>Some declaration of the tree holds one of <paramref name="words"/> (hashes of <see cref="WordHash.Of"/>).</summary>
        public bool MentionsAny(ImmutableArray<int> words)
        {
            foreach (var declaration in this.Declarations)
            {
                if (Holds(declaration, words))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The <see cref="Declaration.Start"/>s of the declarations whose words hold one of <paramref name="words"/>.</summary>
        public HashSet<int> DeclarationsMentioning(ImmutableArray<int> words)
        {
            var starts = new HashSet<int>();
            foreach (var declaration in this.Declarations)
            {
                if (Holds(declaration, words))
                {
                    starts.Add(declaration.Start);
                }
            }

            return starts;
        }

        private static bool Holds(Declaration declaration, ImmutableArray<int> words)
        {
            foreach (var word in words)
            {
                if (Array.BinarySearch(declaration.Words, word) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>One declaration's words (distinct, hashed) and the names that, once it touches Stripe, lead others to it.</summary>
        /// <param name="Owner">The start of the type declaration it belongs to, or <see cref="CompilationUnitOwner"/>.</param>
        /// <param name="Start">Its own start (<see cref="DeclarationStart"/>): a member's, the type's for a header, or <see cref="CompilationUnitOwner"/>.</param>
        /// <param name="TypeName">The name of the type it is declared in (0 for the top-level statements).</param>
        /// <param name="IsHeader">A type's base list and constraints: when they touch Stripe (a Stripe base type), every member does, through what it inherits.</param>
        /// <param name="Words">Its distinct words, hashed and sorted; read only.</param>
        /// <param name="Names">
        /// Its names, read only, in three runs: up to <paramref name="NameCount"/> the names others reach it by anywhere
        /// (the types around it, a static member's or an extension method's, a record's positional properties); up to
        /// <paramref name="MemberNameEnd"/> a non-private instance member's own names, which others reach through a value
        /// of its type (whose name leads there already) or, when the compilation declares the name as an interface,
        /// virtual or abstract member, through dispatch; then those only its own type reaches it by (a private member's,
        /// a primary constructor's parameters).
        /// </param>
        /// <param name="NameCount">Where the names reached anywhere end.</param>
        /// <param name="MemberNameEnd">Where the instance member's own names end.</param>
        /// <param name="OverriddenTypes">
        /// For an <c>override</c>, the simple names in its type's base list: a call of the member it overrides may run it,
        /// so when it touches Stripe those of them declared in source lead others to it.
        /// </param>
        internal sealed record Declaration(int Owner, int Start, int TypeName, bool IsHeader, int[] Words, int[] Names, int NameCount, int MemberNameEnd, int[] OverriddenTypes);

        /// <summary>
        /// The <see cref="Declaration.Start"/> of the declaration that holds <paramref name="node"/>: the member of a type
        /// it is in, else the type's header (a base list's arguments, a primary constructor's or a record's parameters),
        /// else the top-level statements.
        /// </summary>
        public static int DeclarationStart(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case MemberDeclarationSyntax member when member.Parent is TypeDeclarationSyntax:
                        return member.SpanStart;
                    case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                        return current.SpanStart;
                }
            }

            return CompilationUnitOwner;
        }
    }
}
