namespace Accrue.Portal.Analyzers.Requests
{
    using Microsoft.CodeAnalysis.CSharp;
    using Microsoft.CodeAnalysis.CSharp.Syntax;

    /// <summary>
    /// Whether a call of an options factory's name may run that factory, judged by the type its receiver is declared
    /// with, read from the declarations in sight of the call before any binding (<see cref="DeclaredType"/>), or for a
    /// static class's factory by the name it is called on. The shop's
    /// options sources are all <c>Create(customerId, returnUrl)</c>, each behind its own interface: a controller holding
    /// <c>IPortalOptionsSource200</c> cannot run <c>PortalOptionsSource100.Create</c>, and binding its call would bind
    /// its whole body, which an IDE does anew after each edit of the factory's file.
    /// </summary>
    internal sealed class ReceiverTypes
    {
        /// <summary>The name of a receiver whose declared type is not known here.</summary>
        private const string Unknown = "";

        private readonly Compilation compilation;
        private readonly HashSet<string> aliases;

        // Each call site is asked once per factory of its name and each name's types are looked up once: a project of
        // many options sources has as many factories as calls of their shared name.
        private readonly ConcurrentDictionary<InvocationExpressionSyntax, string> receiverTypeNames = new ConcurrentDictionary<InvocationExpressionSyntax, string>(ReferenceIdentity<InvocationExpressionSyntax>.Instance);
        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> appTypesNamed = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(StringComparer.Ordinal);
        private readonly Func<InvocationExpressionSyntax, string> findReceiverTypeName = FindReceiverTypeName;
        private readonly Func<string, ImmutableArray<INamedTypeSymbol>> findAppTypesNamed;

        public ReceiverTypes(Compilation compilation)
        {
            this.compilation = compilation;
            this.aliases = NamesInSyntax.Aliases(compilation);
            this.findAppTypesNamed = this.FindAppTypesNamed;
        }

        /// <summary>
        /// The call may run <paramref name="factory"/>, as far as its receiver tells: the receiver's declared type is
        /// unknown here, or is a type parameter, a using alias, or a type of the app that is the factory's type, derives from
        /// it, or is or extends one of its interfaces. A value of any other type (one of a reference's, whose members the
        /// app's methods override or implement only through types of the app) has a member of that name that is not the
        /// factory nor one it implements or overrides. A static class's factory is called through the class's name.
        /// </summary>
        public bool MayRun(InvocationExpressionSyntax call, IMethodSymbol factory)
        {
            if (factory.IsStatic && !factory.IsExtensionMethod)
            {
                // Of a static class, which nothing derives from: only through its name (each options-factory class's
                // factories share their names with the other classes').
                return !factory.ContainingType.IsStatic || FactoryCalls.IsOnStaticClass(call, factory.ContainingType.Name, this.aliases);
            }

            var name = this.receiverTypeNames.GetOrAdd(call, this.findReceiverTypeName);
            if (factory.IsExtensionMethod || name == Unknown || this.aliases.Contains(name))
            {
                return true;
            }

            var type = factory.ContainingType.OriginalDefinition;
            foreach (var named in this.appTypesNamed.GetOrAdd(name, this.findAppTypesNamed))
            {
                if (MayHold(named, type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The name of the receiver's declared type (<see cref="DeclaredType"/>), or <see cref="Unknown"/> when it is not
        /// declared in sight, names no named type by its name, or is a type parameter.
        /// </summary>
        private static string FindReceiverTypeName(InvocationExpressionSyntax call) =>
            DeclaredType(call) is { } declared && NamesInSyntax.TypeName(declared) is { } name && !IsTypeParameterInScope(call, name) ? name : Unknown;

        /// <summary>
        /// The type syntax the receiver of <c>x.M()</c> or <c>this.x.M()</c> is declared with: a parameter of the caller
        /// (a method, an indexer, a local function, a lambda), or a field, property or primary-constructor parameter of its
        /// type, when nothing else in the caller declares that name. Null for any other receiver (a local, whose type may
        /// be inferred, an expression, an inherited or outer member), whose type only binding tells.
        /// </summary>
        private static TypeSyntax? DeclaredType(InvocationExpressionSyntax call)
        {
            if (call.Expression is not MemberAccessExpressionSyntax access)
            {
                return null;
            }

            var (name, onThis) = access.Expression switch
            {
                IdentifierNameSyntax identifier => (identifier.Identifier.ValueText, false),
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => (identifier.Identifier.ValueText, true),
                _ => (null, false),
            };
            if (name is null || call.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m.Parent is TypeDeclarationSyntax) is not { } member)
            {
                return null;
            }

            ParameterSyntax? parameter = null;
            if (!onThis)
            {
                for (var node = call.Parent; node is not null && node != member.Parent && parameter is null; node = node.Parent)
                {
                    parameter = node is SimpleLambdaExpressionSyntax simple
                        ? (simple.Parameter.Identifier.ValueText == name ? simple.Parameter : null)
                        : ParametersOf(node) is { } parameters ? Find(parameters, name) : null;
                }
            }

            // A local, a pattern or a query variable of that name anywhere in the caller may be the one in scope.
            if (DeclaresElsewhere(member, name, parameter))
            {
                return null;
            }

            if (parameter is not null)
            {
                return parameter.Type;
            }

            // Another part of a partial type may declare a member of that name, which would shadow what this part declares.
            var type = (TypeDeclarationSyntax)member.Parent!;
            if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            foreach (var typeMember in type.Members)
            {
                switch (typeMember)
                {
                    case FieldDeclarationSyntax field when field.Declaration.Variables.Any(v => v.Identifier.ValueText == name):
                        return field.Declaration.Type;
                    case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                        return property.Type;
                }
            }

            // A primary constructor's parameter, in scope in every member, unless a member of the same name shadows it.
            return type.ParameterList is { } primary && Find(primary, name) is { } captured ? captured.Type : null;
        }

        private static BaseParameterListSyntax? ParametersOf(SyntaxNode node) => node switch
        {
            BaseMethodDeclarationSyntax method => method.ParameterList,
            IndexerDeclarationSyntax indexer => indexer.ParameterList,
            LocalFunctionStatementSyntax local => local.ParameterList,
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
            AnonymousMethodExpressionSyntax anonymous => anonymous.ParameterList,
            _ => null,
        };

        private static ParameterSyntax? Find(BaseParameterListSyntax parameters, string name)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return parameter;
                }
            }

            return null;
        }

