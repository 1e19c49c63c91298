namespace Accrue.Portal.Tests.Runtime;

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Verification;

/// <summary>
/// The generator's expected outputs, one folder a case under Runtime/GeneratedSources, each file named by its place
/// in the output and its hint name (<c>2-Accrue.Portal.SessionServiceExtensions.g.cs</c>), handed to the standard library as <c>TestState.GeneratedSources</c> to compare exactly. After a deliberate
/// change to the generator (or to the Stripe.net surface it reads), run the generator tests once with
/// <c>ACCRUE_PORTAL_ACCEPT_GENERATED=1</c> to rewrite the files from its output, and review the diff.
/// </summary>
internal static class GeneratedSnapshots
{
    private const string AcceptVariable = "ACCRUE_PORTAL_ACCEPT_GENERATED";

    public static async Task<ProjectBuilder> ExpectingAsync(this ProjectBuilder builder, string caseName)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "Accrue.Portal.Tests", "Runtime", "GeneratedSources", caseName);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            var result = await builder.AnalyzeAsync();
            Directory.CreateDirectory(directory);
            foreach (var (tree, index) in result.GeneratedTrees.Select((t, i) => (t, i + 1)))
            {
                await File.WriteAllTextAsync(Path.Combine(directory, $"{index}-{Path.GetFileName(tree.FilePath)}"), (await tree.GetTextAsync()).ToString());
            }
        }

        var files = Directory.Exists(directory) ? Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"No expected generated sources in {directory}: run the test with {AcceptVariable}=1 once.");
        }

        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            builder.ShouldGenerateSource(name[(name.IndexOf('-', StringComparison.Ordinal) + 1)..], await File.ReadAllTextAsync(file));
        }

        return builder;
    }
}
