namespace Accrue.Portal.Analyzers.Requests
{
    using System.Runtime.CompilerServices;

    /// <summary>
    /// The Stripe.net types the request engine needs, resolved once per compilation, and the one mapping from option
    /// properties to API field names: the <c>[JsonProperty("...")]</c> name Stripe.net itself serialises.
    /// </summary>
    internal sealed class PortalRequestSymbols
    {
        private static readonly WeakCache<Compilation, PortalRequestSymbols> Shared = new WeakCache<Compilation, PortalRequestSymbols>(Create);

        private readonly ConditionalWeakTable<IOperation, BodyRequests> sessionRequests = new ConditionalWeakTable<IOperation, BodyRequests>();
        private readonly ConcurrentDictionary<IPropertySymbol, string?> fieldNames = new(SymbolEqualityComparer.Default);

        private PortalRequestSymbols(Compilation compilation, INamedTypeSymbol sessionService, INamedTypeSymbol sessionCreateOptions, INamedTypeSymbol baseOptions, INamedTypeSymbol nestedOptions)
        {
            this.Compilation = compilation;
            this.SessionService = sessionService;
            this.SessionCreateOptions = sessionCreateOptions;
            this.BaseOptions = baseOptions;
            this.NestedOptions = nestedOptions;
            var types = KnownTypes.For(compilation);
            this.List = types.Get("System.Collections.Generic.List`1");
            this.JsonProperty = types.Get(StripeNames.JsonPropertyAttribute);
            this.ConfigurationService = types.Get(StripeNames.ConfigurationService);
            this.ConfigurationCreateOptions = types.Get(StripeNames.ConfigurationCreateOptions);
            this.ConfigurationUpdateOptions = types.Get(StripeNames.ConfigurationUpdateOptions);
            this.Reach = new RequestReach(this);
            if (this.ConfigurationCreateOptions is { } create)
            {
                var chain = this.PropertyChain(create, PortalApiRules.SubscriptionCancelPath.Split('.'));
                this.configurationFeatures = chain?[0].Type;
                this.subscriptionCancel = chain?[1].Type;
            }
        }

        private readonly ITypeSymbol? configurationFeatures;
        private readonly ITypeSymbol? subscriptionCancel;

        /// <summary>The compilation the symbols belong to: the only one whose method bodies the request rules read.</summary>
        public Compilation Compilation { get; }

        /// <summary>The compilation's methods that receive, send or return options (<see cref="RequestReach"/>).</summary>
        internal RequestReach Reach { get; }

        public INamedTypeSymbol SessionService { get; }

        public INamedTypeSymbol SessionCreateOptions { get; }

        public INamedTypeSymbol BaseOptions { get; }

        public INamedTypeSymbol NestedOptions { get; }

        /// <summary>Null in a Stripe.net without portal configurations; then no configuration write matches.</summary>
        public INamedTypeSymbol? ConfigurationService { get; }

        public INamedTypeSymbol? ConfigurationCreateOptions { get; }

        public INamedTypeSymbol? ConfigurationUpdateOptions { get; }

        private INamedTypeSymbol? List { get; }

        private INamedTypeSymbol? JsonProperty { get; }

        /// <summary>Null without Stripe.net's session types; built once per compilation for every rule that needs it.</summary>
        public static PortalRequestSymbols? Resolve(Compilation compilation) => Shared.Get(compilation);

        private static PortalRequestSymbols? Create(Compilation compilation)
        {
            var types = KnownTypes.For(compilation);
            var sessionService = types.Get(StripeNames.SessionService);
            var sessionCreateOptions = types.Get(StripeNames.SessionCreateOptions);
            var baseOptions = types.Get(StripeNames.BaseOptions);
            var nestedOptions = types.Get(StripeNames.NestedOptions);
            return sessionService is null || sessionCreateOptions is null || baseOptions is null || nestedOptions is null
                ? null
                : new PortalRequestSymbols(compilation, sessionService, sessionCreateOptions, baseOptions, nestedOptions);
        }

