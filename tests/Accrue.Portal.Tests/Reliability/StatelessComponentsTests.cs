namespace Accrue.Portal.Tests.Reliability;

using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Analyzers, generators and fixes run concurrently and are reused across compilations, so no type in their
/// assemblies may keep static mutable state: every static field is readonly (or const) and holds an immutable value,
/// and the components' own fields hold immutable values too. A read-only interface does not make a collection
/// immutable: a <c>List</c> or an array behind <c>IReadOnlyList</c> can still be cast back and written, so the value a
/// field holds is checked, not only its declared type. The one exception is a private <c>[ThreadStatic]</c> field: a
/// scratch buffer each thread keeps for itself, which no two callers share.
/// </summary>
public sealed class StatelessComponentsTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    [Fact]
    public void Analyzer_and_fix_assemblies_have_no_static_mutable_state()
    {
        var offenders = StaticStateOffenders(new[] { PackageComponents.AnalyzerAssembly, PackageComponents.CodeFixAssembly }.SelectMany(a => a.GetTypes())).ToList();
        Assert.True(offenders.Count == 0, "Static mutable state:\n  " + string.Join("\n  ", offenders));
    }

    [Fact]
    public void Analyzers_generators_and_fixes_hold_no_mutable_collection()
    {
        var components = PackageComponents.Analyzers().Cast<object>()
            .Concat(PackageComponents.Generators())
            .Concat(PackageComponents.CodeFixes())
            .ToList();
        Assert.NotEmpty(components);
        var offenders = components.SelectMany(InstanceStateOffenders).ToList();
        Assert.True(offenders.Count == 0, "Mutable collections held by components:\n  " + string.Join("\n  ", offenders));
    }

    [Fact]
    public void Mutable_collections_behind_read_only_interfaces_are_caught()
    {
        Assert.Equal(
            new[]
            {
                $"{typeof(BadStatics).FullName}.<Counter>k__BackingField (Int32)",
                $"{typeof(BadStatics).FullName}.Names (IReadOnlyList`1, readonly, holds List`1)",
                $"{typeof(BadStatics).FullName}.Numbers (IEnumerable`1, readonly, holds Int32[])",
                $"{typeof(BadStatics).FullName}.Table (IReadOnlyDictionary`2, readonly, holds Dictionary`2)",
                $"{typeof(BadStatics).FullName}.<Seen>k__BackingField (ICollection`1, readonly, holds HashSet`1)",
                $"{typeof(BadStatics).FullName}.SharedScratch (StringBuilder)",
            }.Order(StringComparer.Ordinal),
            StaticStateOffenders([typeof(BadStatics)]).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[]
            {
                $"{typeof(BadAnalyzer).FullName}.<Kinds>k__BackingField (IReadOnlyCollection`1, readonly, holds String[])",
                $"{typeof(BadAnalyzer).FullName}.counts (IReadOnlyDictionary`2, readonly, holds Dictionary`2)",
            }.Order(StringComparer.Ordinal),
            InstanceStateOffenders(new BadAnalyzer()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Immutable_and_read_only_wrapped_collections_pass()
    {
        Assert.Empty(StaticStateOffenders([typeof(GoodStatics)]));
        Assert.Empty(InstanceStateOffenders(new GoodAnalyzer()));
    }

    /// <summary>Static fields that are writable, or readonly but holding (or typed as) a mutable value. Auto-property backing fields count.</summary>
    private static IEnumerable<string> StaticStateOffenders(IEnumerable<Type> types) =>
        types
            .Where(t => !IsCompilerGenerated(t))
            .SelectMany(t => t.GetFields(BindingFlags.Static | Declared))
            .Where(f => !f.IsLiteral && !IsThreadScratch(f))
            .Select(f => Offence(f, f.IsInitOnly && !f.DeclaringType!.ContainsGenericParameters ? StaticValueOf(f) : null, writable: !f.IsInitOnly))
            .OfType<string>();

    /// <summary>A component's fields, its base types' included (below Roslyn's own), holding or typed as a mutable collection.</summary>
    private static IEnumerable<string> InstanceStateOffenders(object component)
    {
        for (var type = component.GetType(); type is not null && !IsRoslynOrRuntime(type); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | Declared))
            {
                if (Offence(field, field.GetValue(component), writable: false) is { } offence)
                {
                    yield return offence;
                }
            }
        }
    }

    private static string? Offence(FieldInfo field, object? value, bool writable)
    {
        var held = value?.GetType();
        if (!writable && !IsMutableType(field.FieldType) && (held is null || !IsMutableType(held)))
        {
            return null;
        }

        var holds = held is not null && held != field.FieldType ? ", holds " + held.Name : string.Empty;
        return $"{field.DeclaringType!.FullName}.{field.Name} ({field.FieldType.Name}{(field.IsInitOnly ? ", readonly" : string.Empty)}{holds})";
    }

    private static object? StaticValueOf(FieldInfo field)
    {
        try
        {
            return field.GetValue(null);
        }
        catch (TypeInitializationException)
        {
            // A type initializer that cannot run outside a host: the field's declared type is still checked.
            return null;
        }
    }

    private static bool IsThreadScratch(FieldInfo field) => field.IsPrivate && field.IsDefined(typeof(ThreadStaticAttribute), inherit: false);

    private static bool IsRoslynOrRuntime(Type type) =>
        type == typeof(object) || type.Assembly.GetName().Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);

    /// <summary>Lambda caches, closures and fixed-size buffers are the compiler's; auto-property backing fields are the code's own.</summary>
    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || type.Name.Contains('<', StringComparison.Ordinal);

    /// <summary>Arrays, string builders and every collection outside System.Collections.Immutable and the read-only wrappers.</summary>
    private static bool IsMutableType(Type type)
    {
        if (type.IsArray || type == typeof(StringBuilder))
        {
            return true;
        }

        if (type.Namespace is "System.Collections.Immutable" || type.IsInterface || type == typeof(string) || IsReadOnlyWrapper(type))
        {
            return false;
        }

        return typeof(IEnumerable).IsAssignableFrom(type);
    }

    private static bool IsReadOnlyWrapper(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(ReadOnlyCollection<>) || definition == typeof(ReadOnlyDictionary<,>));

    private static class BadStatics
    {
        public static readonly IReadOnlyList<string> Names = new List<string> { "a" };
        public static readonly IEnumerable<int> Numbers = new[] { 1 };
        public static readonly IReadOnlyDictionary<string, int> Table = new Dictionary<string, int> { ["a"] = 1 };

        public static int Counter { get; set; }

        [ThreadStatic]
        public static StringBuilder? SharedScratch = null;

        public static ICollection<string> Seen { get; } = new HashSet<string>();
    }

    private static class GoodStatics
    {
        public static readonly IReadOnlyList<string> Names = ImmutableArray.Create("a");
        public static readonly IEnumerable<int> Numbers = Array.AsReadOnly(new[] { 1 });
        public static readonly IReadOnlyDictionary<string, int> Table = ImmutableDictionary<string, int>.Empty.Add("a", 1);
        public static readonly IReadOnlyDictionary<string, int> Wrapped = new ReadOnlyDictionary<string, int>(new Dictionary<string, int>());

        [ThreadStatic]
        private static StringBuilder? scratch;

        public static IReadOnlyCollection<string> Seen { get; } = ImmutableHashSet.Create("a");

        public static StringBuilder Scratch() => scratch ??= new StringBuilder();
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class BadAnalyzer : DiagnosticAnalyzer
    {
        public readonly IReadOnlyDictionary<string, int> counts = new Dictionary<string, int>();

        public IReadOnlyCollection<string> Kinds { get; } = new[] { "a" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class GoodAnalyzer : DiagnosticAnalyzer
    {
        public IReadOnlyCollection<string> Kinds { get; } = ImmutableArray.Create("a");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
        }
    }
}
