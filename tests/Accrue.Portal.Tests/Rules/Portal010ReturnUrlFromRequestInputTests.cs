namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

public sealed class Portal010ReturnUrlFromRequestInputTests
{
    private static ProjectBuilder Create(string source) => new ProjectBuilder()
        .WithAnalyzer<RequestInputFlowAnalyzer>()
        .WithAspNetCore()
        .WithSourceCode(source);

    private static string Message(string field, string source) =>
        $"The return URL for {field} comes from {source} without an allow-list check: anyone can send the customer from the portal to a site of their choosing";

    [Fact]
    public Task Controller_action_parameter_is_reported_with_message() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public class BillingController : Controller
            {
                public IActionResult Portal(string customerId, string returnUrl)
                {
                    var session = new SessionService().Create(new SessionCreateOptions { Customer = {|PORTAL011:customerId|}, ReturnUrl = {|#0:returnUrl|} });
                    return Redirect(session.Url);
                }
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL010").WithLocation(0).WithMessage(Message("return_url", "the request parameter 'returnUrl'")))
            .ValidateAsync();

    [Fact]
    public Task FromQuery_parameter_through_a_local_and_interpolation_is_reported_async() =>
        Create("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public class Portal
            {
                public async Task<string> Open(StripeClient client, [FromQuery] string next)
                {
                    var back = $"{next}?from=portal";
                    var options = new SessionCreateOptions();
                    options.ReturnUrl = {|PORTAL010:back|};
                    return (await client.V1.BillingPortal.Sessions.CreateAsync(options)).Url;
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Bound_model_property_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe;
            using Stripe.BillingPortal;

            public record PortalRequest(string CustomerId, string ReturnUrl);

            [ApiController]
            public class BillingController : ControllerBase
            {
                public string Portal(IStripeClient client, [FromBody] PortalRequest request) =>
                    new SessionService(client).Create(new SessionCreateOptions { Customer = {|PORTAL011:request.CustomerId|}, ReturnUrl = {|#0:request.ReturnUrl|} }).Url;
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL010").WithLocation(0).WithMessage(Message("return_url", "the request parameter 'request'")))
            .ValidateAsync();

    [Fact]
    public Task Query_string_value_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            class Portal
            {
                Session Open(HttpRequest request) =>
                    new SessionService().Create(new SessionCreateOptions { ReturnUrl = {|#0:request.Query["returnUrl"].ToString()|} });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL010").WithLocation(0).WithMessage(Message("return_url", "HttpRequest.Query")))
            .ValidateAsync();

    [Fact]
    public Task Referer_header_is_named() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            class Portal
            {
                void Build(HttpRequest request, SessionCreateOptions options, SessionFlowDataAfterCompletionRedirectOptions redirect)
                {
                    options.ReturnUrl = {|#0:request.Headers["Referer"]|};
                    redirect.ReturnUrl = {|#1:request.Headers.Referer.ToString()|};
                }
            }
            """)
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL010").WithLocation(0).WithMessage(Message("return_url", "the Referer header")),
                Expected.Diagnostic("PORTAL010").WithLocation(1).WithMessage(Message("flow_data.after_completion.redirect.return_url", "the Referer header")))
            .ValidateAsync();

    [Fact]
    public Task Host_header_in_a_built_url_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            class Portal
            {
                void Build(HttpContext context, SessionCreateOptions options) =>
                    options.ReturnUrl = {|#0:"https://" + context.Request.Host + "/account"|};
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL010").WithLocation(0).WithMessage(Message("return_url", "HttpRequest.Host")))
            .ValidateAsync();

    [Fact]
    public Task Minimal_api_parameter_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapGet("/portal", (string customerId, string returnUrl) =>
                        Results.Redirect(new SessionService().Create(new SessionCreateOptions { Customer = {|PORTAL011:customerId|}, ReturnUrl = {|PORTAL010:returnUrl|} }).Url));
            }
            """).ValidateAsync();

    [Fact]
    public Task Form_value_through_TryGetValue_and_AddExtraParam_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            class Portal
            {
                void Build(HttpRequest request, SessionCreateOptions options)
                {
                    request.Form.TryGetValue("back", out var back);
                    options.AddExtraParam("return_url", {|PORTAL010:back.ToString()|});
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Configuration_default_return_url_from_page_handler_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Stripe.BillingPortal;

            public class SettingsModel : PageModel
            {
                public void OnPost(string defaultUrl) => new ConfigurationService().Create(new ConfigurationCreateOptions { DefaultReturnUrl = {|PORTAL010:defaultUrl|} });
            }
            """).ValidateAsync();

    [Fact]
    public Task BindProperty_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Stripe.BillingPortal;

            public class PortalModel : PageModel
            {
                [BindProperty(SupportsGet = true)]
                public string? ReturnUrl { get; set; }

                public void OnGet() => new SessionService().Create(new SessionCreateOptions { ReturnUrl = {|#0:ReturnUrl|} });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL010").WithLocation(0).WithMessage(Message("return_url", "the bound property 'ReturnUrl'")))
            .ValidateAsync();

    [Fact]
    public Task Declared_validator_guarding_with_if_silences() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            namespace MyApp
            {
                public static class UrlPolicy
                {
                    public static bool IsAllowed(string url) => url.StartsWith("https://example.com/");
                }

                public class BillingController : Controller
                {
                    public IActionResult Portal(string returnUrl, string other)
                    {
                        var options = new SessionCreateOptions();
                        if (UrlPolicy.IsAllowed(returnUrl))
                        {
                            options.ReturnUrl = returnUrl;
                        }

                        options.ReturnUrl = UrlPolicy.IsAllowed(returnUrl) ? returnUrl : "https://example.com/";
                        options.ReturnUrl = {|PORTAL010:other|};
                        return Redirect(new SessionService().Create(options).Url);
                    }
                }
            }
            """).WithEditorConfig("accrue_portal.return_url_validators = MyApp.UrlPolicy.IsAllowed").ValidateAsync();

    [Fact]
    public Task Early_return_guard_and_validator_returning_the_value_silence() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public static class UrlPolicy
            {
                public static bool IsAllowed(string url) => url.StartsWith("https://example.com/");
                public static string Checked(string url) => IsAllowed(url) ? url : "https://example.com/";
            }

            public class BillingController : Controller
            {
                public IActionResult Portal(string returnUrl, string next)
                {
                    var options = new SessionCreateOptions { ReturnUrl = UrlPolicy.Checked(next) };
                    if (!UrlPolicy.IsAllowed(returnUrl))
                    {
                        return BadRequest();
                    }

                    options.ReturnUrl = returnUrl;
                    return Redirect(new SessionService().Create(options).Url);
                }
            }
            """).WithEditorConfig("accrue_portal.return_url_validators = IsAllowed, UrlPolicy.Checked").ValidateAsync();

    [Fact]
    public Task Validator_not_declared_does_not_silence() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public static class UrlPolicy
            {
                public static bool IsAllowed(string url) => url.StartsWith("https://example.com/");
            }

            public class BillingController : Controller
            {
                public IActionResult Portal(string returnUrl)
                {
                    var options = new SessionCreateOptions();
                    if (UrlPolicy.IsAllowed(returnUrl))
                    {
                        options.ReturnUrl = {|PORTAL010:returnUrl|};
                    }

                    return Redirect(new SessionService().Create(options).Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task IsLocalUrl_guard_silences() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public class BillingController : Controller
            {
                public IActionResult Portal(string returnUrl)
                {
                    var options = new SessionCreateOptions();
                    if (Url.IsLocalUrl(returnUrl))
                    {
                        options.ReturnUrl = returnUrl;
                    }

                    return Redirect(new SessionService().Create(options).Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Fixed_origin_with_input_in_the_query_is_silent() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            class Portal
            {
                void Build(HttpRequest request, SessionCreateOptions options) =>
                    options.ReturnUrl = $"https://example.com/account?tab={request.Query["tab"]}";
            }
            """).ValidateAsync();

    [Fact]
    public Task Configuration_constants_and_services_are_silent() =>
        Create("""
            using System.Threading;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Extensions.Configuration;
            using Stripe.BillingPortal;

            public class BillingController : Controller
            {
                public IActionResult Portal([FromServices] IConfiguration configuration, LinkGenerator links, CancellationToken cancellationToken, string customerId)
                {
                    var options = new SessionCreateOptions { Customer = {|PORTAL011:customerId|} };
                    options.ReturnUrl = configuration["Portal:ReturnUrl"];
                    options.ReturnUrl = "https://example.com/account";
                    options.ReturnUrl = links.GetUriByAction(HttpContext, "Index", "Account");
                    return Redirect(new SessionService().Create(options).Url);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Parameters_of_ordinary_methods_are_silent_and_helpers_returning_the_input_are_followed() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public class PortalService
            {
                public Session Open(string returnUrl) => new SessionService().Create(new SessionCreateOptions { ReturnUrl = returnUrl });
            }

            public class BillingController : Controller
            {
                [NonAction]
                public Session Helper(string returnUrl) => new SessionService().Create(new SessionCreateOptions { ReturnUrl = returnUrl });

                public IActionResult Portal(string returnUrl) =>
                    Redirect(new SessionService().Create(new SessionCreateOptions { ReturnUrl = {|PORTAL010:Normalize(returnUrl)|} }).Url);

                private static string Normalize(string url) => url;
            }
            """).ValidateAsync();

    [Fact]
    public Task Throwing_validator_statement_and_guarded_model_property_silence() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public record PortalForm(string ReturnUrl);

            public static class UrlPolicy
            {
                public static void EnsureAllowed(string url) { }
                public static bool IsAllowed(string url) => true;
            }

            public class BillingController : Controller
            {
                public IActionResult Portal(string returnUrl, [FromForm] PortalForm form)
                {
                    UrlPolicy.EnsureAllowed(returnUrl);
                    var options = new SessionCreateOptions { ReturnUrl = returnUrl };
                    if (UrlPolicy.IsAllowed(form.ReturnUrl) && form.ReturnUrl.Length > 0)
                    {
                        options.ReturnUrl = form.ReturnUrl;
                    }

                    return Redirect(new SessionService().Create(options).Url);
                }
            }
            """).WithEditorConfig("accrue_portal.return_url_validators = UrlPolicy.EnsureAllowed, UrlPolicy.IsAllowed").ValidateAsync();

    [Fact]
    public Task Request_input_reaching_other_fields_is_silent() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            class Portal
            {
                void Build(HttpRequest request, SessionCreateOptions options)
                {
                    options.Locale = request.Query["locale"];
                    options.AddExtraParam("on_behalf_of", request.Headers["X-Account"].ToString());
                    options.ReturnUrl = request.Scheme == "https" ? "https://example.com/a" : "https://example.com/b";
                }
            }
            """).ValidateAsync();

    private const string ServiceFile = """
        using System.Threading.Tasks;
        using Stripe;
        using Stripe.BillingPortal;

        public sealed class BillingService(IStripeClient client)
        {
            public async Task<string> OpenAsync(string customerId, string back)
            {
                var options = new SessionCreateOptions { Customer = customerId, ReturnUrl = {|#1:back|} };
                return (await new SessionService(client).CreateAsync(options)).Url;
            }

            public Session Open(string customerId, string back) => new SessionService().Create(Options(customerId, back));

            private static SessionCreateOptions Options(string customerId, string back) =>
                new SessionCreateOptions { Customer = customerId, ReturnUrl = {|#2:"" + back|} };
        }
        """;

    [Fact]
    public Task Controller_to_service_in_another_file_is_reported_at_the_assignment() =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithSourceCode("Controller.cs", """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                public class BillingController(BillingService billing) : Controller
                {
                    public async Task<IActionResult> Portal([FromQuery] string {|#0:returnUrl|}) =>
                        Redirect(await billing.OpenAsync(User.FindFirst("stripe_customer")!.Value, {|#3:returnUrl|}));
                }
                """)
            .WithSourceCode("Service.cs", ServiceFile)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL010").WithLocation(1)
                .WithMessage(Message("return_url", "the request parameter 'returnUrl' (passed to 'BillingService.OpenAsync')"))
                .WithLocation(0).WithLocation(3))
            .ValidateAsync();

    [Fact]
    public Task Controller_to_service_to_options_helper_three_methods_deep_is_reported() =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithSourceCode("Controller.cs", """
                using Microsoft.AspNetCore.Mvc;

                public record PortalForm(string Next);

                public class BillingController(BillingService billing) : Controller
                {
                    public IActionResult Portal([FromForm] PortalForm {|#0:form|})
                    {
                        var next = form.Next.Trim();
                        return Redirect(billing.Open(User.Identity!.Name!, {|#3:next|}).Url);
                    }
                }
                """)
            .WithSourceCode("Service.cs", ServiceFile)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL010").WithLocation(2)
                .WithMessage(Message("return_url", "the request parameter 'form' (passed to 'BillingService.Open')"))
                .WithLocation(0).WithLocation(3))
            .ValidateAsync();

    [Fact]
    public Task Helper_in_another_file_returning_a_Host_based_url_is_reported() =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithSourceCode("Links.cs", """
                using Microsoft.AspNetCore.Http;

                public sealed class Links(IHttpContextAccessor accessor)
                {
                    public string BaseUrl()
                    {
                        var request = accessor.HttpContext!.Request;
                        return request.Scheme + "://" + {|#1:request.Host|};
                    }

                    public string Account() => BaseUrl() + "/account";
                }
                """)
            .WithSourceCode("Portal.cs", """
                using Stripe.BillingPortal;

                public sealed class Portal(Links links)
                {
                    public Session Open(string customerId) =>
                        new SessionService().Create(new SessionCreateOptions { Customer = customerId, ReturnUrl = {|#0:$"{links.Account()}?tab=billing"|} });
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL010").WithLocation(0)
                .WithMessage(Message("return_url", "HttpRequest.Host (returned by 'Links.Account' on line 6)"))
                .WithLocation(1))
            .ValidateAsync();

    [Fact]
    public Task Helper_returning_a_query_value_and_local_chain_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            static class Back
            {
                public static string From(HttpRequest request) => request.Query["back"].ToString();
            }

            class Portal
            {
                void Build(HttpContext context, SessionCreateOptions options)
                {
                    var back = Back.From(context.Request);
                    var built = new System.Text.StringBuilder(back).Append("#billing").ToString();
                    options.ReturnUrl = {|PORTAL010:built|};
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Validator_inside_the_service_silences_and_only_when_declared() =>
        new ProjectBuilder()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithSourceCode("""
                using Microsoft.AspNetCore.Mvc;
                using Stripe.BillingPortal;

                public static class UrlPolicy
                {
                    public static bool IsAllowed(string url) => url.StartsWith("https://example.com/");
                }

                public sealed class BillingService
                {
                    public Session Open(string back)
                    {
                        if (!UrlPolicy.IsAllowed(back))
                        {
                            back = "https://example.com/account";
                        }

                        return new SessionService().Create(new SessionCreateOptions { ReturnUrl = back });
                    }
                }

                public class BillingController(BillingService billing) : Controller
                {
                    public IActionResult Portal(string returnUrl) => Redirect(billing.Open(returnUrl).Url);
                }
                """)
            .WithEditorConfig("accrue_portal.return_url_validators = UrlPolicy.IsAllowed")
            .ValidateAsync();

    [Fact]
    public Task Validator_inside_the_service_not_declared_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public static class UrlPolicy
            {
                public static bool IsAllowed(string url) => url.StartsWith("https://example.com/");
            }

            public sealed class BillingService
            {
                public Session Open(string back)
                {
                    if (!UrlPolicy.IsAllowed(back))
                    {
                        back = "https://example.com/account";
                    }

                    return new SessionService().Create(new SessionCreateOptions { ReturnUrl = {|PORTAL010:back|} });
                }
            }

            public class BillingController(BillingService billing) : Controller
            {
                public IActionResult Portal(string returnUrl) => Redirect(billing.Open(returnUrl).Url);
            }
            """).ValidateAsync();

    [Fact]
    public Task Checking_helper_that_returns_the_input_silences_across_methods() =>
        Create("""
            using Accrue.Portal;
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public sealed class ReturnUrls(PortalGuardOptions guard)
            {
                public string Checked(string url) => PortalReturnUrls.EnsureAllowed(url, guard);

                public string Screened(string url)
                {
                    if (!PortalReturnUrls.IsAllowed(url, guard))
                    {
                        throw new System.ArgumentException("Return URL not allowed.");
                    }

                    return url;
                }
            }

            public class BillingController(ReturnUrls urls) : Controller
            {
                public IActionResult Portal(string returnUrl, string next)
                {
                    var options = new SessionCreateOptions { ReturnUrl = urls.Checked(returnUrl) };
                    options.ReturnUrl = urls.Screened(next);
                    return Redirect(new SessionService().Create(options).Url);
                }
            }
            """).WithPortalRuntime().ValidateAsync();

    [Fact]
    public Task Service_parameter_fed_from_configuration_or_claims_is_silent() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Configuration;
            using Stripe.BillingPortal;

            public sealed class BillingService
            {
                public Session Open(string customerId, string back) =>
                    new SessionService().Create(new SessionCreateOptions { Customer = customerId, ReturnUrl = back });
            }

            public class BillingController(BillingService billing, IConfiguration configuration) : Controller
            {
                public IActionResult Portal(int plan) =>
                    Redirect(billing.Open(User.FindFirst("stripe_customer")!.Value, configuration["Portal:ReturnUrl"]! + "?plan=" + plan).Url);
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
                    void Build(SessionCreateOptions options, string returnUrl) => options.ReturnUrl = returnUrl;
                }
                """).ValidateAsync();
}
