namespace Accrue.Portal.Tests.Reliability;

using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Runtime;
using Accrue.Portal.Tests.Wire;
using Stripe.BillingPortal;

/// <summary>
/// The generated guard under concurrent use: one shared PortalGuardOptions, many threads mixing valid and invalid
/// requests. Every call gets its own answer (no cross-talk, no state kept between calls) and refusals never carry a URL.
/// </summary>
public sealed class GuardConcurrencyTests
{
    private const int Workers = 32;
    private const int CallsPerWorker = 20;

    private const string Host = """
        using System.Threading;
        using System.Threading.Tasks;
        using Accrue.Portal;
        using Stripe;
        using Stripe.BillingPortal;

        public static class Host
        {
            public static Task<PortalSession> CreateAsync(StripeClient client, SessionCreateOptions options, PortalGuardOptions guard, CancellationToken cancellationToken) =>
                client.V1.BillingPortal.Sessions.CreateGuardedAsync(options, guard, cancellationToken: cancellationToken);
        }
        """;

    [Fact]
    public async Task Concurrent_guarded_calls_are_independent_and_refusals_never_leak_a_url()
    {
        var host = GeneratedHost.Load(Host);
        var guard = new PortalGuardOptions { AllowedReturnHosts = { "example.com" } };
        using var start = new ManualResetEventSlim(false);

        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            start.Wait();
            using var wire = new StripeWire();
            var created = 0;
            for (var call = 0; call < CallsPerWorker; call++)
            {
                var customer = $"cus_w{worker}c{call}";
                var valid = (worker + call) % 3 != 0;
                var returnUrl = valid ? $"https://example.com/account/{worker}/{call}" : $"https://phish-{worker}.example.net/{call}";
                var options = new SessionCreateOptions { Customer = customer, Configuration = "bpc_123", ReturnUrl = returnUrl };
                var pending = (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", wire.Client, options, guard, CancellationToken.None)!;
                if (valid)
                {
                    var session = await pending;
                    created++;
                    Assert.Equal(customer, session.Customer);
                    Assert.Equal(returnUrl, session.ReturnUrl);
                    Assert.DoesNotContain("billing.stripe.com", session.ToString(), StringComparison.Ordinal);
                    Assert.Equal(wire.IssuedUrls[^1], session.GetRedirectUri().AbsoluteUri);
                }
                else
                {
                    var refusal = await Assert.ThrowsAsync<PortalRequestException>(() => pending);
                    Assert.Contains("return_url", refusal.Message, StringComparison.Ordinal);
                    Assert.DoesNotContain("://", refusal.Message, StringComparison.Ordinal);
                }
            }

            // The wire is per worker: exactly this worker's valid calls reached Stripe, each with its own fields.
            Assert.Equal(created, wire.Requests.Count);
            Assert.All(wire.Requests, c => Assert.StartsWith($"cus_w{worker}c", c.Field("customer"), StringComparison.Ordinal));
            Assert.All(wire.Requests, c => Assert.Equal(c.Field("return_url"), $"https://example.com/account/{worker}/{c.Field("customer")![$"cus_w{worker}c".Length..]}"));
        })).ToArray();

        start.Set();
        await Task.WhenAll(workers);
        Assert.Single(guard.AllowedReturnHosts);
    }
}
