namespace Accrue.Portal.Workload;

using System.Collections.Generic;
using System.Globalization;
using System.Text;

/// <summary>
/// Generates a realistic ASP.NET Core shop of N files: controllers and services with logging, EF Core and caches,
/// and, in one file in twenty, Stripe billing-portal code in the shapes real apps have (<see cref="PortalShapes"/>):
/// a controller calling Stripe itself, a service behind a DI interface returning the URL, a factory building the
/// options, an adapter handing them to a helper in another file, an options source behind an interface; one portal
/// file in three carries mistakes. The Stripe-free variant swaps the portal files for ordinary ones and references no
/// Stripe.net. Deterministic: the same N gives the same sources.
/// </summary>
public static class SyntheticProject
{
    public const int PortalFileInterval = 20;

    public static IReadOnlyList<(string FileName, string Source)> Generate(int fileCount, bool withStripe)
    {
        var files = new List<(string, string)> { ("Shop/ShopDbContext.cs", DbContextSource) };
        for (var i = 1; i < fileCount; i++)
        {
            var isPortal = withStripe && i % PortalFileInterval == 0;
            files.Add(isPortal ? PortalShapes.File(i) : ($"Orders/Order{i}Controller.cs", OrderSource(i)));
        }

        return files;
    }

    /// <summary>
    /// One large controller file (about <paramref name="lines"/> lines) for the per-document measurement: one group of
    /// portal endpoints in every <paramref name="portalGroupInterval"/> groups of members, the rest order endpoints.
    /// </summary>
    public static string LargeDocument(int lines, int portalGroupInterval)
    {
        var builder = new StringBuilder();
        builder.Append(Usings(withStripe: true));
        builder.Append("namespace Shop.Large;\n\npublic sealed class LargeController(IStripeClient client, ShopDbContext db, IMemoryCache cache, ILogger<LargeController> logger) : ControllerBase\n{\n");
        var index = 0;
        while (CountLines(builder) < lines - 2)
        {
            builder.Append(index % portalGroupInterval == 0 ? PortalMembers(index) : OrderMembers(index));
            index++;
        }

        builder.Append("}\n");
        return builder.ToString();
    }

