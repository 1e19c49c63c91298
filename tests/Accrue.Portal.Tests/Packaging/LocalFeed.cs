namespace Accrue.Portal.Tests.Packaging;

using System;
using System.IO;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Verification;

/// <summary>Both packages packed once per test run into a folder feed, and a host's nuget.config that restores from it.</summary>
internal static class LocalFeed
{
    // Two packs of the same projects at once race on their obj/project.assets.json, so every fixture shares one pack.
    private static readonly Lazy<Task<PackedFeed>> Packed = new(PackAsync);

    public static Task<PackedFeed> PackedAsync() => Packed.Value;

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

    private static async Task<PackedFeed> PackAsync()
    {
        var feed = new PackedFeed(
            Path.Combine(Path.GetTempPath(), "accrue-portal-feed-" + Guid.NewGuid().ToString("N")),
            "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(feed.Directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(feed.Directory))
            {
                Directory.Delete(feed.Directory, recursive: true);
            }
        };
        foreach (var project in new[] { "src/Runtime/Accrue.Portal.csproj", "build/Accrue.Portal.Analyzers.Package/Accrue.Portal.Analyzers.Package.csproj" })
        {
            var (exit, output) = await DotnetCli.RunAsync(RepositoryPaths.Root, "pack", project, "-c", "Release", "-o", feed.Directory, "-p:Version=" + feed.Version);
            Assert.True(exit == 0, "dotnet pack failed:\n" + output);
        }

        return feed;
    }
}

/// <summary>The folder both packages were packed into, and the version they carry.</summary>
internal sealed record PackedFeed(string Directory, string Version);
