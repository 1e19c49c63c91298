namespace Accrue.Portal.Analyzers.Requests
{
    using System.Collections.Immutable;
    using System.Collections.Generic;
    using Accrue.Portal.Analyzers.Knowledge;
    using Accrue.Portal.Internal;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Operations;

    /// <summary>
    /// The return-URL fields (session <c>return_url</c>, the after-completion redirect, a configuration's
    /// <c>default_return_url</c>) and the writes to them: property assignments, initializers, extra parameters.
    /// A wrong return URL is wrong wherever it is written, so these rules look at every write, not only at the call.
    /// </summary>
    internal sealed class ReturnUrlFields
    {
        private static readonly ImmutableArray<string> Paths = ImmutableArray.Create(
            PortalApiRules.ReturnUrlPath,
            PortalApiRules.AfterCompletionRedirectReturnUrlPath,
            PortalApiRules.DefaultReturnUrlPath);

        private readonly Dictionary<IPropertySymbol, string> properties;
        private readonly INamedTypeSymbol baseOptions;

        private ReturnUrlFields(Dictionary<IPropertySymbol, string> properties, INamedTypeSymbol baseOptions)
        {
            this.properties = properties;
            this.baseOptions = baseOptions;
        }

        public static ReturnUrlFields? Resolve(Compilation compilation, PortalRequestSymbols symbols)
        {
            var properties = new Dictionary<IPropertySymbol, string>(SymbolEqualityComparer.Default);
            Add(symbols.SessionCreateOptions, PortalApiRules.ReturnUrlPath);
            Add(symbols.SessionCreateOptions, PortalApiRules.AfterCompletionRedirectReturnUrlPath);
            Add(compilation.GetTypeByMetadataName(StripeNames.ConfigurationCreateOptions), PortalApiRules.DefaultReturnUrlPath);
            Add(compilation.GetTypeByMetadataName(StripeNames.ConfigurationUpdateOptions), PortalApiRules.DefaultReturnUrlPath);
            return properties.Count == 0 ? null : new ReturnUrlFields(properties, symbols.BaseOptions);

            void Add(INamedTypeSymbol? owner, string path)
            {
                if (owner is not null && symbols.PropertyChain(owner, path.Split('.')) is { Count: > 0 } chain)
                {
                    properties[chain[chain.Count - 1].OriginalDefinition] = path;
                }
            }
        }

        /// <summary>A write of a return URL: the value written and the API path it goes to.</summary>
        /// <summary>Gate trigger: a write to one of the return-URL fields.</summary>
        public bool IsReturnUrlWrite(IOperation operation) => this.TryMatch(operation, out _, out _);

        public bool TryMatch(IOperation operation, out IOperation value, out string path)
        {
            value = null!;
            path = null!;
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                && this.properties.TryGetValue(target.Property.OriginalDefinition, out var found))
            {
                value = assignment.Value;
                path = found;
                return true;
            }

            if (ExtraParamWrite.TryMatch(operation, this.baseOptions, out var write)
                && write.Key.TryGetConstantString(out var key)
                && PortalFieldPath.FromFormKey(key) is { } keyPath
                && Paths.Contains(keyPath))
            {
                value = write.Value;
                path = keyPath;
                return true;
            }

            return false;
        }
    }
}
