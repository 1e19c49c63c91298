namespace PortalDemo.Billing;

using Accrue.Portal;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.BillingPortal;

/// <summary>An app service that builds portal sessions; reaches Stripe through an injected client.</summary>
public sealed class PortalLinks(IStripeClient client, IOptions<PortalGuardOptions> guard)
{
    public async Task<string> CancelSubscriptionAsync(string customerId, string subscriptionId, CancellationToken cancellationToken)
    {
        var options = new SessionCreateOptions
        {
            Customer = customerId,
            ReturnUrl = "https://example.com/account",
            FlowData = new SessionFlowDataOptions
            {
                Type = "subscription_cancel",
                SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions { Subscription = subscriptionId },
                AfterCompletion = new SessionFlowDataAfterCompletionOptions { Type = "redirct" }, // PORTAL005: typo of 'redirect'
            },
        };
        var session = await new SessionService(client).CreateGuardedAsync(options, guard.Value, cancellationToken: cancellationToken); // PORTAL004: no pinned configuration
        return session.GetRedirectUri().AbsoluteUri;
    }
}
