namespace Accrue.Portal.Analyzers.DataFlow
{
    using System;
    using System.Collections.Concurrent;
    using System.Collections.Generic;
    using System.Collections.Immutable;
    using System.Linq;
    using System.Threading;
    using Accrue.Portal.Analyzers.Knowledge;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Diagnostics;
    using Microsoft.CodeAnalysis.Operations;

    /// <summary>
    /// PORTAL001/002: the portal session URL (<c>Session.Url</c>, the Session turned into text, the runtime handle's URL)
    /// and where it must not go (<see cref="SinkCatalogue"/>, plus static fields, fields of long-lived <c>this</c>,
    /// EF Core entity properties, LoggerMessage delegates, [LoggerMessage] methods and the user's own sinks).
    /// </summary>
    internal sealed class PortalUrlTaintSpecification : TaintSpecification
    {
        private readonly Compilation compilation;
        private readonly INamedTypeSymbol? stripeResponse;
        private readonly IMethodSymbol? runtimeRedirectUri;
        private readonly INamedTypeSymbol? microsoftLogger;
        private readonly INamedTypeSymbol? loggerMessageAttribute;
        private readonly INamedTypeSymbol? logLevel;
        private readonly INamedTypeSymbol? textWriter;
        private readonly INamedTypeSymbol? console;
        private readonly ImmutableArray<INamedTypeSymbol> perRequestTypes;
        private readonly List<(INamedTypeSymbol Type, SinkEntry Entry)> entries = new List<(INamedTypeSymbol, SinkEntry)>();
        private readonly ConcurrentDictionary<ISymbol, SinkEntry?> callSinks = new ConcurrentDictionary<ISymbol, SinkEntry?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, ImmutableHashSet<ISymbol>> customSinks = new ConcurrentDictionary<string, ImmutableHashSet<ISymbol>>(StringComparer.Ordinal);
        private readonly AnalyzerConfigOptionsProvider options;
        private readonly Lazy<ImmutableHashSet<ITypeSymbol>> entityTypes;
        private readonly SessionType session;

        private PortalUrlTaintSpecification(Compilation compilation, SessionType session, AnalyzerConfigOptionsProvider options)
        {
            this.compilation = compilation;
            var types = KnownTypes.For(compilation);
            this.session = session;
            this.options = options;
            this.stripeResponse = types.Get(StripeNames.StripeResponse);
            this.runtimeRedirectUri = types.Get(RuntimeNames.PortalSession)?
                .GetMembers(RuntimeNames.GetRedirectUriMethod).OfType<IMethodSymbol>().FirstOrDefault();
            this.microsoftLogger = types.Get(SinkCatalogue.MicrosoftLogger);
            this.loggerMessageAttribute = types.Get(SinkCatalogue.LoggerMessageAttribute);
            this.logLevel = types.Get(SinkCatalogue.LogLevel);
            this.textWriter = types.Get("System.IO.TextWriter");
            this.console = types.Get("System.Console");
            var perRequest = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in SinkCatalogue.PerRequestTypes)
            {
                if (types.Get(name) is { } type)
                {
                    perRequest.Add(type);
                }
            }

            this.perRequestTypes = perRequest.ToImmutable();
            foreach (var entry in SinkCatalogue.Entries)
            {
                if (types.Get(entry.TypeName) is { } type)
                {
                    this.entries.Add((type, entry));
                }
            }