        private static bool DeclaresElsewhere(MemberDeclarationSyntax member, string name, ParameterSyntax? found)
        {
            foreach (var node in member.DescendantNodes())
            {
                var declared = node switch
                {
                    VariableDeclaratorSyntax variable => variable.Identifier,
                    SingleVariableDesignationSyntax designation => designation.Identifier,
                    ForEachStatementSyntax forEach => forEach.Identifier,
                    CatchDeclarationSyntax @catch => @catch.Identifier,
                    ParameterSyntax parameter when parameter != found => parameter.Identifier,
                    FromClauseSyntax from => from.Identifier,
                    LetClauseSyntax let => let.Identifier,
                    JoinClauseSyntax join => join.Identifier,
                    JoinIntoClauseSyntax into => into.Identifier,
                    QueryContinuationSyntax continuation => continuation.Identifier,
                    _ => default,
                };
                if (declared.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTypeParameterInScope(SyntaxNode call, string name)
        {
            for (var node = call.Parent; node is not null; node = node.Parent)
            {
                var typeParameters = node switch
                {
                    MethodDeclarationSyntax method => method.TypeParameterList,
                    LocalFunctionStatementSyntax local => local.TypeParameterList,
                    TypeDeclarationSyntax type => type.TypeParameterList,
                    _ => null,
                };
                if (typeParameters is not null && typeParameters.Parameters.Any(p => p.Identifier.ValueText == name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The app's types of that name, found in the trees whose words declare the name, each declaration's symbol asked
        /// for (<c>GetSymbolsWithName</c> walks every namespace of the project for each name).
        /// </summary>
        private ImmutableArray<INamedTypeSymbol> FindAppTypesNamed(string name)
        {
            var hash = WordHash.Of(name);
            if (!SourceTypeNames.For(this.compilation).Contains(hash))
            {
                return ImmutableArray<INamedTypeSymbol>.Empty;
            }

            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var tree in this.compilation.SyntaxTrees)
            {
                if (!TreeWords.For(tree).TypeNames.Contains(hash))
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var node in tree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
                {
                    if (node is BaseTypeDeclarationSyntax declaration && declaration.Identifier.ValueText == name)
                    {
#pragma warning disable RS1030 // A declared symbol, in the few trees that declare a type of the name; no body is bound.
                        model ??= this.compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                        if (model.GetDeclaredSymbol(declaration) is { } type)
                        {
                            types.Add(type);
                        }
                    }
                }
            }

            return types.ToImmutable();
        }

        /// <summary>
        /// A value of the candidate type may run the type's member: the candidate is the type, derives from it or (an
        /// interface) extends it, or is an interface that is or extends one of the type's interfaces.
        /// </summary>
        private static bool MayHold(INamedTypeSymbol candidate, INamedTypeSymbol type) =>
            TypeFacts.IsOrInherits(candidate, type)
            || (candidate.TypeKind == TypeKind.Interface && type.AllInterfaces.Any(implemented => TypeFacts.IsOrInherits(candidate, implemented.OriginalDefinition)));
    }
}
