namespace PortalDemo.Billing;

using Stripe;
using Stripe.BillingPortal;

/// <summary>An app service that builds portal sessions; reaches Stripe through an injected client.</summary>
public sealed class PortalLinks(IStripeClient client)
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
        var session = await new SessionService(client).CreateAsync(options, cancellationToken: cancellationToken);
        return session.Url;
    }
}
