namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

/// <summary>
/// PORTAL005 with the values of API version 2026-10-28.endive (Stripe.net 53.1), judged by the API version of the
/// Stripe.net the project references. "Equal" is the real 53.1.0 package; "older" and "newer" are that same assembly
/// with only its <c>Stripe.ApiVersion.Current</c> constant rewritten (<see cref="TestReferences.StripeNetPinning"/>).
/// </summary>
public sealed class Portal005UnknownFlowTypeApiVersionTests
{
    private const string Older = "2026-07-29.dahlia";
    private const string Newer = "2027-01-27.fennel";

    private static ProjectBuilder Create(string? apiVersion = null)
    {
        var builder = new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithCodeFixProvider<UnknownFlowTypeCodeFixProvider>(UnknownFlowTypeCodeFixProvider.ReplaceWithSuggestionKey);
        return apiVersion is null ? builder : builder.WithoutStripe().WithReferences(TestReferences.StripeNetPinning(apiVersion));
    }

    private static string FlowOfType(string type) => $$"""
        using Stripe.BillingPortal;

        class Billing
        {
            Session Open(string customerId, string subscriptionId) => new SessionService().Create(new SessionCreateOptions
            {
                Customer = customerId,
                FlowData = new SessionFlowDataOptions { Type = {{type}}, SubscriptionPause = new SessionFlowDataSubscriptionPauseOptions { Subscription = subscriptionId } },
            });
        }
        """;

    [Fact]
    public void The_real_package_pins_the_newest_version_the_tables_know() =>
        Assert.Equal(Internal.StripeApiVersions.Newest, TestReferences.StripeNetApiVersion);

    [Theory]
    [InlineData("\"customer_update\"")]
    [InlineData("\"subscription_pause\"")]
    [InlineData("Accrue.Portal.PortalFlowTypes.SubscriptionPause")]
    public Task Endive_flow_types_are_valid_with_the_real_package(string type) =>
        Create().WithPortalRuntime().WithSourceCode(FlowOfType(type)).ValidateAsync();

    [Fact]
    public Task After_expiration_customer_login_is_valid_with_the_real_package() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions
                    {
                        Customer = customerId,
                        AfterExpiration = new SessionAfterExpirationOptions { Type = "customer_login", CustomerLogin = new SessionAfterExpirationCustomerLoginOptions() },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Near_miss_of_subscription_pause_is_reported_with_did_you_mean_and_fixed() =>
        Create()
            .WithSourceCode(FlowOfType("{|#0:\"subscription_paus\"|}"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0)
                .WithMessage("'subscription_paus' is not a value Stripe accepts for flow_data.type; did you mean 'subscription_pause'?"))
            .ShouldFixCodeWith(FlowOfType("\"subscription_pause\""))
            .ValidateAsync();

    [Fact]
    public Task Near_miss_of_customer_login_is_reported_and_fixed() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    void Configure(SessionCreateOptions options) =>
                        options.AfterExpiration = new SessionAfterExpirationOptions { Type = {|#0:"customer-login"|} };
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0)
                .WithMessage("'customer-login' is not a value Stripe accepts for after_expiration.type; did you mean 'customer_login'?"))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    void Configure(SessionCreateOptions options) =>
                        options.AfterExpiration = new SessionAfterExpirationOptions { Type = "customer_login" };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Runtime_constant_fix_uses_the_endive_constants() =>
        new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithCodeFixProvider<UnknownFlowTypeCodeFixProvider>(UnknownFlowTypeCodeFixProvider.UseRuntimeConstantKey)
            .WithPortalRuntime()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionCreateOptions Pause() => new SessionCreateOptions
                    {
                        FlowData = new SessionFlowDataOptions { Type = [|"subscription-pause"|] },
                        AfterExpiration = new SessionAfterExpirationOptions { Type = [|"Customer_Login"|] },
                    };
                }
                """)
            .ShouldFixCodeWith("""
                using Accrue.Portal;
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionCreateOptions Pause() => new SessionCreateOptions
                    {
                        FlowData = new SessionFlowDataOptions { Type = PortalFlowTypes.SubscriptionPause },
                        AfterExpiration = new SessionAfterExpirationOptions { Type = PortalAfterExpirationTypes.CustomerLogin },
                    };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task An_unknown_value_is_reported_with_the_real_package() =>
        Create()
            .WithSourceCode(FlowOfType("{|#0:\"gift_card_redeem\"|}"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0)
                .WithMessage("'gift_card_redeem' is not a value Stripe accepts for flow_data.type (expected one of: customer_update, payment_method_update, subscription_cancel, subscription_pause, subscription_update, subscription_update_confirm)"))
            .ValidateAsync();

