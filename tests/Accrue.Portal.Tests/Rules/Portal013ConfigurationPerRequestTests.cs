namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

public sealed class Portal013ConfigurationPerRequestTests
{
    private static ProjectBuilder Create() => new ProjectBuilder()
        .WithAnalyzer<ConfigurationPerRequestAnalyzer>()
        .WithAspNetCore();

    private static string Message(string what, string handler) =>
        $"{what} on every request to {handler}: configurations pile up in the Stripe account and none of them is the one that was reviewed; create it once (a deploy step, or EnsureCompliantAsync at startup) and pin its id";

    private const string Features = """
        new ConfigurationCreateOptions
        {
            Features = new ConfigurationFeaturesOptions { InvoiceHistory = new ConfigurationFeaturesInvoiceHistoryOptions { Enabled = true } },
        }
        """;

    [Fact]
    public Task Configuration_created_in_a_controller_action_is_reported_with_its_handler() =>
        Create().WithSourceCode("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public class BillingController(StripeClient client) : Controller
            {
                [HttpPost]
                public async Task<IActionResult> Portal()
                {
                    var configuration = await client.V1.BillingPortal.Configurations.{|#0:CreateAsync|}(FEATURES);
                    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = "cus_1", Configuration = configuration.Id });
                    return Redirect(session.Url);
                }
            }
            """.Replace("FEATURES", Features))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL013").WithLocation(0)
                .WithMessage(Message("ConfigurationService.CreateAsync runs", "'BillingController.Portal'")))
            .ValidateAsync();

    [Theory]
    [InlineData("new ConfigurationService().{|PORTAL013:Create|}(FEATURES)")]
    [InlineData("new ConfigurationService(client).{|PORTAL013:Update|}(\"bpc_1\", new ConfigurationUpdateOptions { Active = true })")]
    [InlineData("await client.V1.BillingPortal.Configurations.{|PORTAL013:UpdateAsync|}(\"bpc_1\", new ConfigurationUpdateOptions { DefaultReturnUrl = \"https://example.com/account\" })")]
    [InlineData("await new ConfigurationService(client).{|PORTAL013:CreateAsync|}(FEATURES, cancellationToken: HttpContext.RequestAborted)")]
    public Task Every_way_to_write_a_configuration_sync_and_async_is_reported(string write) =>
        Create().WithSourceCode("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            [ApiController]
            public class BillingApi(StripeClient client) : ControllerBase
            {
                [HttpPost("portal/configure")]
                public async Task<IActionResult> Configure()
                {
                    var configuration = WRITE;
                    return Ok(configuration.Id);
                }
            }
            """.Replace("WRITE", write).Replace("FEATURES", Features))
            .ValidateAsync();

    [Fact]
    public Task Razor_Pages_handler_is_reported() =>
        Create().WithSourceCode("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Stripe.BillingPortal;

            public class BillingModel : PageModel
            {
                public async Task<IActionResult> OnPostAsync()
                {
                    var configuration = await new ConfigurationService().{|#0:CreateAsync|}(FEATURES);
                    var session = await new SessionService().CreateAsync(new SessionCreateOptions { Customer = "cus_1", Configuration = configuration.Id });
                    return Redirect(session.Url);
                }
            }
            """.Replace("FEATURES", Features))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL013").WithLocation(0)
                .WithMessage(Message("ConfigurationService.CreateAsync runs", "'BillingModel.OnPostAsync'")))
            .ValidateAsync();

    [Fact]
    public Task Minimal_api_endpoint_is_reported_with_its_route() =>
        Create().WithSourceCode("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Stripe;
            using Stripe.BillingPortal;

            public static class PortalEndpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/portal", async (StripeClient client) =>
                    {
                        var configuration = await client.V1.BillingPortal.Configurations.{|#0:CreateAsync|}(FEATURES);
                        var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = "cus_1", Configuration = configuration.Id });
                        return Results.Redirect(session.Url);
                    });
            }
            """.Replace("FEATURES", Features))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL013").WithLocation(0)
                .WithMessage(Message("ConfigurationService.CreateAsync runs", "the endpoint MapPost(\"/portal\")")))
            .ValidateAsync();

    [Fact]
    public Task Configuration_created_by_the_apps_service_in_another_file_is_reported_on_the_handlers_call() =>
        Create()
            .WithSourceCode("PortalService.cs", """
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                namespace Shop.Billing;

                public sealed class PortalConfigurations(StripeClient client)
                {
                    public async Task<string> CreateForCustomerAsync() =>
                        (await client.V1.BillingPortal.Configurations.CreateAsync(new ConfigurationCreateOptions { DefaultReturnUrl = "https://example.com/account" })).Id;
                }

                public sealed class PortalService(StripeClient client, PortalConfigurations configurations)
                {
                    public async Task<string> OpenAsync(string customerId)
                    {
                        var configuration = await configurations.CreateForCustomerAsync();
                        var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = customerId, Configuration = configuration });
                        return session.Url;
                    }
                }
                """)
            .WithSourceCode("BillingController.cs", """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Shop.Billing;

                namespace Shop.Web;

                public class BillingController(PortalService portal) : Controller
                {
                    public async Task<IActionResult> Portal() => Redirect(await portal.{|#0:OpenAsync|}("cus_1"));
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL013").WithLocation(0)
                .WithMessage(Message("'PortalService.OpenAsync' creates or updates a portal configuration", "'BillingController.Portal'")))
            .ValidateAsync();

    [Fact]
    public Task Helper_constructed_per_request_that_writes_a_configuration_is_reported() =>
        Create().WithSourceCode("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public sealed class PortalSetup
            {
                public PortalSetup()
                {
                    this.ConfigurationId = new ConfigurationService().Create(new ConfigurationCreateOptions()).Id;
                }

                public string ConfigurationId { get; }
            }

            public class BillingController : Controller
            {
                public IActionResult Portal()
                {
                    var setup = {|PORTAL013:new PortalSetup()|};
                    return Redirect(new SessionService().Create(new SessionCreateOptions { Customer = "cus_1", Configuration = setup.ConfigurationId }).Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task EnsureCompliantAsync_run_per_request_is_reported() =>
        Create()
            .WithPortalRuntime()
            .WithSourceGenerator<GuardedSessionGenerator>()
            .WithSourceCode("""
                using System.Threading.Tasks;
                using Accrue.Portal;
                using Microsoft.AspNetCore.Mvc;
                using Stripe;

                public class BillingController(StripeClient client) : Controller
                {
                    public async Task<IActionResult> Portal()
                    {
                        var id = await client.V1.BillingPortal.Configurations.{|#0:EnsureCompliantAsync|}("https://example.com/account");
                        return Ok(id);
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL013").WithLocation(0)
                .WithMessage(Message("'ConfigurationService.EnsureCompliantAsync' creates or updates a portal configuration", "'BillingController.Portal'")))
            .ValidateAsync();

    [Fact]
    public Task Configuration_created_before_app_Run_in_Program_is_silent() =>
        Create()
            .WithPortalRuntime()
            .WithSourceGenerator<GuardedSessionGenerator>()
            .WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)
            .WithSourceCode("Program.cs", """
                using Accrue.Portal;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Stripe;
                using Stripe.BillingPortal;

                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                var client = new StripeClient("sk_test_placeholder");
                var configured = await client.V1.BillingPortal.Configurations.CreateAsync(new ConfigurationCreateOptions { DefaultReturnUrl = "https://example.com/account" });
                var compliant = await client.V1.BillingPortal.Configurations.EnsureCompliantAsync("https://example.com/account");
                app.MapPost("/portal", async () =>
                {
                    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = "cus_1", Configuration = compliant });
                    return Results.Redirect(session.Url);
                });
                app.Run();
                """)
            .ValidateAsync();

    [Fact]
    public Task Hosted_service_and_startup_filter_are_silent() =>
        Create().WithSourceCode("""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Stripe;
            using Stripe.BillingPortal;

            public sealed class PortalConfigurationWorker(StripeClient client) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken) =>
                    await client.V1.BillingPortal.Configurations.UpdateAsync("bpc_1", new ConfigurationUpdateOptions { Active = true }, cancellationToken: stoppingToken);
            }

            public sealed class PortalConfigurationSeeder(StripeClient client) : IHostedService
            {
                public Task StartAsync(CancellationToken cancellationToken) =>
                    client.V1.BillingPortal.Configurations.CreateAsync(new ConfigurationCreateOptions(), cancellationToken: cancellationToken);

                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """).ValidateAsync();

    [Fact]
    public Task Configuration_created_in_a_service_registration_factory_is_silent() =>
        Create().WithSourceCode("""
            using Microsoft.Extensions.DependencyInjection;
            using Stripe;
            using Stripe.BillingPortal;

            public sealed record PinnedConfiguration(string Id);

            public static class PortalServiceCollectionExtensions
            {
                public static IServiceCollection AddPinnedPortalConfiguration(this IServiceCollection services) =>
                    services.AddSingleton(provider => new PinnedConfiguration(
                        provider.GetRequiredService<StripeClient>().V1.BillingPortal.Configurations.Create(new ConfigurationCreateOptions()).Id));
            }
            """).ValidateAsync();

    [Fact]
    public Task Reading_configurations_in_a_handler_is_silent() =>
        Create().WithSourceCode("""
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public sealed class ConfigurationDirectory(StripeClient client)
            {
                public async Task<string> DefaultIdAsync() =>
                    (await client.V1.BillingPortal.Configurations.ListAsync(new ConfigurationListOptions { IsDefault = true })).First().Id;
            }

            public class BillingController(StripeClient client, ConfigurationDirectory directory) : Controller
            {
                public async Task<IActionResult> Portal()
                {
                    var pinned = await client.V1.BillingPortal.Configurations.GetAsync("bpc_1");
                    var fallback = await directory.DefaultIdAsync();
                    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = "cus_1", Configuration = pinned.Active ? pinned.Id : fallback });
                    return Redirect(session.Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Non_action_and_private_helpers_not_called_by_an_action_are_silent() =>
        Create().WithSourceCode("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public class BillingController : Controller
            {
                [NonAction]
                public string Configure() => new ConfigurationService().Create(new ConfigurationCreateOptions()).Id;

                public IActionResult Portal() => Redirect(new SessionService().Create(new SessionCreateOptions { Customer = "cus_1", Configuration = "bpc_1" }).Url);

                private static string Unused() => new ConfigurationService().Create(new ConfigurationCreateOptions()).Id;
            }
            """).ValidateAsync();

    [Fact]
    public Task Console_tool_without_AspNetCore_is_silent() =>
        new ProjectBuilder()
            .WithAnalyzer<ConfigurationPerRequestAnalyzer>()
            .WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)
            .WithSourceCode("""
                using System;
                using Stripe.BillingPortal;

                public static class Program
                {
                    public static void Main() =>
                        Console.WriteLine(new ConfigurationService().Create(new ConfigurationCreateOptions { DefaultReturnUrl = "https://example.com/account" }).Id);
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task App_type_named_ConfigurationService_is_not_Stripes() =>
        Create().WithSourceCode("""
            using Microsoft.AspNetCore.Mvc;

            namespace MyApp
            {
                public sealed class ConfigurationService
                {
                    public string Create(string name) => name;
                }

                public class SettingsController(ConfigurationService settings) : Controller
                {
                    public IActionResult Save(string name) => Ok(settings.Create(name));
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Session_creation_alone_is_silent() =>
        Create().WithSourceCode("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public sealed class PortalService(StripeClient client)
            {
                public async Task<string> OpenAsync() =>
                    (await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = "cus_1", Configuration = "bpc_1" })).Url;
            }

            public class BillingController(PortalService portal) : Controller
            {
                public async Task<IActionResult> Portal() => Redirect(await portal.OpenAsync());
            }
            """).ValidateAsync();
}
