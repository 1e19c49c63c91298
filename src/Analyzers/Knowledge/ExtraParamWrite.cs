namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// A form-encoded parameter written past the typed options: <c>options.AddExtraParam(key, value)</c>,
    /// <c>options.ExtraParams[key] = value</c> or <c>options.ExtraParams.Add(key, value)</c>.
    /// </summary>
    internal readonly record struct ExtraParamWrite(IOperation Key, IOperation Value)
    {
        public static bool TryMatch(IOperation operation, INamedTypeSymbol baseOptions, out ExtraParamWrite write)
        {
            write = default;
            switch (operation)
            {
                case IInvocationOperation { Arguments.Length: 2 } invocation
                    when invocation.TargetMethod.Name == StripeNames.AddExtraParamMethod
                         && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, baseOptions):
                    write = new ExtraParamWrite(ArgumentValue(invocation, 0), ArgumentValue(invocation, 1));
                    return true;

                case IInvocationOperation { Arguments.Length: 2 } invocation
                    when invocation.TargetMethod.Name == "Add" && IsExtraParams(invocation.Instance, baseOptions):
                    write = new ExtraParamWrite(ArgumentValue(invocation, 0), ArgumentValue(invocation, 1));
                    return true;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
                    when IsExtraParams(indexer.Instance, baseOptions):
                    write = new ExtraParamWrite(indexer.Arguments[0].Value, assignment.Value.WalkDownImplicitConversions());
                    return true;

                default:
                    return false;
            }
        }

        private static IOperation ArgumentValue(IInvocationOperation invocation, int parameterOrdinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == parameterOrdinal)
                {
                    return argument.Value.WalkDownImplicitConversions();
                }
            }

            return invocation.Arguments[parameterOrdinal].Value.WalkDownImplicitConversions();
        }

        private static bool IsExtraParams(IOperation? instance, INamedTypeSymbol baseOptions)
        {
            return instance is IPropertyReferenceOperation { Property.Name: StripeNames.ExtraParamsProperty } property
                   && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, baseOptions);
        }
    }
}
