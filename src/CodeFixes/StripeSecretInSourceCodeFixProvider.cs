namespace Accrue.Portal.CodeFixes
{
    using Microsoft.CodeAnalysis.Editing;
    using Microsoft.CodeAnalysis.FindSymbols;
    using Microsoft.CodeAnalysis.Formatting;
    using Microsoft.CodeAnalysis.Simplification;

    /// <summary>
    /// PORTAL014: read the secret from an <c>IConfiguration</c> in scope (<c>configuration["Stripe:SecretKey"]</c>), else from
    /// an environment variable (<c>STRIPE_SECRET_KEY</c>), failing fast when it is missing. A <c>const</c> holding the
    /// secret becomes <c>static readonly</c> (a <c>const</c> local loses <c>const</c>); not offered where C# needs a
    /// constant (attribute arguments, case labels, patterns, default values) or where a use of that constant does.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StripeSecretInSourceCodeFixProvider))]
    [Shared]
    public sealed class StripeSecretInSourceCodeFixProvider() : PortalCodeFixProvider(PortalDiagnostics.StripeSecretInSource)
    {
        public const string ReadFromConfigurationKey = "PORTAL014.ReadFromConfiguration";
        // One editor per document: a const declaration and the secret in its initializer change together.
        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create(async (context, document, diagnostics) => await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        private protected override async Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel)
        {
            var plan = await PlanAsync(context.Document, root, semanticModel, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (plan is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), ReadFromConfigurationKey),
                    diagnostic);
            }
        }

        private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var plan = await PlanAsync(document, root, model, diagnostic, cancellationToken).ConfigureAwait(false);
                if (plan is null)
                {
                    continue;
                }

                editor.ReplaceNode(plan.Secret, plan.Replacement);
                if (plan.ConstantDeclaration is FieldDeclarationSyntax field)
                {
                    editor.ReplaceNode(field, (current, _) => ToStaticReadOnly((FieldDeclarationSyntax)current));
                }
                else if (plan.ConstantDeclaration is LocalDeclarationStatementSyntax local)
                {
                    editor.ReplaceNode(local, (current, _) => WithoutConst((LocalDeclarationStatementSyntax)current));
                }
            }

            return editor.GetChangedDocument();
        }

        private static async Task<FixPlan?> PlanAsync(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(StripeSecretInSourceAnalyzer.SecretKindProperty, out var kindName)
                || StripeSecretKind.FromName(kindName) is not { } kind
                || diagnostic.Location.SourceTree != root.SyntaxTree
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax secret
                || secret.Span != diagnostic.Location.SourceSpan
                || model.GetTypeInfo(secret, cancellationToken).Type?.SpecialType != SpecialType.System_String
                || NeedsConstant(secret))
            {
                return null;
            }

            var holder = secret;
            while (holder.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                holder = parenthesized;
            }

            // A const holding the secret: its uses must all work with a static readonly field or a plain local.
            SyntaxNode? constantDeclaration = null;
            if (holder.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator })
            {
                var isConstant = declaration.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                    || declaration.Parent is LocalDeclarationStatementSyntax { IsConst: true };
                if (isConstant)
                {
                    if (declaration.Variables.Count != 1
                        || model.GetDeclaredSymbol(declarator, cancellationToken) is not { } constant
                        || await IsUsedAsConstantAsync(document, declaration.Parent!, constant, model, cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    constantDeclaration = declaration.Parent;
                }
            }

            var scope = ScopeAt(secret, constantDeclaration is FieldDeclarationSyntax);
            var configuration = FindConfiguration(model, secret, scope, cancellationToken);
            if (model.Compilation.GetTypeByMetadataName("System.Environment") is not { } environment
                || model.Compilation.GetTypeByMetadataName("System.InvalidOperationException") is not { } invalidOperation)
            {
                return null;
            }

            var generator = SyntaxGenerator.GetGenerator(document);
            ExpressionSyntax read;
            string missing, title;
            if (configuration is null)
            {
                read = (ExpressionSyntax)generator.InvocationExpression(
                    generator.MemberAccessExpression(generator.TypeExpression(environment), nameof(System.Environment.GetEnvironmentVariable)),
                    generator.LiteralExpression(kind.EnvironmentVariable));
                missing = kind.EnvironmentVariable + " is not set";
                title = $"Read it from the {kind.EnvironmentVariable} environment variable";
            }
            else
            {
                read = SyntaxFactory.ParseExpression($"{configuration}[{Quote(kind.ConfigurationKey)}]");
                missing = kind.ConfigurationKey + " is not configured";
                title = $"Read it from {read}";
            }

            // Fail at start-up with the setting's name, not at the first Stripe call with an authentication error.
            var failure = SyntaxFactory.ThrowExpression((ExpressionSyntax)generator.ObjectCreationExpression(invalidOperation, generator.LiteralExpression(missing)));
            var replacement = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, read, failure))
                .WithTriviaFrom(secret)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
            return new FixPlan(secret, replacement, constantDeclaration, title);
        }

        private static string Quote(string text) => SyntaxFactory.Literal(text).ToString();

        /// <summary>Where C# requires a constant, no read from configuration can go.</summary>
        private static bool NeedsConstant(SyntaxNode expression)
        {
            for (var node = expression.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case AttributeArgumentSyntax or CaseSwitchLabelSyntax or PatternSyntax or EnumMemberDeclarationSyntax:
                    case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                        return true;
                    case StatementSyntax or MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Whether some use of the constant is where C# requires a constant (which a static readonly field is not).</summary>
        private static async Task<bool> IsUsedAsConstantAsync(Document document, SyntaxNode declaration, ISymbol constant, SemanticModel model, CancellationToken cancellationToken)
        {
            if (constant is ILocalSymbol)
            {
                var body = declaration.Parent ?? declaration;
                return body.DescendantNodes()
                    .OfType<IdentifierNameSyntax>()
                    .Any(name => name.Identifier.ValueText == constant.Name
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, constant)
                        && IsConstantUse(name));
            }

            foreach (var referenced in await SymbolFinder.FindReferencesAsync(constant, document.Project.Solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in referenced.Locations)
                {
                    var root = await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
                    if (IsConstantUse(root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsConstantUse(SyntaxNode reference) =>
            NeedsConstant(reference)
            || reference.FirstAncestorOrSelf<SyntaxNode>(node => node is LocalDeclarationStatementSyntax or FieldDeclarationSyntax or StatementSyntax or MemberDeclarationSyntax) switch
            {
                LocalDeclarationStatementSyntax local => local.IsConst,
                FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                _ => false,
            };

        /// <summary>What members the replacement may read where the secret is: instance members only in an instance member's body.</summary>
        private static FixScope ScopeAt(SyntaxNode secret, bool becomesStaticField)
        {
            var staticFunction = false;
            for (var node = secret.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case AnonymousFunctionExpressionSyntax function:
                        staticFunction |= function.Modifiers.Any(SyntaxKind.StaticKeyword);
                        break;
                    case LocalFunctionStatementSyntax function:
                        staticFunction |= function.Modifiers.Any(SyntaxKind.StaticKeyword);
                        break;
                    case FieldDeclarationSyntax or PropertyDeclarationSyntax { Initializer: not null } when !IsInAccessor(secret, node):
                        // Initializers run before the constructor: no instance member, but a primary constructor parameter.
                        return new FixScope(InstanceMembers: false, PrimaryConstructorParameters: !becomesStaticField && !((MemberDeclarationSyntax)node).Modifiers.Any(SyntaxKind.StaticKeyword), StaticFunction: staticFunction);
                    case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax:
                        var isStatic = ((MemberDeclarationSyntax)node).Modifiers.Any(SyntaxKind.StaticKeyword);
                        return new FixScope(InstanceMembers: !isStatic && !staticFunction, PrimaryConstructorParameters: !isStatic && !staticFunction, StaticFunction: staticFunction);
                    case GlobalStatementSyntax:
                        return new FixScope(InstanceMembers: false, PrimaryConstructorParameters: false, StaticFunction: staticFunction);
                }
            }

            return new FixScope(InstanceMembers: false, PrimaryConstructorParameters: false, StaticFunction: staticFunction);
        }

        private static bool IsInAccessor(SyntaxNode secret, SyntaxNode member) =>
            member is PropertyDeclarationSyntax { AccessorList: { } accessors } && accessors.Span.Contains(secret.Span);

        /// <summary>
        /// The configuration to read from, as an expression text: a parameter or local of type <c>IConfiguration</c> (or one
        /// that implements it), then such a field or property, then a local or parameter with a <c>Configuration</c>
        /// property (<c>builder.Configuration</c> in Program.cs). Null when none is usable here.
        /// </summary>
        private static string? FindConfiguration(SemanticModel model, ExpressionSyntax secret, FixScope scope, CancellationToken cancellationToken)
        {
            if (KnownTypes.For(model.Compilation).Get(HostingNames.Configuration) is not { } configurationType)
            {
                return null;
            }

            var position = secret.SpanStart;
            var function = model.GetEnclosingSymbol(position, cancellationToken);
            string? best = null;
            var bestRank = int.MaxValue;
            foreach (var symbol in model.LookupSymbols(position).OrderBy(s => s.Name, System.StringComparer.Ordinal))
            {
                var rank = Rank(symbol);
                if (rank < bestRank)
                {
                    best = rank == 2 ? symbol.Name + ".Configuration" : symbol.Name;
                    bestRank = rank;
                }
            }

            return best;

            int Rank(ISymbol symbol)
            {
                switch (symbol)
                {
                    case IParameterSymbol or ILocalSymbol when IsUsableVariable(symbol):
                        var type = symbol is IParameterSymbol parameter ? parameter.Type : ((ILocalSymbol)symbol).Type;
                        return IsConfiguration(type, symbol) ? 0 : HasConfigurationProperty(type) ? 2 : int.MaxValue;
                    case IFieldSymbol field when IsUsableMember(field) && IsConfiguration(field.Type, field):
                        return 1;
                    case IPropertySymbol property when IsUsableMember(property) && property.GetMethod is not null && !property.IsIndexer && IsConfiguration(property.Type, property):
                        return 1;
                    default:
                        return int.MaxValue;
                }
            }

            bool IsUsableMember(ISymbol member) => member.IsStatic ? true : scope.InstanceMembers;

            bool IsUsableVariable(ISymbol variable)
            {
                if (variable.DeclaringSyntaxReferences.Length != 1)
                {
                    return false;
                }

                var declared = variable.DeclaringSyntaxReferences[0];
                if (declared.SyntaxTree != secret.SyntaxTree || (variable is ILocalSymbol && declared.Span.End > position))
                {
                    return false;
                }

                if (variable.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                    && constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax))
                {
                    return scope.PrimaryConstructorParameters;
                }

                // A static lambda or local function reads only its own parameters and locals.
                return !scope.StaticFunction || SymbolEqualityComparer.Default.Equals(variable.ContainingSymbol, function);
            }

            // A maybe-null field, property or parameter would warn on the indexer; a local's null state is the compiler's flow analysis.
            bool IsConfiguration(ITypeSymbol type, ISymbol holder) =>
                type.NullableAnnotation != NullableAnnotation.Annotated || holder is ILocalSymbol
                    ? Implements(type)
                    : false;

            bool HasConfigurationProperty(ITypeSymbol type) =>
                type.GetMembers("Configuration").OfType<IPropertySymbol>().Any(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null && Implements(p.Type));

            bool Implements(ITypeSymbol type) => Analyzers.DataFlow.TypeFacts.IsOrInherits(type, configurationType);
        }

        private static FieldDeclarationSyntax ToStaticReadOnly(FieldDeclarationSyntax field)
        {
            var constKeyword = field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
            var replacement = new[]
            {
                SyntaxFactory.Token(constKeyword.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ReadOnlyKeyword, constKeyword.TrailingTrivia),
            };
            return field.WithModifiers(field.Modifiers.ReplaceRange(constKeyword, replacement));
        }

        private static LocalDeclarationStatementSyntax WithoutConst(LocalDeclarationStatementSyntax local)
        {
            var constKeyword = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
            var withoutConst = local.WithModifiers(local.Modifiers.Remove(constKeyword));
            return withoutConst.Modifiers.Count == 0
                ? withoutConst.WithDeclaration(withoutConst.Declaration.WithLeadingTrivia(constKeyword.LeadingTrivia))
                : withoutConst;
        }

        private sealed record FixScope(bool InstanceMembers, bool PrimaryConstructorParameters, bool StaticFunction);

        private sealed record FixPlan(ExpressionSyntax Secret, ExpressionSyntax Replacement, SyntaxNode? ConstantDeclaration, string Title);
    }
}
