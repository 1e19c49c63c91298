namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

public sealed class Portal003ReturnUrlNotAbsoluteHttpsTests
{
    private static ProjectBuilder Create(string source, string? fixKey = ReturnUrlNotAbsoluteHttpsCodeFixProvider.UseHttpsKey) => new ProjectBuilder()
        .WithAnalyzer<ReturnUrlNotAbsoluteHttpsAnalyzer>()
        .WithCodeFixProvider<ReturnUrlNotAbsoluteHttpsCodeFixProvider>(fixKey)
        .WithAspNetCore()
        .WithSourceCode(source);

    [Fact]
    public Task Relative_path_in_initializer_is_reported_with_message() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId, ReturnUrl = {|#0:"/account"|} });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL003").WithLocation(0)
                .WithMessage("Return URL '/account' is a relative path; return_url needs an absolute https:// URL"))
            .ValidateAsync();

    [Theory]
    [InlineData("~/billing")]
    [InlineData("account")]
    [InlineData("//evil.example/x")]
    [InlineData("")]
    public Task Other_relative_constants_are_reported(string url) =>
        Create($$"""
            using Stripe.BillingPortal;

            class Billing
            {
                void Build(SessionCreateOptions options) => options.ReturnUrl = [|"{{url}}"|];
            }
            """).ValidateAsync();

