namespace Accrue.Portal.Tests.Catalogue;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Accrue.Portal.Analyzers;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>Every shipped descriptor has its doc page, help link, release entry and README row, and nothing is listed that does not ship.</summary>
public sealed partial class RuleCatalogueTests
{
    public static TheoryData<string> RuleIds => [.. Descriptors().Select(d => d.Id)];

    [Fact]
    public void Every_analyzer_is_sealed_and_every_id_is_in_RuleIdentifiers()
    {
        var analyzerTypes = typeof(RuleIdentifiers).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(analyzerTypes);
        Assert.All(analyzerTypes, t => Assert.True(t.IsSealed, t.Name + " is not sealed"));
        var identifiers = typeof(RuleIdentifiers).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Equal(identifiers.Order(), Descriptors().Select(d => d.Id).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_doc_page_and_help_link(string id)
    {
        var descriptor = Descriptors().First(d => d.Id == id);
        var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), "Missing " + page);
        var firstLine = File.ReadLines(page).First();
        Assert.Equal($"# {id}: {descriptor.Title}", firstLine);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_release_entry_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptors().First(d => d.Id == id);
        var entry = ReleaseEntries().SingleOrDefault(e => e.Id == id);
        Assert.True(entry != default, id + " is in neither AnalyzerReleases file");
        Assert.Equal(descriptor.Category, entry.Category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), entry.Severity);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_README_row_linking_its_doc_page(string id)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.Contains($"| [{id}](docs/rules/{id}.md) |", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_files_list_only_rules_that_ship()
    {
        var shipped = Descriptors().Select(d => d.Id).ToHashSet();
        Assert.All(ReleaseEntries(), e => Assert.Contains(e.Id, shipped));
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .GroupBy(d => d.Id)
            .Select(g => g.First());

    private static List<(string Id, string Category, string Severity)> ReleaseEntries()
    {
        var entries = new List<(string, string, string)>();
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "src", "Analyzers", file)))
            {
                var match = ReleaseRow().Match(line);
                if (match.Success)
                {
                    entries.Add((match.Groups["id"].Value, match.Groups["category"].Value, match.Groups["severity"].Value));
                }
            }
        }

        return entries;
    }

    [GeneratedRegex(@"^(?<id>PORTAL\d{3})\s*\|\s*(?<category>[^|]+?)\s*\|\s*(?<severity>\w+)\s*\|")]
    private static partial Regex ReleaseRow();
}
