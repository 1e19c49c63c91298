namespace Accrue.Portal.Tests.Agreement;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

/// <summary>
/// One table of return URLs and customer ids, each judged by the analyzers on a constant (PORTAL003, PORTAL007) and by
/// the guard at run time with the equivalent options: both must give the row's verdict. One compilation per profile;
/// each row is its own method, and diagnostics map back to rows by line.
/// </summary>
public sealed class ReturnUrlAgreementTests
{
    private const string Url = "return_url";
    private const string Customer = "customer";
    private const string Account = "customer_account";
    private const string AcceptedUrl = "https://example.com/account";
    private const string AcceptedCustomer = "cus_123";

    /// <summary>A "|" splits the constant start the analyzer sees from the rest, which it sees as a parameter.</summary>
    private const char RuntimeRest = '|';

    private static readonly Dictionary<string, Profile> Profiles = new()
    {
        ["default"] = new([], BuildConfiguration.Debug, () => new PortalGuardOptions()),
        ["localhost-debug"] = new(["accrue_portal.allow_http_localhost = true"], BuildConfiguration.Debug, () => new PortalGuardOptions { AllowHttpLocalhost = true }),
        ["localhost-release"] = new(["accrue_portal.allow_http_localhost = true"], BuildConfiguration.Release, () => new PortalGuardOptions { AllowHttpLocalhost = true }),
        ["hosts"] = new(
            ["accrue_portal.allowed_return_hosts = example.com, *.example.org, bücher.example"],
            BuildConfiguration.Debug,
            () => new PortalGuardOptions { AllowedReturnHosts = ["example.com", "*.example.org", "bücher.example"] }),
        ["schemes"] = new(["accrue_portal.allowed_return_url_schemes = myapp, deeplink:"], BuildConfiguration.Debug, () => new PortalGuardOptions { AllowedCustomSchemes = ["myapp", "deeplink:"] }),
    };

