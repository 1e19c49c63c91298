namespace PortalDemo.Billing;

using Stripe;
using Stripe.BillingPortal;

/// <summary>Portal configuration set-up, run once per Stripe mode (test and live) from a deploy step.</summary>
public sealed class PortalSetup(IStripeClient client)
{
    /// <summary>The compliant configuration, created or repaired by the generated glue: its id is the one to pin.</summary>
    public Task<string> EnsureCompliantAsync(CancellationToken cancellationToken) =>
        new ConfigurationService(client).EnsureCompliantAsync("https://example.com/account", cancellationToken: cancellationToken);

    /// <summary>The set-up against the team's shared test account, for trying the deploy step from a laptop.</summary>
    public static PortalSetup ForLocalTesting() =>
        new(new StripeClient("sk_test_51DemoOnlyFakeKeyNotARealAccount0000000000000000")); // PORTAL014: a secret key in source ships with the code and its history

    /// <summary>A hand-written configuration for a "quick cancel" experiment.</summary>
    public Task<Configuration> CreateQuickCancelAsync(CancellationToken cancellationToken) =>
        new ConfigurationService(client).CreateAsync(
            new ConfigurationCreateOptions
            {
                DefaultReturnUrl = "https://example.com/account",
                Features = new ConfigurationFeaturesOptions
                {
                    SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions
                    {
                        Enabled = true,
                        Mode = "immediately", // PORTAL009: customers lose access at once, no win-back window
                        ProrationBehavior = "none",
                        CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = true, Options = ["other"] },
                    },
                },
            },
            cancellationToken: cancellationToken);
}