    [Fact]
    public Task With_an_older_Stripe_net_subscription_pause_is_reported_naming_both_versions() =>
        Create(Older)
            .WithSourceCode(FlowOfType("{|#0:\"subscription_pause\"|}"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0)
                .WithMessage("'subscription_pause' is not a value Stripe accepts for flow_data.type in API version 2026-07-29.dahlia, which the referenced Stripe.net pins; it came with 2026-10-28.endive"))
            .ValidateAsync();

    [Fact]
    public Task With_an_older_Stripe_net_customer_update_through_extra_params_is_reported_and_baseline_values_are_not() =>
        Create(Older)
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId)
                    {
                        var options = new SessionCreateOptions { Customer = customerId };
                        options.AddExtraParam("flow_data[type]", {|#0:"customer_update"|});
                        options.AddExtraParam("flow_data[after_completion][type]", "portal_homepage");
                        return new SessionService().Create(options);
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0)
                .WithMessage("'customer_update' is not a value Stripe accepts for flow_data.type in API version 2026-07-29.dahlia, which the referenced Stripe.net pins; it came with 2026-10-28.endive"))
            .ValidateAsync();

    [Fact]
    public Task With_an_older_Stripe_net_an_unknown_value_lists_only_the_values_it_knows() =>
        Create(Older)
            .WithSourceCode(FlowOfType("{|#0:\"refund\"|}"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0)
                .WithMessage("'refund' is not a value Stripe accepts for flow_data.type (expected one of: payment_method_update, subscription_cancel, subscription_update, subscription_update_confirm)"))
            .ValidateAsync();

    [Theory]
    [InlineData("\"gift_card_redeem\"")]
    [InlineData("\"refund\"")]
    [InlineData("\"subscription_pause\"")]
    public Task With_a_newer_Stripe_net_values_the_tables_lack_are_not_reported(string type) =>
        Create(Newer).WithSourceCode(FlowOfType(type)).ValidateAsync();

    [Fact]
    public Task With_a_newer_Stripe_net_a_near_miss_of_a_known_value_is_still_reported() =>
        Create(Newer)
            .WithSourceCode(FlowOfType("{|#0:\"subscription_paus\"|}"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0)
                .WithMessage("'subscription_paus' is not a value Stripe accepts for flow_data.type; did you mean 'subscription_pause'?"))
            .ShouldFixCodeWith(FlowOfType("\"subscription_pause\""))
            .ValidateAsync();

    [Fact]
    public Task A_look_alike_ApiVersion_in_source_does_not_move_the_version() =>
        Create()
            .WithSourceCode(FlowOfType("{|#0:\"gift_card_redeem\"|}"))
            .WithSourceCode("""
                namespace Stripe
                {
                    internal static class ApiVersion
                    {
                        public const string Current = "2027-01-27.fennel";
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL005").WithLocation(0)
                .WithMessage("'gift_card_redeem' is not a value Stripe accepts for flow_data.type (expected one of: customer_update, payment_method_update, subscription_cancel, subscription_pause, subscription_update, subscription_update_confirm)"))
            .ValidateAsync();
}
