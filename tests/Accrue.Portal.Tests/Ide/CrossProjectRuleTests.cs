namespace Accrue.Portal.Tests.Ide;

using System.Threading.Tasks;

/// <summary>
/// Every rule family in a solution of two and three projects (Web → Core → Infrastructure), the portal code calling
/// across the projects in both directions: the app handing the URL or request input to the library's methods, and the
/// library handing sessions, URLs and constants back. An IDE sees the referenced project as a compilation; the command
/// line as a DLL. The diagnostics must be the same, and nothing may throw.
/// </summary>
public sealed class CrossProjectRuleTests
{
    /// <summary>The library every solution here shares: a portal opener, link helpers, an audit log, settings and a request model.</summary>
    private const string CoreLibrary = """
        using Microsoft.Extensions.Logging;
        using Stripe;
        using Stripe.BillingPortal;

        namespace Shop.Core;

        public static class PortalLinks
        {
            public static string? LastUrl;

            public static string? Latest { get; set; }

            public static string LinkOf(Session session) => session.Url;

            public static string Shorten(string url) => url.Length > 40 ? url.Substring(0, 40) : url;

            public static void Remember(Session session) => LastUrl = {|PORTAL002:session.Url|};
        }

        public sealed class PortalAudit(ILogger<PortalAudit> logger)
        {
            public void Opened(string customerId, string url) => logger.LogInformation("Portal for {Customer} at {Url}", customerId, url);
        }

        public sealed class PortalOpener(IStripeClient client, ILogger<PortalOpener> logger)
        {
            public Session Open(string customerId, string returnUrl)
            {
                var session = new SessionService(client).{|PORTAL008:Create|}(new SessionCreateOptions { Customer = customerId, ReturnUrl = returnUrl, Configuration = "bpc_1Reviewed" });
                logger.LogInformation("Opened {Url}", {|PORTAL001:session.Url|});
                return session;
            }
        }

        public static class PortalSettings
        {
            public const string AccountUrl = "http://shop.example/account";
            public const string CancelFlow = "subscription_cancl";
            public const string SecureAccountUrl = "https://shop.example/account";
        }

        public sealed record PortalRequest(string CustomerId, string ReturnUrl);

        public sealed class ShopCustomer
        {
            public string StripeId { get; set; } = "";
        }
        """;

    [Fact]
    public Task Leak_rules_see_the_same_flows_when_the_library_is_a_compilation_and_a_dll() =>
        new MultiProjectSolution()
            .WithProject("Core", [], ("Portal.cs", CoreLibrary))
            .WithProject("Web", ["Core"], ("PortalController.cs", """
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Logging;
                using Shop.Core;

                namespace Shop.Web;

                [ApiController]
                [Route("portal")]
                public sealed class PortalController(PortalOpener opener, PortalAudit audit, ILogger<PortalController> logger) : ControllerBase
                {
                    private static string? lastLink;

                    [HttpPost]
                    public IActionResult Open()
                    {
                        var session = opener.Open("cus_123", PortalSettings.SecureAccountUrl);
                        logger.LogInformation("Portal {Url}", {|PORTAL001:session.Url|});

                        // Into the library and back: its bodies are not this compilation's, so the result is a library's result.
                        var link = PortalLinks.LinkOf(session);
                        logger.LogInformation("Link {Link}", PortalLinks.Shorten(link));
                        lastLink = PortalLinks.Shorten(session.Url);

                        // Into the library's sinks: what the library does with it is analysed in the library.
                        audit.Opened("cus_123", session.Url);
                        PortalLinks.Remember(session);

                        // A library's static field is a store wherever it is declared; its static property is a library member.
                        PortalLinks.LastUrl = {|PORTAL002:session.Url|};
                        PortalLinks.Latest = session.Url;
                        return Ok({|PORTAL012:session|});
                    }
                }
                """))
            .ValidateAsync();

