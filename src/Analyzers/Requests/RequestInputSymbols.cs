namespace Accrue.Portal.Analyzers.Requests
{
    /// <summary>ASP.NET Core's request-input surface, resolved once per compilation: where client-chosen values enter.</summary>
    internal sealed class RequestInputSymbols
    {
        private static readonly WeakCache<Compilation, RequestInputSymbols> Shared = new WeakCache<Compilation, RequestInputSymbols>(Create);

        private readonly Compilation compilation;
        private readonly INamedTypeSymbol httpRequest;
        private readonly INamedTypeSymbol? controllerBase;
        private readonly INamedTypeSymbol? pageModel;
        private readonly INamedTypeSymbol? apiController;
        private readonly INamedTypeSymbol? nonAction;
        private readonly INamedTypeSymbol? bindProperty;
        private readonly INamedTypeSymbol? bindProperties;
        private readonly INamedTypeSymbol? endpointRouteBuilderExtensions;
        private readonly INamedTypeSymbol? headerDictionaryTypeExtensions;
        private readonly INamedTypeSymbol? uriHelper;
        private readonly ImmutableArray<INamedTypeSymbol> serviceAttributes;
        private readonly ImmutableArray<INamedTypeSymbol> bindingSourceAttributes;
        private readonly ConcurrentDictionary<IParameterSymbol, bool> boundParameters = new ConcurrentDictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IPropertySymbol, bool> boundProperties = new ConcurrentDictionary<IPropertySymbol, bool>(SymbolEqualityComparer.Default);

        private RequestInputSymbols(Compilation compilation, INamedTypeSymbol httpRequest)
        {
            this.compilation = compilation;
            this.httpRequest = httpRequest;
            var types = KnownTypes.For(compilation);
            this.controllerBase = types.Get(AspNetNames.ControllerBase);
            this.pageModel = types.Get(AspNetNames.PageModel);
            this.apiController = types.Get(AspNetNames.ApiControllerAttribute);
            this.nonAction = types.Get(AspNetNames.NonActionAttribute);
            this.bindProperty = types.Get(AspNetNames.BindPropertyAttribute);
            this.bindProperties = types.Get(AspNetNames.BindPropertiesAttribute);
            this.endpointRouteBuilderExtensions = types.Get(AspNetNames.EndpointRouteBuilderExtensions);
            this.headerDictionaryTypeExtensions = types.Get(AspNetNames.HeaderDictionaryTypeExtensions);
            this.uriHelper = types.Get(AspNetNames.UriHelper);
            this.serviceAttributes = Resolve(compilation, AspNetNames.FromServicesAttribute, AspNetNames.FromKeyedServicesAttribute);
            this.bindingSourceAttributes = Resolve(compilation, [.. AspNetNames.BindingSourceAttributes]);
        }

        /// <summary>Null without ASP.NET Core; built once per compilation for every rule that needs it.</summary>
        public static RequestInputSymbols? Resolve(Compilation compilation) => Shared.Get(compilation);

        private static RequestInputSymbols? Create(Compilation compilation)
        {
            var httpRequest = KnownTypes.For(compilation).Get(AspNetNames.HttpRequest);
            return httpRequest is null ? null : new RequestInputSymbols(compilation, httpRequest);
        }

        /// <summary><c>HttpRequest.Query/Form/Headers/Cookies/RouteValues/Host/Path/QueryString</c>.</summary>
        public bool IsRequestInputProperty(IPropertySymbol property) =>
            AspNetNames.RequestInputProperties.Contains(property.Name) && DerivesFrom(property.ContainingType, this.httpRequest);

        /// <summary><c>request.GetTypedHeaders()</c>, and <c>request.GetDisplayUrl()/GetEncodedUrl()</c> (built from the Host header).</summary>
        public bool IsRequestInputCall(IMethodSymbol method) =>
            (SymbolEqualityComparer.Default.Equals(method.ContainingType, this.headerDictionaryTypeExtensions) && method.Name == "GetTypedHeaders"
             && method.Parameters.Length == 1 && DerivesFrom(method.Parameters[0].Type, this.httpRequest))
            || (SymbolEqualityComparer.Default.Equals(method.ContainingType, this.uriHelper) && method.Name is "GetDisplayUrl" or "GetEncodedUrl");

        /// <summary>A property the model binder fills from the request: <c>[BindProperty]</c>, or any public settable one under <c>[BindProperties]</c>.</summary>
        public bool IsBoundProperty(IPropertySymbol property) =>
            TypeFacts.IsDeclaredInSource(property, this.compilation)
            && this.boundProperties.GetOrAdd(property.OriginalDefinition, p =>
                HasAttribute(p, this.bindProperty)
                || this.bindingSourceAttributes.Any(a => HasAttribute(p, a))
                || (HasAttribute(p.ContainingType, this.bindProperties) && p.SetMethod is { DeclaredAccessibility: Accessibility.Public }));

        /// <summary>A method the framework calls for a request: a controller action, a Razor Pages handler, a minimal API delegate.</summary>
        public bool IsEndpoint(IMethodSymbol method, IOperation reference) => this.IsActionOrHandler(method) || this.IsEndpointDelegate(method, reference);

        /// <summary>
        /// A parameter the framework binds from the request: one with a [From*] binding attribute, or a plain string/URI or
        /// app-model parameter of a controller action, a Razor Pages handler or a minimal API delegate.
        /// </summary>
        public bool IsBound(IParameterSymbol parameter, IOperation reference)
        {
            var definition = parameter.OriginalDefinition;
            if (!this.boundParameters.TryGetValue(definition, out var bound))
            {
                bound = this.boundParameters.GetOrAdd(definition, this.BindsFromRequest(definition, reference));
            }

            return bound;
        }

        private bool BindsFromRequest(IParameterSymbol parameter, IOperation reference)
        {
            if (this.serviceAttributes.Any(a => HasAttribute(parameter, a)))
            {
                return false;
            }

            if (this.bindingSourceAttributes.Any(a => HasAttribute(parameter, a)))
            {
                return true;
            }

            var bindsByConvention = parameter.ContainingSymbol is IMethodSymbol method
                                    && (this.IsActionOrHandler(method) || this.IsEndpointDelegate(method, reference));
            return bindsByConvention && this.IsBindableByConvention(parameter.Type);
        }

        /// <summary>A controller action or a Razor Pages handler (<c>On…</c>) that the framework calls for a request.</summary>
        public bool IsActionOrHandler(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
                || HasAttribute(method, this.nonAction))
            {
                return false;
            }

            var type = method.ContainingType;
            var isController = DerivesFrom(type, this.controllerBase) || HasAttribute(type, this.apiController, inherited: true);
            var isPageHandler = DerivesFrom(type, this.pageModel) && method.Name.StartsWith("On", System.StringComparison.Ordinal);
            return isController || isPageHandler;
        }

        /// <summary>A lambda passed to <c>app.MapGet/MapPost/..</c>; <paramref name="reference"/> is an operation inside it.</summary>
        public bool IsEndpointDelegate(IMethodSymbol method, IOperation reference)
        {
            if (method.MethodKind != MethodKind.AnonymousFunction)
            {
                return false;
            }

            for (var current = reference.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, method))
                {
                    var argument = function.Parent;
                    while (argument is IDelegateCreationOperation or IConversionOperation)
                    {
                        argument = argument.Parent;
                    }

                    return argument is IArgumentOperation { Parent: IInvocationOperation map }
                           && SymbolEqualityComparer.Default.Equals(map.TargetMethod.ContainingType, this.endpointRouteBuilderExtensions);
                }
            }

            return false;
        }

        /// <summary>
        /// Strings and URIs, and the app's own model classes (whose members the binder fills); not framework types, and not
        /// the app's services: a class with instance methods of its own is what the container injects into an endpoint.
        /// A model of a referenced project is a library's type here, as on the command line.
        /// </summary>
        private bool IsBindableByConvention(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String
            || type is INamedTypeSymbol { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
            || (type.TypeKind is TypeKind.Class or TypeKind.Struct
                && TypeFacts.IsTypeDeclaredInSource(type, this.compilation)
                && !type.GetMembers().Any(m => m is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, IsImplicitlyDeclared: false }));

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && TypeFacts.IsOrInherits(type, expected);

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute, bool inherited = false) =>
            TypeFacts.HasAttribute(symbol, attribute, inherited);

        private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, params string[] names) =>
            names.Select(KnownTypes.For(compilation).Get).Where(t => t is not null).Select(t => t!).ToImmutableArray();
    }
}
