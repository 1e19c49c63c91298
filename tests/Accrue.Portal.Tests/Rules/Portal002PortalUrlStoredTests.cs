namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

public sealed class Portal002PortalUrlStoredTests
{
    /// <summary>A long-lived service that opens a portal session (sync, <c>new SessionService()</c>); BODY and MEMBERS vary per case.</summary>
    private const string ServiceTemplate = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Caching.Memory;
        using Stripe.BillingPortal;

        public class PortalService(IDistributedCache distributed, IMemoryCache memory)
        {
            private static string? lastUrl;
            private string? recentUrl;
            private static readonly Dictionary<string, string> Recent = new();
            private static readonly StringBuilder Journal = new();

            public string? LastLink { get; private set; }

            public async Task<string> OpenAsync(string customerId, bool flag)
            {
                var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                var url = session.Url;
                BODY
                await Task.Yield();
                return url;
            }

            public string? Peek() => lastUrl ?? recentUrl;

            MEMBERS
        }
        """;

    private static ProjectBuilder Create() => new ProjectBuilder().WithAnalyzer<PortalUrlLeakAnalyzer>();

    private static ProjectBuilder CreateService(string body, string members = "") =>
        Create().WithReferences(TestReferences.Caching).WithSourceCode(ServiceTemplate.Replace("BODY", body).Replace("MEMBERS", members));

    [Theory]
    [InlineData("""lastUrl = {|PORTAL002:url|};""")]
    [InlineData("""this.recentUrl = {|PORTAL002:session.Url|};""")]
    [InlineData("""recentUrl ??= {|PORTAL002:url|};""")]
    [InlineData("""LastLink = {|PORTAL002:$"{url}?ref=mail"|};""")]
    [InlineData("""Recent[customerId] = {|PORTAL002:url|};""")]
    [InlineData("""Recent.TryAdd(customerId, {|PORTAL002:url|});""")]
    [InlineData("""Journal.AppendFormat("opened {0}", {|PORTAL002:url|});""")]
    [InlineData("""Journal.Replace("{link}", {|PORTAL002:url|});""")]
    [InlineData("""distributed.SetString("portal:" + customerId, {|PORTAL002:url|});""")]
    [InlineData("""await distributed.SetStringAsync("portal", {|PORTAL002:url|});""")]
    [InlineData("""await distributed.SetAsync("portal", {|PORTAL002:Encoding.UTF8.GetBytes(url)|}, new DistributedCacheEntryOptions());""")]
    [InlineData("""memory.Set("portal", {|PORTAL002:url|}, TimeSpan.FromMinutes(5));""")]
    [InlineData("""memory.GetOrCreate("portal", {|PORTAL002:_ => url|});""")]
    [InlineData("""using var entry = memory.CreateEntry("portal"); entry.Value = {|PORTAL002:session|};""")]
    [InlineData("""File.WriteAllText("portal.txt", {|PORTAL002:url|});""")]
    [InlineData("""await File.AppendAllLinesAsync("portal.log", {|PORTAL002:new[] { url }|});""")]
    [InlineData("""using var writer = new StreamWriter("portal.txt"); writer.WriteLine({|PORTAL002:url|});""")]
    [InlineData("""Remember({|PORTAL002:url|});""", """private void Remember(string value) => this.recentUrl = value;""")]
    [InlineData("""Keep({|PORTAL002:url|});""", """private static void Keep(string value) { Recent["last"] = value; lastUrl = value; }""")]
    public Task Url_kept_beyond_the_request_is_reported(string body, string members = "") => CreateService(body, members).ValidateAsync();

    [Theory]
    [InlineData("""lastUrl = session.Id;""")]
    [InlineData("""this.recentUrl = session.Customer;""")]
    [InlineData("""distributed.SetString("portal:" + session.Id, session.Id);""")]
    [InlineData("""memory.Set("portal-length", url.Length);""")]
    [InlineData("""var local = url; var copy = new { local }; Console.WriteLine(copy.local.Length);""")]
    [InlineData("""File.WriteAllText(session.Id + ".txt", "opened");""")]
    public Task Values_that_do_not_hold_the_url_are_not_reported(string body) => CreateService(body).ValidateAsync();

    [Fact]
    public Task Message_names_the_static_field_and_the_read() =>
        Create()
            .WithSourceCode("""
                using Stripe;
                using Stripe.BillingPortal;

                static class PortalCache
                {
                    public static string? Last;
                }