    private static readonly Row[] Table =
    [
        // Shape: absolute https, ports, case, userinfo, malformed authorities.
        new("default", Url, "https://example.com/account", true),
        new("default", Url, "HTTPS://EXAMPLE.COM/Account", true),
        new("default", Url, "https://example.com:8443/account", true),
        new("default", Url, "https://example.com:/account", true),
        new("default", Url, "https://example.com:65536/account", false),
        new("default", Url, "https://example.com:80a/account", false),
        new("default", Url, "https://user:password@example.com/account", false),
        new("default", Url, "https://example.com@evil.example/account", false),
        new("default", Url, "https://@example.com/account", true),
        new("default", Url, "https://example.com./account", true),
        new("default", Url, "https://bücher.example/account", true),
        new("default", Url, "https://xn--bcher-kva.example/account", true),
        new("default", Url, "https:///account", false),
        new("default", Url, "https://", false),
        new("default", Url, "https:example.com/account", false),
        new("default", Url, "https://exa mple.com/account", false),
        new("default", Url, "https://[::1]/account", true),
        new("default", Url, "https://[::1/account", false),
        new("default", Url, "  https://example.com/account  ", true),
        new("default", Url, "https://example.com?state=1", true),
        new("default", Url, "https://|example.com/account", true),
        new("default", Url, "https://billing@|example.com/account", false),

        // Relative, protocol-relative, empty.
        new("default", Url, "/account", false),
        new("default", Url, "~/account", false),
        new("default", Url, "account/billing", false),
        new("default", Url, "example.com/account", false),
        new("default", Url, "//example.com/account", false),
        new("default", Url, "\\\\example.com\\account", false),
        new("default", Url, "", false),
        new("default", Url, "   ", false),
        new("default", Url, "?next=1", false),
        new("default", Url, "#top", false),

        // Schemes other than https without options.
        new("default", Url, "http://example.com/account", false),
        new("default", Url, "http://localhost:5000/account", false),
        new("default", Url, "myapp://billing/done", false),
        new("default", Url, "javascript:alert(1)", false),
        new("default", Url, "ftp://example.com/account", false),

        // Plain http to loopback, in Debug with allow_http_localhost (RFC 6761 names, 127.0.0.0/8, ::1).
        new("localhost-debug", Url, "http://localhost/account", true),
        new("localhost-debug", Url, "http://localhost:5000/account", true),
        new("localhost-debug", Url, "http://LOCALHOST:5000/account", true),
        new("localhost-debug", Url, "http://localhost./account", true),
        new("localhost-debug", Url, "http://app.localhost:5000/account", true),
        new("localhost-debug", Url, "http://a.b.localhost/account", true),
        new("localhost-debug", Url, "http://localhost.example.com/account", false),
        new("localhost-debug", Url, "http://notlocalhost/account", false),
        new("localhost-debug", Url, "http://loopback/account", false),
        new("localhost-debug", Url, "http://127.0.0.1:5000/account", true),
        new("localhost-debug", Url, "http://127.0.0.2/account", true),
        new("localhost-debug", Url, "http://127.255.255.254/account", true),
        new("localhost-debug", Url, "http://128.0.0.1/account", false),
        new("localhost-debug", Url, "http://0.0.0.0/account", false),
        new("localhost-debug", Url, "http://[::1]:8080/account", true),
        new("localhost-debug", Url, "http://[0:0:0:0:0:0:0:1]/account", true),
        new("localhost-debug", Url, "http://[::2]/account", false),
        new("localhost-debug", Url, "http://user@localhost/account", false),
        new("localhost-debug", Url, "http://example.com/account", false),
        new("localhost-debug", Url, "https://localhost/account", true),
        new("localhost-debug", Url, "http://localhost:5000/|account", true),
        new("localhost-debug", Url, "http://example.com/|account", false),

        // Release builds never take plain http.
        new("localhost-release", Url, "http://localhost:5000/account", false),
        new("localhost-release", Url, "http://127.0.0.1/account", false),
        new("localhost-release", Url, "https://localhost/account", true),

        // The host allow-list: exact hosts, "*." for subdomains (not the apex), compared in ASCII form.
        new("hosts", Url, "https://example.com/account", true),
        new("hosts", Url, "https://EXAMPLE.COM/account", true),
        new("hosts", Url, "https://example.com./account", true),
        new("hosts", Url, "https://example.com:8443/account", true),
        new("hosts", Url, "https://www.example.com/account", false),
        new("hosts", Url, "https://app.example.org/account", true),
        new("hosts", Url, "https://a.b.example.org/account", true),
        new("hosts", Url, "https://example.org/account", false),
        new("hosts", Url, "https://evilexample.org/account", false),
        new("hosts", Url, "https://example.org.evil.net/account", false),
        new("hosts", Url, "https://example.com.evil.net/account", false),
        new("hosts", Url, "https://BÜCHER.example/account", true),
        new("hosts", Url, "https://xn--bcher-kva.example/account", true),
        new("hosts", Url, "https://example.com@evil.net/account", false),
        new("hosts", Url, "https://evil.net/?next=https://example.com/", false),
        new("hosts", Url, "https://example.com/|account", true),
        new("hosts", Url, "https://evil.net/|account", false),
        new("hosts", Url, "http://example.com/account", false),

        // Custom schemes: listed (any case, with or without the colon) or not.
        new("schemes", Url, "myapp://billing/done", true),
        new("schemes", Url, "MyApp://billing/done", true),
        new("schemes", Url, "myapp:done", true),
        new("schemes", Url, "deeplink://done", true),
        new("schemes", Url, "otherapp://done", false),
        new("schemes", Url, "https://example.com/account", true),
        new("schemes", Url, "http://example.com/account", false),
        new("schemes", Url, "/|account", false),

        // Customer and account ids: the prefix, then at least one ASCII letter, digit or underscore.
        new("default", Customer, "cus_123", true),
        new("default", Customer, "cus_NffrFeUfNV2Hib", true),
        new("default", Customer, "cus_", false),
        new("default", Customer, "jane@example.com", false),
        new("default", Customer, "acct_123", false),
        new("default", Customer, " cus_123", false),
        new("default", Customer, "cus_123 ", false),
        new("default", Customer, "cus_12 3", false),
        new("default", Customer, "CUS_123", false),
        new("default", Customer, "cus_ü123", false),
        new("default", Customer, "user-42", false),
        new("default", Customer, "", false),
        new("default", Account, "acct_1Nv0FGQ9RKHgCVdK", true),
        new("default", Account, "cus_123", false),
        new("default", Account, "acct_", false),
        new("default", Account, "acct_1 2", false),
    ];

