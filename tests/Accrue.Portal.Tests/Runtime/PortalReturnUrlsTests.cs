namespace Accrue.Portal.Tests.Runtime;

using System;

public sealed class PortalReturnUrlsTests
{
    private static readonly PortalGuardOptions AllowList = new() { AllowedReturnHosts = { "example.com", "*.example.org" } };

    [Theory]
    [InlineData("https://example.com/account")]
    [InlineData("https://billing.example.org/done?x=1")]
    public void Allowed_hosts_pass(string url)
    {
        Assert.True(PortalReturnUrls.IsAllowed(url, AllowList));
        Assert.Equal(url, PortalReturnUrls.EnsureAllowed(url, AllowList));
    }

    [Theory]
    [InlineData("https://evil.example.net/phish")]
    [InlineData("https://example.com.evil.net/")]
    [InlineData("http://example.com/account")]
    [InlineData("/account")]
    [InlineData("https://user:pass@example.com/")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused_without_echoing_the_value(string? url)
    {
        Assert.False(PortalReturnUrls.IsAllowed(url, AllowList));
        var refusal = Assert.Throws<PortalRequestException>(() => PortalReturnUrls.EnsureAllowed(url, AllowList));
        Assert.Contains("return_url", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("://", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_input_is_never_trusted_without_an_allow_list()
    {
        var refusal = Assert.Throws<PortalRequestException>(() => PortalReturnUrls.EnsureAllowed("https://example.com/account", new PortalGuardOptions()));
        Assert.Contains("AllowedReturnHosts is empty", refusal.Message, StringComparison.Ordinal);
    }
}
