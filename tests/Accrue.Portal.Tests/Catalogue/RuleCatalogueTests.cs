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

/// <summary>
/// Every descriptor and the four places that describe it agree: its doc page, its release-tracking row, its README row
/// and the names of its parts (RuleIdentifiers, analyzer, fix provider, test file). Nothing is listed that does not ship.
/// </summary>
public sealed partial class RuleCatalogueTests
{
    private const string ShippedFile = "AnalyzerReleases.Shipped.md";
    private const string UnshippedFile = "AnalyzerReleases.Unshipped.md";
    private const string ShippedStatus = "Shipped";
    private const string UnshippedStatus = "Unshipped (next release)";

    public static TheoryData<string> RuleIds => [.. Descriptors().Select(d => d.Id)];

    [Fact]
    public void Every_analyzer_is_sealed_and_every_id_is_in_RuleIdentifiers()
    {
        var analyzerTypes = AnalyzerTypes().ToList();
        Assert.NotEmpty(analyzerTypes);
        Assert.All(analyzerTypes, t => Assert.True(t.IsSealed, t.Name + " is not sealed"));
        var identifiers = typeof(RuleIdentifiers).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Equal(identifiers.Order(), Descriptors().Select(d => d.Id).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_doc_page_has_the_descriptor_title_name_category_and_severity(string id)
    {
        var descriptor = Descriptor(id);
        var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), "Missing " + page);
        var lines = File.ReadAllLines(page);
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        var facts = lines.Skip(1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|'))
            .Select(l => DocFactRow().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        Assert.Equal($"`{RuleName(id)}`", facts.GetValueOrDefault("Name"));
        Assert.Equal(descriptor.Category, facts.GetValueOrDefault("Category"));
        Assert.Equal(descriptor.DefaultSeverity.ToString(), facts.GetValueOrDefault("Severity"));
        Assert.True(facts.ContainsKey("Fix"), id + ".md has no Fix row");
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_release_entry_has_its_category_severity_analyzer_and_doc_link(string id)
    {
        var descriptor = Descriptor(id);
        var entries = ReleaseEntries().Where(e => e.Id == id).ToList();
        Assert.True(entries.Count == 1, $"{id} has {entries.Count} release-tracking rows (one in {ShippedFile} or {UnshippedFile} expected)");
        var entry = entries[0];
        Assert.Equal(descriptor.Category, entry.Category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), entry.Severity);
        Assert.Equal(Assert.Single(AnalyzerTypes(), t => Supports(t, id)).Name, entry.Analyzer);
        Assert.Equal(descriptor.HelpLinkUri, entry.DocumentationLink);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_README_row_has_its_title_severity_and_release_status(string id)
    {
        var descriptor = Descriptor(id);
        var row = ReadmeRows().SingleOrDefault(r => r.Id == id);
        Assert.True(row != default, $"README.md has no rule row for {id} linking docs/rules/{id}.md");
        Assert.Equal(descriptor.Title.ToString(), row.Title);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
        var shipped = ReleaseEntries().Any(e => e.Id == id && e.File == ShippedFile);
        Assert.Equal(shipped ? ShippedStatus : UnshippedStatus, row.Status);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_parts_carry_its_name(string id)
    {
        var name = RuleName(id);
        var testFile = Path.Combine(RepositoryPaths.Root, "tests", "Accrue.Portal.Tests", "Rules", $"Portal{id["PORTAL".Length..]}{name}Tests.cs");
        Assert.True(File.Exists(testFile), "Missing " + testFile);
        foreach (var analyzer in AnalyzerTypes().Where(t => Supports(t, id) && Instance(t).SupportedDiagnostics.Length == 1))
        {
            Assert.Equal(name + "Analyzer", analyzer.Name);
        }

        foreach (var fix in PackageComponents.CodeFixes().Where(f => f.FixableDiagnosticIds.Contains(id)))
        {
            Assert.Equal(name + "CodeFixProvider", fix.GetType().Name);
        }
    }

    [Fact]
    public void Release_files_and_README_list_only_rules_that_ship()
    {
        var shipped = Descriptors().Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(ReleaseEntries());
        Assert.All(ReleaseEntries(), e => Assert.Contains(e.Id, shipped));
        Assert.NotEmpty(ReadmeRows());
        Assert.All(ReadmeRows(), r => Assert.Contains(r.Id, shipped));
        Assert.Equal(ReadmeRows().Select(r => r.Id).Distinct().Count(), ReadmeRows().Count);
    }

    private static IEnumerable<Type> AnalyzerTypes() =>
        typeof(RuleIdentifiers).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract);

    private static DiagnosticAnalyzer Instance(Type analyzerType) => (DiagnosticAnalyzer)Activator.CreateInstance(analyzerType)!;

    private static bool Supports(Type analyzerType, string id) => Instance(analyzerType).SupportedDiagnostics.Any(d => d.Id == id);

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        AnalyzerTypes()
            .SelectMany(t => Instance(t).SupportedDiagnostics)
            .GroupBy(d => d.Id)
            .Select(g => g.First());

    private static DiagnosticDescriptor Descriptor(string id) => Descriptors().First(d => d.Id == id);

    private static string RuleName(string id) =>
        typeof(RuleIdentifiers).GetFields().Single(f => (string)f.GetRawConstantValue()! == id).Name;

    /// <summary>The "New Rules" rows of both release-tracking files: id, category, severity, then the analyzer and the doc link as notes.</summary>
    private static List<ReleaseEntry> ReleaseEntries()
    {
        var entries = new List<ReleaseEntry>();
        foreach (var file in new[] { ShippedFile, UnshippedFile })
        {
            foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "src", "Analyzers", file)))
            {
                var match = ReleaseRow().Match(line);
                if (match.Success)
                {
                    entries.Add(new ReleaseEntry(file, match.Groups["id"].Value, match.Groups["category"].Value, match.Groups["severity"].Value, match.Groups["analyzer"].Value, match.Groups["link"].Value));
                }
            }
        }

        return entries;
    }

    private static List<(string Id, string Title, string Severity, string Status)> ReadmeRows() =>
        File.ReadLines(Path.Combine(RepositoryPaths.Root, "README.md"))
            .Select(l => ReadmeRuleRow().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups["id"].Value, m.Groups["title"].Value, m.Groups["severity"].Value, m.Groups["status"].Value))
            .ToList();

    [GeneratedRegex(@"^(?<id>PORTAL\d{3})\s*\|\s*(?<category>[^|]+?)\s*\|\s*(?<severity>\w+)\s*\|\s*(?<analyzer>\w+), \[Documentation\]\((?<link>[^)]+)\)\s*$")]
    private static partial Regex ReleaseRow();

    [GeneratedRegex(@"^\| \[(?<id>PORTAL\d{3})\]\(docs/rules/\k<id>\.md\) \| (?<title>[^|]+?) \| (?<severity>\w+) \| [^|]+ \| (?<status>[^|]+?) \|$")]
    private static partial Regex ReadmeRuleRow();

    [GeneratedRegex(@"^\| (?<key>[^|]+?) \| (?<value>.+) \|$")]
    private static partial Regex DocFactRow();

    private sealed record ReleaseEntry(string File, string Id, string Category, string Severity, string Analyzer, string DocumentationLink);
}
