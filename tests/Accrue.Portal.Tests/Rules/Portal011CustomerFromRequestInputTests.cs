namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

public sealed class Portal011CustomerFromRequestInputTests
{
    private static ProjectBuilder Create(string source) => new ProjectBuilder()
        .WithAnalyzer<RequestInputFlowAnalyzer>()
        .WithAspNetCore()
        .WithSourceCode(source);

    private static string Message(string field, string source) =>
        $"The portal customer ({field}) comes from {source}: the customer must be looked up for the signed-in user, never taken from the request";

    /// <summary>A controller action whose BODY builds options; the return URL is fixed so only PORTAL011 can fire.</summary>
    private static string InAction(string parameters, string body) => """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Stripe;
        using Stripe.BillingPortal;

        public record PortalRequest(string CustomerId, string? AccountId);

        public class BillingController(StripeClient client) : Controller
        {
            public async Task<IActionResult> Portal(PARAMETERS)
            {
                var options = new SessionCreateOptions { ReturnUrl = "https://example.com/account" };
                BODY
                var session = await client.V1.BillingPortal.Sessions.CreateAsync(options);
                return Redirect(session.Url);
            }
        }
        """.Replace("PARAMETERS", parameters).Replace("BODY", body);

    [Fact]
    public Task Action_parameter_is_reported_with_message_and_source_location() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public class BillingController : Controller
            {
                public IActionResult Portal(string {|#1:customerId|})
                {
                    var session = new SessionService().Create(new SessionCreateOptions { Customer = {|#0:customerId|}, ReturnUrl = "https://example.com/account" });
                    return Redirect(session.Url);
                }
            }
            """)
            .ShouldReportDiagnostic(ExpectedDiagnostic.Create("PORTAL011").WithLocation(0)
                .WithMessage(Message("customer", "the request parameter 'customerId'")).WithAdditionalLocations(1))
            .ValidateAsync();

    [Theory]
    [InlineData("[FromQuery] string id", "options.Customer = {|PORTAL011:id|};")]
    [InlineData("[FromRoute] string id", "options.Customer = {|PORTAL011:$\"{id}\"|};")]
    [InlineData("[FromBody] PortalRequest request", "options.Customer = {|PORTAL011:request.CustomerId|};")]
    [InlineData("[FromForm] PortalRequest request", "options.CustomerAccount = {|PORTAL011:request.AccountId|};")]
    [InlineData("[FromHeader(Name = \"X-Customer\")] string id", "var trimmed = id.Trim(); options.Customer = {|PORTAL011:trimmed|};")]
    [InlineData("", "options.Customer = {|PORTAL011:Request.Query[\"customer\"].ToString()|};")]
    [InlineData("", "options.Customer = {|PORTAL011:Request.Cookies[\"customer\"]|};")]
    [InlineData("", "options.Customer = {|PORTAL011:(string?)Request.RouteValues[\"customer\"]|};")]
    [InlineData("", "Request.Form.TryGetValue(\"customer\", out var id); options.AddExtraParam(\"customer\", {|PORTAL011:id.ToString()|});")]
    [InlineData("", "options.Customer = {|PORTAL011:Request.Headers[\"X-Customer\"]|};")]
    public Task Request_input_reaching_the_customer_is_reported(string parameters, string body) =>
        Create(InAction(parameters, body)).ValidateAsync();

    [Fact]
    public Task Bound_property_of_a_page_and_minimal_api_parameter_are_reported() =>
        Create("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Stripe.BillingPortal;

            public class PortalModel : PageModel
            {
                [BindProperty(SupportsGet = true)]
                public string CustomerId { get; set; } = "";

                public IActionResult OnGet() =>
                    Redirect(new SessionService().Create(new SessionCreateOptions { Customer = {|#0:CustomerId|} }).Url);
            }

            static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/portal/{customer}", (string customer) =>
                        Results.Redirect(new SessionService().Create(new SessionCreateOptions { Customer = {|#1:customer|} }).Url));
            }
            """)
            .ShouldReportDiagnostic(
                ExpectedDiagnostic.Create("PORTAL011").WithLocation(0).WithMessage(Message("customer", "the bound property 'CustomerId'")),
                ExpectedDiagnostic.Create("PORTAL011").WithLocation(1).WithMessage(Message("customer", "the request parameter 'customer'")))
            .ValidateAsync();

    [Fact]
    public Task Controller_to_service_to_Stripe_call_across_two_files_is_reported_in_the_service() =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithSourceCode("Controller.cs", """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                public class BillingController(BillingService billing) : ControllerBase
                {
                    [HttpPost("portal/{customerId}")]
                    public async Task<IActionResult> Portal(string {|#0:customerId|}) => Ok(new { url = await billing.PortalUrlAsync({|#2:customerId|}) });
                }
                """)
            .WithSourceCode("Service.cs", """
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                public sealed class BillingService(StripeClient client)
                {
                    public async Task<string> PortalUrlAsync(string customerId) => (await client.V1.BillingPortal.Sessions.CreateAsync(Build(customerId))).Url;

                    private static SessionCreateOptions Build(string customer) =>
                        new SessionCreateOptions { Customer = {|#1:customer|}, ReturnUrl = "https://example.com/account" };
                }
                """)
            .ShouldReportDiagnostic(ExpectedDiagnostic.Create("PORTAL011").WithLocation(1, "Service.cs")
                .WithMessage(Message("customer", "the request parameter 'customerId' (passed to 'BillingService.PortalUrlAsync')"))
                .WithAdditionalLocations(0, 2))
            .ValidateAsync();

    [Fact]
    public Task Helper_returning_a_header_value_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            public sealed class Tenancy(IHttpContextAccessor accessor)
            {
                public string CurrentCustomer() => accessor.HttpContext!.Request.Headers["X-Customer-Id"].ToString();
            }

            public sealed class Portal(Tenancy tenancy)
            {
                public Session Open() => new SessionService().Create(new SessionCreateOptions { Customer = {|PORTAL011:tenancy.CurrentCustomer()|} });
            }
            """).ValidateAsync();

    [Fact]
    public Task Ownership_check_not_declared_does_not_silence() =>
        Create(InAction("string customerId", """
            if (!await OwnsAsync(customerId)) { return Forbid(); }
            options.Customer = {|PORTAL011:customerId|};
            """).Replace("    }\n}", "    }\n\n    private Task<bool> OwnsAsync(string customerId) => Task.FromResult(customerId.Length > 0);\n}"))
            .ValidateAsync();

    [Fact]
    public Task Declared_ownership_check_silences_guards_awaited_and_returning() =>
        Create(InAction("string customerId, string other, string third", """
            if (!await OwnsAsync(customerId)) { return Forbid(); }
            options.Customer = customerId;
            options.Customer = await EnsureOwnedAsync(other);
            if (await OwnsAsync(third)) { options.CustomerAccount = third; }
            """).Replace("    }\n}", """
                }

                private Task<bool> OwnsAsync(string customerId) => Task.FromResult(customerId.Length > 0);

                private Task<string> EnsureOwnedAsync(string customerId) => Task.FromResult(customerId);
            }
            """))
            .WithEditorConfig("accrue_portal.customer_ownership_checks = OwnsAsync, BillingController.EnsureOwnedAsync")
            .ValidateAsync();

    [Fact]
    public Task Ownership_check_inside_the_service_silences_the_flow_through_it() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public sealed class BillingService
            {
                public Session Open(string userId, string customerId)
                {
                    Ownership.Ensure(userId, customerId);
                    return new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                }
            }

            public static class Ownership
            {
                public static void Ensure(string userId, string customerId) { }
            }

            public class BillingController(BillingService billing) : Controller
            {
                public IActionResult Portal(string customerId) => Redirect(billing.Open(User.Identity!.Name!, customerId).Url);
            }
            """).WithEditorConfig("accrue_portal.customer_ownership_checks = Ownership.Ensure").ValidateAsync();

    [Theory]
    [InlineData("BillingAccess.EnsureOwnsCustomer")]
    [InlineData("Billing.BillingAccess.EnsureOwnsCustomer")]
    [InlineData("global::MyApp.Billing.BillingAccess.EnsureOwnsCustomer")]
    public Task Ownership_check_in_a_namespace_matches_on_a_qualified_suffix(string declared) =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithSourceCode("BillingAccess.cs", """
                namespace MyApp.Billing;

                public static class BillingAccess
                {
                    public static void EnsureOwnsCustomer(string userId, string customerId) { }
                }
                """)
            .WithSourceCode("BillingController.cs", """
                using Microsoft.AspNetCore.Mvc;
                using MyApp.Billing;
                using Stripe.BillingPortal;

                namespace MyApp.Web;

                public class BillingController : Controller
                {
                    public IActionResult Portal(string customerId)
                    {
                        BillingAccess.EnsureOwnsCustomer(User.Identity!.Name!, customerId);
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId, ReturnUrl = "https://example.com/account" });
                        return Redirect(session.Url);
                    }
                }
                """)
            .WithEditorConfig("accrue_portal.customer_ownership_checks = " + declared)
            .ValidateAsync();

    [Fact]
    public Task Ownership_check_on_another_type_of_the_same_name_does_not_silence() =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithSourceCode("BillingAccess.cs", """
                namespace MyApp.Billing;

                public static class BillingAccess
                {
                    public static void EnsureOwnsCustomer(string userId, string customerId) { }
                }
                """)
            .WithSourceCode("BillingController.cs", """
                using Microsoft.AspNetCore.Mvc;
                using MyApp.Billing;
                using Stripe.BillingPortal;

                namespace MyApp.Web;

                public class BillingController : Controller
                {
                    public IActionResult Portal(string customerId)
                    {
                        BillingAccess.EnsureOwnsCustomer(User.Identity!.Name!, customerId);
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = {|PORTAL011:customerId|}, ReturnUrl = "https://example.com/account" });
                        return Redirect(session.Url);
                    }
                }
                """)
            .WithEditorConfig("accrue_portal.customer_ownership_checks = Other.BillingAccess.EnsureOwnsCustomer")
            .ValidateAsync();

    [Fact]
    public Task Return_url_validator_does_not_clear_a_customer_id() =>
        Create(InAction("string customerId", """
            if (!Url.IsLocalUrl(customerId)) { return BadRequest(); }
            options.Customer = {|PORTAL011:customerId|};
            """)).ValidateAsync();

    [Fact]
    public Task Customer_from_claims_database_and_Stripe_is_silent() =>
        Create("""
            using System.Linq;
            using System.Security.Claims;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public sealed record AppUser(string Id, string StripeCustomerId);

            public interface IUsers
            {
                Task<AppUser> FindAsync(string id);
            }

            public class BillingController(IUsers users, StripeClient client) : Controller
            {
                public async Task<IActionResult> Portal(string returnTab)
                {
                    var fromClaim = User.FindFirstValue("stripe_customer");
                    var user = await users.FindAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
                    var earlier = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = fromClaim });
                    var options = new SessionCreateOptions { Customer = fromClaim, ReturnUrl = "https://example.com/account?tab=" + returnTab };
                    options.Customer = user.StripeCustomerId;
                    options.Customer = earlier.Customer;
                    return Redirect((await new SessionService(client).CreateAsync(options)).Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Customer_looked_up_by_a_request_value_is_silent() =>
        Create(InAction("string email", """
            var users = new System.Collections.Generic.Dictionary<string, string>();
            var found = users.Keys.First(key => key == email);
            options.Customer = LookUp(email);
            """).Replace("using System.Threading.Tasks;", "using System.Linq;\nusing System.Threading.Tasks;").Replace("    }\n}", "    }\n\n    private static string LookUp(string email) => email.Length > 3 ? \"cus_known\" : \"cus_other\";\n}"))
            .ValidateAsync();

    [Fact]
    public Task Parameters_of_non_endpoints_services_and_configuration_are_silent() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Configuration;
            using Stripe.BillingPortal;

            public sealed class BillingService
            {
                public Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId });
            }

            public class BillingController(IConfiguration configuration) : Controller
            {
                [NonAction]
                public Session Helper(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId });

                public IActionResult Portal([FromServices] BillingService billing) =>
                    Redirect(billing.Open(configuration["Billing:DemoCustomer"]!).Url);
            }
            """).ValidateAsync();

    [Fact]
    public Task App_type_named_SessionCreateOptions_is_silent() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;

            namespace MyApp
            {
                public sealed class SessionCreateOptions
                {
                    public string? Customer { get; set; }
                }

                public class BillingController : Controller
                {
                    public IActionResult Portal(string customerId) => Ok(new SessionCreateOptions { Customer = customerId }.Customer);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Request_input_in_other_fields_is_silent_for_this_rule() =>
        Create(InAction("string locale", """
            options.Locale = locale;
            options.Customer = User.FindFirst("stripe_customer")!.Value;
            """)).ValidateAsync();

    [Fact]
    public Task Services_and_the_signed_in_user_object_are_silent_sync() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public interface ICurrentCustomer
            {
                string StripeId { get; }
            }

            public class BillingController(IStripeClient client) : Controller
            {
                public IActionResult Portal([FromServices] ICurrentCustomer current, [FromQuery] int page)
                {
                    var session = new SessionService(client).Create(new SessionCreateOptions { Customer = current.StripeId, ReturnUrl = "https://example.com/account" });
                    return Redirect(session.Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Injected_app_service_of_a_minimal_api_is_not_request_input() =>
        Create("""
            using System.Security.Claims;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            public sealed class AccountLookup
            {
                public string CustomerIdFor(ClaimsPrincipal user) => user.FindFirstValue("stripe_customer_id")!;
            }

            public sealed class PortalForm
            {
                public string CustomerId { get; set; } = "";
            }

            static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/portal", (AccountLookup accounts, HttpContext http) =>
                        Results.Redirect(new SessionService().Create(new SessionCreateOptions { Customer = accounts.CustomerIdFor(http.User) }).Url));
                    app.MapPost("/portal-for", (PortalForm form) =>
                        Results.Redirect(new SessionService().Create(new SessionCreateOptions { Customer = {|PORTAL011:form.CustomerId|} }).Url));
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Nothing_without_AspNetCore() =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Portal
                {
                    void Build(SessionCreateOptions options, string customerId) => options.Customer = customerId;
                }
                """).ValidateAsync();
}
