namespace Accrue.Portal.Analyzers.Knowledge
{
    using Microsoft.CodeAnalysis.CSharp;
    using Microsoft.CodeAnalysis.CSharp.Syntax;
    using Microsoft.CodeAnalysis.Text;

    internal sealed partial class TreeWords
    {
        /// <summary>Reads one tree's declarations, their words and names, and its using directives, in one walk of its members.</summary>
        private sealed class Reader
        {
            private static readonly int StripeWord = WordHash.Of("Stripe");
            private static readonly int AccrueWord = WordHash.Of("Accrue");

            private string text = string.Empty;
            private readonly List<int> words = new List<int>();
            private readonly List<int> ownNames = new List<int>();
            private readonly List<int> memberNames = new List<int>();
            private readonly List<int> localNames = new List<int>();
            private readonly List<int> enclosingNames = new List<int>();
            private readonly List<TextSpan> topLevelStatements = new List<TextSpan>();

            /// <summary>Empties the reader for <paramref name="treeText"/>: what it read of the tree before is gone, its buffers stay.</summary>
            public void Start(string treeText)
            {
                this.text = treeText;
                this.words.Clear();
                this.ownNames.Clear();
                this.memberNames.Clear();
                this.localNames.Clear();
                this.enclosingNames.Clear();
                this.topLevelStatements.Clear();
                this.Declarations.Clear();
                this.PortalAliases.Clear();
                this.AliasNames.Clear();
                this.DispatchedNames.Clear();
                this.TypeNames.Clear();
                this.ImportsStatically = false;
                this.ImportsPortal = false;
                this.ImportsPortalGlobally = false;
            }

            public ImmutableArray<Declaration>.Builder Declarations { get; } = ImmutableArray.CreateBuilder<Declaration>();

            public ImmutableArray<int>.Builder PortalAliases { get; } = ImmutableArray.CreateBuilder<int>();

            public ImmutableArray<string>.Builder AliasNames { get; } = ImmutableArray.CreateBuilder<string>();

            public ImmutableArray<int>.Builder DispatchedNames { get; } = ImmutableArray.CreateBuilder<int>();

            public ImmutableArray<int>.Builder TypeNames { get; } = ImmutableArray.CreateBuilder<int>();

            public bool ImportsStatically { get; private set; }

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

                    this.Add(TreeWords.CompilationUnitOwner, TreeWords.CompilationUnitOwner, isHeader: false);
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
                this.ImportsStatically |= usingDirective.StaticKeyword.IsKind(SyntaxKind.StaticKeyword);
                if (usingDirective.Alias is { } anyAlias)
                {
                    this.AliasNames.Add(anyAlias.Name.Identifier.ValueText);
                }

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
                var typeName = WordHash.Of(type.Identifier.ValueText);
                this.enclosingNames.Add(typeName);
                this.TypeNames.Add(typeName);

                // The header in two declarations, both at the type's start. First the attributes, type parameters and
                // parameters: a record's parameters are its public properties, a class's primary-constructor parameters
                // are private. Then the base list and the constraints, what every member inherits. The type's own name
                // is left out of both: that others reach the type says nothing of what its header touches.
                var headerEnd = type.OpenBraceToken.IsKind(SyntaxKind.None) ? type.Span.End : type.OpenBraceToken.SpanStart;
                var inheritedStart = type.BaseList?.SpanStart ?? (type.ConstraintClauses.Count > 0 ? type.ConstraintClauses[0].SpanStart : headerEnd);
                this.Begin();
                if (type.ParameterList is { } list)
                {
                    var parameterNames = type is RecordDeclarationSyntax ? this.ownNames : this.localNames;
                    foreach (var parameter in list.Parameters)
                    {
                        parameterNames.Add(WordHash.Of(parameter.Identifier.ValueText));
                    }
                }

                this.ReadWords(TextSpan.FromBounds(type.SpanStart, type.Identifier.SpanStart));
                this.ReadWords(TextSpan.FromBounds(type.Identifier.Span.End, inheritedStart));
                this.Add(owner, owner, isHeader: false);

                this.Begin();
                this.ReadWords(TextSpan.FromBounds(inheritedStart, headerEnd));
                this.Add(owner, owner, isHeader: true);

