namespace Accrue.Portal.Analyzers.Requests
{
    /// <summary>
    /// What one method provably writes on an options object before it leaves (<see cref="PortalRequestCollector"/>):
    /// the object is created here (<c>new</c>, directly or through locals), or stands for the object followed from
    /// another method (the seed), and every use of it before the call is a member write, an
    /// <c>AddExtraParam</c>/<c>ExtraParams</c> write with a constant key, a scalar read, or the call itself. Anything
    /// else (passed to a method, aliased, captured by a lambda, stored, reassigned) makes it opaque.
    /// </summary>
    internal sealed class OptionsObjectBuilder
    {
        private readonly PortalRequestSymbols symbols;
        private readonly RequestCallMatcher matcher;
        private readonly Dictionary<ISymbol, List<IOperation>> references = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, IVariableDeclaratorOperation> declarators = new(SymbolEqualityComparer.Default);

        /// <summary>In a callee or caller followed from the creating method: what stands for the object followed.</summary>
        private readonly IOperation? seedCall;
        private readonly IParameterSymbol? seedParameter;

        public OptionsObjectBuilder(PortalRequestSymbols symbols, RequestCallMatcher matcher, IOperation? seedCall, IParameterSymbol? seedParameter, OptionsObject? seed)
        {
            this.symbols = symbols;
            this.matcher = matcher;
            this.seedCall = seedCall;
            this.seedParameter = seedParameter;
            this.Seed = seed;
        }

        /// <summary>The object followed into this method, or null in the method that creates it.</summary>
        public OptionsObject? Seed { get; }

        /// <summary>Records a local's (or the seed parameter's) use and a local's declaration; false for any other operation.</summary>
        public bool Index(IOperation operation)
        {
            switch (operation)
            {
                case ILocalReferenceOperation reference:
                    this.AddReference(reference.Local, reference);
                    return true;
                case IParameterReferenceOperation reference when this.seedParameter is not null
                                                                  && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, this.seedParameter):
                    this.AddReference(this.seedParameter, reference);
                    return true;
                case IVariableDeclaratorOperation declarator:
                    this.declarators[declarator.Symbol] = declarator;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The object <paramref name="value"/> is, with what this method writes on it before <paramref name="call"/>; null when it is not one this method can follow.</summary>
        public OptionsObject? Build(IOperation value, IOperation? call) => this.Build(value, call, NewVisiting());

        /// <summary>The object a local is initialised with, with what this method writes through the local.</summary>
        public OptionsObject? BuildLocal(ILocalSymbol local, IOperation? call) => this.BuildLocal(local, call, NewVisiting());

        private static HashSet<ILocalSymbol> NewVisiting() => new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        private void AddReference(ISymbol symbol, IOperation reference)
        {
            if (!this.references.TryGetValue(symbol, out var list))
            {
                this.references[symbol] = list = new List<IOperation>();
            }

            list.Add(reference);
        }

        /// <param name="call">Where the object leaves this method (the call that sends it or receives it, or the return); null: nowhere in sight.</param>
        private OptionsObject? Build(IOperation value, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            value = value.WalkDownImplicitConversions();
            if (this.Seed is not null && (value == this.seedCall
                                          || (value is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.OriginalDefinition, this.seedParameter))))
            {
                if (value is IParameterReferenceOperation && visiting.Count == 0)
                {
                    this.ApplyUses(this.Seed, this.seedParameter!, null, call, visiting);
                }

                return this.Seed;
            }

            switch (value)
            {
                case IObjectCreationOperation { Arguments.Length: 0 } creation when this.symbols.IsOptionsType(creation.Type):
                    var created = new OptionsObject(creation.Type!, creation.Syntax);
                    if (creation.Initializer is { } initializer)
                    {
                        this.ApplyInitializer(created, initializer, call, visiting);
                    }

                    return created;
                case ILocalReferenceOperation local:
                    return this.BuildLocal(local.Local, call, visiting);
                default:
                    return null;
            }
        }

        private OptionsObject? BuildLocal(ILocalSymbol local, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            if (local.RefKind != RefKind.None || !visiting.Add(local) || !this.declarators.TryGetValue(local, out var declarator)
                || declarator.GetVariableInitializer()?.Value.WalkDownImplicitConversions() is not { } initializer
                || (initializer is not IObjectCreationOperation && initializer != this.seedCall))
            {
                return null;
            }

            var built = this.Build(initializer, call, visiting);
            if (built is not null)
            {
                this.ApplyUses(built, local, declarator.EnclosingFunction(), call, visiting);
            }

            return built;
        }

