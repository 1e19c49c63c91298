namespace Accrue.Portal.Tests.StandIn;

using System;
using System.IO;
using System.Linq;
using Accrue.Portal.Tests.Verification;

/// <summary>
/// The stand-in must declare exactly the checked-in Stripe.net surface (tests/StripeNetStandIn/PublicSurface.txt);
/// against the real package (-p:UseStripeNetPackage=true) every documented line must exist there.
/// </summary>
public sealed class StripeSurfaceTests
{
    private const string StandInOnlyMarker = "  // stand-in";

    [Fact]
    public void Stripe_assembly_matches_the_checked_in_surface()
    {
        var checkedIn = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "StripeNetStandIn", "PublicSurface.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        var actual = StripeSurface.Describe(typeof(Stripe.BillingPortal.Session).Assembly);
#if REAL_STRIPE_NET
        var missing = checkedIn.Where(l => !l.EndsWith(StandInOnlyMarker, StringComparison.Ordinal)).Except(actual).ToList();
        Assert.True(missing.Count == 0, "Stripe.net lacks documented members:\n" + string.Join("\n", missing));
#else
        var expected = checkedIn.Select(l => l.EndsWith(StandInOnlyMarker, StringComparison.Ordinal) ? l[..^StandInOnlyMarker.Length] : l).ToList();
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            "The stand-in drifted from PublicSurface.txt.\nMissing:\n  " + string.Join("\n  ", missing) + "\nExtra:\n  " + string.Join("\n  ", extra));
#endif
    }

    [Fact]
    public void Stand_in_has_the_real_assembly_identity()
    {
        var name = typeof(Stripe.BillingPortal.Session).Assembly.GetName();
        Assert.Equal("Stripe.net", name.Name);
        Assert.Equal(52, name.Version!.Major);
        Assert.Empty(name.GetPublicKeyToken() ?? []);
    }

    [Fact]
    public void Session_text_contains_the_url_as_Stripe_net_does()
    {
        var session = new Stripe.BillingPortal.SessionService().Create(new Stripe.BillingPortal.SessionCreateOptions { Customer = "cus_1" });
        Assert.StartsWith("https://billing.stripe.com/p/session/", session.Url, StringComparison.Ordinal);
        Assert.Contains(session.Url, session.ToString(), StringComparison.Ordinal);
        Assert.Contains(session.Url, session.ToJson(), StringComparison.Ordinal);
        Assert.Contains(session.Url, session.StripeResponse.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Url, session.StripeResponse.ToString(), StringComparison.Ordinal);
    }
}