                var baseTypes = BaseTypeNames(type);
                foreach (var member in type.Members)
                {
                    if (!this.TryReadType(member))
                    {
                        this.Begin();
                        var reach = ReachOf(member, type);
                        AddDeclaredNames(member, reach switch
                        {
                            Reach.Anywhere => this.ownNames,
                            Reach.ThroughValues => this.memberNames,
                            _ => this.localNames,
                        });
                        if (type is InterfaceDeclarationSyntax || HasModifier(member, SyntaxKind.VirtualKeyword) || HasModifier(member, SyntaxKind.AbstractKeyword))
                        {
                            AddDeclaredNames(member, this.DispatchedNames);
                        }

                        this.ReadWords(member.Span);
                        this.Add(owner, member.SpanStart, isHeader: false, HasModifier(member, SyntaxKind.OverrideKeyword) ? baseTypes : Array.Empty<int>());
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
                var typeName = WordHash.Of(NameOf(type));
                this.enclosingNames.Add(typeName);
                this.TypeNames.Add(typeName);
                this.Begin();
                this.ReadWords(type.Span);
                this.Add(type.SpanStart, type.SpanStart, isHeader: true);
                this.enclosingNames.RemoveAt(this.enclosingNames.Count - 1);
            }

            private void Begin()
            {
                this.words.Clear();
                this.ownNames.Clear();
                this.memberNames.Clear();
                this.localNames.Clear();
            }

            /// <summary>Adds the declaration read since <see cref="Begin"/>: its distinct words and its names, each in one array of its size.</summary>
            private void Add(int owner, int start, bool isHeader) => this.Add(owner, start, isHeader, Array.Empty<int>());

            private void Add(int owner, int start, bool isHeader, int[] overriddenTypes)
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
                var memberNameEnd = nameCount + this.memberNames.Count;
                var names = memberNameEnd + this.localNames.Count == 0 ? Array.Empty<int>() : new int[memberNameEnd + this.localNames.Count];
                this.ownNames.CopyTo(names, 0);
                this.enclosingNames.CopyTo(names, this.ownNames.Count);
                this.memberNames.CopyTo(names, nameCount);
                this.localNames.CopyTo(names, memberNameEnd);

                var typeName = this.enclosingNames.Count == 0 ? 0 : this.enclosingNames[this.enclosingNames.Count - 1];
                this.Declarations.Add(new Declaration(owner, start, typeName, isHeader, distinct, names, nameCount, memberNameEnd, overriddenTypes));
            }

            private void ReadWords(TextSpan span) => WordHash.Read(this.text, span.Start, span.End, this.words);

            private static string NameOf(SyntaxNode declaration) => declaration switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText,
                _ => string.Empty,
            };

            /// <summary>How others reach a member by its name (see <see cref="Declaration.Names"/>).</summary>
            private enum Reach
            {
                Anywhere,
                ThroughValues,
                WithinItsType,
            }

            /// <summary>
            /// Private by its modifiers or by default in a class or struct: within its type. An interface's member and an
            /// explicit implementation are reached through the interface's dispatch, a static member by its type's name or
            /// (an extension method, under <c>using static</c>) by its own: anywhere. Any other instance member is reached
            /// through a value of its type, which a body gets only from a name that leads to the type, or through dispatch.
            /// </summary>
            private static Reach ReachOf(MemberDeclarationSyntax member, TypeDeclarationSyntax type)
            {
                if (type is InterfaceDeclarationSyntax
                    || member is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: not null }
                    || member is BasePropertyDeclarationSyntax { ExplicitInterfaceSpecifier: not null })
                {
                    return Reach.Anywhere;
                }

                var isStatic = HasModifier(member, SyntaxKind.StaticKeyword) || HasModifier(member, SyntaxKind.ConstKeyword);
                foreach (var modifier in member.Modifiers)
                {
                    switch (modifier.Kind())
                    {
                        case SyntaxKind.PublicKeyword:
                        case SyntaxKind.InternalKeyword:
                        case SyntaxKind.ProtectedKeyword:
                            return isStatic ? Reach.Anywhere : Reach.ThroughValues;
                    }
                }

                return Reach.WithinItsType;
            }

            private static bool HasModifier(MemberDeclarationSyntax member, SyntaxKind kind)
            {
                foreach (var modifier in member.Modifiers)
                {
                    if (modifier.IsKind(kind))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The simple names of the types in the base list (<c>global::A.B&lt;T&gt;</c> gives <c>B</c>).</summary>
            private static int[] BaseTypeNames(TypeDeclarationSyntax type)
            {
                if (type.BaseList is not { } baseList)
                {
                    return Array.Empty<int>();
                }

                var names = new int[baseList.Types.Count];
                for (var i = 0; i < names.Length; i++)
                {
                    var name = baseList.Types[i].Type;
                    while (name is QualifiedNameSyntax or AliasQualifiedNameSyntax)
                    {
                        name = name is QualifiedNameSyntax qualified ? qualified.Right : ((AliasQualifiedNameSyntax)name).Name;
                    }

                    names[i] = WordHash.Of(name is SimpleNameSyntax simple ? simple.Identifier.ValueText : name.ToString());
                }

                return names;
            }

            /// <summary>The names a member declares (a constructor's, an indexer's, an operator's is the type's, already enclosing).</summary>
            private static void AddDeclaredNames(MemberDeclarationSyntax member, ICollection<int> names)
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