        private void ApplyUses(OptionsObject built, ISymbol holder, IOperation? function, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            var uses = this.references.TryGetValue(holder, out var found) ? found : new List<IOperation>();
            uses.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            foreach (var use in uses)
            {
                if (!ReferenceEquals(use.EnclosingFunction(), function))
                {
                    built.IsOpaque = true;
                }
                else
                {
                    this.ApplyUse(built, use, call, visiting);
                }
            }
        }

        private void ApplyInitializer(OptionsObject target, IObjectOrCollectionInitializerOperation initializer, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            foreach (var member in initializer.Initializers)
            {
                switch (member)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false } property } assignment:
                        this.Write(target, property.Property, assignment.Value, call, visiting);
                        break;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: StripeNames.ExtraParamsProperty }, Initializer: { } extraParams }:
                        foreach (var entry in extraParams.Initializers)
                        {
                            switch (entry)
                            {
                                case IInvocationOperation { Arguments.Length: 2 } add:
                                    AddExtraParam(target, add.Arguments[0].Value, add.Arguments[1].Value);
                                    break;
                                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment:
                                    AddExtraParam(target, indexer.Arguments[0].Value, assignment.Value);
                                    break;
                                default:
                                    target.IsOpaque = true;
                                    break;
                            }
                        }

                        break;
                    default:
                        target.IsOpaque = true;
                        break;
                }
            }
        }

        /// <summary>One use of a tracked local: a write through it, the call itself, a harmless read, or an escape.</summary>
        private void ApplyUse(OptionsObject target, IOperation use, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            // Uses after the call cannot change what was sent, unless a loop brings the call round again.
            var afterCall = call is not null && use.Syntax.SpanStart >= call.Syntax.Span.End && !call.IsInLoopAround(use);
            if (afterCall)
            {
                return;
            }

            var current = use;
            var path = new List<IPropertySymbol>();
            while (true)
            {
                var parent = current.Parent;
                if (path.Count <= 1 && (path.Count == 0 || path[0].Name == StripeNames.ExtraParamsProperty)
                    && (TryMatchExtraParam(parent, out var write) || TryMatchExtraParam(parent?.Parent, out write)))
                {
                    AddExtraParam(target, write.Key, write.Value);
                    return;
                }

                switch (parent)
                {
                    case IPropertyReferenceOperation { Property.IsIndexer: false } property when property.Instance == current:
                        path.Add(property.Property);
                        current = property;
                        continue;
                    case ISimpleAssignmentOperation assignment when assignment.Target == current && path.Count > 0:
                        this.WriteAt(target, path, assignment.Value, call, visiting);
                        return;
                    case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation
                        when path.Count > 0 && !IsOptions(current.Type) && IsAssignedThrough(parent, current):
                        this.WriteAt(target, path, parent, call, visiting);
                        return;
                    case IInvocationOperation { Arguments.Length: 1, TargetMethod.Name: "Add" } add
                        when add.Instance == current && path.Count > 0 && this.symbols.OptionsListElement(current.Type) is not null:
                        this.AddItemAt(target, path, add.Arguments[0].Value, call, visiting);
                        return;
                    case not null when path.Count > 0 && IsValueList(current.Type):
                        // A list of values called on (Add, Clear) or handed on may change: what was assigned is not what is sent.
                        this.WriteAt(target, path, parent, call, visiting);
                        return;
                    case IArgumentOperation { Parent: IInvocationOperation invocation } when path.Count == 0 && (invocation == call || this.IsRequestCallWith(invocation, use)):
                        return;
                    case IReturnOperation returned when path.Count == 0 && returned == call:
                        return;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation into } assignment
                        when assignment.Value == current && path.Count == 0 && this.symbols.IsOptionsType(into.Property.ContainingType):
                        return;
                    case IArgumentOperation { Parameter.RefKind: RefKind.None } when path.Count > 0 && !IsOptions(current.Type):
                    case IPropertyReferenceOperation or IFieldReferenceOperation or IBinaryOperation or IInterpolationOperation or IConversionOperation
                        when path.Count > 0 && !IsOptions(current.Type):
                    case ISimpleAssignmentOperation or IVariableInitializerOperation or IReturnOperation or IInvocationOperation
                        when path.Count > 0 && !IsOptions(current.Type) && !IsExtraParams(current):
                        return; // a scalar read
                    default:
                        target.IsOpaque = true;
                        return;
                }
            }

            bool IsOptions(ITypeSymbol? type) => this.symbols.IsOptionsType(type) || this.symbols.OptionsListElement(type) is not null;

            bool IsValueList(ITypeSymbol? type) => this.symbols.IsList(type) && !IsOptions(type);

            bool TryMatchExtraParam(IOperation? operation, out ExtraParamWrite write)
            {
                write = default;
                return operation is not null && ExtraParamWrite.TryMatch(operation, this.symbols.BaseOptions, out write);
            }
        }

        private static bool IsAssignedThrough(IOperation assignment, IOperation target) => assignment switch
        {
            ICompoundAssignmentOperation compound => compound.Target == target,
            ICoalesceAssignmentOperation coalesce => coalesce.Target == target,
            IIncrementOrDecrementOperation increment => increment.Target == target,
            _ => false,
        };

        private bool IsRequestCallWith(IInvocationOperation invocation, IOperation use) =>
            this.matcher(invocation, out var options) && options == use;

        private void WriteAt(OptionsObject target, List<IPropertySymbol> path, IOperation value, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            var owner = this.Navigate(target, path);
            if (owner is not null)
            {
                this.Write(owner, path[path.Count - 1], value, call, visiting);
            }
        }

        private void AddItemAt(OptionsObject target, List<IPropertySymbol> path, IOperation item, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            var owner = this.Navigate(target, path);
            var name = this.symbols.FieldName(path[path.Count - 1]);
            if (owner is not null && name is not null && owner.Fields.TryGetValue(name, out var field) && field.List is { } list)
            {
                list.Items.Add(this.Build(item, call, visiting));
            }
        }

        /// <summary>The object holding the last property of <paramref name="path"/>, or null when it cannot be followed.</summary>
        private OptionsObject? Navigate(OptionsObject target, List<IPropertySymbol> path)
        {
            var node = target;
            for (var i = 0; i < path.Count - 1; i++)
            {
                var name = this.symbols.FieldName(path[i]);
                if (name is null || !node.Fields.TryGetValue(name, out var field))
                {
                    // Writing through a member never set: the engine does not know that object.
                    node.IsOpaque = true;
                    return null;
                }

                if (field.Object is null)
                {
                    return null;
                }

                node = field.Object;
            }

            return node;
        }

        private void Write(OptionsObject target, IPropertySymbol property, IOperation value, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            var name = this.symbols.FieldName(property);
            if (name is null)
            {
                if (property.Name == StripeNames.ExtraParamsProperty)
                {
                    target.IsOpaque = true;
                }

                return;
            }

            value = value.WalkDownImplicitConversions();
            var field = new OptionsField(property, value);
            if (this.symbols.IsOptionsType(property.Type))
            {
                field.Object = this.Build(value, call, visiting);
            }
            else if (this.symbols.OptionsListElement(property.Type) is not null)
            {
                field.List = this.BuildList(value, call, visiting);
            }

            target.Fields[name] = field;
        }

        private OptionsList? BuildList(IOperation value, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            var list = new OptionsList();
            switch (value)
            {
                case IObjectCreationOperation creation:
                    foreach (var element in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                    {
                        if (element is IInvocationOperation { Arguments.Length: 1 } add)
                        {
                            list.Items.Add(this.Build(add.Arguments[0].Value, call, visiting));
                        }
                        else
                        {
                            list.IsOpaque = true;
                        }
                    }

                    return list;
                case ICollectionExpressionOperation collection:
                    foreach (var element in collection.Elements)
                    {
                        if (element is ISpreadOperation)
                        {
                            list.IsOpaque = true;
                        }
                        else
                        {
                            list.Items.Add(this.Build(element, call, visiting));
                        }
                    }

                    return list;
                default:
                    return null;
            }
        }

        private static void AddExtraParam(OptionsObject target, IOperation key, IOperation value)
        {
            if (key.TryGetConstantString(out var formKey) && PortalFieldPath.FromFormKey(formKey) is { } path)
            {
                target.ExtraParams[path] = value.WalkDownImplicitConversions();
            }
            else
            {
                target.IsOpaque = true;
            }
        }

        private static bool IsExtraParams(IOperation operation) =>
            operation is IPropertyReferenceOperation { Property.Name: StripeNames.ExtraParamsProperty };
    }
}