                class Billing
                {
                    public string Open(IStripeClient client, string customerId)
                    {
                        var session = new SessionService(client).Create(new SessionCreateOptions { Customer = customerId });
                        PortalCache.Last = {|#0:{|#1:session.Url|}|};
                        return session.Url;
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL002").WithLocation(0).WithLocation(1)
                .WithMessage("The portal session URL read on line 14 is stored in the static field 'PortalCache.Last'"))
            .ValidateAsync();

    [Fact]
    public Task EF_Core_entity_property_and_DbContext_writes_are_reported() =>
        Create()
            .WithReferences(TestReferences.EntityFrameworkCore)
            .WithSourceCode("""
                using System.Threading.Tasks;
                using Microsoft.EntityFrameworkCore;
                using Stripe;
                using Stripe.BillingPortal;

                public class Customer
                {
                    public int Id { get; set; }
                    public string? PortalUrl { get; set; }
                    public string? PortalSessionId { get; set; }
                }

                public class AuditEntry
                {
                    public int Id { get; set; }
                    public string? Detail { get; set; }
                }

                public class BillingDb(DbContextOptions<BillingDb> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                }

                class Billing(BillingDb db, StripeClient client)
                {
                    public async Task<string> OpenAsync(Customer customer)
                    {
                        var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = "cus_1" });
                        customer.PortalUrl = {|#0:session.Url|};
                        customer.PortalSessionId = session.Id;
                        var fresh = new Customer { PortalUrl = {|PORTAL002:session.Url|} };
                        db.Customers.Add(fresh);
                        await db.AddAsync({|PORTAL002:new AuditEntry { Detail = "portal " + session.Url }|});
                        await db.SaveChangesAsync();
                        return session.Url;
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL002").WithLocation(0)
                .WithMessage("The portal session URL read on line 29 is stored in the EF Core entity property 'Customer.PortalUrl'"))
            .ValidateAsync();

    // Entities are found in the DbContexts of the trees whose words name DbSet: a global alias in another file stands for it.
    [Fact]
    public Task EF_Core_entity_of_a_DbContext_whose_DbSet_is_named_through_a_global_alias_is_reported() =>
        Create()
            .WithReferences(TestReferences.EntityFrameworkCore)
            .WithSourceCode("GlobalUsings.cs", "global using CustomerSet = Microsoft.EntityFrameworkCore.DbSet<Customer>;")
            .WithSourceCode("BillingDb.cs", """
                using Microsoft.EntityFrameworkCore;

                public class Customer
                {
                    public int Id { get; set; }
                    public string? PortalUrl { get; set; }
                }

                public class BillingDb(DbContextOptions<BillingDb> options) : DbContext(options)
                {
                    public CustomerSet Customers => Set<Customer>();
                }
                """)
            .WithSourceCode("Billing.cs", """
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Billing(StripeClient client)
                {
                    public async Task Open(Customer customer)
                    {
                        var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = "cus_1" });
                        customer.PortalUrl = {|#0:session.Url|};
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL002").WithLocation(0)
                .WithMessage("The portal session URL read on line 10 is stored in the EF Core entity property 'Customer.PortalUrl'"))
            .ValidateAsync();

    [Fact]
    public Task AspNetCore_session_cookies_TempData_ViewData_ViewBag_and_HybridCache_are_reported() =>
        Create()
            .WithAspNetCore()
            .WithSourceCode("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Caching.Hybrid;
                using Stripe;
                using Stripe.BillingPortal;

                public class BillingController(StripeClient client, HybridCache cache) : Controller
                {
                    public async Task<IActionResult> Portal(string customerId)
                    {
                        var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = customerId });
                        HttpContext.Session.SetString("portal", {|PORTAL002:session.Url|});
                        Response.Cookies.Append("portal", {|PORTAL002:session.Url|});
                        TempData["portal"] = {|PORTAL002:session.Url|};
                        ViewData["portal"] = {|PORTAL002:session.Url|};
                        ViewBag.Portal = {|PORTAL002:session.Url|};
                        await cache.SetAsync("portal:" + customerId, {|PORTAL002:session.Url|});
                        TempData["portal-id"] = session.Id;
                        return Redirect(session.Url);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Redis_writes_are_reported() =>
        Create()
            .WithReferences(TestReferences.StackExchangeRedis)
            .WithSourceCode("""
                using System.Threading.Tasks;
                using StackExchange.Redis;
                using Stripe.BillingPortal;

                class Billing(IDatabase redis)
                {
                    public async Task<string> OpenAsync(Session session)
                    {
                        redis.StringSet("portal", {|PORTAL002:session.Url|});
                        await redis.StringSetAsync("portal", {|PORTAL002:session.Url|});
                        redis.HashSet("portal", "url", {|PORTAL002:session.Url|});
                        redis.StringSet("portal:" + session.Id, session.Id);
                        return session.Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Database_command_parameters_and_Dapper_are_reported() =>
        Create()
            .WithReferences(TestReferences.Dapper)
            .WithSourceCode("""
                using System.Data.Common;
                using Dapper;
                using Stripe.BillingPortal;

                class Billing(DbConnection connection)
                {
                    public string Open(Session session)
                    {
                        using var command = connection.CreateCommand();
                        command.CommandText = "insert into portal(url) values (@url)";
                        var parameter = command.CreateParameter();
                        parameter.Value = {|PORTAL002:session.Url|};
                        connection.Execute("insert into portal(url) values (@url)", {|PORTAL002:new { url = session.Url }|});
                        connection.Execute("insert into portal(id) values (@id)", new { id = session.Id });
                        return session.Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Additional_store_sink_from_editorconfig_is_reported() =>
        Create()
            .WithEditorConfig("accrue_portal.additional_store_sinks = M:Outbox.Enqueue(System.String,System.Object)")
            .WithSourceCode("""
                using Stripe.BillingPortal;

                public class Outbox
                {
                    public void Enqueue(string topic, object payload) { }
                }

                class Billing(Outbox outbox)
                {
                    public string Open(Session session)
                    {
                        outbox.Enqueue("portal", {|#0:session.Url|});
                        return session.Url;
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL002").WithLocation(0)
                .WithMessage("The portal session URL read on line 12 is stored in Outbox.Enqueue"))
            .ValidateAsync();

    [Fact]
    public Task Records_structs_constructors_and_returned_dtos_are_not_storage() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                public record PortalLink(string Url)
                {
                    public string? Note { get; set; }
                    public void Annotate(string text) => this.Note = text;
                }

                public struct PortalLinkValue
                {
                    public string Url;
                    public void Set(string url) { this.Url = url; }
                }

                public class PortalLinkDto
                {
                    public PortalLinkDto(string url) { this.Url = url; }
                    public string Url { get; }
                    public string? Extra { get; init; }
                }

                class Billing
                {
                    public PortalLinkDto Open(Session session)
                    {
                        var link = new PortalLink(session.Url);
                        link.Annotate(session.Url);
                        var value = new PortalLinkValue();
                        value.Set(session.Url);
                        return new PortalLinkDto(session.Url) { Extra = session.Url };
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Fix_stores_the_session_id_instead() =>
        Create()
            .WithCodeFixProvider<PortalUrlStoredCodeFixProvider>(PortalUrlStoredCodeFixProvider.StoreSessionIdKey)
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    private static string? last;
                    private string? recent;

                    public string Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        var url = session.Url;
                        last = {|PORTAL002:session.Url|};
                        this.recent = {|PORTAL002:url|};
                        return url + last + recent;
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    private static string? last;
                    private string? recent;

                    public string Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        var url = session.Url;
                        last = session.Id;
                        this.recent = session.Id;
                        return url + last + recent;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Fix_removes_the_store() =>
        Create()
            .WithReferences(TestReferences.Caching)
            .WithCodeFixProvider<PortalUrlStoredCodeFixProvider>(PortalUrlStoredCodeFixProvider.RemoveStoreKey)
            .WithSourceCode("""
                using System.Threading.Tasks;
                using Microsoft.Extensions.Caching.Distributed;
                using Stripe.BillingPortal;

                class Billing(IDistributedCache cache)
                {
                    public async Task<string> OpenAsync(Session session)
                    {
                        await cache.SetStringAsync("portal", {|PORTAL002:session.Url|});
                        cache.SetString("portal-text", {|PORTAL002:"Open " + session.Url|});
                        await cache.RefreshAsync("portal");
                        return session.Url;
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using System.Threading.Tasks;
                using Microsoft.Extensions.Caching.Distributed;
                using Stripe.BillingPortal;

                class Billing(IDistributedCache cache)
                {
                    public async Task<string> OpenAsync(Session session)
                    {
                        await cache.RefreshAsync("portal");
                        return session.Url;
                    }
                }
                """)
            .ValidateAsync();
}
