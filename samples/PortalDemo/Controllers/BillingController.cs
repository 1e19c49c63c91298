namespace PortalDemo.Controllers;

using Microsoft.AspNetCore.Mvc;
using PortalDemo.Billing;
using Stripe.BillingPortal;

[ApiController]
[Route("billing")]
public sealed class BillingController(AccountLookup accounts, PortalLinks links) : ControllerBase
{
    private const string UpgradeFlow = "subscription-update"; // PORTAL005 is reported where the constant is used

    // The classic pattern: create the session, redirect to it. Service reached with the static API key.
    [HttpPost("portal")]
    public IActionResult OpenPortal()
    {
        var session = new SessionService().Create(new SessionCreateOptions
        {
            Customer = accounts.CustomerIdFor(User),
            ReturnUrl = "https://example.com/account",
        });
        return Redirect(session.Url);
    }

    [HttpPost("upgrade/{subscriptionId}")]
    public IActionResult Upgrade(string subscriptionId)
    {
        var options = new SessionCreateOptions { Customer = accounts.CustomerIdFor(User), ReturnUrl = "https://example.com/account" };
        options.FlowData = new SessionFlowDataOptions
        {
            Type = UpgradeFlow, // PORTAL005: the constant above says 'subscription-update'
            SubscriptionUpdate = new SessionFlowDataSubscriptionUpdateOptions { Subscription = subscriptionId },
        };
        return Redirect(new SessionService().Create(options).Url);
    }

    // Single-page-app pattern: return the URL to the signed-in caller, who navigates to it.
    [HttpPost("cancel/{subscriptionId}")]
    public async Task<IActionResult> Cancel(string subscriptionId, CancellationToken cancellationToken) =>
        Ok(new { url = await links.CancelSubscriptionAsync(accounts.CustomerIdFor(User), subscriptionId, cancellationToken) });
}