    public static TheoryData<string> ProfileNames() => [.. Profiles.Keys];

    [Fact]
    public void The_table_covers_every_profile_with_at_least_60_rows()
    {
        Assert.True(Table.Length >= 60, $"{Table.Length} rows");
        Assert.All(Profiles.Keys, name => Assert.Contains(Table, row => row.Profile == name));
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public async Task Analyzer_and_guard_give_each_row_the_same_verdict(string profileName)
    {
        var profile = Profiles[profileName];
        var rows = Table.Where(row => row.Profile == profileName).ToArray();
        var analyzerVerdicts = await AnalyzerAcceptsAsync(profile, rows);

        var wrong = new List<string>();
        for (var i = 0; i < rows.Length; i++)
        {
            var guard = GuardAccepts(profile, rows[i]);
            if (analyzerVerdicts[i] != rows[i].Accepted || guard != rows[i].Accepted)
            {
                wrong.Add($"{rows[i].Field} '{rows[i].Value}': expected {Verdict(rows[i].Accepted)}, analyzer {Verdict(analyzerVerdicts[i])}, guard {Verdict(guard)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string Verdict(bool accepted) => accepted ? "accepts" : "refuses";

    private static bool GuardAccepts(Profile profile, Row row)
    {
        var value = row.Value.Replace(RuntimeRest.ToString(), string.Empty, StringComparison.Ordinal);
        var request = new PortalSessionRequest { Configuration = "bpc_123", ReturnUrl = row.Field == Url ? value : AcceptedUrl };
        if (row.Field == Account)
        {
            request.CustomerAccount = value;
        }
        else
        {
            request.Customer = row.Field == Customer ? value : AcceptedCustomer;
        }

        try
        {
            PortalGuard.Validate(request, profile.GuardOptions(), profile.Build == BuildConfiguration.Release);
            return true;
        }
        catch (PortalRequestException refusal)
        {
            return !refusal.Violations.Any(v => v.Path == row.Field);
        }
    }

    /// <summary>One compilation for the profile's rows; row i is the method on line i + 1, so a diagnostic's line names its row.</summary>
    private static async Task<bool[]> AnalyzerAcceptsAsync(Profile profile, Row[] rows)
    {
        var source = new StringBuilder("using Stripe.BillingPortal;\n");
        foreach (var (row, i) in rows.Select((row, i) => (row, i)))
        {
            var returnUrl = row.Field == Url ? Expression(row.Value) : Literal(AcceptedUrl);
            var customer = row.Field switch
            {
                Customer => $"Customer = {Literal(row.Value)}",
                Account => $"CustomerAccount = {Literal(row.Value)}",
                _ => $"Customer = {Literal(AcceptedCustomer)}",
            };
            source.Append($"static class Row{i} {{ public static Session Open(SessionService s, string rest) => s.Create(new SessionCreateOptions {{ {customer}, Configuration = \"bpc_123\", ReturnUrl = {returnUrl} }}); }}\n");
        }

        var result = await new ProjectBuilder()
            .WithAnalyzer<ReturnUrlNotAbsoluteHttpsAnalyzer>()
            .WithAnalyzer<MissingOrMalformedCustomerAnalyzer>()
            .WithBuildConfiguration(profile.Build)
            .WithEditorConfig(profile.EditorConfig)
            .WithSourceCode(source.ToString())
            .AnalyzeAsync();
        Assert.Empty(result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));

        var accepted = Enumerable.Repeat(true, rows.Length).ToArray();
        foreach (var diagnostic in result.AnalyzerDiagnostics)
        {
            var row = diagnostic.Location.GetLineSpan().StartLinePosition.Line - 1;
            var rule = rows[row].Field == Url ? "PORTAL003" : "PORTAL007";
            if (diagnostic.Id == rule)
            {
                accepted[row] = false;
            }
        }

        return accepted;
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Expression(string value)
    {
        var split = value.IndexOf(RuntimeRest, StringComparison.Ordinal);
        return split < 0 ? Literal(value) : Literal(value.Substring(0, split)) + " + rest";
    }

    private sealed record Profile(string[] EditorConfig, BuildConfiguration Build, Func<PortalGuardOptions> GuardOptions);

    private sealed record Row(string Profile, string Field, string Value, bool Accepted);
}
