using Microsoft.Extensions.Caching.Distributed;
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

var app = builder.Build();
app.MapControllers();

// Minimal API, service reached through StripeClient.V1.
app.MapPost("/billing/update-payment-method", async (StripeClient client, AccountLookup accounts, HttpContext http) =>
{
    var options = new SessionCreateOptions
    {
        Customer = accounts.CustomerIdFor(http.User),
        ReturnUrl = "https://example.com/account",
        FlowData = new SessionFlowDataOptions { Type = "payment-method-update" }, // PORTAL005: '-' instead of '_'
    };
    var session = await client.V1.BillingPortal.Sessions.CreateAsync(options);
    return Results.Redirect(session.Url);
});

// The leaks: one of each kind.
app.MapPost("/billing/portal-with-leaks", async (StripeClient client, AccountLookup accounts, HttpContext http, ILogger<Program> logger, IDistributedCache cache) =>
{
    var customerId = accounts.CustomerIdFor(http.User);
    var session = await client.V1.BillingPortal.Sessions.CreateAsync(new SessionCreateOptions { Customer = customerId, ReturnUrl = "https://example.com/account" });
    logger.LogInformation("Opened portal {Url} for {Customer}", session.Url, session.Customer); // PORTAL001: the bearer URL lands in the logs
    await cache.SetStringAsync("portal:" + customerId, session.Url); // PORTAL002: the bearer URL is cached
    return Results.Redirect(session.Url);
});

app.Run();
