namespace PortalDemo.Billing;

using System.Security.Claims;

/// <summary>Finds the Stripe customer of the signed-in user (a database lookup in a real app) and the reviewed portal configuration.</summary>
public sealed class AccountLookup(IConfiguration configuration)
{
    public string PortalConfigurationId =>
        configuration["Stripe:PortalConfigurationId"] ?? throw new InvalidOperationException("Stripe:PortalConfigurationId is not configured.");

    public string CustomerIdFor(ClaimsPrincipal user) =>
        user.FindFirstValue("stripe_customer_id") ?? throw new InvalidOperationException("No Stripe customer for this user.");
}
