namespace Accrue.Portal.Tests.Reliability;

using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Accrue.Portal.Tests.Verification;

/// <summary>
/// Analyzers, generators and fixes run concurrently and are reused across compilations, so no type in their
/// assemblies may keep static mutable state: every static field is readonly (or const) and of an immutable type.
/// </summary>
public sealed class StatelessComponentsTests
{
    [Fact]
    public void Analyzer_and_fix_assemblies_have_no_static_mutable_state()
    {
        var offenders = new[] { PackageComponents.AnalyzerAssembly, PackageComponents.CodeFixAssembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => !IsCompilerGenerated(t))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsLiteral && !IsCompilerGenerated(f) && (!f.IsInitOnly || IsMutableType(f.FieldType)))
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name} ({f.FieldType.Name}{(f.IsInitOnly ? ", readonly" : string.Empty)})")
            .ToList();
        Assert.True(offenders.Count == 0, "Static mutable state:\n  " + string.Join("\n  ", offenders));
    }

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || member.Name.Contains('<', StringComparison.Ordinal);

    /// <summary>Arrays and the mutable collections: readonly only protects the reference, not the contents.</summary>
    private static bool IsMutableType(Type type)
    {
        if (type.IsArray || type == typeof(StringBuilder))
        {
            return true;
        }

        if (type.Namespace is "System.Collections.Immutable" || type.IsInterface)
        {
            return false;
        }

        return typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string);
    }
}