    [Fact]
    public Task Request_input_rules_see_the_same_flows_when_the_library_is_a_compilation_and_a_dll() =>
        new MultiProjectSolution()
            .WithProject("Core", [], ("Portal.cs", CoreLibrary))
            .WithProject("Web", ["Core"], ("BillingController.cs", """
                using Microsoft.AspNetCore.Mvc;
                using Shop.Core;
                using Stripe;
                using Stripe.BillingPortal;

                namespace Shop.Web;

                public sealed class BillingController(PortalOpener opener, IStripeClient client) : Controller
                {
                    // Request input handed to the library, which writes it to the options there.
                    public IActionResult Portal(string customerId, [FromQuery] string returnUrl) =>
                        Redirect(opener.Open(customerId, returnUrl).Url);

                    // A model the library declares, bound from the body.
                    public IActionResult FromBody([FromBody] PortalRequest request) =>
                        Redirect(opener.Open(request.CustomerId, request.ReturnUrl).Url);

                    // The library's model read here: a library type's properties do not carry the object's input.
                    public IActionResult ModelHere([FromBody] PortalRequest request) =>
                        Redirect(new SessionService(client).{|PORTAL008:Create|}(new SessionCreateOptions { Customer = request.CustomerId, ReturnUrl = request.ReturnUrl }).Url);

                    // Request input written here.
                    public IActionResult Direct(string customerId, [FromQuery] string next) =>
                        Redirect(new SessionService(client).{|PORTAL008:Create|}(new SessionCreateOptions { Customer = {|PORTAL011:customerId|}, ReturnUrl = {|PORTAL010:next|} }).Url);
                }
                """))
            .ValidateAsync();

    [Fact]
    public Task Request_rules_read_the_library_constants_alike_when_it_is_a_compilation_and_a_dll() =>
        new MultiProjectSolution()
            .WithProject("Core", [], ("Portal.cs", CoreLibrary))
            .WithProject("Web", ["Core"], ("PortalService.cs", """
                using Shop.Core;
                using Stripe;
                using Stripe.BillingPortal;

                namespace Shop.Web;

                public sealed class PortalService(IStripeClient client)
                {
                    public Session OpenCancel(ShopCustomer customer, string subscriptionId) =>
                        new SessionService(client).{|PORTAL008:Create|}({|PORTAL004:new SessionCreateOptions
                        {
                            Customer = customer.StripeId,
                            ReturnUrl = {|PORTAL003:PortalSettings.AccountUrl|},
                            FlowData = new SessionFlowDataOptions
                            {
                                Type = {|PORTAL005:PortalSettings.CancelFlow|},
                                SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions { Subscription = subscriptionId },
                            },
                        }|});

                    public Session OpenUpdate(string subscriptionId) =>
                        new SessionService(client).{|PORTAL008:Create|}({|PORTAL004:{|PORTAL007:new SessionCreateOptions
                        {
                            ReturnUrl = PortalSettings.SecureAccountUrl,
                            FlowData = new SessionFlowDataOptions { Type = {|PORTAL006:"subscription_update"|} },
                        }|}|});

                    public void WeakenCancellation(string configurationId) =>
                        new ConfigurationService(client).Update(configurationId, new ConfigurationUpdateOptions
                        {
                            Features = new ConfigurationFeaturesOptions
                            {
                                SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = true, Mode = {|PORTAL009:"immediately"|} },
                            },
                        });
                }
                """))
            .InRelease()
            .ValidateAsync();

