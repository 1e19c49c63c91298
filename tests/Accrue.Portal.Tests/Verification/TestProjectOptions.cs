namespace Accrue.Portal.Tests.Verification;

using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

/// <summary>
/// What the standard library's test classes take from the builder: compilation and parse options, and the workspace
/// they create for each run.
/// </summary>
public sealed record TestProjectOptions(NullableContextOptions Nullable, BuildConfiguration Configuration, LanguageVersion LanguageVersion)
{
    /// <summary>Where the test sources live; the .editorconfig sits beside them.</summary>
    public const string SourceDirectory = "/src/";

    /// <summary>
    /// No reference-assembly package: the framework and libraries come from <see cref="TestReferences"/> as
    /// additional references, so the library never asks NuGet for anything at test time.
    /// </summary>
    public static ReferenceAssemblies NoReferencePackages { get; } = new("net10.0");

    public CompilationOptions CompilationOptions() => new CSharpCompilationOptions(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: this.Nullable,
        optimizationLevel: this.Configuration == BuildConfiguration.Release ? OptimizationLevel.Release : OptimizationLevel.Debug);

    public ParseOptions ParseOptions() => new CSharpParseOptions(this.LanguageVersion);

    /// <summary>
    /// The default MEF host, shared by every test, instead of the library's own export provider per test: C# code
    /// fixes need nothing more, and a composition per test would cost more than most tests' analysis.
    /// </summary>
    public static Task<Workspace> CreateWorkspaceAsync() => Task.FromResult<Workspace>(new AdhocWorkspace());
}
