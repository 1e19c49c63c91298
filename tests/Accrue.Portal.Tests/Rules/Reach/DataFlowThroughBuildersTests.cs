namespace Accrue.Portal.Tests.Rules.Reach;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

/// <summary>Data flow through receiver-returning builder chains, conditional access and null-coalescing.</summary>
public sealed class DataFlowThroughBuildersTests
{
    private const string Template = """
        using System.Text;
        using Microsoft.Extensions.Logging;
        using Stripe.BillingPortal;

        public sealed class Billing(ILogger<Billing> logger)
        {
            public void Mail(Session session, Session? maybe)
            {
                BODY
            }
        }
        """;

    private static ProjectBuilder Create(string body) => new ProjectBuilder()
        .WithAnalyzer<PortalUrlLeakAnalyzer>()
        .WithReferences(TestReferences.Logging)
        .WithSourceCode(Template.Replace("BODY", body));

    [Theory]
    [InlineData("""var body = new StringBuilder(); body.Append("Update it here: ").AppendLine(session.Url); logger.LogInformation({|PORTAL001:body.ToString()|});""")]
    [InlineData("""var body = new StringBuilder(); body.AppendLine("Hello").Append("Update: ").Append(session.Url).AppendLine(); logger.LogInformation("{Body}", {|PORTAL001:body|});""")]
    [InlineData("""var body = new StringBuilder("x"); body.Insert(0, "a").Replace("a", session.Url); logger.LogInformation({|PORTAL001:body.ToString()|});""")]
    [InlineData("""var body = new StringBuilder(); body.AppendFormat("{0}", "a").AppendJoin(",", session.Url, "b"); logger.LogInformation({|PORTAL001:body.ToString()|});""")]
    [InlineData("""StringBuilder? body = new StringBuilder(); body?.Append("go: ").Append(session.Url); logger.LogInformation({|PORTAL001:body?.ToString()|});""")]
    [InlineData("""logger.LogInformation({|PORTAL001:new StringBuilder().Append("go: ").Append(session.Url).ToString()|});""")]
    [InlineData("""logger.LogInformation("{Body}", {|PORTAL001:session.StripeResponse?.Content|});""")]
    [InlineData("""logger.LogInformation("{Body}", {|PORTAL001:maybe?.StripeResponse?.Content|});""")]
    [InlineData("""logger.LogInformation("{Body}", {|PORTAL001:session.StripeResponse?.Content ?? "none"|});""")]
    [InlineData("""logger.LogInformation("{Url}", {|PORTAL001:maybe?.Url|});""")]
    [InlineData("""logger.LogInformation("{Url}", {|PORTAL001:maybe?.Url ?? session.Id|});""")]
    [InlineData("""string? shown = null; shown ??= maybe?.Url; logger.LogInformation("{Url}", {|PORTAL001:shown|});""")]
    [InlineData("""var urls = new[] { session.Url }; logger.LogInformation("{Url}", {|PORTAL001:urls?[0]|});""")]
    public Task Chains_and_null_safe_reads_carry_the_url(string body) =>
        Create(body).ValidateAsync();

    [Theory]
    [InlineData("""var body = new StringBuilder(); body.Append("Update it here: ").AppendLine(session.Id); logger.LogInformation(body.ToString());""")]
    [InlineData("""var body = new StringBuilder(); var other = new StringBuilder(); other.Append(session.Url); body.Append("x").AppendLine(); logger.LogInformation(body.ToString());""")]
    [InlineData("""logger.LogInformation("{Status}", session.StripeResponse?.StatusCode);""")]
    [InlineData("""logger.LogInformation("{Id}", maybe?.Id ?? "none");""")]
    [InlineData("""logger.LogInformation("{Length}", maybe?.Url?.Length);""")]
    public Task Chains_and_null_safe_reads_without_the_url_are_not_reported(string body) =>
        Create(body).ValidateAsync();
}
