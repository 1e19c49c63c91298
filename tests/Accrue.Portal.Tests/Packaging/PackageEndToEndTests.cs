namespace Accrue.Portal.Tests.Packaging;

using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Verification;

/// <summary>
/// Packs both packages into a temporary folder feed, restores a small net10.0 host from it and Stripe.net from the
/// package registry (the central version), and builds it the way users do: warnings, -warnaserror, the corrected file,
/// and dotnet format.
/// </summary>
public sealed class PackageEndToEndTests : IAsyncLifetime
{
    private const string BadSource = """
        using Stripe.BillingPortal;

        public static class Portal
        {
            public static Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions
            {
                Customer = customerId,
                ReturnUrl = "https://example.com/account",
                FlowData = new SessionFlowDataOptions { Type = "payment_method_updat" },
            });
        }
        """;

    /// <summary>The guarded call the runtime's generator emits into the host, used as users use it.</summary>
    private const string GuardedSource = """
        using System;
        using System.Threading.Tasks;
        using Accrue.Portal;
        using Stripe;
        using Stripe.BillingPortal;

        public static class GuardedPortal
        {
            public static async Task<Uri> OpenAsync(StripeClient client, string customerId)
            {
                var options = new SessionCreateOptions
                {
                    Customer = customerId,
                    Configuration = "bpc_1Reviewed",
                    ReturnUrl = "https://example.com/account",
                    FlowData = new SessionFlowDataOptions { Type = PortalFlowTypes.PaymentMethodUpdate },
                };
                PortalSession session = await client.V1.BillingPortal.Sessions.CreateGuardedAsync(options, new PortalGuardOptions());
                return session.GetRedirectUri();
            }
        }
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), "accrue-portal-e2e-" + Guid.NewGuid().ToString("N"));
    private PackedFeed feed = null!;

    private string Host => Path.Combine(this.root, "host");

    public async Task InitializeAsync()
    {
        this.feed = await LocalFeed.PackedAsync();
        Directory.CreateDirectory(this.Host);
        LocalFeed.WriteNuGetConfig(this.Host, this.feed.Directory);
        File.WriteAllText(Path.Combine(this.Host, "Host.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{Path.Combine(this.root, "packages")}</RestorePackagesPath>
                <!-- This machine's registry copy resolves a nearby version of one of Stripe.net's dependencies. -->
                <MSBuildWarningsNotAsErrors>NU1603</MSBuildWarningsNotAsErrors>
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Accrue.Portal" Version="{this.feed.Version}" />
                <PackageReference Include="Stripe.net" Version="{TestReferences.StripeNetVersion}" />
              </ItemGroup>
            </Project>
            """);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(this.root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Packages_carry_the_right_assets_and_a_host_build_reports_fails_and_fixes_PORTAL005_and_uses_the_guard()
    {
        this.AssertPackageLayout();

        File.WriteAllText(Path.Combine(this.Host, "Portal.cs"), BadSource);
        File.WriteAllText(Path.Combine(this.Host, "GuardedPortal.cs"), GuardedSource);
        var (exit, output) = await DotnetCli.RunAsync(this.Host, "build");
        Assert.True(exit == 0, "The host build with a warning should succeed:\n" + output);
        Assert.Contains("warning PORTAL005: 'payment_method_updat' is not a value Stripe accepts for flow_data.type; did you mean 'payment_method_update'?", output, StringComparison.Ordinal);

        (exit, output) = await DotnetCli.RunAsync(this.Host, "build", "--no-incremental", "-warnaserror");
        Assert.True(exit != 0, "-warnaserror should fail the build:\n" + output);
        Assert.Contains("error PORTAL005", output, StringComparison.Ordinal);

        (exit, output) = await DotnetCli.RunAsync(this.Host, "format", "analyzers", "Host.csproj", "--diagnostics", "PORTAL005", "--verbosity", "diagnostic");
        Assert.True(exit == 0, "dotnet format failed:\n" + output);
        var formatted = File.ReadAllText(Path.Combine(this.Host, "Portal.cs"));
        Assert.Equal(BadSource.Replace("\"payment_method_updat\"", "\"payment_method_update\"", StringComparison.Ordinal), formatted);

        (exit, output) = await DotnetCli.RunAsync(this.Host, "build", "--no-incremental", "-warnaserror");
        Assert.True(exit == 0, "The corrected host should build clean under -warnaserror:\n" + output);
        Assert.DoesNotContain("PORTAL", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The packed assemblies must load in the oldest compiler we support (Roslyn 4.14: .NET SDK 9.0.300, VS 17.14):
    /// no Microsoft.CodeAnalysis reference newer than 4.14, and no Workspaces reference from the analyzer assembly,
    /// which the command-line compiler does not load.
    /// </summary>
    private static void AssertLoadsInOldestSupportedCompiler(ZipArchive package)
    {
        var maximum = new Version(4, 14, 0, 0);
        foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
        {
            using var stream = new MemoryStream();
            using (var source = entry.Open())
            {
                source.CopyTo(stream);
            }

            stream.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h)).Select(r => (Name: metadata.GetString(r.Name), r.Version)).ToList();
            var roslyn = references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, r => Assert.True(r.Version <= maximum, $"{entry.Name} references {r.Name} {r.Version}, newer than {maximum}"));
            if (entry.Name == "Accrue.Portal.Analyzers.dll")
            {
                Assert.DoesNotContain(references, r => r.Name.Contains("Workspaces", StringComparison.Ordinal));
            }
        }
    }

    private void AssertPackageLayout()
    {
        using (var runtime = ZipFile.OpenRead(Path.Combine(this.feed.Directory, $"Accrue.Portal.{this.feed.Version}.nupkg")))
        {
            var entries = runtime.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/netstandard2.0/Accrue.Portal.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Accrue.Portal.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Accrue.Portal.CodeFixes.dll", entries);
            Assert.Contains("build/Accrue.Portal.props", entries);
            Assert.Contains("buildTransitive/Accrue.Portal.props", entries);
            Assert.Contains("README.md", entries);
        }

        using var analyzers = ZipFile.OpenRead(Path.Combine(this.feed.Directory, $"Accrue.Portal.Analyzers.{this.feed.Version}.nupkg"));
        AssertLoadsInOldestSupportedCompiler(analyzers);
        var analyzerEntries = analyzers.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/Accrue.Portal.Analyzers.dll", analyzerEntries);
        Assert.Contains("analyzers/dotnet/cs/Accrue.Portal.CodeFixes.dll", analyzerEntries);
        Assert.Contains("build/Accrue.Portal.Analyzers.props", analyzerEntries);
        Assert.DoesNotContain(analyzerEntries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        using var nuspec = new StreamReader(analyzers.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var manifest = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", manifest, StringComparison.Ordinal);
        Assert.Contains("<license type=\"expression\">MIT</license>", manifest, StringComparison.Ordinal);
        Assert.Contains("<repository type=\"git\"", manifest, StringComparison.Ordinal);
    }
}