            this.entityTypes = new Lazy<ImmutableHashSet<ITypeSymbol>>(this.FindEntityTypes, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Null when the compilation does not reference Stripe.net: then there is nothing to track.</summary>
        public static PortalUrlTaintSpecification? TryCreate(Compilation compilation, AnalyzerConfigOptionsProvider options)
        {
            return SessionType.For(compilation) is { } session
                ? new PortalUrlTaintSpecification(compilation, session, options)
                : null;
        }

        public override bool IsSourceCandidate(IOperation operation)
        {
            return this.IsSession(operation.Type)
                   || this.IsRuntimeRedirectUri(operation);
        }

        public override bool IsSourceType(ITypeSymbol type) => this.IsSession(type);

        public override bool IsSinkContainer(ITypeSymbol type) => this.IsEntity(type);

        public override TaintOrigin? GetSource(IOperation operation)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property:
                    return this.GetPropertySource(property);

                case IInvocationOperation { Arguments.Length: 0 } invocation
                    when invocation.TargetMethod.Name is nameof(ToString) or StripeNames.ToJsonMethod && this.IsSession(invocation.Instance?.Type):
                    return Origin(invocation, "in the Session turned into text on line ", invocation.Instance);

                case IInvocationOperation invocation when this.IsRuntimeRedirectUri(invocation):
                    return Origin(invocation, "read on line ", invocation.Instance);

                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IInvocationOperation or IAwaitOperation
                    when this.IsSession(operation.Type):
                    return Origin(operation, "in the Session object used on line ", operation);

                default:
                    return null;
            }
        }

        public override void AddSinks(IOperation operation, ISymbol owner, List<SinkSite> sinks)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    this.AddInvocationSinks(invocation, owner, sinks);
                    break;

                case IObjectCreationOperation { Constructor: { } constructor } creation
                    when this.MatchCall(constructor) is { } entry:
                    AddArguments(creation.Arguments, entry, constructor, new SinkDescription(entry.Kind, "the message of " + TypeFacts.MemberDisplayName(constructor)), sinks);
                    break;

