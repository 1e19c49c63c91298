namespace Accrue.Portal.Tests.Ide;

using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// The package's analyzer assembly as a project's analyzer reference, so a workspace runs its generator as a host
/// build does; the reference hands out the assembly this process already loaded.
/// </summary>
internal static class LoadedAnalyzerReference
{
    public static AnalyzerFileReference Create() => new(PackageComponents.AnalyzerAssembly.Location, LoadedAssemblyLoader.Instance);

    private sealed class LoadedAssemblyLoader : IAnalyzerAssemblyLoader
    {
        public static readonly LoadedAssemblyLoader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => PackageComponents.AnalyzerAssembly;
    }
}
