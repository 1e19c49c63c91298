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

/// <summary>Loads peer analyzer packages from the NuGet package folder, as the compiler does for a project that references them.</summary>
internal static class PeerAnalyzers
{
    // Sonar's 400+ rules take minutes on 1,000 files here: it runs on the smallest project only.
    private static readonly (string Name, string PackageId, string Version, string AnalyzerFolder, int MaxFiles)[] Packages =
    [
        ("SecurityCodeScan", "securitycodescan.vs2019", "5.6.7", "analyzers/dotnet", int.MaxValue),
        ("SonarAnalyzer", "sonaranalyzer.csharp", "10.32.0.713", "analyzers", 100),
    ];

    public static IReadOnlyList<Peer> Load()
    {
        var packageRoot = typeof(PeerAnalyzers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var loaded = new List<Peer>();
        foreach (var (name, packageId, version, folder, maxFiles) in Packages)
        {
            var directory = Path.Combine(packageRoot, packageId, version, folder);
            if (!Directory.Exists(directory))
            {
                Console.WriteLine($"Peer {name}: not found at {directory}");
                continue;
            }

            var loader = new DirectoryLoader(directory);
            var analyzers = Directory.GetFiles(directory, "*.dll", SearchOption.AllDirectories)
                .Where(path => !path.Contains("VisualBasic", StringComparison.OrdinalIgnoreCase))
                .SelectMany(path => new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp))
                .ToImmutableArray();
            Console.WriteLine($"Peer {name} {version}: {analyzers.Length} analyzers");
            if (analyzers.Length > 0)
            {
                loaded.Add(new Peer(name, analyzers, maxFiles));
            }
        }

        return loaded;
    }

    public sealed record Peer(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, int MaxFiles);

    private sealed class DirectoryLoader(string directory) : IAnalyzerAssemblyLoader
    {
        private readonly AssemblyLoadContext context = new("peer:" + directory);

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
