namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

public sealed class Portal012WholeSessionSentToClientTests
{
    private static ProjectBuilder Create(string source) => new ProjectBuilder()
        .WithAnalyzer<WholeSessionSentToClientAnalyzer>()
        .WithCodeFixProvider<WholeSessionSentToClientCodeFixProvider>(WholeSessionSentToClientCodeFixProvider.SendUrlOnlyKey)
        .WithAspNetCore()
        .WithSourceCode(source);

    private static string Message(string how) =>
        $"The whole portal Session is sent to the client ({how}): send only its URL, or redirect to it";

    /// <summary>An API controller; RESULT is what the action hands to the client.</summary>
    private static string Controller(string result) => """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Stripe;
        using Stripe.BillingPortal;

        public class BillingController(StripeClient client) : Controller
        {
            public async Task<IActionResult> Portal()
            {
                var options = new SessionCreateOptions { Customer = "cus_123" };
                var session = await client.V1.BillingPortal.Sessions.CreateAsync(options);
                return RESULT;
            }
        }
        """.Replace("RESULT", result);

    [Fact]
    public Task Ok_with_the_session_is_reported_and_fixed() =>
        Create(Controller("Ok({|#0:session|})"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL012").WithLocation(0).WithMessage(Message("passed to 'ControllerBase.Ok'")))
            .ShouldFixCodeWith(Controller("Ok(new { url = session.Url })"))
            .ValidateAsync();

    [Theory]
    [InlineData("Json([|session|])", "Json(new { url = session.Url })")]
    [InlineData("new JsonResult([|session|])", "new JsonResult(new { url = session.Url })")]
    [InlineData("new OkObjectResult([|session|])", "new OkObjectResult(new { url = session.Url })")]
    [InlineData("Ok([|await new SessionService(client).CreateAsync(options)|])", "Ok(new { url = (await new SessionService(client).CreateAsync(options)).Url })")]
    [InlineData("Ok([|new SessionService().Create(options)|])", "Ok(new { url = new SessionService().Create(options).Url })")]
    public Task Controller_results_carrying_the_session_are_reported_and_fixed(string result, string fixedResult) =>
        Create(Controller(result)).ShouldFixCodeWith(Controller(fixedResult)).ValidateAsync();

    [Fact]
    public Task Minimal_api_results_and_returned_session_are_reported_and_fixed_all() =>
        Create("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Stripe;
            using Stripe.BillingPortal;

            static class Endpoints
            {
                public static void Map(WebApplication app, StripeClient client)
                {
                    app.MapPost("/a", async () => Results.Ok([|await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = "cus_1" })|]));
                    app.MapPost("/b", () => Results.Json([|new SessionService(client).Create(new SessionCreateOptions { Customer = "cus_1" })|]));
                    app.MapPost("/c", () => TypedResults.Ok([|new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" })|]));
                    app.MapPost("/d", () => TypedResults.Json([|new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" })|]));
                    app.MapPost("/e", () => [|new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" })|]);
                    app.MapGet("/f", async () =>
                    {
                        var session = await new SessionService().CreateAsync(new SessionCreateOptions { Customer = "cus_1" });
                        return [|session|];
                    });
                }
            }
            """)
            .ShouldFixCodeWith("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Stripe;
            using Stripe.BillingPortal;

            static class Endpoints
            {
                public static void Map(WebApplication app, StripeClient client)
                {
                    app.MapPost("/a", async () => Results.Ok(new { url = (await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = "cus_1" })).Url }));
                    app.MapPost("/b", () => Results.Json(new { url = new SessionService(client).Create(new SessionCreateOptions { Customer = "cus_1" }).Url }));
                    app.MapPost("/c", () => TypedResults.Ok(new { url = new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" }).Url }));
                    app.MapPost("/d", () => TypedResults.Json(new { url = new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" }).Url }));
                    app.MapPost("/e", () => new { url = new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" }).Url });
                    app.MapGet("/f", async () =>
                    {
                        var session = await new SessionService().CreateAsync(new SessionCreateOptions { Customer = "cus_1" });
                        return new { url = session.Url };
                    });
                }
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task Action_returning_the_session_is_reported_with_a_fix_only_where_it_compiles() =>
        Create("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Stripe.BillingPortal;

            [ApiController]
            public class BillingController : ControllerBase
            {
                public async Task<Session> Typed() => {|#0:await new SessionService().CreateAsync(new SessionCreateOptions { Customer = "cus_1" })|};

                public ActionResult<Session> Wrapped() => {|#1:new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" })|};

                public object Untyped() => {|#2:new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" })|};
            }

            public class PortalModel : PageModel
            {
                public Session OnPost() => {|#3:new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" })|};
            }
            """)
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL012").WithLocation(0).WithMessage(Message("returned from 'BillingController.Typed'")),
                Expected.Diagnostic("PORTAL012").WithLocation(1).WithMessage(Message("returned from 'BillingController.Wrapped'")),
                Expected.Diagnostic("PORTAL012").WithLocation(2).WithMessage(Message("returned from 'BillingController.Untyped'")),
                Expected.Diagnostic("PORTAL012").WithLocation(3).WithMessage(Message("returned from 'PortalModel.OnPost'")))
            .ShouldFixCodeWith("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Stripe.BillingPortal;

            [ApiController]
            public class BillingController : ControllerBase
            {
                public async Task<Session> Typed() => {|PORTAL012:await new SessionService().CreateAsync(new SessionCreateOptions { Customer = "cus_1" })|};

                public ActionResult<Session> Wrapped() => {|PORTAL012:new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" })|};

                public object Untyped() => new { url = new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" }).Url };
            }

            public class PortalModel : PageModel
            {
                public Session OnPost() => {|PORTAL012:new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" })|};
            }
            """)
            .ValidateAsync();

    private const string ManyResults = """
        using Microsoft.AspNetCore.Mvc;
        using Stripe.BillingPortal;

        public class BillingController : Controller
        {
            public IActionResult Portal(Session session, bool flag) => flag ? Ok([|session|]) : Json([|session|]);

            public IActionResult Other(Session session) => new OkObjectResult([|session|]);
        }
        """;

    [Fact]
    public Task Fix_all_rewrites_every_result_in_the_document() =>
        Create(ManyResults)
            .ShouldFixCodeWith("""
                using Microsoft.AspNetCore.Mvc;
                using Stripe.BillingPortal;

                public class BillingController : Controller
                {
                    public IActionResult Portal(Session session, bool flag) => flag ? Ok(new { url = session.Url }) : Json(new { url = session.Url });

                    public IActionResult Other(Session session) => new OkObjectResult(new { url = session.Url });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Url_only_redirects_and_dtos_are_silent() =>
        Create(Controller("""flag ? Ok(new { url = session.Url }) : Json(new PortalLink(session.Url, session.Id))""")
            .Replace("public async Task<IActionResult> Portal()", "public async Task<IActionResult> Portal(bool flag)")
            .Replace("    }\n}", "    }\n\n    public IActionResult Go(Session session) => Redirect(session.Url);\n}\n\npublic record PortalLink(string Url, string Id);"))
            .ValidateAsync();

    [Theory]
    [InlineData("Ok(session.Id)")]
    [InlineData("new JsonResult(new[] { session.Url })")]
    [InlineData("Ok(session.Customer)")]
    [InlineData("Content(session.Url)")]
    public Task Results_without_the_session_object_are_silent(string result) =>
        Create(Controller(result)).ValidateAsync();

    [Fact]
    public Task Sessions_returned_from_services_helpers_and_local_functions_are_silent() =>
        Create("""
            using System.Linq;
            using Microsoft.AspNetCore.Mvc;
            using Stripe.BillingPortal;

            public sealed class PortalService
            {
                public Session Open() => new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" });
            }

            public class BillingController(PortalService portal) : Controller
            {
                [NonAction]
                public Session Helper() => portal.Open();

                private Session Private() => portal.Open();

                public IActionResult Portal()
                {
                    var urls = new[] { portal.Open() }.Select(s => s).Select(s => s.Url).ToList();
                    return Redirect(Local().Url);

                    Session Local() => portal.Open();
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task App_type_named_Session_is_silent() =>
        Create("""
            using Microsoft.AspNetCore.Mvc;

            namespace MyApp
            {
                public sealed record Session(string Url);

                public class BillingController : Controller
                {
                    public IActionResult Portal() => Ok(new Session("https://example.com"));

                    public Session Raw() => new Session("https://example.com");
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Nothing_without_AspNetCore() =>
        new ProjectBuilder()
            .WithAnalyzer<WholeSessionSentToClientAnalyzer>()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Portal
                {
                    Session Open() => new SessionService().Create(new SessionCreateOptions { Customer = "cus_1" });
                }
                """).ValidateAsync();
}
