namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

public sealed class Portal001PortalUrlLoggedTests
{
    /// <summary>A service that opens a portal session (async, through <c>new SessionService(client)</c>); BODY and MEMBERS vary per case.</summary>
    private const string LoggingTemplate = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Stripe;
        using Stripe.BillingPortal;

        public partial class Billing(ILogger<Billing> logger, IStripeClient client)
        {
            public async Task<string> OpenAsync(string customerId, bool flag)
            {
                var session = await new SessionService(client).CreateAsync(new SessionCreateOptions { Customer = customerId });
                var url = session.Url;
                BODY
                return session.Url;
            }

            MEMBERS
        }
        """;

    private static ProjectBuilder Create() => new ProjectBuilder().WithAnalyzer<PortalUrlLeakAnalyzer>();

    private static ProjectBuilder CreateWithLogging(string body, string members = "") =>
        Create().WithReferences(TestReferences.Logging).WithSourceCode(LoggingTemplate.Replace("BODY", body).Replace("MEMBERS", members));

    [Theory]
    [InlineData("""logger.LogInformation("Portal {Url}", {|PORTAL001:url|});""")]
    [InlineData("""logger.LogWarning({|PORTAL001:$"Portal at {session.Url}"|});""")]
    [InlineData("""logger.LogDebug({|PORTAL001:"url=" + url|});""")]
    [InlineData("""logger.LogError({|PORTAL001:string.Format("{0}", url)|});""")]
    [InlineData("""var sb = new StringBuilder("go: "); sb.Append(url); logger.LogInformation({|PORTAL001:sb.ToString()|});""")]
    [InlineData("""logger.LogInformation({|PORTAL001:url.Substring(8).Trim().ToLowerInvariant()|});""")]
    [InlineData("""logger.LogInformation("{Path}", {|PORTAL001:new Uri(url).PathAndQuery|});""")]
    [InlineData("""logger.LogInformation("{Uri}", {|PORTAL001:new UriBuilder(url).Uri.AbsoluteUri|});""")]
    [InlineData("""logger.LogInformation("{E}", {|PORTAL001:Uri.EscapeDataString(url)|});""")]
    [InlineData("""logger.LogInformation("{B}", {|PORTAL001:Convert.ToBase64String(Encoding.UTF8.GetBytes(url))|});""")]
    [InlineData("""logger.LogInformation("{J}", {|PORTAL001:System.Text.Json.JsonSerializer.Serialize(new { url })|});""")]
    [InlineData("""var pair = (session.Id, url); logger.LogInformation("{P}", {|PORTAL001:pair.Item2|});""")]
    [InlineData("""var list = new List<string>(); list.Add(url); logger.LogInformation({|PORTAL001:string.Join(",", list)|});""")]
    [InlineData("""var map = new Dictionary<string, string>(); map["portal"] = url; logger.LogInformation("{U}", {|PORTAL001:map["portal"]|});""")]
    [InlineData("""var map = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(); map.TryAdd("portal", url); logger.LogInformation("{U}", {|PORTAL001:map["portal"]|});""")]
    [InlineData("""var map = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(); map.AddOrUpdate("portal", url, (_, _) => url); logger.LogInformation("{U}", {|PORTAL001:map["portal"]|});""")]
    [InlineData("""var sb = new StringBuilder(); sb.AppendFormat("go: {0}", url); logger.LogInformation({|PORTAL001:sb.ToString()|});""")]
    [InlineData("""var urls = new[] { url }; logger.LogInformation("{U}", {|PORTAL001:urls[0]|});""")]
    [InlineData("""var shown = flag ? session.Url : "none"; logger.LogInformation("{U}", {|PORTAL001:shown|});""")]
    [InlineData("""logger.LogInformation("{U}", {|PORTAL001:session.Url ?? "none"|});""")]
    [InlineData("""Func<string> link = () => session.Url; logger.LogInformation("{U}", {|PORTAL001:link()|});""")]
    [InlineData("""string Link() => session.Url; logger.LogInformation("{U}", {|PORTAL001:Link()|});""")]
    [InlineData("""void Audit(string value) => logger.LogInformation("{U}", {|PORTAL001:value|}); Audit(url);""")]
    [InlineData("""logger.LogInformation("{@Session}", {|PORTAL001:session|});""")]
    [InlineData("""logger.LogInformation({|PORTAL001:session.ToString()|});""")]
    [InlineData("""logger.LogInformation({|PORTAL001:$"created {session}"|});""")]
    [InlineData("""logger.LogInformation({|PORTAL001:session.ToJson()|});""")]
    [InlineData("""logger.LogInformation("{Raw}", {|PORTAL001:session.RawJsonElement|});""")]
    [InlineData("""logger.LogInformation("{Body}", {|PORTAL001:session.StripeResponse.Content|});""")]
    [InlineData("""using var scope = logger.BeginScope({|PORTAL001:new Dictionary<string, object> { ["portal"] = url }|});""")]
    [InlineData("""logger.Log(LogLevel.Information, "Portal {Url}", {|PORTAL001:url|});""")]
    [InlineData("""Console.WriteLine({|PORTAL001:url|});""")]
    [InlineData("""Console.Error.WriteLine({|PORTAL001:url|});""")]
    [InlineData("""Debug.WriteLine({|PORTAL001:url|});""")]
    [InlineData("""Trace.TraceInformation("portal {0}", {|PORTAL001:url|});""")]
    [InlineData("""Activity.Current?.SetTag("portal.url", {|PORTAL001:url|});""")]
    [InlineData("""Activity.Current?.AddBaggage("portal", {|PORTAL001:url|});""")]
    [InlineData("""if (flag) throw new InvalidOperationException({|PORTAL001:"Cannot open " + url|});""")]
    [InlineData("""var error = new Exception("failed"); error.Data["portal"] = {|PORTAL001:url|};""")]
    [InlineData("""if (Uri.TryCreate(url, UriKind.Absolute, out var parsed)) logger.LogInformation("{P}", {|PORTAL001:parsed.AbsolutePath|});""")]
    [InlineData("""foreach (var item in new List<string> { url }) logger.LogInformation("{I}", {|PORTAL001:item|});""")]
    [InlineData("""var done = await Task.FromResult(url); logger.LogInformation("{D}", {|PORTAL001:done|});""")]
    [InlineData("""logger.LogInformation("{S}", {|PORTAL001:new Uri(url).Segments|});""")]
    [InlineData("""logger.LogInformation("{Q}", {|PORTAL001:System.Net.WebUtility.UrlEncode(url)|});""")]
    [InlineData("""logger.LogInformation({|PORTAL001:string.Concat("a", url)|});""")]
    [InlineData("""var text = $"{session.Id}:{url}".Replace("https://", ""); logger.LogInformation({|PORTAL001:text|});""")]
    [InlineData("""var info = new { session.Id, Link = url }; logger.LogInformation("{@Info}", {|PORTAL001:info|});""")]
    [InlineData("""var links = session.Url.Split('/').ToList(); logger.LogInformation("{L}", {|PORTAL001:links.Last()|});""")]
    public Task Url_derived_value_reaching_a_log_is_reported(string body) => CreateWithLogging(body).ValidateAsync();

    [Theory]
    [InlineData(
        """PortalOpened(logger, {|PORTAL001:url|}, null);""",
        """private static readonly Action<ILogger, string, Exception?> PortalOpened = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Portal {Url}");""")]
    [InlineData(
        """LogPortal(logger, {|PORTAL001:url|});""",
        """[LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Portal {Url}")] static partial void LogPortal(ILogger logger, string url);""")]
    [InlineData(
        """if (flag) throw new PortalException({|PORTAL001:url|});""",
        """private sealed class PortalException(string message) : Exception(message);""")]
    public Task Url_reaching_a_logging_member_of_the_app_is_reported(string body, string members) => CreateWithLogging(body, members).ValidateAsync();

    /// <summary>
    /// A body that only declares a Session (the analysis starts from declarations, not from every variable reference):
    /// a parameter, a pattern, a foreach or out variable, a deconstruction, a lambda or local function parameter, a cast.
    /// </summary>
    [Theory]
    [InlineData("""public void Log(Session s) => logger.LogInformation("{U}", {|PORTAL001:s.Url|});""")]
    [InlineData("""public void Log(object value) { if (value is Session s) logger.LogInformation("{U}", {|PORTAL001:s.Url|}); }""")]
    [InlineData("""public void Log(object value) { if (value is Session { Id: not null } s) logger.LogInformation("{U}", {|PORTAL001:s.Url|}); }""")]
    [InlineData("""public void Log(IEnumerable<Session> sessions) { foreach (var s in sessions) logger.LogInformation("{U}", {|PORTAL001:s.Url|}); }""")]
    [InlineData("""public void Log(Dictionary<string, Session> byId) { if (byId.TryGetValue("k", out var s)) logger.LogInformation("{U}", {|PORTAL001:s.Url|}); }""")]
    [InlineData("""public void Log((Session, int) pair) { var (s, _) = pair; logger.LogInformation("{U}", {|PORTAL001:s.Url|}); }""")]
    [InlineData("""public void Log(List<Session> sessions) => sessions.ForEach(s => logger.LogInformation("{U}", {|PORTAL001:s.Url|}));""")]
    [InlineData("""public void Log(object value) { void Write(Session s) => logger.LogInformation("{U}", {|PORTAL001:s.Url|}); Write((Session)value); }""")]
    [InlineData("""public void Log(object value) { var s = (Session)value; logger.LogInformation("{U}", {|PORTAL001:s.Url|}); }""")]
    public Task Url_of_a_session_the_body_only_declares_is_reported(string members) => CreateWithLogging(string.Empty, members).ValidateAsync();

    /// <summary>A Session captured from a primary constructor or a record's parameters: the body that reads it declares nothing.</summary>
    [Theory]
    [InlineData("""
        sealed class PortalLink(ILogger logger, Session session)
        {
            public void Log() => logger.LogInformation("{U}", {|PORTAL001:session.Url|});
        }
        """)]
    [InlineData("""
        sealed record PortalLink(ILogger Logger, Session Session)
        {
            public void Log() => Logger.LogInformation("{U}", {|PORTAL001:Session.Url|});
        }
        """)]
    public Task Url_of_a_session_from_a_primary_constructor_is_reported(string type) =>
        CreateWithLogging(string.Empty).WithSourceCode("using Microsoft.Extensions.Logging;\nusing Stripe.BillingPortal;\n\n" + type).ValidateAsync();

    /// <summary>A type whose constructor takes a Session: its members are analysed, and one that logs no URL stays silent.</summary>
    [Fact]
    public Task Member_of_a_type_constructed_with_a_session_that_logs_no_url_is_silent() =>
        CreateWithLogging(string.Empty).WithSourceCode("""
            using Microsoft.Extensions.Logging;
            using Stripe.BillingPortal;

            sealed class PortalAudit(ILogger logger)
            {
                public PortalAudit(ILogger logger, Session session) : this(logger) => logger.LogInformation("{Id}", session.Id);

                public void Log(string text) => logger.LogInformation("{Text}", text);
            }
            """).ValidateAsync();

    [Theory]
    [InlineData("""logger.LogInformation("Portal {Id}", session.Id);""")]
    [InlineData("""logger.LogInformation("{Customer} {Created} {Live}", session.Customer, session.Created, session.Livemode);""")]
    [InlineData("""var uri = new Uri(url); logger.LogInformation("{Host} {Scheme} {Port} {Authority}", uri.Host, uri.Scheme, uri.Port, uri.Authority);""")]
    [InlineData("""logger.LogInformation("{Length} {Empty} {Https}", url.Length, string.IsNullOrEmpty(url), url.StartsWith("https://", StringComparison.Ordinal));""")]
    [InlineData("""logger.LogInformation("{Hash}", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(url))));""")]
    [InlineData("""logger.LogInformation("{Return}", session.ReturnUrl);""")]
    [InlineData("""logger.LogInformation("{Response}", session.StripeResponse);""")]
    [InlineData("""logger.LogInformation("{Same}", url == session.ReturnUrl);""")]
    [InlineData("""logger.LogInformation("{Hash}", url.GetHashCode());""")]
    [InlineData("""var dto = new { url }; Console.WriteLine(session.Flow?.Type);""")]
    [InlineData("""Console.WriteLine(session.Id.Length); Debug.Assert(url.Length > 0);""")]
    public Task Values_that_do_not_hold_the_url_are_not_reported(string body) => CreateWithLogging(body).ValidateAsync();

    [Fact]
    public Task Message_names_the_sink_and_the_line_of_the_read_with_new_SessionService() =>
        Create()
            .WithReferences(TestReferences.Logging)
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                class Billing(ILogger<Billing> logger)
                {
                    public string Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        var url = {|#1:session.Url|};
                        logger.LogInformation("Opened {Url}", {|#0:url|});
                        return url;
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL001").WithLocation(0).WithLocation(1)
                .WithMessage("The portal session URL read on line 9 reaches ILogger.LogInformation"))
            .ValidateAsync();

    [Fact]
    public Task Session_object_through_StripeClient_V1_is_reported_with_its_message() =>
        Create()
            .WithReferences(TestReferences.Logging)
            .WithSourceCode("""
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;
                using Stripe;
                using Stripe.BillingPortal;

                class Billing(ILogger<Billing> logger, StripeClient client)
                {
                    public async Task<string> OpenAsync(string customerId)
                    {
                        var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = customerId });
                        logger.LogDebug("Created {@Session}", {|#0:session|});
                        return session.Url;
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL001").WithLocation(0).WithLocation(0)
                .WithMessage("The portal session URL in the Session object used on line 11 reaches ILogger.LogDebug"))
            .ValidateAsync();

    [Fact]
    public Task Helper_method_returning_the_url_makes_its_call_site_a_source() =>
        Create()
            .WithReferences(TestReferences.Logging)
            .WithSourceCode("""
                using Stripe.BillingPortal;

                public class PortalLinks
                {
                    public string Create(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId }).Url;
                }
                """)
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;

                class Account(PortalLinks links, ILogger<Account> logger)
                {
                    public string Manage(string customerId)
                    {
                        var link = {|#1:links.Create(customerId)|};
                        logger.LogInformation("Portal link {Link}", {|#0:link|});
                        return link;
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL001").WithLocation(0).WithLocation(1)
                .WithMessage("The portal session URL returned by 'PortalLinks.Create' on line 7 reaches ILogger.LogInformation"))
            .ValidateAsync();

    [Fact]
    public Task Async_helper_and_property_getter_returning_the_url_are_sources() =>
        Create()
            .WithReferences(TestReferences.Logging)
            .WithSourceCode("""
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;
                using Stripe;
                using Stripe.BillingPortal;

                class Account(IStripeClient client, ILogger<Account> logger)
                {
                    private Session? last;

                    private string? LastUrl => this.last?.Url;

                    public async Task<string> GetUrlAsync(string customerId)
                    {
                        var session = await new SessionService(client).CreateAsync(new SessionCreateOptions { Customer = customerId });
                        return session.Url;
                    }

                    public async Task Manage(string customerId)
                    {
                        var link = await GetUrlAsync(customerId);
                        logger.LogInformation("Portal {Link}", {|PORTAL001:link|});
                        logger.LogInformation("Last {Link}", {|PORTAL001:this.LastUrl|});
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Url_passed_to_a_method_that_logs_its_parameter_is_reported_at_the_call() =>
        Create()
            .WithReferences(TestReferences.Logging)
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                public class AuditTrail(ILogger<AuditTrail> logger)
                {
                    public void Record(string what, int attempt) => logger.LogInformation("Audit {What} {Attempt}", what, attempt);
                }

                class Billing(AuditTrail audit)
                {
                    public string Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        audit.Record({|#0:{|#1:session.Url|}|}, 1);
                        audit.Record(session.Id, 2);
                        return session.Url;
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL001").WithLocation(0).WithLocation(1)
                .WithMessage("The portal session URL read on line 14 reaches ILogger.LogInformation through 'AuditTrail.Record'"))
            .ValidateAsync();

    [Fact]
    public Task Calls_are_followed_three_levels_deep_and_no_further() =>
        Create()
            .WithReferences(TestReferences.Logging)
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                static class Chain
                {
                    public static string Level1(Session s) => s.Url;
                    public static string Level2(Session s) => Level1(s);
                    public static string Level3(Session s) => Level2(s);
                    public static string Level4(Session s) => Level3(s);
                }

                class Billing(ILogger<Billing> logger)
                {
                    public void Log(Session session)
                    {
                        logger.LogInformation("{A}", {|PORTAL001:Chain.Level3(session)|});
                        logger.LogInformation("{B}", Chain.Level4(session));
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Recursive_helpers_terminate() =>
        Create()
            .WithReferences(TestReferences.Logging)
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                class Billing(ILogger<Billing> logger)
                {
                    string Ping(Session s, int n) => n == 0 ? s.Url : Pong(s, n - 1);
                    string Pong(Session s, int n) => Ping(s, n);
                    string Echo(string text, int n) => n == 0 ? text : Echo(text, n - 1);

                    public void Log(Session session)
                    {
                        logger.LogInformation("{A}", {|PORTAL001:Ping(session, 3)|});
                        logger.LogInformation("{B}", {|PORTAL001:Echo(session.Url, 3)|});
                        logger.LogInformation("{C}", Echo(session.Id, 3));
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Serilog_static_contextual_and_pushed_properties_are_reported() =>
        Create()
            .WithReferences(TestReferences.Serilog)
            .WithSourceCode("""
                using Serilog;
                using Serilog.Context;
                using Stripe.BillingPortal;

                class Billing(ILogger logger)
                {
                    public string Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        Log.Information("Portal {Url}", {|PORTAL001:session.Url|});
                        logger.ForContext("PortalUrl", {|PORTAL001:session.Url|}).Warning("opened");
                        using (LogContext.PushProperty("PortalUrl", {|PORTAL001:session.Url|}))
                        {
                            logger.Information("Portal {@Session}", {|PORTAL001:session|});
                            logger.Information("Portal {Id}", session.Id);
                        }

                        return session.Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task NLog_logger_is_reported() =>
        Create()
            .WithReferences(TestReferences.NLog)
            .WithSourceCode("""
                using NLog;
                using Stripe.BillingPortal;

                class Billing
                {
                    private static readonly Logger Log = LogManager.GetCurrentClassLogger();

                    public string Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        Log.Info("Portal {Url}", {|PORTAL001:session.Url|});
                        Log.Info("Portal {Id}", session.Id);
                        return session.Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Application_Insights_telemetry_is_reported() =>
        Create()
            .WithReferences(TestReferences.ApplicationInsights)
            .WithSourceCode("""
                using System.Collections.Generic;
                using Microsoft.ApplicationInsights;
                using Stripe.BillingPortal;

                class Billing(TelemetryClient telemetry)
                {
                    public string Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        telemetry.TrackTrace({|PORTAL001:"portal " + session.Url|});
                        telemetry.TrackEvent("PortalOpened", {|PORTAL001:new Dictionary<string, string> { ["url"] = session.Url }|});
                        telemetry.TrackEvent("PortalOpened", new Dictionary<string, string> { ["id"] = session.Id });
                        return session.Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Additional_log_sink_in_a_namespace_matches_on_a_qualified_suffix() =>
        Create()
            .WithEditorConfig("accrue_portal.additional_log_sinks = M:AuditLog.Write(System.String), T:global::MyApp.Telemetry.Metrics, M:Outbox.Send")
            .WithSourceCode("Telemetry.cs", """
                namespace MyApp.Telemetry;

                public static class AuditLog
                {
                    public static void Write(string entry) { }
                    public static void Write(int code) { }
                }

                public static class Metrics
                {
                    public static void Send(object payload) { }
                }

                public static class Outbox
                {
                    public static void Send(string entry) { }
                    public static void Send(string entry, object value) { }
                }
                """)
            .WithSourceCode("Billing.cs", """
                using MyApp.Telemetry;
                using Stripe.BillingPortal;

                namespace MyApp.Web;

                class Billing
                {
                    public string Open(Session session)
                    {
                        AuditLog.Write({|PORTAL001:session.Url|});
                        AuditLog.Write(session.Url.Length);
                        Metrics.Send({|PORTAL001:session|});
                        Outbox.Send({|PORTAL001:session.Url|});
                        Outbox.Send("portal", {|PORTAL001:session.Url|});
                        return session.Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Additional_log_sink_from_editorconfig_is_reported() =>
        Create()
            .WithEditorConfig("accrue_portal.additional_log_sinks = M:AuditLog.Write(System.String), T:Telemetry")
            .WithSourceCode("""
                using Stripe.BillingPortal;

                public static class AuditLog
                {
                    public static void Write(string entry) { }
                    public static void Other(string entry) { }
                }

                public static class Telemetry
                {
                    public static void Send(object payload) { }
                }

                class Billing
                {
                    public string Open(Session session)
                    {
                        AuditLog.Write({|PORTAL001:session.Url|});
                        AuditLog.Other(session.Url);
                        Telemetry.Send({|PORTAL001:session|});
                        return session.Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task An_apps_own_Session_type_is_not_a_source() =>
        Create()
            .WithReferences(TestReferences.Logging)
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;

                namespace MyApp
                {
                    public class Session
                    {
                        public string Url { get; set; } = "";
                        public override string ToString() => Url;
                    }

                    class Tracker(ILogger<Tracker> logger)
                    {
                        public void Track(Session session)
                        {
                            logger.LogInformation("{Url} {Session}", session.Url, session);
                            System.Console.WriteLine(session.ToString());
                        }
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Nothing_is_reported_without_Stripe() =>
        Create()
            .WithoutStripe()
            .WithReferences(TestReferences.Logging)
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;

                class Tracker(ILogger<Tracker> logger)
                {
                    public void Track(string url) => logger.LogInformation("{Url}", url);
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Helpers_that_log_only_safe_parts_are_not_reported_at_the_call() =>
        Create()
            .WithReferences(TestReferences.Logging)
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                class Billing(ILogger<Billing> logger)
                {
                    void LogSession(Session s) => logger.LogInformation("Session {Id} for {Customer}", s.Id, s.Customer);
                    void LogLength(string text) => logger.LogInformation("Length {Length}", text.Length);
                    static string Describe(string text) => "a link";

                    public string Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        LogSession(session);
                        LogLength(session.Url);
                        logger.LogInformation("{What}", Describe(session.Url));
                        return session.Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Redirects_and_returns_are_never_reported() =>
        Create()
            .WithAspNetCore()
            .WithSourceCode("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Components;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Logging;
                using Stripe;
                using Stripe.BillingPortal;

                public record PortalLink(string Url);

                public class PortalLinkDto
                {
                    public PortalLinkDto(string url) { this.Url = url; }
                    public string Url { get; }
                }

                public class BillingController(StripeClient client, ILogger<BillingController> logger) : Controller
                {
                    private string? lastUrl;

                    public async Task<IActionResult> Portal(string customerId)
                    {
                        var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = customerId });
                        logger.LogInformation("Portal session {Id} for {Customer}", session.Id, session.Customer);
                        this.lastUrl = session.Url;
                        return Redirect(session.Url);
                    }

                    public IActionResult PortalJson(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        return Ok(new { url = session.Url });
                    }

                    public PortalLink Link(Session session) => new PortalLink(session.Url);

                    public PortalLinkDto Dto(Session session) => new PortalLinkDto(session.Url);
                }

                public static class Endpoints
                {
                    public static IResult Minimal(Session session) => Results.Redirect(session.Url);
                    public static IResult Typed(Session session) => TypedResults.Redirect(session.Url);
                    public static IResult AsJson(Session session) => Results.Json(new { url = session.Url });

                    public static void Raw(HttpResponse response, Session session)
                    {
                        response.Headers.Location = session.Url;
                        response.Headers["Location"] = session.Url;
                        response.Redirect(session.Url);
                    }

                    public static void Blazor(NavigationManager navigation, Session session) => navigation.NavigateTo(session.Url);
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Half_typed_code_does_not_throw() =>
        Create()
            .WithReferences(TestReferences.Logging)
            .WithCompilerErrorsAllowed()
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                class Billing(ILogger<Billing> logger)
                {
                    public string Open(Session session)
                    {
                        var url = session.
                        logger.LogInformation("Portal {Url}", url, );
                        Missing(session.Url);
                        return session.Url
                    }
                }
                """)
            .ValidateAsync();
}
