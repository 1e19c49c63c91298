namespace Accrue.Portal.Analyzers.Requests
{
    /// <summary>
    /// A family of option fields and the writes to them: property assignments, initializers, extra parameters. The
    /// return URLs (session <c>return_url</c>, the after-completion redirect, a configuration's <c>default_return_url</c>)
    /// and the portal customer (<c>customer</c>, <c>customer_account</c>). A wrong value is wrong wherever it is written,
    /// so the rules look at every write, not only at the call.
    /// </summary>
    internal sealed class OptionFieldWrites
    {
        private readonly Dictionary<IPropertySymbol, string> properties;
        private readonly ImmutableArray<string> paths;
        private readonly INamedTypeSymbol baseOptions;

        private OptionFieldWrites(Dictionary<IPropertySymbol, string> properties, ImmutableArray<string> paths, INamedTypeSymbol baseOptions)
        {
            this.properties = properties;
            this.paths = paths;
            this.baseOptions = baseOptions;
        }

        /// <summary>The three return-URL fields, or null when Stripe.net declares none of them.</summary>
        public static OptionFieldWrites? ReturnUrls(Compilation compilation, PortalRequestSymbols symbols) => Resolve(
            symbols,
            (symbols.SessionCreateOptions, PortalApiRules.ReturnUrlPath),
            (symbols.SessionCreateOptions, PortalApiRules.AfterCompletionRedirectReturnUrlPath),
            (KnownTypes.For(compilation).Get(StripeNames.ConfigurationCreateOptions), PortalApiRules.DefaultReturnUrlPath),
            (KnownTypes.For(compilation).Get(StripeNames.ConfigurationUpdateOptions), PortalApiRules.DefaultReturnUrlPath));

        /// <summary>The session's <c>customer</c> and <c>customer_account</c>.</summary>
        public static OptionFieldWrites? Customer(PortalRequestSymbols symbols) => Resolve(
            symbols,
            (symbols.SessionCreateOptions, PortalApiRules.CustomerPath),
            (symbols.SessionCreateOptions, PortalApiRules.CustomerAccountPath));

        /// <summary>Gate trigger: a write to one of these fields.</summary>
        public bool IsWrite(IOperation operation) => this.TryMatch(operation, out _, out _);

        /// <summary>A write of one of the fields: the value written and the API path it goes to.</summary>
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
                && this.paths.Contains(keyPath))
            {
                value = write.Value;
                path = keyPath;
                return true;
            }

            return false;
        }

        private static OptionFieldWrites? Resolve(PortalRequestSymbols symbols, params (INamedTypeSymbol? Owner, string Path)[] fields)
        {
            var properties = new Dictionary<IPropertySymbol, string>(SymbolEqualityComparer.Default);
            var paths = ImmutableArray.CreateBuilder<string>();
            foreach (var (owner, path) in fields)
            {
                paths.Add(path);
                if (owner is not null && symbols.PropertyChain(owner, path.Split('.')) is { Count: > 0 } chain)
                {
                    properties[chain[chain.Count - 1].OriginalDefinition] = path;
                }
            }

            return properties.Count == 0 ? null : new OptionFieldWrites(properties, paths.ToImmutable(), symbols.BaseOptions);
        }
    }
}