                case IAssignmentOperation assignment when this.DescribeAssignmentSink(assignment.Target, owner) is { } sink:
                    sinks.Add(new SinkSite(assignment.Value, sink));
                    break;
            }
        }

        private static TaintOrigin Origin(IOperation operation, string description, IOperation? holder)
        {
            var symbol = holder switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => (ISymbol)parameter.Parameter,
                _ => null,
            };
            return new TaintOrigin(operation.Syntax.GetLocation(), description + TaintOrigin.LineOf(operation.Syntax), symbol);
        }

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

        private TaintOrigin? GetPropertySource(IPropertyReferenceOperation property)
        {
            var name = property.Property.Name;
            if (this.IsSession(property.Instance?.Type))
            {
                return name switch
                {
                    StripeNames.UrlProperty => Origin(property, "read on line ", property.Instance),
                    StripeNames.RawJObjectProperty or StripeNames.RawJsonElementProperty => Origin(property, "in the Session's raw JSON on line ", property.Instance),
                    _ => null,
                };
            }

            if (name == StripeNames.ContentProperty
                && this.stripeResponse is not null
                && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, this.stripeResponse)
                && SkipConditionalAccess(property.Instance) is IPropertyReferenceOperation { Property.Name: StripeNames.StripeResponseProperty } response
                && this.IsSession(response.Instance?.Type))
            {
                return Origin(property, "in the Session's raw response on line ", response.Instance);
            }

            return null;
        }

        /// <summary>The receiver <c>?.</c> tests (<c>session.StripeResponse</c> in <c>session.StripeResponse?.Content</c>).</summary>
        private static IOperation? SkipConditionalAccess(IOperation? instance) =>
            instance is IConditionalAccessInstanceOperation placeholder ? placeholder.ConditionalAccessReceiver() : instance;

        /// <summary>The runtime handle's one URL member, <c>PortalSession.GetRedirectUri()</c>.</summary>
        private bool IsRuntimeRedirectUri(IOperation operation) =>
            this.runtimeRedirectUri is not null
            && operation is IInvocationOperation invocation
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, this.runtimeRedirectUri);

        private static readonly ImmutableHashSet<string> CollectionWriteMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Add", "TryAdd", "AddOrUpdate", "GetOrAdd", "Insert", "AddRange", "Push", "Enqueue", "Append", "AppendLine");

        private void AddInvocationSinks(IInvocationOperation invocation, ISymbol owner, List<SinkSite> sinks)
        {
            var method = invocation.TargetMethod;
            var custom = this.MatchCustom(invocation.Syntax.SyntaxTree, method, method.ContainingType);
            if (custom is { } customKind)
            {
                AddArguments(invocation.Arguments, null, method, new SinkDescription(customKind, TypeFacts.MemberDisplayName(method)), sinks);
                return;
            }

            if (method.MethodKind == MethodKind.DelegateInvoke
                && method.Parameters.Length > 0
                && this.microsoftLogger is not null
                && TypeFacts.IsOrInherits(method.Parameters[0].Type, this.microsoftLogger))
            {
                var name = invocation.Instance is IMemberReferenceOperation member ? member.Member.Name : method.ContainingType.Name;
                this.AddLoggerArguments(invocation, new SinkDescription(SinkKind.Log, "the LoggerMessage delegate '" + name + "'"), sinks);
                return;
            }

            if (this.HasLoggerMessageAttribute(method))
            {
                this.AddLoggerArguments(invocation, new SinkDescription(SinkKind.Log, "the [LoggerMessage] method '" + TypeFacts.MemberDisplayName(method) + "'"), sinks);
                return;
            }

            if (this.MatchCall(method) is { } entry)
            {
                var kind = entry.Kind;
                if (this.textWriter is not null && this.console is not null
                    && SymbolEqualityComparer.Default.Equals(this.entries.Find(e => e.Entry == entry).Type, this.textWriter)
                    && invocation.Instance is IPropertyReferenceOperation consoleStream
                    && SymbolEqualityComparer.Default.Equals(consoleStream.Property.ContainingType, this.console))
                {
                    kind = SinkKind.Log;
                }

                AddArguments(invocation.Arguments, entry, method, new SinkDescription(kind, TypeFacts.MemberDisplayName(method)), sinks);
                return;
            }

            if (method.Name == "Add" && invocation.Arguments.Length > 0
                && this.DescribeCollectionWrite(invocation.Instance, isIndexer: false) is { } collection)
            {
                sinks.Add(new SinkSite(invocation.Arguments[invocation.Arguments.Length - 1].Value, collection));
                return;
            }

            if (CollectionWriteMethods.Contains(method.Name) && this.DescribeLongLivedContainer(invocation.Instance, owner) is { } container)
            {
                AddArguments(invocation.Arguments, null, method, container, sinks);
            }
        }

        /// <summary>A collection held in a static field or a field of long-lived <c>this</c> (Recent[key] = url, Cache.Add(url)).</summary>
        private SinkDescription? DescribeLongLivedContainer(IOperation? instance, ISymbol owner)
        {
            return instance switch
            {
                IFieldReferenceOperation { Field.IsStatic: true } field => new SinkDescription(SinkKind.Store, "the static field '" + TypeFacts.MemberDisplayName(field.Field) + "'"),
                IPropertyReferenceOperation { Property.IsStatic: true } property when TypeFacts.IsDeclaredInSource(property.Property, this.compilation) =>
                    new SinkDescription(SinkKind.Store, "the static property '" + TypeFacts.MemberDisplayName(property.Property) + "'"),
                IMemberReferenceOperation member when member is IFieldReferenceOperation or IPropertyReferenceOperation && this.IsLongLivedThis(member.Instance, owner) =>
                    new SinkDescription(SinkKind.Store, "the field '" + TypeFacts.MemberDisplayName(member.Member) + "'"),
                _ => null,
            };
        }

        private void AddLoggerArguments(IInvocationOperation invocation, SinkDescription sink, List<SinkSite> sinks)
        {
            foreach (var argument in invocation.Arguments)
            {
                var type = argument.Parameter?.Type;
                var isLoggerOrLevel = (this.microsoftLogger is not null && TypeFacts.IsOrInherits(type, this.microsoftLogger))
                                      || (this.logLevel is not null && SymbolEqualityComparer.Default.Equals(type, this.logLevel));
                if (!isLoggerOrLevel)
                {
                    sinks.Add(new SinkSite(argument.Value, sink));
                }
            }
        }

        private bool HasLoggerMessageAttribute(IMethodSymbol method)
        {
            if (this.loggerMessageAttribute is null)
            {
                return false;
            }

            foreach (var candidate in new[] { method, method.PartialDefinitionPart })
            {
                foreach (var attribute in candidate?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty)
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, this.loggerMessageAttribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private SinkDescription? DescribeAssignmentSink(IOperation target, ISymbol owner)
        {
            switch (target)
            {
                case IPropertyReferenceOperation property:
                    return this.DescribePropertySink(property, owner);

                case IFieldReferenceOperation field when field.Field.IsStatic && !field.Field.IsConst:
                    return new SinkDescription(SinkKind.Store, "the static field '" + TypeFacts.MemberDisplayName(field.Field) + "'");

                case IFieldReferenceOperation field when this.IsLongLivedThis(field.Instance, owner):
                    return new SinkDescription(SinkKind.Store, "the field '" + TypeFacts.MemberDisplayName(field.Field) + "'");

                case IDynamicMemberReferenceOperation { Instance: IPropertyReferenceOperation holder } dynamicMember
                    when this.MatchProperty(holder.Property, SinkShape.DynamicMemberSet) is { } entry:
                    return new SinkDescription(entry.Kind, holder.Property.Name + "." + dynamicMember.MemberName);

                default:
                    return null;
            }
        }

        private SinkDescription? DescribePropertySink(IPropertyReferenceOperation property, ISymbol owner)
        {
            var symbol = property.Property;
            if (this.MatchCustom(property.Syntax.SyntaxTree, symbol, symbol.ContainingType) is { } customKind)
            {
                return new SinkDescription(customKind, TypeFacts.MemberDisplayName(symbol));
            }

            if (symbol.IsIndexer)
            {
                return this.DescribeCollectionWrite(property.Instance, isIndexer: true) ?? this.DescribeLongLivedContainer(property.Instance, owner);
            }

            if (this.MatchProperty(symbol, SinkShape.PropertySet) is { } entry)
            {
                return new SinkDescription(entry.Kind, TypeFacts.MemberDisplayName(symbol));
            }

            if (this.IsEntity(symbol.ContainingType))
            {
                return new SinkDescription(SinkKind.Store, "the EF Core entity property '" + TypeFacts.MemberDisplayName(symbol) + "'");
            }

            if (!TypeFacts.IsDeclaredInSource(symbol, this.compilation))
            {
                return null;
            }

            if (symbol.IsStatic)
            {
                return new SinkDescription(SinkKind.Store, "the static property '" + TypeFacts.MemberDisplayName(symbol) + "'");
            }

            return this.IsLongLivedThis(property.Instance, owner)
                ? new SinkDescription(SinkKind.Store, "the property '" + TypeFacts.MemberDisplayName(symbol) + "'")
                : null;
        }

        /// <summary>TempData["k"] = v, ViewData.Add(k, v), exception.Data["k"] = v.</summary>
        private SinkDescription? DescribeCollectionWrite(IOperation? collection, bool isIndexer)
        {
            if (collection is null)
            {
                return null;
            }

            foreach (var (type, entry) in this.entries)
            {
                if (entry.Shape == SinkShape.DictionaryWrite && TypeFacts.IsOrInherits(collection.Type, type))
                {
                    return new SinkDescription(entry.Kind, type.Name + (isIndexer ? "[...]" : ".Add"));
                }

                if (entry.Shape == SinkShape.CollectionProperty
                    && collection is IPropertyReferenceOperation holder
                    && entry.MatchesMember(holder.Property.Name)
                    && TypeFacts.IsOrInherits(holder.Property.ContainingType, type))
                {
                    return new SinkDescription(entry.Kind, type.Name + "." + holder.Property.Name);
                }
            }

            return null;
        }

        /// <summary>A member of <c>this</c> in a class that outlives the call: not a record or struct, not while constructing, not a per-request controller or page.</summary>
        private bool IsLongLivedThis(IOperation? instance, ISymbol owner)
        {
            if (instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } || owner.ContainingType is not { } type)
            {
                return false;
            }

            if (type.TypeKind != TypeKind.Class || type.IsRecord
                || owner is IMethodSymbol { MethodKind: MethodKind.Constructor } or IMethodSymbol { IsInitOnly: true })
            {
                return false;
            }

            foreach (var perRequest in this.perRequestTypes)
            {
                if (TypeFacts.IsOrInherits(type, perRequest))
                {
                    return false;
                }
            }

            return true;
        }

        private SinkEntry? MatchCall(IMethodSymbol method)
        {
            return this.callSinks.GetOrAdd(method.OriginalDefinition, m =>
            {
                var definition = (IMethodSymbol)m;
                var name = definition.MethodKind == MethodKind.Constructor ? ".ctor" : definition.Name;
                foreach (var (type, entry) in this.entries)
                {
                    if (entry.Shape == SinkShape.Call && entry.MatchesMember(name) && TypeFacts.IsOrInherits(definition.ContainingType, type))
                    {
                        return entry;
                    }
                }

                return null;
            });
        }

        private SinkEntry? MatchProperty(IPropertySymbol property, SinkShape shape)
        {
            foreach (var (type, entry) in this.entries)
            {
                if (entry.Shape == shape && entry.MatchesMember(property.Name) && TypeFacts.IsOrInherits(property.ContainingType, type))
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>The user's own sinks from .editorconfig (documentation comment ids: M:, P:, or T: for every member of a type).</summary>
        private SinkKind? MatchCustom(SyntaxTree tree, ISymbol member, ITypeSymbol? containingType)
        {
            var treeOptions = this.options.GetOptions(tree);
            foreach (var (option, kind) in new[] { (PortalOptions.AdditionalLogSinks, SinkKind.Log), (PortalOptions.AdditionalStoreSinks, SinkKind.Store) })
            {
                if (!treeOptions.TryGetValue(option, out var value) || string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                var symbols = this.customSinks.GetOrAdd(value, this.ParseSymbols);
                var definition = member.OriginalDefinition;
                if (symbols.Contains(definition) || (containingType is not null && symbols.Contains(containingType.OriginalDefinition)))
                {
                    return kind;
                }
            }

            return null;
        }

        private ImmutableHashSet<ISymbol> ParseSymbols(string value)
        {
            var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var id in PortalOptions.SplitDocumentationIds(value))
            {
                builder.UnionWith(OptionSymbols.ForDocumentationId(id, this.compilation));
            }

            return builder.ToImmutable();
        }

        private bool IsSession(ITypeSymbol? type) => this.session.Matches(type);

        private bool IsEntity(ITypeSymbol type) => this.entityTypes.Value.Contains(type.OriginalDefinition);

        /// <summary>The T of every DbSet&lt;T&gt; property on a DbContext subclass declared in this compilation.</summary>
        private ImmutableHashSet<ITypeSymbol> FindEntityTypes()
        {
            var types = KnownTypes.For(this.compilation);
            var dbContext = types.Get(SinkCatalogue.DbContext);
            var dbSet = types.Get(SinkCatalogue.DbSet);
            var builder = ImmutableHashSet.CreateBuilder<ITypeSymbol>(SymbolEqualityComparer.Default);
            if (dbContext is null || dbSet is null)
            {
                return builder.ToImmutable();
            }

            // Namespaces and types only: asking a type for all its members would build every member symbol of the app.
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(this.compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                var container = pending.Pop();
                var members = container is INamespaceSymbol ns ? ns.GetMembers() : container.GetTypeMembers();
                foreach (var member in members)
                {
                    pending.Push(member);
                    if (member is INamedTypeSymbol { TypeKind: TypeKind.Class } type && TypeFacts.IsOrInherits(type, dbContext))
                    {
                        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                        {
                            if (property.Type is INamedTypeSymbol { TypeArguments.Length: 1 } set && SymbolEqualityComparer.Default.Equals(set.OriginalDefinition, dbSet))
                            {
                                builder.Add(set.TypeArguments[0].OriginalDefinition);
                            }
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }
    }
}
