namespace PortalDemo.Billing;

using System.Security.Claims;

/// <summary>Finds the Stripe customer of the signed-in user (a database lookup in a real app).</summary>
public sealed class AccountLookup
{
    public string CustomerIdFor(ClaimsPrincipal user) =>
        user.FindFirstValue("stripe_customer_id") ?? throw new InvalidOperationException("No Stripe customer for this user.");
}
