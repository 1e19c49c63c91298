namespace Accrue.Portal.Workload;

using System.Collections.Generic;
using System.Globalization;
using System.Linq;

/// <summary>
/// The portal files of the generated shop, in the five shapes real apps give portal code, taken in turn: the portal
/// file i is the shape (i / 20 - 1) mod 5, so every 100 files hold one of each from the 100th on, and each shape meets
/// the mistakes (one portal file in three) in turn. Four of the five make the analyzers follow the options or the URL
/// across methods, interfaces and files, as they must on real code.
/// </summary>
internal static class PortalShapes
{
    private const string ConfigurationId = "bpc_1Nx9aB2eZvKYlo2C";
    private const string CustomerClaim = "this.User.FindFirst(\"stripe_customer\")?.Value ?? throw new InvalidOperationException(\"No Stripe customer.\")";

    private enum Shape
    {
        /// <summary>A controller that builds the options and calls Stripe itself, three ways.</summary>
        Direct,

        /// <summary>A DI-registered service behind an interface that creates the session and returns the URL.</summary>
        LinkServiceInterface,

        /// <summary>A factory building the options and a helper sending them, both called from the controller.</summary>
        OptionsFactory,

        /// <summary>An adapter behind an interface handing its options to the helper of another file.</summary>
        AdapterToHelperInAnotherFile,

        /// <summary>An options source behind an interface; the controller sends what it builds.</summary>
        OptionsSourceInterface,
    }

    /// <summary>One portal file in three carries mistakes, as real code bases occasionally do.</summary>
    public static bool HasMistakes(int i) => i % (SyntheticProject.PortalFileInterval * 3) == 0;

    /// <summary>The file names of the first file of each shape, in the project's order.</summary>
    public static IEnumerable<string> FirstOfEachShape() =>
        Enumerable.Range(1, 5).Select(k => File(k * SyntheticProject.PortalFileInterval).FileName);

    public static (string FileName, string Source) File(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return ShapeOf(i) switch
        {
            Shape.Direct => ($"Billing/Portal{n}Controller.cs", Direct(n, i)),
            Shape.LinkServiceInterface => ($"Billing/PortalLinks{n}.cs", LinkServiceInterface(n, HasMistakes(i))),
            Shape.OptionsFactory => ($"Billing/PortalFactory{n}.cs", OptionsFactory(n, HasMistakes(i))),
            Shape.AdapterToHelperInAnotherFile => ($"Billing/PortalAdapter{n}.cs", AdapterToHelperInAnotherFile(n, HasMistakes(i), HelperFile(i))),
            _ => ($"Billing/PortalOptionsSource{n}.cs", OptionsSourceInterface(n, HasMistakes(i))),
        };
    }

    private static Shape ShapeOf(int i) => (Shape)((i / SyntheticProject.PortalFileInterval - 1) % 5);

    /// <summary>The adapter's helper: the options-factory file just before it, which always precedes an adapter file.</summary>
    private static string HelperFile(int i) => (i - SyntheticProject.PortalFileInterval).ToString(CultureInfo.InvariantCulture);

    private static string Header(string n) => SyntheticProject.Usings(withStripe: true) + $"namespace Shop.Billing{n};\n\n";

    private static string Direct(string n, int i) =>
        Header(n)
        + $"[ApiController]\n[Route(\"billing{n}\")]\n"
        + $"public sealed class Portal{n}Controller(IStripeClient client, ShopDbContext db, IMemoryCache cache, ILogger<Portal{n}Controller> logger) : ControllerBase\n{{\n"
        + SyntheticProject.PortalMembers(i)
        + "}\n";

    // Mistakes: the return URL from the query string handed through the interface (PORTAL010), the URL it returns logged (PORTAL001).
    private static string LinkServiceInterface(string n, bool hasMistakes) =>
        Header(n) + $$"""
        public interface IPortalLinks{{n}}
        {
            Task<string> CreateLinkAsync(string customerId, string returnUrl, CancellationToken cancellationToken);
        }

        public sealed class StripePortalLinks{{n}}(IStripeClient client) : IPortalLinks{{n}}
        {
            public async Task<string> CreateLinkAsync(string customerId, string returnUrl, CancellationToken cancellationToken)
            {
                var options = new SessionCreateOptions { Customer = customerId, ReturnUrl = returnUrl, Configuration = "{{ConfigurationId}}" };
                var session = await new SessionService(client).CreateAsync(options, cancellationToken: cancellationToken);
                return session.Url;
            }
        }

        public static class Billing{{n}}Registration
        {
            public static IServiceCollection AddBilling{{n}}(this IServiceCollection services) => services.AddScoped<IPortalLinks{{n}}, StripePortalLinks{{n}}>();
        }

        [ApiController]
        [Route("account{{n}}")]
        public sealed class Account{{n}}Controller(IPortalLinks{{n}} links, ILogger<Account{{n}}Controller> logger) : ControllerBase
        {
            [HttpPost("portal")]
            public async Task<IActionResult> Portal{{n}}([FromQuery] string? returnTo, CancellationToken cancellationToken)
            {
                var customerId = {{CustomerClaim}};
                var returnUrl = {{(hasMistakes ? "returnTo ?? \"https://shop.example.com/account\"" : "\"https://shop.example.com/account\"")}};
                var url = await links.CreateLinkAsync(customerId, returnUrl, cancellationToken);
                {{(hasMistakes ? "logger.LogInformation(\"Portal link {Url} for {Customer}\", url, customerId);" : "logger.LogInformation(\"Portal link created for {Customer}\", customerId);")}}
                return Redirect(url);
            }
        }

        """;