        /// <summary>
        /// The start of every session-request rule (PORTAL004/006/007): <paramref name="analyze"/> runs for each method
        /// body that creates Stripe options, with the body's requests. The driver hands every analyzer the same operation
        /// tree for a body, so the requests are collected once and shared by the rules.
        /// </summary>
        public void RegisterSessionRequestAnalysis(CompilationStartAnalysisContext start, Action<OperationBlockAnalysisContext, ImmutableArray<PortalRequest>> analyze) =>
            OperationBlockGate.Register(
                start,
                this.CreatesOptions,
                context => analyze(context, this.SessionRequestsOf(context.OwningSymbol, context.OperationBlocks)),
                OperationKind.ObjectCreation);

        /// <summary>
        /// Gate trigger of the rules built on <see cref="PortalRequestCollector"/> (PORTAL004/006/007/009). They report only
        /// on options the body creates (what is set on options that come from elsewhere is unknown to them,
        /// <see cref="PortalRequest.Root"/>), so a body without an options creation has nothing for them; and object
        /// creations are far rarer than the calls that send the options.
        /// </summary>
        public bool CreatesOptions(IOperation operation) => operation is IObjectCreationOperation creation && this.IsOptionsType(creation.Type);

        /// <summary>
        /// <c>SessionService.Create/CreateAsync(options, ..)</c> on any instance (however the service was reached), or the
        /// runtime's guarded <c>CreateGuarded/CreateGuardedAsync(this SessionService, options, ..)</c>.
        /// </summary>
        public bool TryMatchSessionCreate(IInvocationOperation invocation, out IOperation options)
        {
            options = null!;
            var method = invocation.TargetMethod;
            var isCreate = (method.Name == StripeNames.CreateMethod || method.Name == StripeNames.CreateAsyncMethod)
                           && !method.IsStatic && TypeFacts.IsOrInherits(method.ContainingType, this.SessionService);
            var isGuarded = (method.Name == RuntimeNames.CreateGuardedMethod || method.Name == RuntimeNames.CreateGuardedAsyncMethod)
                            && method.IsExtensionMethod && method.Parameters.Length > 0
                            && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, this.SessionService);
            if (!isCreate && !isGuarded)
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.Type, this.SessionCreateOptions))
                {
                    options = argument.Value.WalkDownImplicitConversions();
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>ConfigurationService.Create/CreateAsync(options, ..)</c> or <c>Update/UpdateAsync(id, options, ..)</c> on any
        /// instance: a request that writes a portal configuration.
        /// </summary>
        public bool TryMatchConfigurationWrite(IInvocationOperation invocation, out IOperation options)
        {
            options = null!;
            var method = invocation.TargetMethod;
            if (this.ConfigurationService is null
                || method.IsStatic
                || method.Name is not (StripeNames.CreateMethod or StripeNames.CreateAsyncMethod or StripeNames.UpdateMethod or StripeNames.UpdateAsyncMethod)
                || !TypeFacts.IsOrInherits(method.ContainingType, this.ConfigurationService))
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter
                    && (SymbolEqualityComparer.Default.Equals(parameter.Type, this.ConfigurationCreateOptions)
                        || SymbolEqualityComparer.Default.Equals(parameter.Type, this.ConfigurationUpdateOptions)))
                {
                    options = argument.Value.WalkDownImplicitConversions();
                    return true;
                }
            }

            return false;
        }

        /// <summary>The options a request call sends: <c>SessionCreateOptions</c>, <c>ConfigurationCreateOptions</c>, <c>ConfigurationUpdateOptions</c>.</summary>
        public bool IsRequestOptionsType(ITypeSymbol? type) =>
            type is not null
            && (SymbolEqualityComparer.Default.Equals(type, this.SessionCreateOptions)
                || SymbolEqualityComparer.Default.Equals(type, this.ConfigurationCreateOptions)
                || SymbolEqualityComparer.Default.Equals(type, this.ConfigurationUpdateOptions));

        /// <summary>
        /// For a configuration options object judged where it is written (PORTAL009): its place in the request, "" for
        /// a configuration's options, <c>features</c> or <c>features.subscription_cancel</c> for those parts; null for any other type.
        /// </summary>
        public string? UnsentPrefix(ITypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, this.ConfigurationCreateOptions) || SymbolEqualityComparer.Default.Equals(type, this.ConfigurationUpdateOptions))
            {
                return string.Empty;
            }

            if (SymbolEqualityComparer.Default.Equals(type, this.configurationFeatures))
            {
                return "features";
            }

            return SymbolEqualityComparer.Default.Equals(type, this.subscriptionCancel) ? PortalApiRules.SubscriptionCancelPath : null;
        }

        /// <summary>A Stripe options object (the request root or a nested options class).</summary>
        public bool IsOptionsType(ITypeSymbol? type) =>
            type is INamedTypeSymbol { TypeKind: TypeKind.Class } && TypeFacts.IsOrInherits(type, this.NestedOptions);

        /// <summary>A <c>List&lt;T&gt;</c> of anything.</summary>
        public bool IsList(ITypeSymbol? type) =>
            type is INamedTypeSymbol { IsGenericType: true } named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, this.List);

        /// <summary>The element type when <paramref name="type"/> is a <c>List&lt;T&gt;</c> of Stripe options.</summary>
        public ITypeSymbol? OptionsListElement(ITypeSymbol? type) =>
            this.IsList(type) && type is INamedTypeSymbol named && this.IsOptionsType(named.TypeArguments[0]) ? named.TypeArguments[0] : null;

        /// <summary>The API field an option property writes (<c>FlowData</c> → <c>flow_data</c>), or null for unmapped members.</summary>
        public string? FieldName(IPropertySymbol property)
        {
            return this.fieldNames.GetOrAdd(property.OriginalDefinition, p =>
            {
                foreach (var attribute in p.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, this.JsonProperty)
                        && attribute.ConstructorArguments.Length > 0
                        && attribute.ConstructorArguments[0].Value is string name)
                    {
                        return name;
                    }
                }

                return null;
            });
        }

        /// <summary>The option properties that spell <paramref name="fieldNames"/> below <paramref name="type"/>, or null.</summary>
        public IReadOnlyList<IPropertySymbol>? PropertyChain(ITypeSymbol type, IReadOnlyList<string> fieldNames)
        {
            var chain = new List<IPropertySymbol>();
            var current = type;
            foreach (var fieldName in fieldNames)
            {
                var property = this.FindProperty(current, fieldName);
                if (property is null)
                {
                    return null;
                }

                chain.Add(property);
                current = property.Type;
            }

            return chain;
        }

        private IPropertySymbol? FindProperty(ITypeSymbol type, string fieldName)
        {
            foreach (var current in TypeFacts.SelfAndBaseTypes(type))
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol property && this.FieldName(property) == fieldName)
                    {
                        return property;
                    }
                }
            }

            return null;
        }

        /// <summary>Keyed weakly by the body's first operation block, so an entry lives as long as the operation tree.</summary>
        private ImmutableArray<PortalRequest> SessionRequestsOf(ISymbol owner, ImmutableArray<IOperation> blocks) =>
            this.sessionRequests.GetValue(blocks[0], _ => new BodyRequests(PortalRequestCollector.Collect(owner, blocks, this))).Requests;

        /// <summary>A body's requests, boxed for the weak table.</summary>
        private sealed class BodyRequests
        {
            public BodyRequests(ImmutableArray<PortalRequest> requests) => this.Requests = requests;

            public ImmutableArray<PortalRequest> Requests { get; }
        }
    }
}
