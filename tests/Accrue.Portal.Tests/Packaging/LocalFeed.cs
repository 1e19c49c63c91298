namespace Accrue.Portal.Tests.Packaging;

using System.IO;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Verification;

/// <summary>Both packages packed into a folder feed, and a host's nuget.config that restores from it.</summary>
internal static class LocalFeed
{
    public static async Task PackAsync(string feed, string version)
    {
        Directory.CreateDirectory(feed);
        foreach (var project in new[] { "src/Runtime/Accrue.Portal.csproj", "build/Accrue.Portal.Analyzers.Package/Accrue.Portal.Analyzers.Package.csproj" })
        {
            var (exit, output) = await DotnetCli.RunAsync(RepositoryPaths.Root, "pack", project, "-c", "Release", "-o", feed, "-p:Version=" + version);
            Assert.True(exit == 0, "dotnet pack failed:\n" + output);
        }
    }

    /// <summary>The feed beside the registry the host's other packages (Stripe.net) come from.</summary>
    public static void WriteNuGetConfig(string directory, string feed) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="e2e-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
}
