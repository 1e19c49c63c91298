namespace Accrue.Portal.Analyzers.Knowledge
{
    using Microsoft.CodeAnalysis.CSharp;
    using Microsoft.CodeAnalysis.CSharp.Syntax;
    using Microsoft.CodeAnalysis.Text;

    /// <summary>
    /// What <see cref="PortalTrees"/> reads of one syntax tree, without a semantic model: the words of each declaration
    /// (a member, a type's header, the top-level statements), the names each declaration gives, and whether the tree
    /// imports a Stripe.net or Accrue.Portal namespace. Words are read from the text, comments and strings included,
    /// so a tree holds every identifier it uses and perhaps a few more. Kept per tree: an IDE edit makes a new
    /// compilation but keeps the trees it did not touch.
    /// </summary>
    internal sealed class TreeWords
    {
        /// <summary>The owner key of the top-level statements, whose type (<c>Program</c>) has the compilation unit as its declaration.</summary>
        public const int CompilationUnitOwner = -1;

        private static readonly WeakCache<SyntaxTree, TreeWords> Shared = new WeakCache<SyntaxTree, TreeWords>(tree => new TreeWords(tree));

        private TreeWords(SyntaxTree tree)
        {
            var reader = new Reader(tree.GetText().ToString());
            reader.ReadContainer(tree.GetRoot());
            this.Declarations = reader.Declarations.ToImmutable();
            this.ImportsPortal = reader.ImportsPortal;
            this.ImportsPortalGlobally = reader.ImportsPortalGlobally;
            this.PortalAliases = reader.PortalAliases.ToImmutable();
        }

        public ImmutableArray<Declaration> Declarations { get; }

        /// <summary>A using directive of the tree names a Stripe.net or Accrue.Portal namespace or type.</summary>
        public bool ImportsPortal { get; }

        /// <summary>A <c>global using</c> does: every tree of the compilation then sees Stripe's type names unqualified.</summary>
        public bool ImportsPortalGlobally { get; }

        /// <summary>The names of using aliases for Stripe.net or Accrue.Portal namespaces and types.</summary>
        public ImmutableArray<int> PortalAliases { get; }

        public static TreeWords For(SyntaxTree tree) => Shared.Get(tree)!;

        /// <summary>Some declaration of the tree holds the word (a hash of <see cref="WordHash.Of"/>).</summary>
        public bool Mentions(int word)
        {
            foreach (var declaration in this.Declarations)
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
        /// <param name="TypeName">The name of the type it is declared in (0 for the top-level statements).</param>
        /// <param name="IsHeader">A type's header: when it touches Stripe (a Stripe base type), every member does, through what it inherits.</param>
        /// <param name="Words">Its distinct words, hashed and sorted; read only.</param>
        /// <param name="Names">
        /// Its names, read only: first the <paramref name="NameCount"/> names others reach it by (its own, when it is not
        /// private, a record's positional properties, and those of the types around it), then those only its own type
        /// reaches it by (a private member's, a primary constructor's parameters).
        /// </param>
        /// <param name="NameCount">How many of <paramref name="Names"/> others reach it by.</param>
        internal sealed record Declaration(int Owner, int TypeName, bool IsHeader, int[] Words, int[] Names, int NameCount);

        private sealed class Reader
        {
            private static readonly int StripeWord = WordHash.Of("Stripe");
            private static readonly int AccrueWord = WordHash.Of("Accrue");

            private readonly string text;
            private readonly List<int> words = new List<int>();
            private readonly List<int> ownNames = new List<int>();
            private readonly List<int> localNames = new List<int>();
            private readonly List<int> enclosingNames = new List<int>();
            private readonly List<TextSpan> topLevelStatements = new List<TextSpan>();

            public Reader(string text)
            {
                this.text = text;
            }

            public ImmutableArray<Declaration>.Builder Declarations { get; } = ImmutableArray.CreateBuilder<Declaration>();

            public ImmutableArray<int>.Builder PortalAliases { get; } = ImmutableArray.CreateBuilder<int>();

            public bool ImportsPortal { get; private set; }

            public bool ImportsPortalGlobally { get; private set; }

            public void ReadContainer(SyntaxNode root)
            {
                this.ReadMembers(root);
                if (this.topLevelStatements.Count > 0)
                {
                    this.Begin();
                    foreach (var span in this.topLevelStatements)
                    {
                        this.ReadWords(span);
                    }

                    this.Add(TreeWords.CompilationUnitOwner, isHeader: false);
                }
            }

            private void ReadMembers(SyntaxNode container)
            {
                foreach (var child in container.ChildNodes())
                {
                    switch (child)
                    {
                        case UsingDirectiveSyntax usingDirective:
                            this.ReadUsing(usingDirective);
                            break;
                        case BaseNamespaceDeclarationSyntax:
                            this.ReadMembers(child);
                            break;
                        case GlobalStatementSyntax statement:
                            this.topLevelStatements.Add(statement.Span);
                            break;
                        default:
                            this.TryReadType(child);
                            break;
                    }
                }
            }

            private void ReadUsing(UsingDirectiveSyntax usingDirective)
            {
                this.words.Clear();
                this.ReadWords(usingDirective.Span);
                if (!this.words.Contains(StripeWord) && !this.words.Contains(AccrueWord))
                {
                    return;
                }

                this.ImportsPortal = true;
                this.ImportsPortalGlobally |= usingDirective.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
                if (usingDirective.Alias is { } alias)
                {
                    this.PortalAliases.Add(WordHash.Of(alias.Name.Identifier.ValueText));
                }
            }

            private void ReadType(TypeDeclarationSyntax type)
            {
                var owner = type.SpanStart;
                this.enclosingNames.Add(WordHash.Of(type.Identifier.ValueText));

                // The header (attributes, base list, constraints, a record's parameters): what every member inherits.
                // A record's parameters are its public properties; a class's primary-constructor parameters are private.
                var headerEnd = type.OpenBraceToken.IsKind(SyntaxKind.None) ? type.Span.End : type.OpenBraceToken.SpanStart;
                this.Begin();
                if (type.ParameterList is { } list)
                {
                    var parameterNames = type is RecordDeclarationSyntax ? this.ownNames : this.localNames;
                    foreach (var parameter in list.Parameters)
                    {
                        parameterNames.Add(WordHash.Of(parameter.Identifier.ValueText));
                    }
                }

                this.ReadWords(TextSpan.FromBounds(type.SpanStart, headerEnd));
                this.Add(owner, isHeader: true);

                foreach (var member in type.Members)
                {
                    if (!this.TryReadType(member))
                    {
                        this.Begin();
                        AddDeclaredNames(member, IsPrivate(member, type) ? this.localNames : this.ownNames);
                        this.ReadWords(member.Span);
                        this.Add(owner, isHeader: false);
                    }
                }

                this.enclosingNames.RemoveAt(this.enclosingNames.Count - 1);
            }

            private bool TryReadType(SyntaxNode node)
            {
                switch (node)
                {
                    case TypeDeclarationSyntax type:
                        this.ReadType(type);
                        return true;
                    case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                        this.ReadWholeType(node);
                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>An enum or a delegate: one declaration, its whole text.</summary>
            private void ReadWholeType(SyntaxNode type)
            {
                this.enclosingNames.Add(WordHash.Of(NameOf(type)));
                this.Begin();
                this.ReadWords(type.Span);
                this.Add(type.SpanStart, isHeader: true);
                this.enclosingNames.RemoveAt(this.enclosingNames.Count - 1);
            }

            private void Begin()
            {
                this.words.Clear();
                this.ownNames.Clear();
                this.localNames.Clear();
            }

            /// <summary>Adds the declaration read since <see cref="Begin"/>: its distinct words and its names, each in one array of its size.</summary>
            private void Add(int owner, bool isHeader)
            {
                this.words.Sort();
                var distinctCount = 0;
                for (var i = 0; i < this.words.Count; i++)
                {
                    if (i == 0 || this.words[i] != this.words[i - 1])
                    {
                        distinctCount++;
                    }
                }

                var distinct = distinctCount == 0 ? Array.Empty<int>() : new int[distinctCount];
                for (int i = 0, next = 0; i < this.words.Count; i++)
                {
                    if (i == 0 || this.words[i] != this.words[i - 1])
                    {
                        distinct[next++] = this.words[i];
                    }
                }

                var nameCount = this.ownNames.Count + this.enclosingNames.Count;
                var names = nameCount + this.localNames.Count == 0 ? Array.Empty<int>() : new int[nameCount + this.localNames.Count];
                this.ownNames.CopyTo(names, 0);
                this.enclosingNames.CopyTo(names, this.ownNames.Count);
                this.localNames.CopyTo(names, nameCount);

                var typeName = this.enclosingNames.Count == 0 ? 0 : this.enclosingNames[this.enclosingNames.Count - 1];
                this.Declarations.Add(new Declaration(owner, typeName, isHeader, distinct, names, nameCount));
            }

            private void ReadWords(TextSpan span) => WordHash.Read(this.text, span.Start, span.End, this.words);

            private static string NameOf(SyntaxNode declaration) => declaration switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText,
                _ => string.Empty,
            };

            /// <summary>
            /// Private by its modifiers or by default in a class or struct; an explicit interface implementation is reached
            /// through the interface, a protected member from derived types elsewhere.
            /// </summary>
            private static bool IsPrivate(MemberDeclarationSyntax member, TypeDeclarationSyntax type)
            {
                if (type is InterfaceDeclarationSyntax
                    || member is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: not null }
                    || member is BasePropertyDeclarationSyntax { ExplicitInterfaceSpecifier: not null })
                {
                    return false;
                }

                foreach (var modifier in member.Modifiers)
                {
                    switch (modifier.Kind())
                    {
                        case SyntaxKind.PublicKeyword:
                        case SyntaxKind.InternalKeyword:
                        case SyntaxKind.ProtectedKeyword:
                            return false;
                    }
                }

                return true;
            }

            /// <summary>The names a member declares (a constructor's, an indexer's, an operator's is the type's, already enclosing).</summary>
            private static void AddDeclaredNames(MemberDeclarationSyntax member, List<int> names)
            {
                switch (member)
                {
                    case MethodDeclarationSyntax method:
                        names.Add(WordHash.Of(method.Identifier.ValueText));
                        break;
                    case PropertyDeclarationSyntax property:
                        names.Add(WordHash.Of(property.Identifier.ValueText));
                        break;
                    case EventDeclarationSyntax @event:
                        names.Add(WordHash.Of(@event.Identifier.ValueText));
                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            names.Add(WordHash.Of(variable.Identifier.ValueText));
                        }

                        break;
                }
            }
        }
    }
}
