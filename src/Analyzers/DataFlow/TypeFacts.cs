namespace Accrue.Portal.Analyzers.DataFlow
{
    internal static class TypeFacts
    {
        /// <summary>Types whose values cannot hold a URL: the engine's universal sanitiser (lengths, flags, hashes as numbers, dates).</summary>
        public static bool CannotCarryText(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Void:
                case SpecialType.System_Boolean:
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_DateTime:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                    return true;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return true;
            }

            // Called for most operations of an analysed body: compare namespace names without building strings.
            return type.Name switch
            {
                "Guid" or "TimeSpan" or "DateTimeOffset" or "Type" =>
                    type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true },
                "CancellationToken" =>
                    type.ContainingNamespace is { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } },
                "Task" or "ValueTask" =>
                    type is INamedTypeSymbol { Arity: 0 }
                    && type.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
                _ => false,
            };
        }

        /// <summary>The type is <paramref name="baseType"/>, derives from it, or implements it (generic definitions compared).</summary>
        public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            if (type is null)
            {
                return false;
            }

            if (baseType.TypeKind == TypeKind.Interface)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, baseType))
                {
                    return true;
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseType))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var current in SelfAndBaseTypes(type))
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The type, then its base class, up to <c>object</c>: the one walk up the base types. A struct enumerable, so the
        /// gates that ask it of most operations allocate nothing.
        /// </summary>
        public static BaseTypeChain SelfAndBaseTypes(ITypeSymbol? type) => new BaseTypeChain(type);

        /// <summary>The type has the attribute, or (with <paramref name="inherited"/>) one of its base classes has.</summary>
        public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute, bool inherited = false)
        {
            if (attribute is null)
            {
                return false;
            }

            if (inherited && symbol is ITypeSymbol type)
            {
                foreach (var current in SelfAndBaseTypes(type))
                {
                    if (HasOwnAttribute(current, attribute))
                    {
                        return true;
                    }
                }

                return false;
            }

            return HasOwnAttribute(symbol, attribute);
        }

        private static bool HasOwnAttribute(ISymbol symbol, INamedTypeSymbol attribute)
        {
            foreach (var data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Type.Member", with an extension method named after the type it extends (ILogger.LogInformation).</summary>
        public static string MemberDisplayName(ISymbol member)
        {
            if (member is IMethodSymbol method)
            {
                var definition = method.ReducedFrom ?? method;
                if (definition.IsExtensionMethod && definition.Parameters.Length > 0)
                {
                    return definition.Parameters[0].Type.Name + "." + method.Name;
                }

                if (method.MethodKind == MethodKind.Constructor)
                {
                    return "new " + method.ContainingType.Name;
                }
            }

            return member.ContainingType is null ? member.Name : member.ContainingType.Name + "." + member.Name;
        }

        /// <summary>The method's source body, if it has one in this compilation.</summary>
        public static bool HasSourceBody(IMethodSymbol method, Compilation compilation)
        {
            return !method.IsAbstract && !method.IsExtern && IsDeclaredInSource(method, compilation);
        }

        /// <summary>
        /// The member is written in this compilation's own source. In an IDE a referenced project is a compilation
        /// reference, whose symbols are in source too, but in trees of another compilation (whose semantic model this one
        /// cannot give): such code is what the command-line build sees, a library without bodies. The gates ask it for
        /// most calls and property reads, so it reads the symbol's stored locations (<c>DeclaringSyntaxReferences</c>
        /// builds a new array on every call) and asks the compilation's tree map only for a source location.
        /// </summary>
        public static bool IsDeclaredInSource(ISymbol member, Compilation compilation)
        {
            return !member.IsImplicitlyDeclared && member.Locations is { Length: > 0 } locations && IsInCompilation(locations[0], compilation);
        }

        /// <summary>The type (the application's own objects: their fields and properties carry what the object carries) is declared in this compilation's source.</summary>
        public static bool IsTypeDeclaredInSource(ITypeSymbol type, Compilation compilation)
        {
            return type.Locations is { Length: > 0 } locations && IsInCompilation(locations[0], compilation);
        }

        /// <summary>The location is in one of this compilation's trees (not in metadata, not in a referenced project's source).</summary>
        public static bool IsInCompilation(Location location, Compilation compilation)
        {
            return location.SourceTree is { } tree && compilation.ContainsSyntaxTree(tree);
        }
    }
}