    [Fact]
    public Task Http_is_reported_and_fixed_in_a_const_declared_in_another_file() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open() => new SessionService().Create(new SessionCreateOptions { ReturnUrl = {|#0:Urls.Account|} });
            }
            """)
            .WithSourceCode("Urls.cs", """
                static class Urls
                {
                    public const string Account = "http://example.com/account";
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL003").WithLocation(0)
                .WithMessage("Return URL 'http://example.com/account' uses http; return_url needs an absolute https:// URL"))
            .ShouldFixCodeWith("Urls.cs", """
                static class Urls
                {
                    public const string Account = "https://example.com/account";
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Http_interpolation_through_a_local_is_fixed() =>
        Create("""
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            class Billing
            {
                async Task<Session> OpenAsync(StripeClient client, string host)
                {
                    var back = $"http://{host}/account";
                    var options = new SessionCreateOptions();
                    options.ReturnUrl = [|back|];
                    return await client.V1.BillingPortal.Sessions.CreateAsync(options);
                }
            }
            """)
            .ShouldFixCodeWith("""
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    async Task<Session> OpenAsync(StripeClient client, string host)
                    {
                        var back = $"https://{host}/account";
                        var options = new SessionCreateOptions();
                        options.ReturnUrl = back;
                        return await client.V1.BillingPortal.Sessions.CreateAsync(options);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Redirect_return_url_and_configuration_default_are_checked_with_Fix_All() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                SessionFlowDataAfterCompletionRedirectOptions Redirect() => new() { ReturnUrl = [|"http://example.com/done"|] };
                ConfigurationCreateOptions Create() => new() { DefaultReturnUrl = [|"http://example.com/account"|] };
                void Update(ConfigurationUpdateOptions options) => options.DefaultReturnUrl = [|"http://example.com/account"|];
            }
            """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataAfterCompletionRedirectOptions Redirect() => new() { ReturnUrl = "https://example.com/done" };
                    ConfigurationCreateOptions Create() => new() { DefaultReturnUrl = "https://example.com/account" };
                    void Update(ConfigurationUpdateOptions options) => options.DefaultReturnUrl = "https://example.com/account";
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task AddExtraParam_return_url_is_checked() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Build(SessionCreateOptions options) => options.AddExtraParam("flow_data[after_completion][redirect][return_url]", {|#0:"/done"|});
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL003").WithLocation(0)
                .WithMessage("Return URL '/done' is a relative path; flow_data.after_completion.redirect.return_url needs an absolute https:// URL"))
            .ValidateAsync();

    [Fact]
    public Task Url_Action_without_protocol_is_fixed_by_adding_it() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            class BillingController : Controller
            {
                public IActionResult Portal(string customerId)
                {
                    var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId, ReturnUrl = {|#0:Url.Action("Index", "Account")|} });
                    return Redirect(session.Url);
                }
            }
            """, ReturnUrlNotAbsoluteHttpsCodeFixProvider.AddProtocolKey)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL003").WithLocation(0)
                .WithMessage("IUrlHelper.Action without a protocol returns a relative path; return_url needs an absolute https:// URL"))
            .ShouldFixCodeWith("""
                using Microsoft.AspNetCore.Mvc;
                using Stripe.BillingPortal;

                class BillingController : Controller
                {
                    public IActionResult Portal(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId, ReturnUrl = Url.Action("Index", "Account", null, protocol: "https") });
                        return Redirect(session.Url);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Url_Page_and_RouteUrl_are_fixed_with_Fix_All() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            class Links
            {
                void Build(IUrlHelper url, SessionCreateOptions options, SessionFlowDataAfterCompletionRedirectOptions redirect)
                {
                    options.ReturnUrl = [|url.Page("/Account")|];
                    redirect.ReturnUrl = [|url.RouteUrl(new { id = 1 })|];
                }
            }
            """, ReturnUrlNotAbsoluteHttpsCodeFixProvider.AddProtocolKey)
            .ShouldFixCodeWith("""
                using Microsoft.AspNetCore.Mvc;
                using Stripe.BillingPortal;

                class Links
                {
                    void Build(IUrlHelper url, SessionCreateOptions options, SessionFlowDataAfterCompletionRedirectOptions redirect)
                    {
                        options.ReturnUrl = url.Page("/Account", null, null, protocol: "https");
                        redirect.ReturnUrl = url.RouteUrl(null, new { id = 1 }, protocol: "https");
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Url_Content_is_reported_without_fix() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            class Links
            {
                void Build(IUrlHelper url, SessionCreateOptions options) => options.ReturnUrl = {|#0:url.Content("~/account")|};
            }
            """, ReturnUrlNotAbsoluteHttpsCodeFixProvider.AddProtocolKey)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL003").WithLocation(0)
                .WithMessage("IUrlHelper.Content returns a relative path; return_url needs an absolute https:// URL"))
            .ShouldFixCodeWith("""
                using Microsoft.AspNetCore.Mvc;
                using Stripe.BillingPortal;

                class Links
                {
                    void Build(IUrlHelper url, SessionCreateOptions options) => options.ReturnUrl = [|url.Content("~/account")|];
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task GetPathByAction_is_fixed_to_GetUriByAction_with_the_HttpContext_in_scope() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using Stripe.BillingPortal;

            class Links
            {
                void Build(LinkGenerator links, HttpContext context, SessionCreateOptions options)
                {
                    options.ReturnUrl = {|#0:links.GetPathByAction("Index", "Account")|};
                }
            }
            """, ReturnUrlNotAbsoluteHttpsCodeFixProvider.UseUriKey)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL003").WithLocation(0)
                .WithMessage("LinkGenerator.GetPathByAction returns a relative path; return_url needs an absolute https:// URL"))
            .ShouldFixCodeWith("""
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;
                using Stripe.BillingPortal;

                class Links
                {
                    void Build(LinkGenerator links, HttpContext context, SessionCreateOptions options)
                    {
                        options.ReturnUrl = links.GetUriByAction(context, "Index", "Account");
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task GetPathByPage_with_HttpContext_overload_is_renamed() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using Stripe.BillingPortal;

            class Links
            {
                void Build(LinkGenerator links, HttpContext http, SessionCreateOptions options) => options.ReturnUrl = [|links.GetPathByPage(http, "/Account")|];
            }
            """, ReturnUrlNotAbsoluteHttpsCodeFixProvider.UseUriKey)
            .ShouldFixCodeWith("""
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;
                using Stripe.BillingPortal;

                class Links
                {
                    void Build(LinkGenerator links, HttpContext http, SessionCreateOptions options) => options.ReturnUrl = links.GetUriByPage(http, "/Account");
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task GetPathByName_without_HttpContext_in_scope_has_no_fix() =>
        Create("""
            using Microsoft.AspNetCore.Routing;
            using Stripe.BillingPortal;

            class Links
            {
                void Build(LinkGenerator links, SessionCreateOptions options) => options.ReturnUrl = [|links.GetPathByName("account", null)|];
            }
            """, ReturnUrlNotAbsoluteHttpsCodeFixProvider.UseUriKey)
            .ShouldFixCodeWith("""
                using Microsoft.AspNetCore.Routing;
                using Stripe.BillingPortal;

                class Links
                {
                    void Build(LinkGenerator links, SessionCreateOptions options) => options.ReturnUrl = [|links.GetPathByName("account", null)|];
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Request_Path_is_reported() =>
        Create("""
            using Microsoft.AspNetCore.Http;
            using Stripe.BillingPortal;

            class Links
            {
                void Build(HttpRequest request, SessionCreateOptions options)
                {
                    options.ReturnUrl = {|#0:request.Path|};
                    options.ReturnUrl = {|#1:request.PathBase + request.Path|};
                    options.ReturnUrl = {|#2:$"{request.Path}?tab=billing"|};
                }
            }
            """)
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL003").WithLocation(0).WithMessage("HttpRequest.Path is a relative path; return_url needs an absolute https:// URL"),
                Expected.Diagnostic("PORTAL003").WithLocation(1).WithMessage("A PathString is a relative path; return_url needs an absolute https:// URL"),
                Expected.Diagnostic("PORTAL003").WithLocation(2).WithMessage("HttpRequest.Path is a relative path; return_url needs an absolute https:// URL"))
            .ValidateAsync();

    [Fact]
    public Task Custom_scheme_is_reported_unless_allowed() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Build(SessionCreateOptions options) => options.ReturnUrl = {|#0:"myapp://billing/done"|};
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL003").WithLocation(0)
                .WithMessage("Return URL 'myapp://billing/done' uses the scheme 'myapp', which accrue_portal.allowed_return_url_schemes does not list; return_url needs an absolute https:// URL"))
            .ValidateAsync();

    [Fact]
    public Task Custom_scheme_listed_in_option_is_silent() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Build(SessionCreateOptions options) => options.ReturnUrl = "myapp://billing/done";
            }
            """).WithEditorConfig("accrue_portal.allowed_return_url_schemes = myapp, otherapp").ValidateAsync();

    [Fact]
    public Task Host_outside_allowed_hosts_is_reported() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Build(SessionCreateOptions options, string path)
                {
                    options.ReturnUrl = {|#0:"https://staging.example.net/account"|};
                    options.ReturnUrl = "https://billing.example.com/account";
                    options.ReturnUrl = "https://app.example.org/" + path;
                    options.ReturnUrl = {|#1:"https://evil.example/" + path|};
                }
            }
            """)
            .WithEditorConfig("accrue_portal.allowed_return_hosts = billing.example.com, *.example.org")
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL003").WithLocation(0).WithMessage("Return URL host 'staging.example.net' is not listed in accrue_portal.allowed_return_hosts"),
                Expected.Diagnostic("PORTAL003").WithLocation(1).WithMessage("Return URL host 'evil.example' is not listed in accrue_portal.allowed_return_hosts"))
            .ValidateAsync();

    [Fact]
    public Task Http_localhost_is_allowed_in_debug_with_option() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Build(SessionCreateOptions options)
                {
                    options.ReturnUrl = "http://localhost:5000/account";
                    options.ReturnUrl = [|"http://example.com/account"|];
                }
            }
            """).WithEditorConfig("accrue_portal.allow_http_localhost = true").ValidateAsync();

    [Fact]
    public Task Http_localhost_is_reported_in_release_even_with_option() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Build(SessionCreateOptions options) => options.ReturnUrl = [|"http://localhost:5000/account"|];
            }
            """)
            .WithEditorConfig("accrue_portal.allow_http_localhost = true")
            .WithBuildConfiguration(BuildConfiguration.Release)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    void Build(SessionCreateOptions options) => options.ReturnUrl = "https://localhost:5000/account";
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Loopback_names_and_addresses_take_http_in_debug_with_option() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Build(SessionCreateOptions options, string path)
                {
                    options.ReturnUrl = "http://app.localhost:5000/account";
                    options.ReturnUrl = "http://127.0.0.2/account";
                    options.ReturnUrl = "http://[0:0:0:0:0:0:0:1]:8080/" + path;
                    options.ReturnUrl = {|#0:"http://localhost.example.com/account"|};
                }
            }
            """)
            .WithEditorConfig("accrue_portal.allow_http_localhost = true")
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL003").WithLocation(0)
                .WithMessage("Return URL 'http://localhost.example.com/account' uses http; return_url needs an absolute https:// URL"))
            .ValidateAsync();

    [Fact]
    public Task Credentials_and_broken_authorities_are_reported_without_fix() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Build(SessionCreateOptions options, string path)
                {
                    options.ReturnUrl = {|#0:"https://example.com@evil.example/" + path|};
                    options.ReturnUrl = {|#1:"https:///account"|};
                    options.ReturnUrl = {|#2:"https://example.com:65536/account"|};
                }
            }
            """)
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL003").WithLocation(0)
                    .WithMessage("Return URL 'https://example.com@evil.example/...' carries user credentials before the host; return_url needs an absolute https:// URL without them"),
                Expected.Diagnostic("PORTAL003").WithLocation(1)
                    .WithMessage("Return URL 'https:///account' has no valid host or port after 'https://'; return_url needs an absolute https:// URL"),
                Expected.Diagnostic("PORTAL003").WithLocation(2)
                    .WithMessage("Return URL 'https://example.com:65536/account' has no valid host or port after 'https://'; return_url needs an absolute https:// URL"))
            .ValidateAsync();

    [Fact]
    public Task Allowed_hosts_compare_case_trailing_dot_and_IDN_in_ASCII_form() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Build(SessionCreateOptions options)
                {
                    options.ReturnUrl = "https://BILLING.example.com./account";
                    options.ReturnUrl = "https://xn--bcher-kva.example/account";
                    options.ReturnUrl = "https://BÜCHER.example/account";
                    options.ReturnUrl = {|#0:"https://example.org/account"|};
                }
            }
            """)
            .WithEditorConfig("accrue_portal.allowed_return_hosts = billing.example.com, *.example.org, bücher.example")
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL003").WithLocation(0)
                .WithMessage("Return URL host 'example.org' is not listed in accrue_portal.allowed_return_hosts"))
            .ValidateAsync();

    [Theory]
    [InlineData("\"https://example.com/account\"")]
    [InlineData("Base + \"/account\"")]
    [InlineData("$\"{Base}/account\"")]
    [InlineData("configured")]
    [InlineData("configured + \"/account\"")]
    [InlineData("url.Action(\"Index\", \"Account\", null, protocol: \"https\")")]
    [InlineData("url.Action(\"Index\", \"Account\", null, scheme)")]
    [InlineData("url.ActionLink(\"Index\", \"Account\")")]
    [InlineData("links.GetUriByAction(http, \"Index\", \"Account\")")]
    [InlineData("http.Request.Scheme + \"://\" + http.Request.Host + \"/account\"")]
    [InlineData("reassigned")]
    public Task Absolute_https_and_unknown_values_are_silent(string value) =>
        Create($$"""
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;
            using Stripe.BillingPortal;

            class Links
            {
                const string Base = "https://example.com";

                Session Open(IUrlHelper url, LinkGenerator links, HttpContext http, string configured, string scheme)
                {
                    var reassigned = "/relative";
                    reassigned = configured;
                    return new SessionService().Create(new SessionCreateOptions { ReturnUrl = {{value}} });
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task App_type_named_SessionCreateOptions_is_ignored() =>
        Create("""
            namespace MyApp
            {
                class SessionCreateOptions { public string? ReturnUrl { get; set; } }

                class Billing
                {
                    void Build(SessionCreateOptions options) => options.ReturnUrl = "/account";
                }
            }
            """).ValidateAsync();
}
