namespace Accrue.Portal.Tests.Reliability;

using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Tests.Runtime;
using Stripe.BillingPortal;
using StripeNetStandIn;

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
            public static Task<PortalSession> CreateAsync(SessionCreateOptions options, PortalGuardOptions guard, CancellationToken cancellationToken) =>
                new StripeClient("sk_test").V1.BillingPortal.Sessions.CreateGuardedAsync(options, guard, cancellationToken: cancellationToken);
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
            using var recorder = StandInRecorder.Start();
            var created = 0;
            for (var call = 0; call < CallsPerWorker; call++)
            {
                var customer = $"cus_w{worker}c{call}";
                var valid = (worker + call) % 3 != 0;
                var returnUrl = valid ? $"https://example.com/account/{worker}/{call}" : $"https://phish-{worker}.example.net/{call}";
                var options = new SessionCreateOptions { Customer = customer, Configuration = "bpc_123", ReturnUrl = returnUrl };
                var pending = (Task<PortalSession>)GeneratedHost.Invoke(host, "CreateAsync", options, guard, CancellationToken.None)!;
                if (valid)
                {
                    var session = await pending;
                    created++;
                    Assert.Equal(customer, session.Customer);
                    Assert.Equal(returnUrl, session.ReturnUrl);
                    Assert.DoesNotContain("billing.stripe.com", session.ToString(), StringComparison.Ordinal);
                }
                else
                {
                    var refusal = await Assert.ThrowsAsync<PortalRequestException>(() => pending);
                    Assert.Contains("return_url", refusal.Message, StringComparison.Ordinal);
                    Assert.DoesNotContain("://", refusal.Message, StringComparison.Ordinal);
                }
            }

            // The recorder is per worker: exactly this worker's valid calls reached "Stripe", each with its own options.
            Assert.Equal(created, recorder.Calls.Count);
            Assert.All(recorder.Calls, c => Assert.StartsWith($"cus_w{worker}c", ((SessionCreateOptions)c.Options).Customer, StringComparison.Ordinal));
        })).ToArray();

        start.Set();
        await Task.WhenAll(workers);
        Assert.Single(guard.AllowedReturnHosts);
    }
}
