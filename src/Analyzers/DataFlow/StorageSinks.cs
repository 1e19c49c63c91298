namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// Stores no catalogue entry can name, because they are the app's own members: static fields and properties,
    /// fields and properties of a <c>this</c> that outlives the call, the collections held in them, and the properties
    /// of EF Core entities.
    /// </summary>
    internal sealed class StorageSinks
    {
        private readonly Compilation compilation;
        private readonly EntityTypes entities;
        private readonly ImmutableArray<INamedTypeSymbol> perRequestTypes;

        public StorageSinks(Compilation compilation, KnownTypes types)
        {
            this.compilation = compilation;
            this.entities = new EntityTypes(compilation);
            var perRequest = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in AspNetNames.PerRequestTypes)
            {
                if (types.Get(name) is { } type)
                {
                    perRequest.Add(type);
                }
            }

            this.perRequestTypes = perRequest.ToImmutable();
        }

        /// <summary>Writes into an entity are sinks of their own, so they do not taint the entity.</summary>
        public bool IsEntity(ITypeSymbol type) => this.entities.Contains(type);

        /// <summary>A collection held in a static field or a field of long-lived <c>this</c> (Recent[key] = url, Cache.Add(url)).</summary>
        public SinkDescription? DescribeContainer(IOperation? instance, ISymbol owner)
        {
            return instance switch
            {
                IFieldReferenceOperation { Field.IsStatic: true } field => StaticField(field.Field),
                IPropertyReferenceOperation { Property.IsStatic: true } property when TypeFacts.IsDeclaredInSource(property.Property, this.compilation) =>
                    StaticProperty(property.Property),
                IMemberReferenceOperation member when member is IFieldReferenceOperation or IPropertyReferenceOperation && this.IsLongLivedThis(member.Instance, owner) =>
                    Store("the field '", member.Member),
                _ => null,
            };
        }

        /// <summary>An assignment to a static field, or to a field of long-lived <c>this</c>.</summary>
        public SinkDescription? DescribeField(IFieldReferenceOperation field, ISymbol owner)
        {
            if (field.Field.IsStatic)
            {
                return field.Field.IsConst ? null : StaticField(field.Field);
            }

            return this.IsLongLivedThis(field.Instance, owner) ? Store("the field '", field.Field) : null;
        }

        /// <summary>An assignment to an entity's property, a static property of the app, or a property of long-lived <c>this</c>.</summary>
        public SinkDescription? DescribeProperty(IPropertyReferenceOperation property, ISymbol owner)
        {
            var symbol = property.Property;
            if (this.IsEntity(symbol.ContainingType))
            {
                return Store("the EF Core entity property '", symbol);
            }

            if (!TypeFacts.IsDeclaredInSource(symbol, this.compilation))
            {
                return null;
            }

            if (symbol.IsStatic)
            {
                return StaticProperty(symbol);
            }

            return this.IsLongLivedThis(property.Instance, owner) ? Store("the property '", symbol) : null;
        }

        private static SinkDescription StaticField(IFieldSymbol field) => Store("the static field '", field);

        private static SinkDescription StaticProperty(IPropertySymbol property) => Store("the static property '", property);

        private static SinkDescription Store(string what, ISymbol member) =>
            new SinkDescription(SinkKind.Store, what + TypeFacts.MemberDisplayName(member) + "'");

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
    }
}
