namespace PortalDemo.Controllers;

using Accrue.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.BillingPortal;

/// <summary>A support desk's shortcuts, written the way several public apps write them, and both wrong.</summary>
[ApiController]
[Route("support")]
public sealed class SupportController(StripeClient stripe, IOptions<PortalGuardOptions> guard) : ControllerBase
{
    public sealed record PortalByEmail(string Email);

    // Finds the customer in Stripe by the e-mail the browser sent: anyone who knows an e-mail opens that portal.
    [HttpPost("portal-by-email")]
    public async Task<IActionResult> PortalByEmailAsync([FromBody] PortalByEmail request, CancellationToken cancellationToken)
    {
        var customers = await stripe.V1.Customers.ListAsync(new CustomerListOptions { Email = request.Email, Limit = 1 }, cancellationToken: cancellationToken);
        var options = new SessionCreateOptions
        {
            Customer = customers.Data[0].Id, // PORTAL011: a customer looked up by the e-mail in the request body
            Configuration = guard.Value.DefaultConfigurationId,
            ReturnUrl = "https://example.com/support",
        };
        return (await stripe.V1.BillingPortal.Sessions.CreateGuardedAsync(options, guard.Value, cancellationToken: cancellationToken)).ToPortalRedirect();
    }

    // Makes a new portal configuration on every click instead of pinning the reviewed one.
    [HttpPost("invoices-portal")]
    public async Task<IActionResult> InvoicesPortalAsync(CancellationToken cancellationToken)
    {
        var configuration = await stripe.V1.BillingPortal.Configurations.CreateAsync( // PORTAL013: a configuration per request
            new ConfigurationCreateOptions
            {
                DefaultReturnUrl = "https://example.com/support",
                Features = new ConfigurationFeaturesOptions { InvoiceHistory = new ConfigurationFeaturesInvoiceHistoryOptions { Enabled = true } },
            },
            cancellationToken: cancellationToken);
        var options = new SessionCreateOptions { Customer = "cus_DemoSupport", Configuration = configuration.Id, ReturnUrl = "https://example.com/support" };
        return (await stripe.V1.BillingPortal.Sessions.CreateGuardedAsync(options, guard.Value, cancellationToken: cancellationToken)).ToPortalRedirect();
    }
}
