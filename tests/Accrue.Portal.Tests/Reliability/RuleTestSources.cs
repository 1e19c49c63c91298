namespace Accrue.Portal.Tests.Reliability;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

/// <summary>Every C# source the rule tests compile, plus the demo's files: the corpus of the reliability checks.</summary>
internal static class RuleTestSources
{
    private static readonly Lazy<List<(string Name, string Text)>> Sources = new(Collect);

    public static IReadOnlyList<(string Name, string Text)> All => Sources.Value;

    /// <summary>The C# sources the tests compile (string literals in the rule tests that mention Stripe) and the demo's files.</summary>
    private static List<(string Name, string Text)> Collect()
    {
        var sources = new List<(string, string)>();
        var testDirectory = Path.Combine(RepositoryPaths.Root, "tests", "Accrue.Portal.Tests", "Rules");
        foreach (var file in Directory.GetFiles(testDirectory, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var literals = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.StringLiteralToken))
                .Select(t => t.ValueText)
                .Where(text => text.Length >= 60 && text.Contains("Stripe", StringComparison.Ordinal));
            var index = 0;
            foreach (var literal in literals)
            {
                sources.Add(($"{Path.GetFileNameWithoutExtension(file)}#{index++}", StripMarkup(literal)));
            }
        }

        var demo = Path.Combine(RepositoryPaths.Root, "samples", "PortalDemo");
        foreach (var file in Directory.GetFiles(demo, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            sources.Add(("PortalDemo/" + Path.GetRelativePath(demo, file), File.ReadAllText(file)));
        }

        return sources;
    }

    /// <summary>The source without its markup, read by the standard library's parser; a literal that is not markup stays as it is.</summary>
    private static string StripMarkup(string text)
    {
        try
        {
            TestFileMarkupParser.GetSpans(text, treatPositionIndicatorsAsCode: true, out var source, out var _);
            return source;
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
