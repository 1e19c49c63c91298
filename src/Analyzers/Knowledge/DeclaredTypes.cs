namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// Every named type below a namespace, nested types included, found through namespace and type members only: asking
    /// each type for all its members would build every member symbol of the app.
    /// </summary>
    internal static class DeclaredTypes
    {
        public static IEnumerable<INamedTypeSymbol> In(INamespaceSymbol root)
        {
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case INamespaceSymbol ns:
                        foreach (var member in ns.GetMembers())
                        {
                            pending.Push(member);
                        }

                        break;
                    case INamedTypeSymbol type:
                        yield return type;
                        foreach (var nested in type.GetTypeMembers())
                        {
                            pending.Push(nested);
                        }

                        break;
                }
            }
        }
    }
}
