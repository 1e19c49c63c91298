namespace Accrue.Portal.Tests.Knowledge;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

/// <summary>
/// The analyzers resolve every type through their internal KnownTypes instead of GetTypeByMetadataName, so it must give
/// the compiler's answer for every name they use, in a compilation with all the sink libraries, and in the corner
/// cases: a type declared twice, in source and in a reference, nested, generic, behind an extern alias, and every kind
/// of declaration (the source assembly is asked only for a name some tree's words declare a type of). The analyzer
/// assembly's internals are reached by reflection: granting the tests its internals would clash its compiled-in copy of
/// the shared tables with the runtime's public one.
/// </summary>
public sealed partial class KnownTypesTests
{
    private static readonly string[] NameHolders =
        ["Knowledge.StripeNames", "Knowledge.AspNetNames", "Knowledge.HostingNames", "Knowledge.RuntimeNames", "Knowledge.SinkCatalogue"];

    [Fact]
    public void Every_name_the_analyzers_use_resolves_as_the_compiler_resolves_it()
    {
        var compilation = Compile(
            "namespace Shop { public sealed class Order { } }",
            TestReferences.Framework, TestReferences.AspNetCore, TestReferences.EntityFrameworkCore, TestReferences.Logging, TestReferences.Serilog,
            TestReferences.NLog, TestReferences.Caching, TestReferences.Dapper, TestReferences.StackExchangeRedis, TestReferences.ApplicationInsights,
            TestReferences.StripeNet, TestReferences.PortalRuntime);
        var names = UsedTypeNames();
        var types = KnownTypesProbe.For(compilation);

        var disagreements = names
            .Where(name => !SymbolEqualityComparer.Default.Equals(types.Get(name), compilation.GetTypeByMetadataName(name)))
            .ToList();

        Assert.True(names.Count > 150, $"only {names.Count} names collected");
        Assert.True(names.Count(name => types.Get(name) is not null) > 100, "most catalogue types are present in this compilation");
        Assert.True(disagreements.Count == 0, "KnownTypes disagrees with GetTypeByMetadataName on:\n  " + string.Join("\n  ", disagreements));
    }

    [Theory]
    [InlineData("System.Uri", "source")]
    [InlineData("Shop.Outer+Inner", "source")]
    [InlineData("Shop.Box`1", "source")]
    [InlineData("Shop.Box", null)]
    [InlineData("System.Collections.Generic.List`1", "reference")]
    [InlineData("Dup.Thing", null)]
    [InlineData("Aliased.Thing", null)]
    [InlineData("Nowhere.Thing", null)]
    [InlineData("System.NoSuchType", null)]
    [InlineData("Shop.Kinds.Colour", "source")]
    [InlineData("Shop.Kinds.Notify", "source")]
    [InlineData("Shop.Kinds.Point", "source")]
    [InlineData("Shop.Kinds.IThing", "source")]
    [InlineData("Shop.Kinds.event", "source")]
    [InlineData("Shop.Kinds.Colour+Red", null)]
    public void Corner_cases_resolve_as_the_compiler_resolves_them(string metadataName, string? expectedOrigin)
    {
        var compilation = Compile(
            """
            namespace System { public sealed class Uri { } }
            namespace Shop
            {
                public sealed class Outer { public sealed class Inner { } }
                public sealed class Box<T> { }
            }
            namespace Shop.Kinds
            {
                public enum Colour { Red }
                public delegate void Notify();
                public record struct Point(int X);
                public interface IThing { }
                public sealed class @event { }
            }
            """,
            TestReferences.Framework,
            [Library("First", "namespace Dup { public sealed class Thing { } }"), Library("Second", "namespace Dup { public sealed class Thing { } }")],
            [Library("Hidden", "namespace Aliased { public sealed class Thing { } }").WithAliases(["hidden"])]);

        var resolved = KnownTypesProbe.For(compilation).Get(metadataName);

        Assert.Equal(compilation.GetTypeByMetadataName(metadataName), resolved, SymbolEqualityComparer.Default);
        var origin = resolved is null ? null : SymbolEqualityComparer.Default.Equals(resolved.ContainingAssembly, compilation.Assembly) ? "source" : "reference";
        Assert.Equal(expectedOrigin, origin);
    }

    [Fact]
    public void All_declarations_of_a_name_declared_in_several_references_are_listed()
    {
        var compilation = Compile(
            "namespace Shop { }",
            TestReferences.Framework,
            [Library("First", "namespace Dup { public sealed class Thing { } }"), Library("Second", "namespace Dup { public sealed class Thing { } }")]);

        var types = KnownTypesProbe.For(compilation);

        Assert.Equal(["First", "Second"], types.GetAll("Dup.Thing").Select(t => t.ContainingAssembly.Name).Order());
        Assert.Null(compilation.GetTypeByMetadataName("Dup.Thing"));
        Assert.Null(types.Get("Dup.Thing"));
    }

