namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

/// <summary>The request rules on half-typed code: no analyzer may throw (the verifier fails on AD0001).</summary>
public sealed class PortalRequestRulesRobustnessTests
{
    [Theory]
    [InlineData("new SessionService().Create(new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = } });")]
    [InlineData("var options = new SessionCreateOptions { ReturnUrl = $\"http://{Missing}\" }; options.FlowData.Type = \"subscription_cancel\"; new SessionService().Create(options")]
    [InlineData("var options = new SessionCreateOptions(1, 2) { Customer = }; options.Unknown.X = 1; new SessionService().CreateAsync(options, null, default, 4);")]
    [InlineData("var options = new SessionCreateOptions(); options.FlowData.SubscriptionUpdateConfirm.Items.Add(); new SessionService().Create(options);")]
    [InlineData("new SessionService().Create(new SessionCreateOptions { ReturnUrl = Url.Action(, protocol: ) });")]
    public async Task Broken_code_does_not_throw(string body)
    {
        var result = await new ProjectBuilder()
            .WithAnalyzer<ReturnUrlNotAbsoluteHttpsAnalyzer>()
            .WithAnalyzer<UnpinnedConfigurationAnalyzer>()
            .WithAnalyzer<IncompleteFlowDataAnalyzer>()
            .WithAnalyzer<MissingOrMalformedCustomerAnalyzer>()
            .WithAnalyzer<RequestInputFlowAnalyzer>()
            .WithAspNetCore()
            .WithCompilerErrorsAllowed()
            .WithBuildConfiguration(BuildConfiguration.Release)
            .WithSourceCode($$"""
                using Microsoft.AspNetCore.Mvc;
                using Stripe.BillingPortal;

                public class BillingController : Controller
                {
                    public void Portal(string returnUrl)
                    {
                        {{body}}
                    }
                }
                """)
            .AnalyzeAsync();
        Assert.NotEmpty(result.CompilerDiagnostics);
    }
}
