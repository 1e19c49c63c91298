namespace Accrue.Portal.Tests.Rules.Reach;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

/// <summary>The data-flow rules follow calls through the app's interfaces and virtual members to every implementation.</summary>
public sealed class DataFlowThroughInterfacesTests
{
    /// <summary>Sends the session URL to the app's <c>IAuditTrail</c> (markup 0 and 1), and the session id, which is no leak.</summary>
    private const string BillingRecordingTheUrl = """
        using Stripe.BillingPortal;

        public sealed class Billing(IAuditTrail audit)
        {
            public string Open(string customerId)
            {
                var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                audit.Record({|#0:{|#1:session.Url|}|});
                audit.Record(session.Id);
                return session.Url;
            }
        }
        """;

    private const string LinksInterface = """
        public interface IPortalLinks
        {
            string Create(string customerId);
        }
        """;

    private const string UrlLinks = """
        using Stripe.BillingPortal;

        public sealed class PortalLinks : IPortalLinks
        {
            public string Create(string customerId) =>
                new SessionService().Create(new SessionCreateOptions { Customer = customerId }).Url;
        }
        """;

    private const string IdLinks = """
        using Stripe.BillingPortal;

        public sealed class PortalIds : IPortalLinks
        {
            public string Create(string customerId) =>
                new SessionService().Create(new SessionCreateOptions { Customer = customerId }).Id;
        }
        """;

    private const string LoggingController = """
        using Microsoft.Extensions.Logging;

        public sealed class Account(IPortalLinks links, ILogger<Account> logger)
        {
            public string Manage(string customerId)
            {
                var link = {|#1:links.Create(customerId)|};
                logger.LogInformation("Portal link {Link}", {|#0:link|});
                return link;
            }
        }
        """;

    private static ProjectBuilder Leak() => new ProjectBuilder().WithAnalyzer<PortalUrlLeakAnalyzer>().WithReferences(TestReferences.Logging);

