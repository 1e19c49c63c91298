namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>
    /// The cheap tests that choose the bodies a <see cref="TaintEngine"/> analyses (<see cref="Knowledge.OperationBlockGate"/>
    /// triggers): where taint can enter a body, and where a call reaches a sink. They read the engine's summaries of the
    /// app's own methods, so a callee is summarised once whether a gate or an analysis asks first.
    /// </summary>
    internal sealed class TaintGate
    {
        /// <summary>The operation kinds <see cref="CallsMethodReachingSink"/> looks at.</summary>
        public static readonly ImmutableArray<OperationKind> CallKinds = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation);

        /// <summary>
        /// The operation kinds <see cref="IsTaintEntry"/> looks at: where a source or a tainted call result can appear, and
        /// where a variable of a source type is declared. Variable references are not among them: there are far more of
        /// them than declarations, and a variable holds a source only if it is declared with the source's type.
        /// </summary>
        public static readonly ImmutableArray<OperationKind> EntryKinds = ImmutableArray.Create(
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.Await,
            OperationKind.VariableDeclarator,
            OperationKind.DeclarationExpression,
            OperationKind.DeclarationPattern,
            OperationKind.RecursivePattern,
            OperationKind.Loop,
            OperationKind.AnonymousFunction,
            OperationKind.LocalFunction);

        private readonly TaintEngine engine;
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> constructorTakesSource = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly Func<INamedTypeSymbol, bool> anyConstructorTakesSource;

        public TaintGate(TaintEngine engine)
        {
            this.engine = engine;
            this.anyConstructorTakesSource = this.AnyConstructorTakesSource;
        }

        /// <summary>
        /// Gate trigger: the operation can bring taint into a body: a source candidate of the specification, a variable
        /// declared with a source type, or a call (or property read) into this compilation whose callee returns taint.
        /// A body without any of these (and without a parameter of a source type, <see cref="HasSourceParameter"/>)
        /// cannot hold taint, so it is skipped without collecting its facts.
        /// </summary>
        public bool IsTaintEntry(IOperation operation)
        {
            if (this.DeclaresSource(operation) || this.engine.Specification.IsSourceCandidate(operation))
            {
                return true;
            }

            var callee = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IPropertyReferenceOperation property => property.Property.GetMethod,
                _ => null,
            };
            if (callee is null || callee.MethodKind == MethodKind.LocalFunction)
            {
                return false;
            }

            // Most calls are into other assemblies: the source test comes first, the text test only for the rest.
            var hasBody = TypeFacts.HasSourceBody(callee, this.engine.Compilation);
            if (!hasBody && !this.engine.TryGetImplementations(callee, out _))
            {
                return false;
            }

            if (TypeFacts.CannotCarryText(callee.ReturnType))
            {
                return false;
            }

            if (hasBody && this.engine.ReturnsTaint(callee, TaintEngine.MaxCallDepth - 1) is not null)
            {
                return true;
            }

            if (this.engine.TryGetImplementations(callee, out var bodies))
            {
                foreach (var body in bodies)
                {
                    if (this.engine.ReturnsTaint(body, TaintEngine.MaxCallDepth - 1) is not null)
                    {
                        return true;
                    }
                }
            }

            return false;
        }


        /// <summary>
        /// Gate trigger in a body's own declaration: a parameter of a source type, its own or one a primary constructor of
        /// its type captures (in scope in every member, read without a declaration in the body).
        /// </summary>
        public bool HasSourceParameter(ISymbol owner) =>
            (owner is IMethodSymbol method && this.AnyOfSourceType(method.Parameters))
            || (owner.ContainingType is { } type && this.constructorTakesSource.GetOrAdd(type, this.anyConstructorTakesSource));

        /// <summary>
        /// Any constructor taking a source value stands in for the primary constructor, which Roslyn's symbols do not
        /// mark. Asked once per type: <c>InstanceConstructors</c> builds a new array on every call.
        /// </summary>
        private bool AnyConstructorTakesSource(INamedTypeSymbol type)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                if (this.AnyOfSourceType(constructor.Parameters))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DeclaresSource(IOperation operation)
        {
            var specification = this.engine.Specification;
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    return specification.IsSourceType(declarator.Symbol.Type);
                case IDeclarationExpressionOperation declaration:
                    foreach (var declared in declaration.Expression.DescendantsAndSelf())
                    {
                        if (declared is ILocalReferenceOperation local && specification.IsSourceType(local.Local.Type))
                        {
                            return true;
                        }
                    }

                    return false;
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }:
                    return specification.IsSourceType(local.Type);
                case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local }:
                    return specification.IsSourceType(local.Type);
                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        if (specification.IsSourceType(local.Type))
                        {
                            return true;
                        }
                    }

                    return false;
                case IAnonymousFunctionOperation function:
                    return this.AnyOfSourceType(function.Symbol.Parameters);
                case ILocalFunctionOperation function:
                    return this.AnyOfSourceType(function.Symbol.Parameters);
                default:
                    return false;
            }
        }

        private bool AnyOfSourceType(ImmutableArray<IParameterSymbol> parameters)
        {
            foreach (var parameter in parameters)
            {
                if (this.engine.Specification.IsSourceType(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Gate trigger for a specification whose sinks are rarer than its sources: a call of a method or constructor of
        /// this compilation that has a sink within the call depth. With the specification's own sink writes, it finds every
        /// body where a finding can be reported, since findings sit at sinks.
        /// </summary>
        public bool CallsMethodReachingSink(IOperation operation)
        {
            var callee = operation switch
            {
                IInvocationOperation invocation when invocation.TargetMethod.MethodKind != MethodKind.LocalFunction => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            if (callee is null)
            {
                return false;
            }

            if (TypeFacts.HasSourceBody(callee, this.engine.Compilation) && this.engine.CalleeMayReachSink(callee, TaintEngine.MaxCallDepth - 1))
            {
                return true;
            }

            if (this.engine.TryGetImplementations(callee, out var bodies))
            {
                foreach (var body in bodies)
                {
                    if (this.engine.CalleeMayReachSink(body, TaintEngine.MaxCallDepth - 1))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
