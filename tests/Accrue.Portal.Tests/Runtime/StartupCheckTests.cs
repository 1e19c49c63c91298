namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;
using Stripe.BillingPortal;
using StripeNetStandIn;

/// <summary>The generated hosted service and health check, run in a real service provider against the stand-in.</summary>
public sealed class StartupCheckTests
{
    private const string Host = """
        using System;
        using System.Threading.Tasks;
        using Accrue.Portal;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Diagnostics.HealthChecks;
        using Microsoft.Extensions.Hosting;

        public static class Host
        {
            public static async Task<string> Run(string configurationId, PortalStartupAudit mode, string environment)
            {
                var services = new ServiceCollection();
                services.AddOptions();
                services.AddLogging();
                services.Configure<PortalGuardOptions>(o =>
                {
                    o.AuditOnStartup = mode;
                    o.DefaultConfigurationId = configurationId;
                    o.Environment = environment;
                });
                services.AddPortalConfigurationAudit();
                services.AddHealthChecks().AddPortalConfigurationCheck();
                using (var provider = services.BuildServiceProvider())
                {
                    var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
                    var entry = health.Entries["accrue_portal_configuration"];
                    var started = "started";
                    try
                    {
                        foreach (var hosted in provider.GetServices<IHostedService>())
                        {
                            await hosted.StartAsync(default);
                        }
                    }
                    catch (PortalConfigurationAuditException exception)
                    {
                        started = "refused " + string.Join(",", exception.Findings.Count) + " " + exception.ConfigurationId;
                    }

                    return started + "|" + entry.Status + "|" + string.Join(",", entry.Data.Keys);
                }
            }
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> LoadedHost = new(() => GeneratedHost.Load(Host, aspNetCore: true));

    [Theory]
    [InlineData(PortalStartupAudit.FailInProduction, "Production", "refused 3 bpc_weak|Unhealthy|immediate_cancellation,no_default_return_url,retention_not_readable")]
    [InlineData(PortalStartupAudit.FailInProduction, "Development", "started|Degraded|immediate_cancellation,no_default_return_url,retention_not_readable")]
    [InlineData(PortalStartupAudit.Report, "Production", "started|Degraded|immediate_cancellation,no_default_return_url,retention_not_readable")]
    [InlineData(PortalStartupAudit.Off, "Production", "started|Healthy|")]
    public async Task Weak_configuration_is_judged_by_the_options(PortalStartupAudit mode, string environment, string expected)
    {
        using var recorder = StandInRecorder.Start();
        Store(recorder, "bpc_weak", "immediately", returnUrl: null);

        var outcome = await (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Run", "bpc_weak", mode, environment)!;

        Assert.Equal(expected, outcome);
        Assert.Equal(mode == PortalStartupAudit.Off ? 0 : 2, recorder.Calls.Count(c => c.Operation == "billing_portal.configurations.retrieve"));
    }

    [Fact]
    public async Task Compliant_configuration_starts_healthy_in_production()
    {
        using var recorder = StandInRecorder.Start();
        Store(recorder, "bpc_good", "at_period_end", returnUrl: "https://example.com/account");

        var outcome = await (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Run", "bpc_good", PortalStartupAudit.FailInProduction, "Production")!;

        Assert.Equal("started|Healthy|retention_not_readable", outcome);
    }

    [Fact]
    public async Task No_pinned_configuration_fails_in_production_without_calling_Stripe()
    {
        using var recorder = StandInRecorder.Start();

        var outcome = await (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Run", null, PortalStartupAudit.FailInProduction, "Production")!;

        Assert.Equal("refused 1 |Unhealthy|configuration_not_pinned", outcome);
        Assert.Empty(recorder.Calls);
    }

    [Theory]
    [InlineData(PortalStartupAudit.Report, "started|Unhealthy|")]
    [InlineData(PortalStartupAudit.FailInProduction, "thrown")]
    public async Task Unknown_configuration_stops_the_host_only_when_failing_in_production(PortalStartupAudit mode, string expected)
    {
        using var recorder = StandInRecorder.Start();

        string outcome;
        try
        {
            outcome = await (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Run", "bpc_missing", mode, "Production")!;
        }
        catch (Stripe.StripeException)
        {
            outcome = "thrown";
        }

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public async Task Startup_glue_compiles_through_the_verifier_only_where_hosting_is_referenced()
    {
        var withHosting = await new ProjectBuilder().WithAnalyzer<UnguardedSessionCreationAnalyzer>().WithSourceGenerator<GuardedSessionGenerator>().WithPortalRuntime().WithAspNetCore()
            .WithSourceCode("class Empty { }").AnalyzeAsync();
        var withoutHosting = await new ProjectBuilder().WithAnalyzer<UnguardedSessionCreationAnalyzer>().WithSourceGenerator<GuardedSessionGenerator>().WithPortalRuntime()
            .WithSourceCode("class Empty { }").AnalyzeAsync();

        Assert.Empty(withHosting.CompilerDiagnostics);
        var startup = Assert.Single(withHosting.GeneratedTrees, t => t.FilePath.EndsWith(GuardedSessionGenerator.StartupCheckHintName, StringComparison.Ordinal));
        Assert.Contains("AccruePortalConfigurationHealthCheck", startup.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(withoutHosting.GeneratedTrees, t => t.FilePath.EndsWith(GuardedSessionGenerator.StartupCheckHintName, StringComparison.Ordinal));
        Assert.Contains(withoutHosting.GeneratedTrees, t => t.FilePath.EndsWith(GuardedSessionGenerator.ConfigurationServiceHintName, StringComparison.Ordinal));
    }

    private static void Store(StandInRecorder recorder, string id, string mode, string? returnUrl) =>
        recorder.Configurations[id] = new Configuration
        {
            Id = id,
            Active = true,
            DefaultReturnUrl = returnUrl,
            Features = new ConfigurationFeatures
            {
                SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancel
                {
                    Enabled = true,
                    Mode = mode,
                    ProrationBehavior = "none",
                    CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReason { Enabled = true, Options = [.. PortalConfigurationAudit.AllCancellationReasons] },
                },
            },
        };
}
