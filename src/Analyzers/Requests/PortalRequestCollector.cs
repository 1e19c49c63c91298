namespace Accrue.Portal.Analyzers.Requests
{
    using System.Collections.Generic;
    using System.Collections.Immutable;
    using Accrue.Portal.Analyzers.Knowledge;
    using Accrue.Portal.Internal;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Operations;

    /// <summary>Recognises a call that sends a Stripe request, and the options argument it sends.</summary>
    internal delegate bool RequestCallMatcher(IInvocationOperation invocation, out IOperation options);

    /// <summary>
    /// Builds, for one method (an operation block), every <see cref="PortalRequest"/>: what the method provably writes
    /// on the options object before it reaches the session call. "Provably" means: the object is created in this
    /// method (<c>new</c>, directly or through locals), and every other use of it before the call is a member write,
    /// an <c>AddExtraParam</c>/<c>ExtraParams</c> write with a constant key, a scalar read, or the call itself.
    /// Anything else (passed to a method, aliased, captured by a lambda, stored, reassigned) makes it opaque.
    /// <para>
    /// Across methods (<see cref="RequestReach"/>): an object created here and passed to a method of the compilation
    /// (or an interface or virtual member, into each implementation) is followed there, its writes added, to the call
    /// that sends it; an object created here and returned (a factory) is followed into each caller, which may complete
    /// it and send it or pass it on. Such a request is reported here, where the object is created.
    /// </para>
    /// </summary>
    internal sealed class PortalRequestCollector
    {
        private readonly PortalRequestSymbols symbols;
        private readonly RequestCallMatcher matcher;
        private readonly Dictionary<ISymbol, List<IOperation>> references = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, IVariableDeclaratorOperation> declarators = new(SymbolEqualityComparer.Default);
        private readonly List<(IInvocationOperation Call, IOperation Options)> calls = new();
        private readonly List<(IInvocationOperation Call, IArgumentOperation Argument)> handOffs = new();
        private readonly List<IReturnOperation> returns = new();
        private readonly List<IObjectCreationOperation> creations = new();

        /// <summary>In a callee or caller followed from the creating method: what stands for the object followed.</summary>
        private readonly IOperation? seedCall;
        private readonly IParameterSymbol? seedParameter;
        private readonly OptionsObject? seed;

        private PortalRequestCollector(PortalRequestSymbols symbols, RequestCallMatcher matcher, IOperation? seedCall = null, IParameterSymbol? seedParameter = null, OptionsObject? seed = null)
        {
            this.symbols = symbols;
            this.matcher = matcher;
            this.seedCall = seedCall;
            this.seedParameter = seedParameter;
            this.seed = seed;
        }

        /// <summary>The requests reaching portal-session calls.</summary>
        public static ImmutableArray<PortalRequest> Collect(ISymbol owner, ImmutableArray<IOperation> operationBlocks, PortalRequestSymbols symbols) =>
            Collect(owner, operationBlocks, symbols, symbols.TryMatchSessionCreate, includeUnsent: false);

        /// <summary>
        /// The requests reaching the calls <paramref name="matcher"/> recognises (session creation, configuration writes),
        /// in this method or along the methods the object is passed to or returned to. With
        /// <paramref name="includeUnsent"/>, also every options object created here that reaches no call in sight
        /// (<see cref="PortalRequest.IsUnsent"/>), for rules that judge a value wherever it is written.
        /// </summary>
        public static ImmutableArray<PortalRequest> Collect(ISymbol owner, ImmutableArray<IOperation> operationBlocks, PortalRequestSymbols symbols, RequestCallMatcher matcher, bool includeUnsent)
        {
            var collector = new PortalRequestCollector(symbols, matcher);
            collector.Walk(operationBlocks);
            var requests = ImmutableArray.CreateBuilder<PortalRequest>(collector.calls.Count);
            foreach (var (call, options) in collector.calls)
            {
                requests.Add(new PortalRequest(call, options, collector.Build(options, call, NewVisiting()), acrossMethods: false));
            }

            var reach = symbols.Reach;
            foreach (var (call, argument) in collector.handOffs)
            {
                collector.FollowHandOff(reach, call, argument, null, TaintDepth, requests);
            }

            if (owner is IMethodSymbol method && symbols.IsRequestOptionsType(method.ReturnType))
            {
                foreach (var returned in collector.returns)
                {
                    collector.FollowToCallers(reach, method, returned, requests);
                }
            }

            if (includeUnsent)
            {
                collector.AddUnsent(requests);
            }

            return requests.ToImmutable();
        }

        /// <summary>How many methods deep a request is followed: the data-flow rules' bound.</summary>
        private const int TaintDepth = DataFlow.TaintEngine.MaxCallDepth;

        private static HashSet<ILocalSymbol> NewVisiting() => new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        private void Walk(ImmutableArray<IOperation> operationBlocks)
        {
            foreach (var block in operationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case ILocalReferenceOperation reference:
                            this.AddReference(reference.Local, reference);
                            break;
                        case IParameterReferenceOperation reference when this.seedParameter is not null
                                                                          && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, this.seedParameter):
                            this.AddReference(this.seedParameter, reference);
                            break;
                        case IVariableDeclaratorOperation declarator:
                            this.declarators[declarator.Symbol] = declarator;
                            break;
                        case IInvocationOperation invocation when this.matcher(invocation, out var options):
                            this.calls.Add((invocation, options));
                            break;
                        case IArgumentOperation { Parent: IInvocationOperation call, Parameter: { } parameter } argument
                            when this.symbols.IsRequestOptionsType(parameter.Type) && call.TargetMethod.MethodKind != MethodKind.LocalFunction:
                            this.handOffs.Add((call, argument));
                            break;
                        case IReturnOperation { ReturnedValue: { } } returned when EnclosingFunction(returned) is null:
                            this.returns.Add(returned);
                            break;
                        case IObjectCreationOperation creation:
                            this.creations.Add(creation);
                            break;
                    }
                }
            }
        }

        private void AddReference(ISymbol symbol, IOperation reference)
        {
            if (!this.references.TryGetValue(symbol, out var list))
            {
                this.references[symbol] = list = new List<IOperation>();
            }

            list.Add(reference);
        }

        /// <summary>
        /// An options object handed to a method of the compilation: followed into its body (each implementation's, through
        /// an interface or virtual member), where its parameter may be completed and sent or handed on again.
        /// </summary>
        private void FollowHandOff(RequestReach reach, IInvocationOperation call, IArgumentOperation argument, OptionsObject? followed, int depth, ImmutableArray<PortalRequest>.Builder requests)
        {
            if (depth <= 0 || this.matcher(call, out _) || (followed is null && this.Build(argument.Value, call, NewVisiting()) is null))
            {
                return; // sent here, too deep, or an object this method did not create
            }

            foreach (var body in reach.BodiesOf(call.TargetMethod))
            {
                var root = followed ?? this.Build(argument.Value, call, NewVisiting());
                if (root is null || argument.Parameter is not { } parameter || parameter.Ordinal >= body.Method.Parameters.Length)
                {
                    continue;
                }

                var callee = new PortalRequestCollector(this.symbols, this.matcher, seedParameter: body.Method.Parameters[parameter.Ordinal].OriginalDefinition, seed: root);
                callee.Walk(body.Blocks);
                callee.AddSeedRequests(reach, depth - 1, requests);
            }
        }

        /// <summary>A factory's returned object, followed into each call of the factory (one level), rebuilt for each.</summary>
        private void FollowToCallers(RequestReach reach, IMethodSymbol factory, IReturnOperation returned, ImmutableArray<PortalRequest>.Builder requests)
        {
            foreach (var call in reach.CallersOf(factory))
            {
                var root = this.Build(returned.ReturnedValue!, returned, NewVisiting());
                if (root is null)
                {
                    return;
                }

                var caller = new PortalRequestCollector(this.symbols, this.matcher, seedCall: call, seed: root);
                caller.Walk(ImmutableArray.Create(RequestReach.RootOf(call)));
                caller.AddSeedRequests(reach, TaintDepth - 1, requests);
            }
        }

        /// <summary>In a followed method: the calls that send the object followed, and the methods it is handed on to.</summary>
        private void AddSeedRequests(RequestReach reach, int depth, ImmutableArray<PortalRequest>.Builder requests)
        {
            foreach (var (call, options) in this.calls)
            {
                if (ReferenceEquals(this.Build(options, call, NewVisiting()), this.seed))
                {
                    requests.Add(new PortalRequest(call, options, this.seed, acrossMethods: true));
                }
            }

            foreach (var (call, argument) in this.handOffs)
            {
                if (ReferenceEquals(this.Build(argument.Value, call, NewVisiting()), this.seed))
                {
                    this.FollowHandOff(reach, call, argument, this.seed, depth, requests);
                }
            }
        }

        /// <summary>Objects created here that reach no call in sight, with what this method writes on them.</summary>
        private void AddUnsent(ImmutableArray<PortalRequest>.Builder requests)
        {
            foreach (var creation in this.creations)
            {
                if (this.symbols.UnsentPrefix(creation.Type) is not { } prefix || IsNestedWrite(creation) || Contains(requests, creation.Syntax))
                {
                    continue;
                }

                var built = creation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                    ? this.BuildLocal(declarator.Symbol, null, NewVisiting())
                    : this.Build(creation, null, NewVisiting());
                if (built is not null)
                {
                    requests.Add(PortalRequest.Unsent(built, prefix));
                }
            }

            static bool Contains(ImmutableArray<PortalRequest>.Builder requests, SyntaxNode creation)
            {
                foreach (var request in requests)
                {
                    if (request.Root?.Creation == creation)
                    {
                        return true;
                    }
                }

                return false;
            }

            static bool IsNestedWrite(IOperation creation)
            {
                var parent = creation.Parent;
                while (parent is IConversionOperation)
                {
                    parent = parent.Parent;
                }

                return parent is IAssignmentOperation { Target: IPropertyReferenceOperation } or IArgumentOperation or IInvocationOperation;
            }
        }

        /// <param name="call">Where the object leaves this method (the call that sends it or receives it, or the return); null: nowhere in sight.</param>
        private OptionsObject? Build(IOperation value, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            value = value.WalkDownImplicitConversions();
            if (this.seed is not null && (value == this.seedCall
                                          || (value is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.OriginalDefinition, this.seedParameter))))
            {
                if (value is IParameterReferenceOperation && visiting.Count == 0)
                {
                    this.ApplyUses(this.seed, this.seedParameter!, null, call, visiting);
                }

                return this.seed;
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
                this.ApplyUses(built, local, EnclosingFunction(declarator), call, visiting);
            }

            return built;
        }

        private void ApplyUses(OptionsObject built, ISymbol holder, IOperation? function, IOperation? call, HashSet<ILocalSymbol> visiting)
        {
            var uses = this.references.TryGetValue(holder, out var found) ? found : new List<IOperation>();
            uses.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            foreach (var use in uses)
            {
                if (!ReferenceEquals(EnclosingFunction(use), function))
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
            var afterCall = call is not null && use.Syntax.SpanStart >= call.Syntax.Span.End && !InSameLoop(call, use);
            if (afterCall)
            {
                return;
            }

            IOperation current = use;
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

            bool IsValueList(ITypeSymbol? type) =>
                type is INamedTypeSymbol { IsGenericType: true, Name: "List" } named && named.ContainingNamespace.ToDisplayString() == "System.Collections.Generic" && !IsOptions(type);

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

        private static IOperation? EnclosingFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }

        private static bool InSameLoop(IOperation call, IOperation use)
        {
            for (var current = call.Parent; current is not null; current = current.Parent)
            {
                if (current is ILoopOperation loop && loop.Syntax.Span.Contains(use.Syntax.Span))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
