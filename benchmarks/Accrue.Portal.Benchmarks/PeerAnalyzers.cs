namespace Accrue.Portal.Benchmarks;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// Loads peer analyzer packages from the NuGet package folder, as the compiler does for a project that references them,
/// each configured to do work comparable to ours: security analysis with data flow.
/// </summary>
internal static class PeerAnalyzers
{
    /// <summary>
    /// Each peer takes minutes on 1,000 files here (SecurityCodeScan's audit-mode taint, Sonar's 400+ rules): the
    /// 5,000-file project is measured without them.
    /// </summary>
    private const int PeerMaxFiles = 1000;

    /// <summary>
    /// SecurityCodeScan's project file: audit mode, in which its taint analysis reports values it cannot prove safe as
    /// well as tainted ones (so it follows every value that reaches one of its sinks, as our data-flow rules do), and
    /// its completion report (SCS0000), the proof in the diagnostic count that it read this file and ran to the end.
    /// </summary>
    private const string SecurityCodeScanAuditConfig = "Version: 3.1\nAuditMode: true\nReportAnalysisCompletion: true\n";

    public static IReadOnlyList<Peer> Load()
    {
        var packageRoot = typeof(PeerAnalyzers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var loaded = new List<Peer>();
        foreach (var package in Packages())
        {
            var directory = Path.Combine(packageRoot, package.PackageId, package.Version, package.AnalyzerFolder);
            if (!Directory.Exists(directory))
            {
                Console.WriteLine($"Peer {package.Name}: not found at {directory}");
                continue;
            }

            var loader = new DirectoryLoader(directory);
            var analyzers = Directory.GetFiles(directory, "*.dll", SearchOption.TopDirectoryOnly)
                .Where(path => !path.Contains("VisualBasic", StringComparison.OrdinalIgnoreCase))
                .SelectMany(path => new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp))
                .ToImmutableArray();
            var descriptors = analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).ToList();
            var enabled = descriptors.Where(package.Enables).Select(d => d.Id).ToImmutableHashSet();
            Console.WriteLine($"Peer {package.Name} {package.Version}: {analyzers.Length} analyzers, {enabled.Count} of {descriptors.Count} rules on ({package.Configuration})");
            if (analyzers.Length > 0)
            {
                loaded.Add(new Peer(package.Name, package.Configuration, analyzers, enabled, package.AdditionalFiles, package.MaxFiles));
            }
        }

        return loaded;
    }

    private static IEnumerable<PeerPackage> Packages()
    {
        // SecurityCodeScan: every rule on, taint analysis in audit mode (unknown values reported too).
        yield return new PeerPackage(
            "SecurityCodeScan", "securitycodescan.vs2019", "5.6.7", "analyzers/dotnet", PeerMaxFiles,
            "every rule, taint analysis in audit mode, completion report on",
            descriptor => true,
            [new PeerText("/shop/SecurityCodeScan.config.yml", SecurityCodeScanAuditConfig)]);

        // The SDK's own analyzers with AnalysisMode=All for the security category: every CA security rule on.
        yield return new PeerPackage(
            "NetAnalyzers", "microsoft.codeanalysis.netanalyzers", "9.0.0", "analyzers/dotnet/cs", PeerMaxFiles,
            "AnalysisMode=All, security category",
            descriptor => descriptor.Category == "Security",
            []);

        yield return new PeerPackage(
            "SonarAnalyzer", "sonaranalyzer.csharp", "9.32.0.97167", "analyzers", PeerMaxFiles,
            "its default (Sonar way) rules",
            descriptor => descriptor.IsEnabledByDefault,
            []);
    }

    /// <summary>A peer as measured: its analyzers, the rules switched on for the run and the files it reads.</summary>
    public sealed record Peer(string Name, string Configuration, ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableHashSet<string> EnabledRules, ImmutableArray<AdditionalText> AdditionalFiles, int MaxFiles)
    {
        /// <summary>Every rule of the peer on (warning) or off, whatever its own default.</summary>
        public ImmutableDictionary<string, ReportDiagnostic> DiagnosticOptions =>
            this.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
                .ToImmutableDictionary(id => id, id => this.EnabledRules.Contains(id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress);
    }

    private sealed record PeerPackage(
        string Name, string PackageId, string Version, string AnalyzerFolder, int MaxFiles, string Configuration, Func<DiagnosticDescriptor, bool> Enables, ImmutableArray<AdditionalText> AdditionalFiles);

    private sealed class PeerText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    /// <summary>
    /// One load context per package, resolving a peer's own dependencies (SecurityCodeScan's YamlDotNet) from its folder, as
    /// the compiler's analyzer loader does; Roslyn itself is shared with the host.
    /// </summary>
    private sealed class DirectoryLoader : IAnalyzerAssemblyLoader
    {
        private readonly AssemblyLoadContext context;

        public DirectoryLoader(string directory)
        {
            this.context = new AssemblyLoadContext("peer:" + directory);
            this.context.Resolving += (context, name) =>
            {
                var candidate = Path.Combine(directory, name.Name + ".dll");
                return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
            };
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath)
        {
            var name = AssemblyName.GetAssemblyName(fullPath);
            var shared = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name.Name && name.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
            return shared ?? this.context.LoadFromAssemblyPath(fullPath);
        }
    }
}