    [Fact]
    public Task Interface_with_one_implementation_across_three_files_names_the_implementation() =>
        Leak()
            .WithSourceCode("Links.cs", LinksInterface)
            .WithSourceCode("PortalLinks.cs", UrlLinks)
            .WithSourceCode("Account.cs", LoggingController)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL001").WithLocation(0).WithLocation(1)
                .WithMessage("The portal session URL returned by 'IPortalLinks.Create' (implementation 'PortalLinks.Create') on line 7 reaches ILogger.LogInformation"))
            .ValidateAsync();

    [Fact]
    public Task Interface_with_two_implementations_is_reported_through_the_one_that_returns_the_url() =>
        Leak()
            .WithSourceCode("Links.cs", LinksInterface)
            .WithSourceCode("PortalIds.cs", IdLinks)
            .WithSourceCode("PortalLinks.cs", UrlLinks)
            .WithSourceCode("Account.cs", LoggingController)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL001").WithLocation(0).WithLocation(1)
                .WithMessage("The portal session URL returned by 'IPortalLinks.Create' (implementation 'PortalLinks.Create') on line 7 reaches ILogger.LogInformation"))
            .ValidateAsync();

    [Fact]
    public Task Interface_whose_only_implementation_returns_the_id_is_not_reported() =>
        Leak()
            .WithSourceCode("Links.cs", LinksInterface)
            .WithSourceCode("PortalIds.cs", IdLinks)
            .WithSourceCode("Account.cs", LoggingController.Replace("{|#1:", string.Empty).Replace("{|#0:", string.Empty).Replace("|}", string.Empty))
            .ValidateAsync();

    [Fact]
    public Task Implementations_through_a_base_class_and_a_base_interface_are_followed() =>
        Leak()
            .WithSourceCode("Audit.cs", """
                using Microsoft.Extensions.Logging;

                public interface IAuditTrail
                {
                    void Record(string what);
                }

                public interface IAuditLog : IAuditTrail
                {
                }

                public abstract class AuditBase : IAuditLog
                {
                    public abstract void Record(string what);
                }

                public sealed class AuditTrail(ILogger<AuditTrail> logger) : AuditBase
                {
                    public override void Record(string what) => logger.LogInformation("Audit {What}", what);
                }
                """)
            .WithSourceCode("Billing.cs", BillingRecordingTheUrl)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL001").WithLocation(0).WithLocation(1)
                .WithMessage("The portal session URL read on line 8 reaches ILogger.LogInformation through 'IAuditTrail.Record' (implementation 'AuditTrail.Record')"))
            .ValidateAsync();

    // The implementations are found among the types whose base list names a type of the app: an alias stands for one.
    [Theory]
    [InlineData("using Trail = IAuditTrail;", "")]
    [InlineData("", "global using Trail = IAuditTrail;")]
    public Task Implementation_whose_base_list_names_the_interface_through_an_alias_is_followed(string localAlias, string globalAlias) =>
        Leak()
            .WithSourceCode("Audit.cs", $$"""
                using Microsoft.Extensions.Logging;
                {{localAlias}}

                public interface IAuditTrail
                {
                    void Record(string what);
                }

                public sealed class AuditTrail(ILogger<AuditTrail> logger) : Trail
                {
                    public void Record(string what) => logger.LogInformation("Audit {What}", what);
                }
                """)
            .WithSourceCode("GlobalUsings.cs", globalAlias)
            .WithSourceCode("Billing.cs", BillingRecordingTheUrl)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL001").WithLocation(0).WithLocation(1)
                .WithMessage("The portal session URL read on line 8 reaches ILogger.LogInformation through 'IAuditTrail.Record' (implementation 'AuditTrail.Record')"))
            .ValidateAsync();

    [Fact]
    public Task Url_passed_to_an_interface_whose_implementation_logs_it_is_reported_at_the_call() =>
        Leak()
            .WithSourceCode("Audit.cs", """
                using Microsoft.Extensions.Logging;

                public interface IAuditTrail
                {
                    void Record(string what);
                }

                public sealed class AuditTrail(ILogger<AuditTrail> logger) : IAuditTrail
                {
                    public void Record(string what) => logger.LogInformation("Audit {What}", what);
                }
                """)
            .WithSourceCode("Billing.cs", BillingRecordingTheUrl)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL001").WithLocation(0).WithLocation(1)
                .WithMessage("The portal session URL read on line 8 reaches ILogger.LogInformation through 'IAuditTrail.Record' (implementation 'AuditTrail.Record')"))
            .ValidateAsync();

    [Fact]
    public Task Generic_interface_implementation_that_logs_its_message_is_followed() =>
        Leak()
            .WithSourceCode("Sinks.cs", """
                using Microsoft.Extensions.Logging;

                public interface IMessageSink<T>
                {
                    void Send(T message);
                }

                public sealed class LoggingSink<T>(ILogger<LoggingSink<T>> logger) : IMessageSink<T>
                {
                    public void Send(T message) => logger.LogInformation("Message {Message}", message);
                }
                """)
            .WithSourceCode("Billing.cs", """
                using Stripe.BillingPortal;

                public sealed class Billing(IMessageSink<string> sink)
                {
                    public void Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        sink.Send({|#0:{|#1:session.Url|}|});
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL001").WithLocation(0).WithLocation(1)
                .WithMessage("The portal session URL read on line 8 reaches ILogger.LogInformation through 'IMessageSink.Send' (implementation 'LoggingSink.Send')"))
            .ValidateAsync();

    [Fact]
    public Task Abstract_and_virtual_members_are_followed_to_their_overrides() =>
        Leak()
            .WithSourceCode("Notifiers.cs", """
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                public abstract class Notifier
                {
                    public abstract void Notify(string text);

                    public virtual string Describe(Session session) => session.Id;
                }

                public sealed class LogNotifier(ILogger<LogNotifier> logger) : Notifier
                {
                    public override void Notify(string text) => logger.LogWarning("{Text}", text);

                    public override string Describe(Session session) => session.Url;
                }
                """)
            .WithSourceCode("Billing.cs", """
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                public sealed class Billing(Notifier notifier, ILogger<Billing> logger)
                {
                    public void Open(Session session)
                    {
                        notifier.Notify({|PORTAL001:session.Url|});
                        notifier.Notify(session.Id);
                        logger.LogInformation("{Text}", {|PORTAL001:notifier.Describe(session)|});
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Calls_through_interfaces_count_against_the_depth_of_three() =>
        Leak()
            .WithSourceCode("Chain.cs", """
                using Stripe.BillingPortal;

                public interface ILevel1 { string Get(Session session); }
                public interface ILevel2 { string Get(Session session); }
                public interface ILevel3 { string Get(Session session); }
                public interface ILevel4 { string Get(Session session); }

                public sealed class Level1 : ILevel1 { public string Get(Session session) => session.Url; }
                public sealed class Level2(ILevel1 inner) : ILevel2 { public string Get(Session session) => inner.Get(session); }
                public sealed class Level3(ILevel2 inner) : ILevel3 { public string Get(Session session) => inner.Get(session); }
                public sealed class Level4(ILevel3 inner) : ILevel4 { public string Get(Session session) => inner.Get(session); }
                """)
            .WithSourceCode("Billing.cs", """
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                public sealed class Billing(ILevel3 level3, ILevel4 level4, ILogger<Billing> logger)
                {
                    public void Log(Session session)
                    {
                        logger.LogInformation("{A}", {|PORTAL001:level3.Get(session)|});
                        logger.LogInformation("{B}", level4.Get(session));
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Body_bound_return_url_reaching_stripe_through_the_apps_service_interface_is_reported() =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithSourceCode("BillingController.cs", """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                public sealed record PortalRequest(string ReturnUrl);

                public sealed class BillingController(IBillingService billing) : Controller
                {
                    [HttpPost]
                    public async Task<IActionResult> Portal([FromBody] PortalRequest {|#0:request|}) =>
                        Redirect(await billing.CreatePortalSessionAsync(User.FindFirst("stripe_customer")!.Value, {|#2:request.ReturnUrl|}));
                }
                """)
            .WithSourceCode("IBillingService.cs", """
                using System.Threading.Tasks;

                public interface IBillingService
                {
                    Task<string> CreatePortalSessionAsync(string customerId, string returnUrl);
                }
                """)
            .WithSourceCode("BillingService.cs", """
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                public sealed class BillingService(IStripeClient client) : IBillingService
                {
                    public async Task<string> CreatePortalSessionAsync(string customerId, string returnUrl)
                    {
                        var options = new SessionCreateOptions { Customer = customerId, ReturnUrl = {|#1:returnUrl|} };
                        return (await new SessionService(client).CreateAsync(options)).Url;
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL010").WithLocation(1).WithLocation(0).WithLocation(2)
                .WithMessage("The return URL for return_url comes from the request parameter 'request' (passed to 'IBillingService.CreatePortalSessionAsync' (implementation 'BillingService.CreatePortalSessionAsync')) without an allow-list check: anyone can send the customer from the portal to a site of their choosing"))
            .ValidateAsync();

    [Fact]
    public Task Customer_id_from_the_query_through_a_service_interface_with_two_implementations_is_reported_for_the_one_that_sends_it() =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithSourceCode("BillingController.cs", """
                using Microsoft.AspNetCore.Mvc;

                public sealed class BillingController(IPortalOpener opener) : Controller
                {
                    public IActionResult Portal([FromQuery] string {|#0:customerId|}) => Redirect(opener.Open({|#2:customerId|}));
                }
                """)
            .WithSourceCode("Openers.cs", """
                using Stripe.BillingPortal;

                public interface IPortalOpener
                {
                    string Open(string customerId);
                }

                public sealed class FakeOpener : IPortalOpener
                {
                    public string Open(string customerId) => "https://example.com/fake";
                }

                public sealed class StripeOpener : IPortalOpener
                {
                    public string Open(string customerId) =>
                        new SessionService().Create(new SessionCreateOptions { Customer = {|#1:customerId|}, ReturnUrl = "https://shop.example.com/account" }).Url;
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL011").WithLocation(1).WithLocation(0).WithLocation(2)
                .WithMessage("The portal customer (customer) comes from the request parameter 'customerId' (passed to 'IPortalOpener.Open' (implementation 'StripeOpener.Open')): the customer must be looked up for the signed-in user, never taken from the request"))
            .ValidateAsync();
}
