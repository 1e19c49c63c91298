namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Text;

/// <summary>
/// Property-style checks with a fixed seed: whatever the strings and option graphs, no text the runtime produces
/// (ToString, debugger display, JSON, refusal messages) contains the session URL or any value given to the guard.
/// </summary>
public sealed class UrlNeverLeaksPropertyTests
{
    private const int Iterations = 2000;

    /// <summary>Every generated free-text value carries this marker, so an echoed value is easy to spot.</summary>
    private const string Marker = "QzX";

    private static readonly string[] Alphabet =
    [
        "a", "Z", "0", "_", "-", ".", "/", ":", "@", "?", "&", "=", "%", "#", " ", "é", "\"", "\\", "<", ">", "{", "}", "\n",
    ];

    [Fact]
    public void Handle_text_never_contains_the_session_url()
    {
        var random = new Random(20260729);
        var display = typeof(PortalSession).GetCustomAttribute<DebuggerDisplayAttribute>()!.Value;
        Assert.Equal("{ToString(),nq}", display);
        for (var i = 0; i < Iterations; i++)
        {
            var token = Marker + Text(random, 24);
            var url = new Uri("https://billing.stripe.com/p/session/" + Uri.EscapeDataString(token));
            var session = new PortalSession(
                "bps_" + Text(random, 12) + "x",
                Maybe(random, () => Text(random, 20)),
                Maybe(random, () => "https://example.com/" + Text(random, 10)),
                random.Next(2) == 0,
                new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next()),
                Maybe(random, () => Pick(random, PortalFlowTypes.All)),
                url);

            var texts = new[]
            {
                session.ToString(),
                System.Text.Json.JsonSerializer.Serialize(session),
                System.Text.Json.JsonSerializer.Serialize(new { session, nested = new[] { session } }),
                Newtonsoft.Json.JsonConvert.SerializeObject(session),
                Newtonsoft.Json.JsonConvert.SerializeObject(new Dictionary<string, object> { ["session"] = session }),
            };
            foreach (var text in texts)
            {
                Assert.DoesNotContain(url.AbsoluteUri, text, StringComparison.Ordinal);
                Assert.DoesNotContain(Uri.EscapeDataString(token), text, StringComparison.Ordinal);
                Assert.DoesNotContain("billing.stripe.com", text, StringComparison.Ordinal);
            }

            Assert.Equal(url, session.GetRedirectUri());
        }
    }

    [Fact]
    public void Refusal_messages_never_contain_a_value_given()
    {
        var random = new Random(424242);
        var refusals = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var request = RandomRequest(random);
            var options = new PortalGuardOptions
            {
                AllowHttpLocalhost = random.Next(2) == 0,
                AllowedReturnHosts = random.Next(3) == 0 ? ["example.com"] : [],
                AllowedCustomSchemes = random.Next(3) == 0 ? ["myapp"] : [],
                Environment = Maybe(random, () => Pick(random, ["Development", "Production", Marker + "env"])),
                DefaultConfigurationId = Maybe(random, () => Pick(random, ["bpc_" + Marker, Marker + Text(random, 5)])),
            };
            try
            {
                PortalGuard.Validate(request, options, releaseBuild: random.Next(2) == 0);
            }
            catch (PortalRequestException refused)
            {
                refusals++;
                Assert.DoesNotContain(Marker, refused.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("://", refused.Message, StringComparison.Ordinal);
                Assert.All(refused.Violations, v => Assert.DoesNotContain(Marker, v.Path + v.Message, StringComparison.Ordinal));
            }
        }

        // The generator must exercise refusals, not only valid requests.
        Assert.InRange(refusals, Iterations / 2, Iterations);
    }

    private static PortalSessionRequest RandomRequest(Random random) => new()
    {
        Customer = Maybe(random, () => Pick(random, ["cus_" + Marker + "1", Marker + "@example.com", Marker + Text(random, 6)])),
        CustomerAccount = Maybe(random, () => Pick(random, ["acct_" + Marker, Marker])),
        ReturnUrl = Maybe(random, () => RandomUrl(random)),
        Configuration = Maybe(random, () => Pick(random, ["bpc_" + Marker, Marker + "cfg"])),
        Locale = Maybe(random, () => Pick(random, ["en-GB", "en-gb", Marker + "l"])),
        OnBehalfOf = Maybe(random, () => Pick(random, ["acct_" + Marker, Marker])),
        Flow = Maybe(random, () => new PortalFlowData
        {
            Type = Maybe(random, () => Pick(random, [.. PortalFlowTypes.All, Marker + "type", "https://" + Marker + ".example.com/"])),
            AfterCompletion = Maybe(random, () => new PortalFlowAfterCompletion
            {
                Type = Maybe(random, () => Pick(random, [.. PortalAfterCompletionTypes.All, Marker])),
                HostedConfirmation = Maybe(random, () => new PortalFlowHostedConfirmation { CustomMessage = Marker + new string('m', random.Next(0, 600)) }),
                Redirect = Maybe(random, () => new PortalFlowRedirect { ReturnUrl = Maybe(random, () => RandomUrl(random)) }),
            }),
            SubscriptionCancel = Maybe(random, () => new PortalFlowSubscriptionCancel
            {
                Subscription = Maybe(random, () => "sub_" + Marker),
                Retention = Maybe(random, () => new PortalFlowRetention
                {
                    Type = Maybe(random, () => Pick(random, [PortalRetentionTypes.CouponOffer, Marker])),
                    CouponOffer = Maybe(random, () => new PortalFlowCouponOffer { Coupon = Maybe(random, () => Marker + "coupon") }),
                }),
            }),
            SubscriptionUpdate = Maybe(random, () => new PortalFlowSubscriptionUpdate { Subscription = Maybe(random, () => "sub_" + Marker) }),
            SubscriptionUpdateConfirm = Maybe(random, () => new PortalFlowSubscriptionUpdateConfirm
            {
                Subscription = Maybe(random, () => "sub_" + Marker),
                Items = Maybe(random, () => RandomItems(random)),
            }),
        }),
    };

    private static List<PortalFlowSubscriptionUpdateConfirmItem?> RandomItems(Random random)
    {
        var items = new List<PortalFlowSubscriptionUpdateConfirmItem?>();
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            items.Add(Maybe(random, () => new PortalFlowSubscriptionUpdateConfirmItem { Id = Maybe(random, () => "si_" + Marker), Price = Marker }));
        }

        return items;
    }

    private static string RandomUrl(Random random)
    {
        var scheme = Pick(random, ["https://", "http://", "myapp://", "javascript:", "/", "", "https://user:" + Marker + "@"]);
        var host = Pick(random, ["example.com", "localhost:5000", Marker + ".example.net", "127.0.0.1"]);
        return scheme + host + "/" + Marker + Text(random, 8);
    }

    private static T? Maybe<T>(Random random, Func<T> value)
        where T : class => random.Next(3) == 0 ? null : value();

    private static string Pick(Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];

    private static string Text(Random random, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }
}
