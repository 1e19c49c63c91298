using Accrue.Portal;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using PortalDemo.Billing;
using Stripe;
using Stripe.BillingPortal;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddSingleton(_ => new StripeClient(builder.Configuration["Stripe:SecretKey"]));
builder.Services.AddSingleton<IStripeClient>(services => services.GetRequiredService<StripeClient>());
builder.Services.AddSingleton<AccountLookup>();
builder.Services.AddScoped<PortalLinks>();
builder.Services.AddDistributedMemoryCache();
builder.Services.AddSingleton<PortalSetup>();
builder.Services.Configure<PortalGuardOptions>(builder.Configuration.GetSection("Portal"));

// Go-live checklist in code: audit the pinned configuration at start (Portal:AuditOnStartup) and in /health.
builder.Services.AddPortalConfigurationAudit();
builder.Services.AddHealthChecks().AddPortalConfigurationCheck();

var app = builder.Build();
app.MapControllers();
app.MapHealthChecks("/health");

// Minimal API, service reached through StripeClient.V1, guarded.
app.MapPost("/billing/update-payment-method", async (StripeClient client, AccountLookup accounts, IOptions<PortalGuardOptions> guard, HttpContext http) =>
{
    var options = new SessionCreateOptions
    {
        Customer = accounts.CustomerIdFor(http.User),
        Configuration = accounts.PortalConfigurationId,
        ReturnUrl = "https://example.com/account",
        FlowData = new SessionFlowDataOptions { Type = "payment-method-update" }, // PORTAL005: '-' instead of '_'
    };
    var session = await client.V1.BillingPortal.Sessions.CreateGuardedAsync(options, guard.Value);
    return session.ToPortalRedirect();
});

// A direct call puts a Session, which prints its URL, in hand; then the URL leaks twice.
app.MapPost("/billing/portal-with-leaks", async (StripeClient client, AccountLookup accounts, HttpContext http, ILogger<Program> logger, IDistributedCache cache) =>
{
    var customerId = accounts.CustomerIdFor(http.User);
    var options = new SessionCreateOptions { Customer = customerId, Configuration = accounts.PortalConfigurationId, ReturnUrl = "https://example.com/account" };
    var session = await client.V1.BillingPortal.Sessions.CreateAsync(options); // PORTAL008: created outside the guard
    logger.LogInformation("Opened portal {Url} for {Customer}", session.Url, session.Customer); // PORTAL001: the bearer URL lands in the logs
    await cache.SetStringAsync("portal:" + customerId, session.Url); // PORTAL002: the bearer URL is cached
    return Results.Redirect(session.Url);
});

// "Come back to" taken from the query string: Stripe's trusted page would send the customer anywhere.
app.MapPost("/billing/portal-and-back", async (StripeClient client, AccountLookup accounts, IOptions<PortalGuardOptions> guard, HttpContext http, string returnTo) =>
{
    var options = new SessionCreateOptions
    {
        Customer = accounts.CustomerIdFor(http.User),
        Configuration = accounts.PortalConfigurationId,
        ReturnUrl = returnTo, // PORTAL010: request input, not allow-listed
    };
    var session = await client.V1.BillingPortal.Sessions.CreateGuardedAsync(options, guard.Value);
    return session.ToPortalRedirect();
});

// Hands the whole Session (customer, configuration, flow, raw Stripe response) to the browser instead of its URL.
app.MapPost("/billing/portal-session", async (StripeClient client, AccountLookup accounts, HttpContext http) =>
{
    var options = new SessionCreateOptions { Customer = accounts.CustomerIdFor(http.User), Configuration = accounts.PortalConfigurationId, ReturnUrl = "https://example.com/account" };
    var session = await client.V1.BillingPortal.Sessions.CreateAsync(options); // PORTAL008: created outside the guard
    return Results.Ok(session); // PORTAL012: the whole Session is serialised to the client; send session.Url only
});

app.Run();
