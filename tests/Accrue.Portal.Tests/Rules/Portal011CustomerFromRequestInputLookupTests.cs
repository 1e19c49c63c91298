namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

/// <summary>PORTAL011: a Stripe customer found by what the browser sent (an e-mail, a search query, an id) opens that customer's portal.</summary>
public sealed class Portal011CustomerFromRequestInputLookupTests
{
    private static ProjectBuilder Create(string source) => new ProjectBuilder()
        .WithAnalyzer<RequestInputFlowAnalyzer>()
        .WithAspNetCore()
        .WithSourceCode(source);

    private static string Message(string source) =>
        $"The portal customer (customer) comes from {source}: the customer must be looked up for the signed-in user, never taken from the request";

    [Fact]
    public Task Customer_listed_by_a_body_email_is_reported_with_the_lookup_in_the_message() =>
        Create("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public record PortalRequest(string Email);

            public class BillingController(StripeClient client) : Controller
            {
                [HttpPost]
                public async Task<IActionResult> Portal([FromBody] PortalRequest {|#1:request|})
                {
                    var customers = await client.V1.Customers.ListAsync(new CustomerListOptions { Email = request.Email });
                    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions
                    {
                        Customer = {|#0:customers.Data[0].Id|},
                        ReturnUrl = "https://example.com/account",
                    });
                    return Redirect(session.Url);
                }
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL011").WithLocation(0).WithLocation(1)
                .WithMessage(Message("the request parameter 'request' (the Stripe customer looked up by 'CustomerService.ListAsync' on line 13)")))
            .ValidateAsync();

    [Fact]
    public Task Customer_listed_synchronously_with_options_completed_later_is_reported() =>
        Create("""
            using System.Linq;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public class BillingController : Controller
            {
                public IActionResult Portal(string email)
                {
                    var options = new CustomerListOptions { Limit = 1 };
                    options.Email = email;
                    var customer = new CustomerService().List(options).First();
                    var session = new SessionService().Create(new SessionCreateOptions { Customer = {|PORTAL011:customer.Id|}, ReturnUrl = "https://example.com/account" });
                    return Redirect(session.Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Customer_searched_by_a_query_string_value_is_reported() =>
        Create("""
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public class BillingController(IStripeClient client) : Controller
            {
                public async Task<IActionResult> Portal()
                {
                    var email = Request.Query["email"].ToString();
                    var found = await new CustomerService(client).SearchAsync(new CustomerSearchOptions { Query = $"email:'{email}'" });
                    var options = new SessionCreateOptions { ReturnUrl = "https://example.com/account" };
                    options.Customer = {|PORTAL011:found.Data.FirstOrDefault()?.Id|};
                    return Redirect((await new SessionService(client).CreateAsync(options)).Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Customer_from_an_auto_paging_list_is_reported() =>
        Create("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public class BillingController(StripeClient client) : Controller
            {
                public async Task<IActionResult> Portal([FromForm] string email)
                {
                    string? customerId = null;
                    await foreach (var customer in client.V1.Customers.ListAutoPagingAsync(new CustomerListOptions { Email = email }))
                    {
                        customerId = customer.Id;
                    }

                    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = {|PORTAL011:customerId|} });
                    return Redirect(session.Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Customer_retrieved_by_a_route_id_is_reported() =>
        Create("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public class BillingController(StripeClient client) : Controller
            {
                [HttpGet("billing/{id}")]
                public async Task<IActionResult> Portal([FromRoute] string id)
                {
                    var customer = await client.V1.Customers.GetAsync(id);
                    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = {|PORTAL011:customer.Id|} });
                    return Redirect(session.Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Lookup_in_the_app_service_of_another_file_is_reported_where_the_customer_is_written() =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithSourceCode("CustomerDirectory.cs", """
                using System.Linq;
                using System.Threading.Tasks;
                using Stripe;

                namespace Shop.Billing;

                public sealed class CustomerDirectory(StripeClient client)
                {
                    public async Task<string> FindIdByEmailAsync(string email)
                    {
                        var customers = await client.V1.Customers.ListAsync(new CustomerListOptions { Email = email, Limit = 1 });
                        return customers.Single().Id;
                    }
                }
                """)
            .WithSourceCode("BillingController.cs", """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Shop.Billing;
                using Stripe;
                using Stripe.BillingPortal;

                namespace Shop.Web;

                public class BillingController(CustomerDirectory directory, StripeClient client) : Controller
                {
                    [HttpPost]
                    public async Task<IActionResult> Portal([FromForm] string email)
                    {
                        var customerId = await directory.FindIdByEmailAsync(email);
                        var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = {|PORTAL011:customerId|} });
                        return Redirect(session.Url);
                    }
                }
                """)
            .ValidateAsync();

    [Theory]
    [InlineData("new CustomerService().Search(new CustomerSearchOptions { Query = \"email:'\" + email + \"'\" }).Data.First().Id")]
    [InlineData("new CustomerService(client).SearchAutoPaging(new CustomerSearchOptions { Query = $\"email:'{email}'\" }).First().Id")]
    [InlineData("client.V1.Customers.ListAutoPaging(new CustomerListOptions { Email = email.Trim() }).Single().Id")]
    [InlineData("client.V1.Customers.Get(email).Id")]
    [InlineData("(await client.V1.Customers.SearchAsync(new CustomerSearchOptions { Query = email })).Data[0].Id")]
    public Task Every_lookup_of_the_customer_service_carries_the_request_input(string lookup) =>
        Create("""
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public class BillingController(StripeClient client) : Controller
            {
                public async Task<IActionResult> Portal([FromHeader(Name = "X-Customer-Email")] string email)
                {
                    var customerId = LOOKUP;
                    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = {|PORTAL011:customerId|} });
                    return Redirect(session.Url);
                }
            }
            """.Replace("LOOKUP", lookup)).ValidateAsync();

    [Fact]
    public Task Minimal_api_endpoint_looking_up_a_customer_by_its_query_is_reported() =>
        Create("""
            using System.Linq;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Stripe;
            using Stripe.BillingPortal;

            public static class PortalEndpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/portal", (string email, StripeClient client) =>
                    {
                        var customer = client.V1.Customers.List(new CustomerListOptions { Email = email }).Data.First();
                        var session = client.V1.BillingPortal.Sessions.Create(new SessionCreateOptions { Customer = {|PORTAL011:customer.Id|} });
                        return Results.Redirect(session.Url);
                    });
            }
            """).ValidateAsync();

    [Fact]
    public Task Customer_looked_up_from_a_stored_user_record_is_silent() =>
        Create("""
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public sealed record AppUser(string Email);

            public interface IUsers
            {
                Task<AppUser> CurrentAsync();
            }

            public class BillingController(IUsers users, StripeClient client) : Controller
            {
                public async Task<IActionResult> Portal(string returnTab)
                {
                    var user = await users.CurrentAsync();
                    var customers = await client.V1.Customers.ListAsync(new CustomerListOptions { Email = user.Email });
                    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = customers.Data.Single().Id });
                    return Redirect(session.Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Customer_looked_up_by_the_signed_in_users_email_is_silent() =>
        Create("""
            using System.Linq;
            using System.Security.Claims;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public class BillingController(StripeClient client) : Controller
            {
                public async Task<IActionResult> Portal(string tab)
                {
                    var email = User.FindFirstValue(ClaimTypes.Email);
                    var customers = await client.V1.Customers.ListAsync(new CustomerListOptions { Email = email });
                    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = customers.First().Id });
                    return Redirect(session.Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Checkout_session_retrieved_by_a_request_id_stays_trusted() =>
        Create("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public class BillingController(StripeClient client) : Controller
            {
                [HttpGet("success")]
                public async Task<IActionResult> Success([FromQuery(Name = "session_id")] string sessionId)
                {
                    var checkout = await new Stripe.Checkout.SessionService(client).GetAsync(sessionId);
                    var session = await new SessionService(client).CreateAsync(new SessionCreateOptions { Customer = checkout.CustomerId, ReturnUrl = "https://example.com/account" });
                    return Redirect(session.Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Looked_up_customer_that_passed_a_declared_ownership_check_is_silent() =>
        Create("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public static class Ownership
            {
                public static bool Owns(string userId, string customerId) => userId.Length > 0 && customerId.Length > 0;
            }

            public class BillingController(StripeClient client) : Controller
            {
                public async Task<IActionResult> Portal(string email)
                {
                    var customers = await client.V1.Customers.ListAsync(new CustomerListOptions { Email = email });
                    var customerId = customers.Data[0].Id;
                    if (!Ownership.Owns(User.Identity!.Name!, customerId)) { return Forbid(); }
                    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = customerId });
                    return Redirect(session.Url);
                }
            }
            """).WithEditorConfig("accrue_portal.customer_ownership_checks = Ownership.Owns").ValidateAsync();

    [Fact]
    public Task Lookup_by_a_constant_or_by_configuration_is_silent() =>
        Create("""
            using System.Linq;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Configuration;
            using Stripe;
            using Stripe.BillingPortal;

            public class BillingController(IConfiguration configuration) : Controller
            {
                public IActionResult Portal(string note)
                {
                    var demo = new CustomerService().List(new CustomerListOptions { Email = "demo@example.com" }).First();
                    var owner = new CustomerService().Search(new CustomerSearchOptions { Query = "email:'" + configuration["Billing:OwnerEmail"] + "'" }).First();
                    new SessionService().Create(new SessionCreateOptions { Customer = demo.Id });
                    var session = new SessionService().Create(new SessionCreateOptions { Customer = owner.Id });
                    return Redirect(session.Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Lookup_by_request_input_whose_result_is_not_the_portal_customer_is_silent() =>
        Create("""
            using System.Linq;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public sealed record AppUser(string StripeCustomerId);

            public class BillingController(AppUser user) : Controller
            {
                public IActionResult Portal(string email)
                {
                    var exists = new CustomerService().List(new CustomerListOptions { Email = email }).Any();
                    var session = new SessionService().Create(new SessionCreateOptions { Customer = user.StripeCustomerId, ReturnUrl = "https://example.com/account" });
                    return exists ? Redirect(session.Url) : NotFound();
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task App_type_named_CustomerService_is_not_Stripes() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            namespace MyApp
            {
                public sealed class CustomerService
                {
                    public string Get(string email) => "cus_" + email.Length;
                }

                public class BillingController(MyApp.CustomerService customers) : Controller
                {
                    public IActionResult Portal(string email)
                    {
                        var id = customers.Get(email);
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = id.Length > 4 ? "cus_known" : "cus_other" });
                        return Redirect(session.Url);
                    }
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Payment_methods_listed_for_the_signed_in_customer_are_silent() =>
        Create("""
            using System.Linq;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public sealed record AppUser(string StripeCustomerId);

            public class BillingController(AppUser user) : Controller
            {
                public IActionResult Portal(string type)
                {
                    var methods = new CustomerService().ListPaymentMethods(user.StripeCustomerId, new CustomerPaymentMethodListOptions { Type = type });
                    var session = new SessionService().Create(new SessionCreateOptions { Customer = methods.First().CustomerId });
                    return Redirect(session.Url);
                }
            }
            """).ValidateAsync();
}
