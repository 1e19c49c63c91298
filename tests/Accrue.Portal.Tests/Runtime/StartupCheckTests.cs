namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;
using Accrue.Portal.Tests.Wire;
using Stripe.BillingPortal;

/// <summary>The generated hosted service and health check, run in a real service provider against the real Stripe.net client over the recording wire.</summary>
public sealed class StartupCheckTests
{
    private static readonly string Host = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Accrue.Portal;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Diagnostics.HealthChecks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;

        public static class Host
        {
            public static async Task<string> Run(Stripe.IStripeClient client, string configurationId, PortalStartupAudit mode, string environment, List<string> log)
            {
                var services = new ServiceCollection();
                services.AddOptions();
                services.AddLogging(logging => logging.AddProvider(new CapturingLoggerProvider(log)));
                services.AddSingleton(client);
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
        """ + GeneratedHost.CapturingLoggerProvider;

    private static readonly Lazy<System.Reflection.Assembly> LoadedHost = new(() => GeneratedHost.Load(Host, aspNetCore: true));

    [Theory]
    [InlineData(PortalStartupAudit.FailInProduction, "Production", "refused 3 bpc_weak|Unhealthy|immediate_cancellation,no_default_return_url,retention_not_readable")]
    [InlineData(PortalStartupAudit.FailInProduction, "Development", "started|Degraded|immediate_cancellation,no_default_return_url,retention_not_readable")]
    [InlineData(PortalStartupAudit.Report, "Production", "started|Degraded|immediate_cancellation,no_default_return_url,retention_not_readable")]
    [InlineData(PortalStartupAudit.Off, "Production", "started|Healthy|")]
    public async Task Weak_configuration_is_judged_by_the_options(PortalStartupAudit mode, string environment, string expected)
    {
        using var wire = new StripeWire();
        var log = new List<string>();
        Store(wire, "bpc_weak", "immediately", returnUrl: null);

        var outcome = await (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Run", wire.Client, "bpc_weak", mode, environment, log)!;

        Assert.Equal(expected, outcome);
        Assert.Equal(mode == PortalStartupAudit.Off ? 0 : 2, wire.Requests.Count(c => c.Operation == "GET /v1/billing_portal/configurations/bpc_weak"));
        Assert.Equal(wire.Requests.Count, wire.Requests.Count(c => c.Operation == "GET /v1/billing_portal/configurations/bpc_weak"));
    }

    [Fact]
    public async Task Compliant_configuration_starts_healthy_in_production()
    {
        using var wire = new StripeWire();
        var log = new List<string>();
        Store(wire, "bpc_good", "at_period_end", returnUrl: "https://example.com/account");

        var outcome = await (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Run", wire.Client, "bpc_good", PortalStartupAudit.FailInProduction, "Production", log)!;

        Assert.Equal("started|Healthy|retention_not_readable", outcome);
        Assert.All(wire.Requests, r => Assert.Equal("Bearer " + StripeWire.ApiKey, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task No_pinned_configuration_fails_in_production_without_calling_Stripe()
    {
        using var wire = new StripeWire();
        var log = new List<string>();

        var outcome = await (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Run", wire.Client, null, PortalStartupAudit.FailInProduction, "Production", log)!;

        Assert.Equal("refused 1 |Unhealthy|configuration_not_pinned", outcome);
        Assert.Empty(wire.Requests);
    }

    [Theory]
    [InlineData(PortalStartupAudit.Report, "started|Unhealthy|")]
    [InlineData(PortalStartupAudit.FailInProduction, "thrown")]
    public async Task Unknown_configuration_stops_the_host_only_when_failing_in_production(PortalStartupAudit mode, string expected)
    {
        using var wire = new StripeWire();
        var log = new List<string>();

        string outcome;
        try
        {
            outcome = await (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Run", wire.Client, "bpc_missing", mode, "Production", log)!;
        }
        catch (Stripe.StripeException)
        {
            outcome = "thrown";
        }

        Assert.Equal(expected, outcome);
        Assert.All(wire.Requests, r => Assert.Equal("GET /v1/billing_portal/configurations/bpc_missing", r.Operation));
        if (mode == PortalStartupAudit.Report)
        {
            Assert.Contains(log, line => line.StartsWith("Error Accrue.Portal: The portal configuration could not be audited at startup.", StringComparison.Ordinal)
                && line.Contains("No such billing portal configuration: 'bpc_missing'", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(WireFailure.ServerError, "An unknown error occurred")]
    [InlineData(WireFailure.RateLimited, "Request rate limit exceeded")]
    [InlineData(WireFailure.ConnectionReset, "Connection reset by peer")]
    public async Task Report_mode_logs_an_unreachable_Stripe_and_starts(WireFailure failure, string logged)
    {
        using var wire = new StripeWire();
        var log = new List<string>();
        Store(wire, "bpc_good", "at_period_end", returnUrl: "https://example.com/account");
        wire.FailNext(failure);
        wire.FailNext(failure);

        var outcome = await (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Run", wire.Client, "bpc_good", PortalStartupAudit.Report, "Production", log)!;

        // The health check and then the startup audit each asked once; neither got an answer, the host still started.
        Assert.Equal("started|Unhealthy|", outcome);
        Assert.Equal(2, wire.Requests.Count);
        Assert.Empty(wire.Answered);
        Assert.Contains(log, line => line.StartsWith("Error Accrue.Portal: The portal configuration could not be audited at startup.", StringComparison.Ordinal)
            && line.Contains(logged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Startup_findings_are_logged_through_the_hosts_logger()
    {
        using var wire = new StripeWire();
        var log = new List<string>();
        Store(wire, "bpc_weak", "immediately", returnUrl: null);

        await (Task<string>)GeneratedHost.Invoke(LoadedHost.Value, "Run", wire.Client, "bpc_weak", PortalStartupAudit.Report, "Production", log)!;

        var ours = log.Where(line => line.Contains(" Accrue.Portal: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Error", "Warning", "Information"], ours.Select(line => line.Split(' ')[0]));
        Assert.Contains(PortalFindingCodes.ImmediateCancellation, ours[0], StringComparison.Ordinal);
        Assert.Contains(PortalFindingCodes.NoDefaultReturnUrl, ours[1], StringComparison.Ordinal);
        Assert.Contains(PortalFindingCodes.RetentionNotReadable, ours[2], StringComparison.Ordinal);
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

    private static void Store(StripeWire wire, string id, string mode, string? returnUrl) =>
        wire.Store(new Configuration
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
        });
}