    // Mistakes: the factory's cancellation flow without its subscription (PORTAL006) and with a prorating cancellation (PORTAL009).
    private static string OptionsFactory(string n, bool hasMistakes) =>
        Header(n) + $$"""
        public static class PortalOptionsFactory{{n}}
        {
            public static SessionCreateOptions ForCancellation(string customerId, string subscriptionId) => new()
            {
                Customer = customerId,
                ReturnUrl = "https://shop.example.com/account",
                Configuration = "{{ConfigurationId}}",
                FlowData = new SessionFlowDataOptions
                {
                    Type = "subscription_cancel",
                    {{(hasMistakes ? "" : "SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions { Subscription = subscriptionId },")}}
                },
            };

            public static ConfigurationCreateOptions CancellationConfiguration() => new()
            {
                Features = new ConfigurationFeaturesOptions
                {
                    SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions
                    {
                        Enabled = true,
                        Mode = "{{(hasMistakes ? "immediately" : "at_period_end")}}",
                        ProrationBehavior = "{{(hasMistakes ? "create_prorations" : "none")}}",
                    },
                },
            };
        }

        public static class PortalSender{{n}}
        {
            public static async Task<string> SendAsync(IStripeClient client, SessionCreateOptions options, CancellationToken cancellationToken)
            {
                var session = await new SessionService(client).CreateAsync(options, cancellationToken: cancellationToken);
                return session.Url;
            }
        }

        [ApiController]
        [Route("subscriptions{{n}}")]
        public sealed class Subscriptions{{n}}Controller(IStripeClient client, ILogger<Subscriptions{{n}}Controller> logger) : ControllerBase
        {
            [HttpPost("{subscriptionId}/cancel")]
            public async Task<IActionResult> Cancel{{n}}(string subscriptionId, CancellationToken cancellationToken)
            {
                var customerId = {{CustomerClaim}};
                var url = await PortalSender{{n}}.SendAsync(client, PortalOptionsFactory{{n}}.ForCancellation(customerId, subscriptionId), cancellationToken);
                logger.LogInformation("Cancellation portal opened for {Subscription}", subscriptionId);
                return Ok(new { url });
            }
        }

        """;

    // Mistakes: the URL the adapter returns through its interface cached and logged (PORTAL002, PORTAL001).
    private static string AdapterToHelperInAnotherFile(string n, bool hasMistakes, string helper) =>
        Header(n) + $$"""
        public interface IBillingPortal{{n}}
        {
            Task<string> PaymentMethodLinkAsync(string customerId, CancellationToken cancellationToken);
        }

        public sealed class StripeBillingPortalAdapter{{n}}(IStripeClient client) : IBillingPortal{{n}}
        {
            public Task<string> PaymentMethodLinkAsync(string customerId, CancellationToken cancellationToken)
            {
                var options = new SessionCreateOptions
                {
                    Customer = customerId,
                    ReturnUrl = "https://shop.example.com/account",
                    FlowData = new SessionFlowDataOptions { Type = "payment_method_update" },
                };
                return Shop.Billing{{helper}}.PortalSender{{helper}}.SendAsync(client, options, cancellationToken);
            }
        }

        [ApiController]
        [Route("payment-methods{{n}}")]
        public sealed class PaymentMethods{{n}}Controller(IBillingPortal{{n}} portal, IMemoryCache cache, ILogger<PaymentMethods{{n}}Controller> logger) : ControllerBase
        {
            [HttpPost("update")]
            public async Task<IActionResult> Update{{n}}(CancellationToken cancellationToken)
            {
                var customerId = {{CustomerClaim}};
                var url = await portal.PaymentMethodLinkAsync(customerId, cancellationToken);
                {{(hasMistakes ? "cache.Set(\"portal:\" + customerId, url, TimeSpan.FromMinutes(5));\n            logger.LogDebug(\"Payment method link {Url}\", url);" : "logger.LogDebug(\"Payment method link for {Customer}\", customerId);")}}
                return Redirect(url);
            }
        }

        """;

    // Mistakes: the customer id from the request body handed to the options source (PORTAL011), the whole session returned (PORTAL012).
    private static string OptionsSourceInterface(string n, bool hasMistakes) =>
        Header(n) + $$"""
        public interface IPortalOptionsSource{{n}}
        {
            SessionCreateOptions Create(string customerId, string returnUrl);
        }

        public sealed class PortalOptionsSource{{n}} : IPortalOptionsSource{{n}}
        {
            public SessionCreateOptions Create(string customerId, string returnUrl) =>
                new() { Customer = customerId, ReturnUrl = returnUrl, Configuration = "{{ConfigurationId}}" };
        }

        public sealed record PortalRequest{{n}}(string CustomerId);

        [ApiController]
        [Route("portal{{n}}")]
        public sealed class PortalSource{{n}}Controller(IStripeClient client, IPortalOptionsSource{{n}} source, ILogger<PortalSource{{n}}Controller> logger) : ControllerBase
        {
            [HttpPost("open")]
            public async Task<IActionResult> Open{{n}}([FromBody] PortalRequest{{n}} request, CancellationToken cancellationToken)
            {
                var customerId = {{(hasMistakes ? "request.CustomerId" : CustomerClaim)}};
                var options = source.Create(customerId, "https://shop.example.com/account");
                var session = await new SessionService(client).CreateAsync(options, cancellationToken: cancellationToken);
                logger.LogInformation("Opened portal session {SessionId}", session.Id);
                return Ok({{(hasMistakes ? "session" : "new { url = session.Url }")}});
            }
        }

        """;
}