    private static int CountLines(StringBuilder builder)
    {
        var count = 0;
        for (var i = 0; i < builder.Length; i++)
        {
            if (builder[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }

    internal static string Usings(bool withStripe) =>
        "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Text;\nusing System.Threading;\nusing System.Threading.Tasks;\n"
        + "using Microsoft.AspNetCore.Mvc;\nusing Microsoft.EntityFrameworkCore;\nusing Microsoft.Extensions.Caching.Memory;\nusing Microsoft.Extensions.Logging;\nusing Shop;\n"
        + (withStripe ? "using Microsoft.Extensions.DependencyInjection;\nusing Stripe;\nusing Stripe.BillingPortal;\n" : string.Empty)
        + "\n";

    private const string DbContextSource = """
        namespace Shop;

        using System;
        using Microsoft.EntityFrameworkCore;

        public sealed class Order
        {
            public int Id { get; set; }
            public string CustomerEmail { get; set; } = "";
            public string? StripeCustomerId { get; set; }
            public string? LastPortalSessionId { get; set; }
            public decimal Total { get; set; }
            public DateTime CreatedAt { get; set; }
        }

        public sealed record OrderDto(int Id, string CustomerEmail, decimal Total);

        public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
        {
            public DbSet<Order> Orders => this.Set<Order>();
        }
        """;

    private static string OrderSource(int i) =>
        Usings(withStripe: false)
        + $"namespace Shop.Orders{i};\n\n[ApiController]\n[Route(\"orders{i}\")]\n"
        + $"public sealed class Order{i}Controller(ShopDbContext db, IMemoryCache cache, ILogger<Order{i}Controller> logger) : ControllerBase\n{{\n"
        + OrderMembers(i)
        + "}\n";

    private static string OrderMembers(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return $$"""
                [HttpGet("{id}/v{{n}}")]
                public async Task<IActionResult> Get{{n}}(int id, CancellationToken cancellationToken)
                {
                    logger.LogInformation("Loading order {OrderId}", id);
                    if (cache.TryGetValue("order:" + id, out OrderDto? cached) && cached is not null)
                    {
                        return Ok(cached);
                    }

                    var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
                    if (order is null)
                    {
                        logger.LogWarning("Order {OrderId} not found", id);
                        return NotFound();
                    }

                    var dto = new OrderDto(order.Id, order.CustomerEmail, order.Total);
                    cache.Set("order:" + id, dto, TimeSpan.FromMinutes(5));
                    return Ok(dto);
                }

                [HttpGet("recent/v{{n}}")]
                public async Task<IActionResult> Recent{{n}}(int days, CancellationToken cancellationToken)
                {
                    var since = DateTime.UtcNow.AddDays(-days);
                    var orders = await db.Orders.Where(o => o.CreatedAt >= since).OrderByDescending(o => o.CreatedAt).Take(50).ToListAsync(cancellationToken);
                    var summary = new StringBuilder();
                    foreach (var order in orders)
                    {
                        summary.Append(order.Id).Append(':').Append(order.Total).Append(';');
                    }

                    logger.LogDebug("Recent orders {Summary} since {Since}", summary.ToString(), since);
                    return Ok(orders.Select(o => new OrderDto(o.Id, o.CustomerEmail, o.Total)));
                }

                [HttpPut("{id}/email/v{{n}}")]
                public async Task<IActionResult> UpdateEmail{{n}}(int id, string email, CancellationToken cancellationToken)
                {
                    var order = await db.Orders.FindAsync(new object[] { id }, cancellationToken);
                    if (order is null)
                    {
                        return NotFound();
                    }

                    order.CustomerEmail = email.Trim().ToLowerInvariant();
                    await db.SaveChangesAsync(cancellationToken);
                    cache.Remove("order:" + id);
                    logger.LogInformation("Order {OrderId} email changed", id);
                    return NoContent();
                }

            """;
    }

    internal static string PortalMembers(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);

        var hasMistakes = PortalShapes.HasMistakes(i);
        var cancelType = hasMistakes ? "subscription_cancl" : "subscription_cancel";
        var debugLog = hasMistakes ? "logger.LogDebug(\"Portal link {Url}\", session.Url);" : "logger.LogDebug(\"Portal session {SessionId}\", session.Id);";
        return $$"""
                [HttpPost("portal/v{{n}}")]
                public async Task<IActionResult> OpenPortal{{n}}(CancellationToken cancellationToken)
                {
                    var customerId = this.User.FindFirst("stripe_customer")?.Value ?? throw new InvalidOperationException("No Stripe customer.");
                    var options = new SessionCreateOptions
                    {
                        Customer = customerId,
                        ReturnUrl = "https://shop.example.com/account",
                        Configuration = "bpc_1Nx9aB2eZvKYlo2C",
                    };
                    var session = await new SessionService(client).CreateAsync(options, cancellationToken: cancellationToken);
                    logger.LogInformation("Opened portal session {SessionId} for {Customer}", session.Id, session.Customer);
                    return Redirect(session.Url);
                }

                [HttpPost("cancel/v{{n}}/{subscriptionId}")]
                public IActionResult Cancel{{n}}(string subscriptionId)
                {
                    var customerId = this.User.FindFirst("stripe_customer")?.Value ?? throw new InvalidOperationException("No Stripe customer.");
                    var options = new SessionCreateOptions { Customer = customerId, ReturnUrl = "https://shop.example.com/account" };
                    options.FlowData = new SessionFlowDataOptions
                    {
                        Type = "{{cancelType}}",
                        SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions { Subscription = subscriptionId },
                        AfterCompletion = new SessionFlowDataAfterCompletionOptions
                        {
                            Type = "redirect",
                            Redirect = new SessionFlowDataAfterCompletionRedirectOptions { ReturnUrl = "https://shop.example.com/cancelled" },
                        },
                    };
                    var session = new SessionService().Create(options);
                    {{debugLog}}
                    return Ok(new { url = session.Url });
                }

                [HttpPost("payment-method/v{{n}}")]
                public async Task<IActionResult> UpdatePaymentMethod{{n}}(CancellationToken cancellationToken)
                {
                    var url = await this.PortalUrl{{n}}Async("payment_method_update", cancellationToken);
                    logger.LogInformation("Redirecting to the portal for a payment method update");
                    return Redirect(url);
                }

                private async Task<string> PortalUrl{{n}}Async(string flowType, CancellationToken cancellationToken)
                {
                    var customerId = this.User.FindFirst("stripe_customer")?.Value ?? throw new InvalidOperationException("No Stripe customer.");
                    var options = new SessionCreateOptions
                    {
                        Customer = customerId,
                        ReturnUrl = "https://shop.example.com/account",
                        FlowData = new SessionFlowDataOptions { Type = flowType },
                    };
                    var session = await ((StripeClient)client).V1.BillingPortal.Sessions.CreateAsync(options, cancellationToken: cancellationToken);
                    return session.Url;
                }

            """;
    }
}
