namespace Accrue.Portal.Tests.Ide;

using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Accrue.Portal.Tests.Verification;

/// <summary>
/// An IDE finds quick fixes only in the assemblies a project passes as analyzers: the demo must pass the same ones
/// the packages put under analyzers/dotnet/cs, or its squiggles come without fixes.
/// </summary>
public sealed class DemoAnalyzerReferencesTests
{
    [Fact]
    public void Demo_passes_as_analyzers_exactly_the_assemblies_the_package_ships_as_analyzers()
    {
        var packaged = XDocument.Load(Path.Combine(RepositoryPaths.Root, "build", "AnalyzerPackaging.targets"))
            .Descendants("None")
            .Where(e => (string?)e.Attribute("PackagePath") == "analyzers/dotnet/cs")
            .Select(AssemblyName)
            .Order(StringComparer.Ordinal)
            .ToList();
        var demo = XDocument.Load(Path.Combine(RepositoryPaths.Root, "samples", "PortalDemo", "PortalDemo.csproj"))
            .Descendants("ProjectReference")
            .Where(e => (string?)e.Attribute("OutputItemType") == "Analyzer")
            .Select(AssemblyName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["Accrue.Portal.Analyzers", "Accrue.Portal.CodeFixes"], packaged);
        Assert.Equal(packaged, demo);
    }

    /// <summary>"$(RepoRoot)src/CodeFixes/Accrue.Portal.CodeFixes.csproj" and "$(_CodeFixOutput)Accrue.Portal.CodeFixes.dll" both name Accrue.Portal.CodeFixes.</summary>
    private static string AssemblyName(XElement item) =>
        Path.GetFileNameWithoutExtension(((string)item.Attribute("Include")!).Replace('\\', '/').Split('/', ')')[^1]);
}