    [Fact]
    public async Task Fixes_edit_this_project_only_and_leave_the_library_constants_alone()
    {
        var ide = await new MultiProjectSolution()
            .WithProject("Core", [], ("Portal.cs", CoreLibrary))
            .WithProject("Web", ["Core"], ("FlowTypes.cs", """
                using Shop.Core;
                using Stripe;
                using Stripe.BillingPortal;

                namespace Shop.Web;

                public sealed class FlowTypes(IStripeClient client)
                {
                    private const string Update = "payment_method_updat";

                    // The library's constant: a library's value, fixed in the library's own project (as on the command line).
                    public Session Cancel(string customerId, string subscriptionId) => new SessionService(client).{|PORTAL008:Create|}(new SessionCreateOptions
                    {
                        Customer = customerId,
                        ReturnUrl = {|PORTAL003:PortalSettings.AccountUrl|},
                        FlowData = new SessionFlowDataOptions
                        {
                            Type = {|PORTAL005:PortalSettings.CancelFlow|},
                            SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions { Subscription = subscriptionId },
                        },
                    });

                    // This project's constant: fixed where it is declared.
                    public Session UpdatePayment(string customerId) => new SessionService(client).{|PORTAL008:Create|}(new SessionCreateOptions
                    {
                        Customer = customerId,
                        ReturnUrl = {|PORTAL003:"http://shop.example/account"|},
                        FlowData = new SessionFlowDataOptions { Type = {|PORTAL005:Update|} },
                    });
                }
                """))
            .ValidateAsync();

        // No fix for the library's constants (PORTAL003 at 492, PORTAL005 at 594): those are edited in the library.
        Assert.Equal(
            [
                "PORTAL001 /src/Core/Portal.cs[1020..1031) 'Log the session Id instead of its URL' changes /src/Core/Portal.cs",
                "PORTAL002 /src/Core/Portal.cs[442..453) 'Store the session Id instead of its URL' changes /src/Core/Portal.cs",
                "PORTAL003 /src/Web/FlowTypes.cs[985..1014) 'Use https://' changes /src/Web/FlowTypes.cs",
                "PORTAL005 /src/Web/FlowTypes.cs[1071..1077) 'Replace with 'payment_method_update'' changes /src/Web/FlowTypes.cs",
            ],
            ide.CodeActions);
    }

    [Fact]
    public Task Three_projects_chained_report_alike_in_the_ide_and_on_the_command_line() =>
        new MultiProjectSolution()
            .WithProject("Infrastructure", [], ("StripePortalGateway.cs", """
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                namespace Shop.Infrastructure;

                public interface IPortalGateway
                {
                    Task<Session> OpenAsync(string customerId, string returnUrl);
                }

                public sealed class StripePortalGateway(IStripeClient client) : IPortalGateway
                {
                    public Task<Session> OpenAsync(string customerId, string returnUrl) =>
                        new SessionService(client).{|PORTAL008:CreateAsync|}(new SessionCreateOptions { Customer = customerId, ReturnUrl = returnUrl });

                    public static string UrlOf(Session session) => session.Url;
                }
                """))
            .WithProject("Core", ["Infrastructure"], ("AccountPortal.cs", """
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;
                using Shop.Infrastructure;

                namespace Shop.Core;

                public sealed class AccountPortal(StripePortalGateway gateway, ILogger<AccountPortal> logger)
                {
                    public async Task<string> LinkAsync(string customerId, string returnUrl)
                    {
                        var session = await gateway.OpenAsync(customerId, returnUrl);
                        logger.LogInformation("Opened {Session}", {|PORTAL001:session|});
                        var url = StripePortalGateway.UrlOf(session);
                        logger.LogInformation("Link {Url}", url);
                        return url;
                    }

                    public void Audit(string url) => logger.LogInformation("Handed out {Url}", url);
                }
                """))
            .WithProject("Web", ["Core", "Infrastructure"], ("Endpoints.cs", """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Logging;
                using Shop.Core;
                using Shop.Infrastructure;

                namespace Shop.Web;

                public sealed class PortalController(AccountPortal portal, StripePortalGateway gateway, ILogger<PortalController> logger) : Controller
                {
                    public async Task<IActionResult> Open(string customerId, [FromQuery] string returnUrl)
                    {
                        var link = await portal.LinkAsync(customerId, returnUrl);
                        portal.Audit(link);
                        var session = await gateway.OpenAsync("cus_123", "https://shop.example/account");
                        portal.Audit(session.Url);
                        logger.LogInformation("{Url}", {|PORTAL001:StripePortalGateway.UrlOf(session) + session.Url|});
                        return Redirect(link);
                    }
                }
                """))
            .ValidateAsync();
}
