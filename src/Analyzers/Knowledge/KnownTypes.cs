namespace Accrue.Portal.Analyzers.Knowledge
{
    using System;
    using System.Collections.Concurrent;
    using System.Collections.Generic;
    using System.Collections.Immutable;
    using System.Threading;
    using Microsoft.CodeAnalysis;

    /// <summary>
    /// The compilation's types by metadata name, shared by every analyzer and the generator, each name resolved once per
    /// compilation. <see cref="Compilation.GetTypeByMetadataName"/> binds its way through every referenced assembly (about
    /// 0.1 ms a name in an ASP.NET Core app with 300 references) and caches no misses, while most catalogue names are
    /// misses in any one app (it logs with Serilog or NLog, not both). Every IDE edit is a new compilation, so that cost
    /// would come back on each keystroke. Here an assembly is asked only when its type-name set holds the name.
    /// </summary>
    internal sealed class KnownTypes
    {
        private const string GlobalAlias = "global";

        private static readonly PerCompilation<KnownTypes> Shared = new PerCompilation<KnownTypes>(compilation => new KnownTypes(compilation));

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> types = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> declarations = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(StringComparer.Ordinal);
        private readonly Func<string, INamedTypeSymbol?> resolve;
        private readonly Func<string, ImmutableArray<INamedTypeSymbol>> findDeclarations;
        private readonly Lazy<ImmutableArray<IAssemblySymbol>> references;

        private KnownTypes(Compilation compilation)
        {
            this.compilation = compilation;
            this.resolve = this.Resolve;
            this.findDeclarations = this.FindDeclarations;
            this.references = new Lazy<ImmutableArray<IAssemblySymbol>>(this.FindReferencedAssemblies, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public static KnownTypes For(Compilation compilation) => Shared.Get(compilation)!;

        /// <summary>The same answer as <see cref="Compilation.GetTypeByMetadataName"/>: the one type of that name, or null.</summary>
        public INamedTypeSymbol? Get(string metadataName) => this.types.GetOrAdd(metadataName, this.resolve);

        /// <summary>Every declaration of the name in the compilation and its (non-aliased) references: a type some reference assemblies each declare.</summary>
        public ImmutableArray<INamedTypeSymbol> GetAll(string metadataName) => this.declarations.GetOrAdd(metadataName, this.findDeclarations);

        private INamedTypeSymbol? Resolve(string metadataName)
        {
            // No declaration means null and one is the answer; only a type declared twice needs the compiler's own
            // tie-break (source assembly first, then the core library).
            var found = this.GetAll(metadataName);
            return found.Length switch
            {
                0 => null,
                1 => found[0],
                _ => this.compilation.GetTypeByMetadataName(metadataName),
            };
        }

        private ImmutableArray<INamedTypeSymbol> FindDeclarations(string metadataName)
        {
            var typeName = TopLevelTypeName(metadataName);
            var found = ImmutableArray.CreateBuilder<INamedTypeSymbol>();

            // The source assembly's type-name set would be built from every declaration in the compilation, which is
            // new on each edit; its namespace tree is already built for binding, and a catalogue namespace is rarely in it.
            if (this.compilation.Assembly.GetTypeByMetadataName(metadataName) is { } declared)
            {
                found.Add(declared);
            }

            foreach (var assembly in this.references.Value)
            {
                // TypeNames is a hashed set the assembly symbol keeps for its lifetime, and metadata assembly symbols are
                // shared by every compilation with the same references, so a miss costs one set look-up per assembly.
                if (assembly.TypeNames.Contains(typeName) && assembly.GetTypeByMetadataName(metadataName) is { } type)
                {
                    found.Add(type);
                }
            }

            return found.ToImmutable();
        }

        /// <summary>Every assembly referenced without an extern alias, as GetTypeByMetadataName searches them.</summary>
        private ImmutableArray<IAssemblySymbol> FindReferencedAssemblies()
        {
            var assemblies = ImmutableArray.CreateBuilder<IAssemblySymbol>();
            var seen = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
            foreach (var reference in this.compilation.References)
            {
                var aliases = reference.Properties.Aliases;
                if ((aliases.IsDefaultOrEmpty || aliases.Contains(GlobalAlias))
                    && this.compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                    && seen.Add(assembly))
                {
                    assemblies.Add(assembly);
                }
            }

            return assemblies.ToImmutable();
        }

        /// <summary>"A.B.Outer+Inner`1" is declared by the assembly that declares Outer.</summary>
        private static string TopLevelTypeName(string metadataName)
        {
            var nested = metadataName.IndexOf('+');
            var end = nested < 0 ? metadataName.Length : nested;
            var start = metadataName.LastIndexOf('.', end - 1) + 1;
            var tick = metadataName.IndexOf('`', start);
            return metadataName.Substring(start, (tick >= 0 && tick < end ? tick : end) - start);
        }
    }
}