    [Fact]
    public void Tables_are_shared_within_a_compilation_and_rebuilt_for_the_next()
    {
        var first = Compile("namespace Shop { }", TestReferences.Framework, TestReferences.AspNetCore, TestReferences.StripeNet);
        var next = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop { public sealed class Added { } }"));

        foreach (var table in new[] { "Knowledge.KnownTypes.For", "Requests.PortalRequestSymbols.Resolve", "Requests.RequestInputSymbols.Resolve", "DataFlow.PropagationTable.For" })
        {
            Assert.Same(Internal(table, first), Internal(table, first));
            Assert.NotSame(Internal(table, first), Internal(table, next));
        }

        Assert.Null(KnownTypesProbe.For(first).Get("Shop.Added"));
        Assert.NotNull(KnownTypesProbe.For(next).Get("Shop.Added"));
    }

    [Fact]
    public void Answers_shared_between_compilations_never_cross_a_change_of_references()
    {
        // Same core library symbols, so both look for shared reference answers: the second has Serilog, the first not.
        var without = Compile("namespace Shop { }", TestReferences.Framework);
        var with = Compile("namespace Shop { }", TestReferences.Framework, TestReferences.Serilog);
        var again = Compile("namespace Shop { public sealed class Changed { } }", TestReferences.Framework);

        Assert.Null(KnownTypesProbe.For(without).Get("Serilog.ILogger"));
        Assert.Equal(with.GetTypeByMetadataName("Serilog.ILogger"), KnownTypesProbe.For(with).Get("Serilog.ILogger"), SymbolEqualityComparer.Default);
        Assert.NotNull(KnownTypesProbe.For(with).Get("Serilog.ILogger"));
        Assert.Null(KnownTypesProbe.For(again).Get("Serilog.ILogger"));
        Assert.Equal(again.GetTypeByMetadataName("System.Uri"), KnownTypesProbe.For(again).Get("System.Uri"), SymbolEqualityComparer.Default);
        Assert.NotNull(KnownTypesProbe.For(again).Get("Shop.Changed"));
    }

    /// <summary>Every metadata name in the catalogues and the *Names classes: constants that look like "Namespace.Type".</summary>
    private static List<string> UsedTypeNames()
    {
        var holders = NameHolders.Select(AnalyzerType).ToList();
        var constants = holders
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        var lists = holders
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => !f.IsLiteral && f.FieldType == typeof(ImmutableArray<string>))
            .SelectMany(f => (ImmutableArray<string>)f.GetValue(null)!);
        return constants
            .Concat(lists)
            .Concat(CatalogueTypeNames("Knowledge.SinkCatalogue"))
            .Concat(CatalogueTypeNames("Knowledge.PropagationCatalogue"))
            .Where(name => TypeNamePattern().IsMatch(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> CatalogueTypeNames(string catalogue) =>
        ((System.Collections.IEnumerable)AnalyzerType(catalogue).GetField("Entries")!.GetValue(null)!)
        .Cast<object>()
        .Select(entry => (string)entry.GetType().GetProperty("TypeName")!.GetValue(entry)!);

    private static Type AnalyzerType(string name) =>
        PackageComponents.AnalyzerAssembly.GetType("Accrue.Portal.Analyzers." + name, throwOnError: true)!;

    /// <summary>A static "Type.Method(compilation)" of the analyzer assembly.</summary>
    private static object? Internal(string method, Compilation compilation)
    {
        var dot = method.LastIndexOf('.');
        return AnalyzerType(method[..dot]).GetMethod(method[(dot + 1)..], BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [compilation]);
    }

    private static CSharpCompilation Compile(string source, params ImmutableArray<MetadataReference>[] references) =>
        CSharpCompilation.Create(
            "KnownTypesSubject",
            [CSharpSyntaxTree.ParseText(source)],
            references.SelectMany(r => r),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static MetadataReference Library(string name, string source)
    {
        var library = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], TestReferences.Framework, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9_]*(\.[A-Z][A-Za-z0-9_]*)+(`\d+)?$")]
    private static partial Regex TypeNamePattern();

    private sealed class KnownTypesProbe(object table)
    {
        public static KnownTypesProbe For(Compilation compilation) => new(Internal("Knowledge.KnownTypes.For", compilation)!);

        public INamedTypeSymbol? Get(string metadataName) => (INamedTypeSymbol?)this.Invoke("Get", metadataName);

        public ImmutableArray<INamedTypeSymbol> GetAll(string metadataName) => (ImmutableArray<INamedTypeSymbol>)this.Invoke("GetAll", metadataName)!;

        private object? Invoke(string method, string metadataName) => table.GetType().GetMethod(method)!.Invoke(table, [metadataName]);
    }
}
