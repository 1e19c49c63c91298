namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// How a name written in an <c>accrue_portal.*</c> option matches a symbol: on any qualified suffix, so
    /// <c>EnsureOwnsCustomer</c>, <c>BillingAccess.EnsureOwnsCustomer</c>, <c>MyApp.Billing.BillingAccess.EnsureOwnsCustomer</c>
    /// and <c>global::MyApp.Billing.BillingAccess.EnsureOwnsCustomer</c> all name the same method.
    /// </summary>
    internal static class QualifiedName
    {
        private const string GlobalPrefix = "global::";

        /// <summary>The name as written, without <c>global::</c> and surrounding blanks.</summary>
        public static string Normalize(string written)
        {
            var name = written.Trim();
            return name.StartsWith(GlobalPrefix, StringComparison.Ordinal) ? name.Substring(GlobalPrefix.Length) : name;
        }

        /// <summary>Whether <paramref name="suffix"/> is <paramref name="full"/> or ends it after a dot.</summary>
        public static bool EndsWithQualified(string full, string suffix)
        {
            return full.Length == suffix.Length
                ? string.Equals(full, suffix, StringComparison.Ordinal)
                : full.Length > suffix.Length && full[full.Length - suffix.Length - 1] == '.' && full.EndsWith(suffix, StringComparison.Ordinal);
        }

        /// <summary>Whether a normalized name (see <see cref="Normalize"/>) names this method.</summary>
        public static bool NamesMethod(string name, IMethodSymbol method)
        {
            // The method name first: the type's qualified name is only built for a candidate.
            var dot = name.LastIndexOf('.');
            var methodName = method.Name;
            if (name.Length - dot - 1 != methodName.Length || string.CompareOrdinal(name, dot + 1, methodName, 0, methodName.Length) != 0)
            {
                return false;
            }

            return dot < 0 || (method.ContainingType is { } type && EndsWithQualified(Of(type), name.Substring(0, dot)));
        }

        /// <summary>The type's namespace and containing types joined by dots, without type arguments: <c>MyApp.Outer.Inner</c>.</summary>
        public static string Of(INamespaceOrTypeSymbol symbol)
        {
            var name = symbol.Name;
            for (var container = (ISymbol)symbol.ContainingType ?? symbol.ContainingNamespace; container is not null; container = (ISymbol)container.ContainingType ?? container.ContainingNamespace)
            {
                if (container is INamespaceSymbol { IsGlobalNamespace: true })
                {
                    break;
                }

                name = container.Name + "." + name;
            }

            return name;
        }
    }
}
