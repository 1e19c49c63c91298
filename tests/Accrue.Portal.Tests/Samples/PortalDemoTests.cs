namespace Accrue.Portal.Tests.Samples;

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;

/// <summary>
/// samples/PortalDemo marks each deliberate mistake with a trailing "// PORTALnnn: why" comment. The analyzers must
/// report exactly those lines: a mistake the demo claims to show is flagged, and nothing else in the demo is.
/// </summary>
public sealed partial class PortalDemoTests
{
    // The Web SDK's implicit usings, which the demo project enables.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    [Fact]
    public async Task Demo_reports_exactly_its_marked_mistakes()
    {
        var demo = Path.Combine(RepositoryPaths.Root, "samples", "PortalDemo");
        var files = Directory.GetFiles(demo, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var builder = new ProjectBuilder()
            .WithAspNetCore()
            .WithPortalRuntime()
            .WithOutputKind(OutputKind.ConsoleApplication)
            .WithSourceCode("ImplicitUsings.cs", ImplicitUsings)
            .WithEditorConfig([.. File.ReadLines(Path.Combine(demo, ".editorconfig")).SkipWhile(l => l.Trim() != "[*.cs]").Skip(1)]);
        foreach (var analyzer in PackageComponents.Analyzers())
        {
            builder.WithAnalyzer(analyzer);
        }

        foreach (var generator in PackageComponents.Generators())
        {
            builder.WithSourceGenerator(generator);
        }

        var expected = new System.Collections.Generic.List<string>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(demo, file).Replace(Path.DirectorySeparatorChar, '_');
            var text = File.ReadAllText(file);
            builder.WithSourceCode(name, text);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                expected.AddRange(MistakeMarker().Matches(lines[i]).Select(m => $"{name}:{i + 1}: {m.Groups["id"].Value}"));
            }
        }

        var result = await builder.AnalyzeAsync();
        Assert.Empty(result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var actual = result.AnalyzerDiagnostics
            .Where(d => d.Location.IsInSource && d.Location.SourceTree!.FilePath.StartsWith("/src/", StringComparison.Ordinal))
            .Select(d => $"{Path.GetFileName(d.Location.SourceTree!.FilePath)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}")
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"// (?<id>PORTAL\d{3}):")]
    private static partial Regex MistakeMarker();
}
