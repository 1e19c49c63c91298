namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Diagnostics;
using System.Reflection;

public sealed class PortalSessionTests
{
    private const string Url = "https://billing.stripe.com/p/session/test_YWNjdF8xTXNlY3JldA";

    private static PortalSession Session() =>
        new("bps_123", "cus_123", "https://example.com/account", true, new DateTime(2026, 7, 29, 12, 0, 0, DateTimeKind.Utc), PortalFlowTypes.SubscriptionCancel, new Uri(Url));

    [Fact]
    public void The_url_is_only_reachable_through_GetRedirectUri()
    {
        var session = Session();

        Assert.Equal(Url, session.GetRedirectUri().AbsoluteUri);
        Assert.DoesNotContain(typeof(PortalSession).GetProperties(), p => p.PropertyType == typeof(Uri));
        Assert.DoesNotContain(typeof(PortalSession).GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static), _ => true);
    }

    [Fact]
    public void ToString_and_debugger_display_redact_the_url()
    {
        var session = Session();
        var display = typeof(PortalSession).GetCustomAttribute<DebuggerDisplayAttribute>()!;
        var field = typeof(PortalSession).GetField("redirectUri", BindingFlags.NonPublic | BindingFlags.Instance)!;

        Assert.Equal("PortalSession bps_123 (customer cus_123, live, flow subscription_cancel, url redacted)", session.ToString());
        Assert.Equal("{ToString(),nq}", display.Value);
        Assert.Equal(DebuggerBrowsableState.Never, field.GetCustomAttribute<DebuggerBrowsableAttribute>()!.State);
    }

    [Fact]
    public void System_Text_Json_writes_the_safe_fields_only()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Session(), new System.Text.Json.JsonSerializerOptions { IncludeFields = true });

        Assert.Equal(
            """{"Id":"bps_123","Customer":"cus_123","ReturnUrl":"https://example.com/account","Livemode":true,"Created":"2026-07-29T12:00:00Z","FlowType":"subscription_cancel"}""",
            json);
    }

    [Fact]
    public void Newtonsoft_Json_writes_the_safe_fields_only()
    {
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(new { session = Session() });

        Assert.Equal(
            """{"session":{"Id":"bps_123","Customer":"cus_123","ReturnUrl":"https://example.com/account","Livemode":true,"Created":"2026-07-29T12:00:00Z","FlowType":"subscription_cancel"}}""",
            json);
    }

    [Theory]
    [InlineData("http://billing.stripe.com/p/session/x")]
    [InlineData("/p/session/x")]
    public void The_handle_takes_only_an_absolute_https_url(string url)
    {
        var uri = new Uri(url, UriKind.RelativeOrAbsolute);

        var refused = Assert.Throws<ArgumentException>(() => new PortalSession("bps_1", null, null, false, DateTime.UtcNow, null, uri));

        Assert.DoesNotContain("/p/session/x", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_refuses_an_answer_without_a_usable_url_without_echoing_it()
    {
        using var creation = PortalGuard.BeginCreate(new PortalSessionRequest { Customer = "cus_1", Configuration = "bpc_1" }, null, releaseBuild: false);

        var refused = Assert.Throws<InvalidOperationException>(() => creation.Complete("bps_1", "cus_1", null, false, DateTime.UtcNow, null, "http://billing.stripe.com/p/session/leak"));

        Assert.DoesNotContain("leak", refused.Message, StringComparison.Ordinal);
    }
}
