namespace Accrue.Portal.Tests.Verification;

using System.Collections.Immutable;
using System.Linq;
using Accrue.Portal.Workload;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

/// <summary>
/// The benchmark's generated shop (<see cref="SyntheticProject"/>) as a compilation, for the tests that run every
/// analyzer over a whole project. With Stripe.net it also references the <c>Accrue.Portal</c> runtime
/// (<see cref="WorkloadReferences"/>), so every rule has something to register for.
/// </summary>
public static class GeneratedShop
{
    public static ImmutableArray<SyntaxTree> Parse(int files, bool withStripe)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        return SyntheticProject.Generate(files, withStripe)
            .Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, "/shop/" + f.FileName))
            .ToImmutableArray();
    }

    /// <summary>A fresh compilation of <paramref name="trees"/>, so nothing is served from an earlier compilation's caches.</summary>
    public static CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees, bool withStripe)
    {
        return CSharpCompilation.Create(
            "Shop",
            trees,
            WorkloadReferences.Get(withStripe),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
    }
}
