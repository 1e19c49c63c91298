namespace PortalDemo.Controllers;

using Accrue.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PortalDemo.Billing;
using Stripe.BillingPortal;

[ApiController]
[Route("billing")]
public sealed class BillingController(AccountLookup accounts, PortalLinks links, IOptions<PortalGuardOptions> guard) : ControllerBase
{
    private const string UpgradeFlow = "subscription-update"; // PORTAL005 is reported where the constant is used

    // The correct path: guarded creation with the static API key, pinned configuration, 303 redirect without caching or referrer.
    [HttpPost("portal")]
    public IActionResult OpenPortal()
    {
        var session = new SessionService().CreateGuarded(
            new SessionCreateOptions
            {
                Customer = accounts.CustomerIdFor(User),
                Configuration = accounts.PortalConfigurationId,
                ReturnUrl = "https://example.com/account",
            },
            guard.Value);
        return session.ToPortalRedirect();
    }

    [HttpPost("upgrade/{subscriptionId}")]
    public IActionResult Upgrade(string subscriptionId)
    {
        var options = new SessionCreateOptions { Customer = accounts.CustomerIdFor(User), Configuration = accounts.PortalConfigurationId, ReturnUrl = "https://example.com/account" };
        options.FlowData = new SessionFlowDataOptions
        {
            Type = UpgradeFlow, // PORTAL005: the constant above says 'subscription-update'
            SubscriptionUpdate = new SessionFlowDataSubscriptionUpdateOptions { Subscription = subscriptionId },
        };
        return new SessionService().CreateGuarded(options, guard.Value).ToPortalRedirect();
    }

    // Deep link into the pause flow (Stripe API 2026-10-28.endive, Stripe.net 53.1): the flow names the subscription it
    // pauses, and after the link expires the customer signs in again instead of meeting a dead link.
    [HttpPost("pause/{subscriptionId}")]
    public IActionResult Pause(string subscriptionId)
    {
        var options = new SessionCreateOptions
        {
            Customer = accounts.CustomerIdFor(User),
            Configuration = accounts.PortalConfigurationId,
            ReturnUrl = "https://example.com/account",
            FlowData = new SessionFlowDataOptions
            {
                Type = PortalFlowTypes.SubscriptionPause,
                SubscriptionPause = new SessionFlowDataSubscriptionPauseOptions { Subscription = subscriptionId },
            },
            AfterExpiration = new SessionAfterExpirationOptions { Type = PortalAfterExpirationTypes.CustomerLogin },
        };
        return new SessionService().CreateGuarded(options, guard.Value).ToPortalRedirect();
    }

    [HttpPost("cancel")]
    public IActionResult StartCancellation()
    {
        var options = new SessionCreateOptions
        {
            Customer = accounts.CustomerIdFor(User),
            Configuration = accounts.PortalConfigurationId,
            ReturnUrl = "https://example.com/account",
            FlowData = new SessionFlowDataOptions { Type = "subscription_cancel" }, // PORTAL006: which subscription?
        };
        return new SessionService().CreateGuarded(options, guard.Value).ToPortalRedirect();
    }

    [HttpPost("support")]
    public IActionResult SupportPortal()
    {
        var options = new SessionCreateOptions
        {
            Customer = "jane@example.com", // PORTAL007: an email, not a cus_ id
            Configuration = accounts.PortalConfigurationId,
            ReturnUrl = "http://example.com/support", // PORTAL003: http, not https
        };
        return new SessionService().CreateGuarded(options, guard.Value).ToPortalRedirect();
    }

    // A "support" shortcut that trusts the route: any signed-in caller can open any customer's billing portal.
    [HttpPost("portal-for/{customerId}")]
    public IActionResult PortalFor(string customerId)
    {
        var options = new SessionCreateOptions
        {
            Customer = customerId, // PORTAL011: the customer comes from the route, not from the signed-in user
            Configuration = accounts.PortalConfigurationId,
            ReturnUrl = "https://example.com/account",
        };
        return new SessionService().CreateGuarded(options, guard.Value).ToPortalRedirect();
    }

    // Single-page-app pattern: return the URL to the signed-in caller, who navigates to it.
    [HttpPost("cancel/{subscriptionId}")]
    public async Task<IActionResult> Cancel(string subscriptionId, CancellationToken cancellationToken) =>
        Ok(new { url = await links.CancelSubscriptionAsync(accounts.CustomerIdFor(User), subscriptionId, cancellationToken) });
}
