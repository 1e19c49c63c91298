namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// The symbols an option value names, in this compilation and its references: documentation-comment ids of the sink
    /// lists (<c>M:MyApp.AuditLog.Write(System.String)</c>, <c>T:MyApp.Telemetry</c>) and the method names of the declared
    /// checks, each also on a qualified suffix (<see cref="QualifiedName"/>). Resolved once per option value; it walks
    /// namespaces by name only, never every member of every type.
    /// </summary>
    internal static class OptionSymbols
    {
        /// <summary>
        /// The symbols a documentation-comment id names: the exact id first, then any member or type whose id ends with
        /// it after a dot (<c>M:AuditLog.Write(System.String)</c>); without a parameter list, every overload.
        /// </summary>
        public static ImmutableArray<ISymbol> ForDocumentationId(string id, Compilation compilation)
        {
            var exact = DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation);
            if (!exact.IsEmpty || id.Length < 3 || id[1] != ':')
            {
                return exact;
            }

            var kind = id[0];
            var body = QualifiedName.Normalize(id.Substring(2));
            var parameters = body.IndexOf('(');
            var path = parameters < 0 ? body : body.Substring(0, parameters);
            var builder = ImmutableArray.CreateBuilder<ISymbol>();
            if (kind == 'T')
            {
                builder.AddRange(FindTypes(path, compilation));
                return builder.ToImmutable();
            }

            var dot = path.LastIndexOf('.');
            if (dot <= 0)
            {
                return builder.ToImmutable();
            }

            var memberName = path.Substring(dot + 1);
            foreach (var type in FindTypes(path.Substring(0, dot), compilation))
            {
                foreach (var member in type.GetMembers(memberName))
                {
                    var memberId = DocumentationCommentId.CreateDeclarationId(member);
                    if (memberId is { Length: > 2 } && memberId[0] == kind && Matches(memberId.Substring(2), body, parameters >= 0))
                    {
                        builder.Add(member);
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>Whether a method of that (qualified-suffix) name exists in the compilation or its references.</summary>
        public static bool AnyMethodNamed(string name, Compilation compilation)
        {
            var dot = name.LastIndexOf('.');
            var methodName = name.Substring(dot + 1);
            if (dot < 0)
            {
                return compilation.ContainsSymbolsWithName(methodName, SymbolFilter.Member) || AnyReferencedTypeHasMember(compilation.GlobalNamespace, methodName);
            }

            foreach (var type in FindTypes(name.Substring(0, dot), compilation))
            {
                foreach (var member in type.GetMembers(methodName))
                {
                    if (member is IMethodSymbol)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The types whose qualified name (<see cref="QualifiedName.Of"/>) ends with <paramref name="path"/>, nested types included.</summary>
        public static List<INamedTypeSymbol> FindTypes(string path, Compilation compilation)
        {
            var segments = path.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                var tick = segments[i].IndexOf('`');
                segments[i] = tick < 0 ? segments[i] : segments[i].Substring(0, tick);
            }

            var found = new List<INamedTypeSymbol>();
            var pending = new Stack<INamespaceSymbol>();
            pending.Push(compilation.GlobalNamespace);
            while (pending.Count > 0)
            {
                var ns = pending.Pop();
                foreach (var child in ns.GetNamespaceMembers())
                {
                    pending.Push(child);
                }

                // The path's first k segments may be the end of this namespace's name; the rest is a type and its nested types.
                var namespaceName = ns.IsGlobalNamespace ? string.Empty : QualifiedName.Of(ns);
                for (var k = 0; k < segments.Length; k++)
                {
                    if (k > 0 && !QualifiedName.EndsWithQualified(namespaceName, string.Join(".", segments, 0, k)))
                    {
                        continue;
                    }

                    AddNested(ns.GetTypeMembers(segments[k]), segments, k + 1, found);
                }
            }

            return found;
        }

        private static void AddNested(ImmutableArray<INamedTypeSymbol> types, string[] segments, int next, List<INamedTypeSymbol> found)
        {
            foreach (var type in types)
            {
                if (next == segments.Length)
                {
                    found.Add(type);
                }
                else
                {
                    AddNested(type.GetTypeMembers(segments[next]), segments, next + 1, found);
                }
            }
        }

        private static bool Matches(string memberId, string written, bool withParameters)
        {
            if (!withParameters)
            {
                var parameters = memberId.IndexOf('(');
                memberId = parameters < 0 ? memberId : memberId.Substring(0, parameters);
            }

            return QualifiedName.EndsWithQualified(memberId, written);
        }

        /// <summary>A bare method name not declared in source: any referenced type with a member of that name (the rare path).</summary>
        private static bool AnyReferencedTypeHasMember(INamespaceSymbol global, string memberName)
        {
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(global);
            while (pending.Count > 0)
            {
                var container = pending.Pop();
                if (container is INamespaceSymbol ns)
                {
                    foreach (var member in ns.GetMembers())
                    {
                        pending.Push(member);
                    }

                    continue;
                }

                var type = (INamedTypeSymbol)container;
                if (type.DeclaredAccessibility == Accessibility.Public && type.MemberNames.Contains(memberName))
                {
                    return true;
                }

                foreach (var nested in type.GetTypeMembers())
                {
                    pending.Push(nested);
                }
            }

            return false;
        }
    }
}
