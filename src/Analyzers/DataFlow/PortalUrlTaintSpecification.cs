namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// PORTAL001/002: the portal session URL (<see cref="PortalUrlSources"/>) and where it must not go. The sinks come,
    /// in this order, from the user's options (<see cref="AdditionalSinkOptions"/>), the app's LoggerMessage delegates and
    /// methods (<see cref="LoggerMessageSinks"/>), the catalogue (<see cref="CatalogueSinks"/>), and the app's own
    /// long-lived members and EF Core entities (<see cref="StorageSinks"/>); this class only decides which one a write reaches.
    /// </summary>
    internal sealed class PortalUrlTaintSpecification : TaintSpecification
    {
        private readonly PortalUrlSources sources;
        private readonly AdditionalSinkOptions additionalSinks;
        private readonly LoggerMessageSinks loggerMessages;
        private readonly CatalogueSinks catalogue;
        private readonly StorageSinks storage;

        private PortalUrlTaintSpecification(Compilation compilation, SessionType session, AnalyzerConfigOptionsProvider options)
        {
            var types = KnownTypes.For(compilation);
            this.sources = new PortalUrlSources(types, session);
            this.additionalSinks = new AdditionalSinkOptions(compilation, options);
            this.loggerMessages = new LoggerMessageSinks(types);
            this.catalogue = new CatalogueSinks(types);
            this.storage = new StorageSinks(compilation, types);
        }

        /// <summary>Null when the compilation does not reference Stripe.net: then there is nothing to track.</summary>
        public static PortalUrlTaintSpecification? TryCreate(Compilation compilation, AnalyzerConfigOptionsProvider options)
        {
            return SessionType.For(compilation) is { } session
                ? new PortalUrlTaintSpecification(compilation, session, options)
                : null;
        }

        public override bool IsSourceCandidate(IOperation operation) => this.sources.IsCandidate(operation);

        public override bool IsSourceType(ITypeSymbol type) => this.sources.IsSession(type);

        public override bool IsSinkContainer(ITypeSymbol type) => this.storage.IsEntity(type);

        public override TaintOrigin? GetSource(IOperation operation) => this.sources.Get(operation);

        public override void AddSinks(IOperation operation, ISymbol owner, List<SinkSite> sinks)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    this.AddInvocationSinks(invocation, owner, sinks);
                    break;

                case IObjectCreationOperation { Constructor: { } constructor } creation
                    when this.catalogue.MatchCall(constructor) is { } entry:
                    AddArguments(creation.Arguments, entry, constructor, new SinkDescription(entry.Kind, "the message of " + TypeFacts.MemberDisplayName(constructor)), sinks);
                    break;

                case IAssignmentOperation assignment when this.DescribeAssignmentSink(assignment.Target, owner) is { } sink:
                    sinks.Add(new SinkSite(assignment.Value, sink));
                    break;
            }
        }

        /// <summary>The arguments that carry the value: those the entry names (all, without one), an extension's receiver excepted, a params array by element.</summary>
        private static void AddArguments(ImmutableArray<IArgumentOperation> arguments, SinkEntry? entry, IMethodSymbol method, SinkDescription sink, List<SinkSite> sinks)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter
                    || (parameter.Ordinal == 0 && method.IsExtensionMethod)
                    || (entry is not null && !entry.CarriesParameter(parameter.Name)))
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
                {
                    foreach (var element in elements.ElementValues)
                    {
                        sinks.Add(new SinkSite(element, sink));
                    }
                }
                else
                {
                    sinks.Add(new SinkSite(argument.Value, sink));
                }
            }
        }

        private void AddInvocationSinks(IInvocationOperation invocation, ISymbol owner, List<SinkSite> sinks)
        {
            var method = invocation.TargetMethod;
            if (this.additionalSinks.Match(invocation.Syntax.SyntaxTree, method, method.ContainingType) is { } additionalKind)
            {
                AddArguments(invocation.Arguments, null, method, new SinkDescription(additionalKind, TypeFacts.MemberDisplayName(method)), sinks);
                return;
            }

            if (this.loggerMessages.TryAdd(invocation, sinks))
            {
                return;
            }

            if (this.catalogue.MatchCall(method) is { } entry)
            {
                AddArguments(invocation.Arguments, entry, method, new SinkDescription(this.catalogue.KindOf(entry, invocation), TypeFacts.MemberDisplayName(method)), sinks);
                return;
            }

            if (method.Name == "Add" && invocation.Arguments.Length > 0
                && this.catalogue.DescribeCollectionWrite(invocation.Instance, isIndexer: false) is { } collection)
            {
                sinks.Add(new SinkSite(invocation.Arguments[invocation.Arguments.Length - 1].Value, collection));
                return;
            }

            if (CollectionWrites.MethodNames.Contains(method.Name) && this.storage.DescribeContainer(invocation.Instance, owner) is { } container)
            {
                AddArguments(invocation.Arguments, null, method, container, sinks);
            }
        }

        private SinkDescription? DescribeAssignmentSink(IOperation target, ISymbol owner)
        {
            switch (target)
            {
                case IPropertyReferenceOperation property:
                    return this.DescribePropertySink(property, owner);

                case IFieldReferenceOperation field:
                    return this.storage.DescribeField(field, owner);

                case IDynamicMemberReferenceOperation { Instance: IPropertyReferenceOperation holder } dynamicMember
                    when this.catalogue.MatchProperty(holder.Property, SinkShape.DynamicMemberSet) is { } entry:
                    return new SinkDescription(entry.Kind, holder.Property.Name + "." + dynamicMember.MemberName);

                default:
                    return null;
            }
        }

        private SinkDescription? DescribePropertySink(IPropertyReferenceOperation property, ISymbol owner)
        {
            var symbol = property.Property;
            if (this.additionalSinks.Match(property.Syntax.SyntaxTree, symbol, symbol.ContainingType) is { } additionalKind)
            {
                return new SinkDescription(additionalKind, TypeFacts.MemberDisplayName(symbol));
            }

            if (symbol.IsIndexer)
            {
                return this.catalogue.DescribeCollectionWrite(property.Instance, isIndexer: true) ?? this.storage.DescribeContainer(property.Instance, owner);
            }

            if (this.catalogue.MatchProperty(symbol, SinkShape.PropertySet) is { } entry)
            {
                return new SinkDescription(entry.Kind, TypeFacts.MemberDisplayName(symbol));
            }

            return this.storage.DescribeProperty(property, owner);
        }
    }
}
