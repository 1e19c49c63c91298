namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

/// <summary>PORTAL006 for the 2026-10-28.endive fields (Stripe.net 53.1): subscription_pause, customer_update and after_expiration.</summary>
public sealed class Portal006IncompleteFlowDataPauseTests
{
    private static ProjectBuilder Create(string source) => new ProjectBuilder()
        .WithAnalyzer<IncompleteFlowDataAnalyzer>()
        .WithCodeFixProvider<IncompleteFlowDataCodeFixProvider>(IncompleteFlowDataCodeFixProvider.CreateSubOptionsKey)
        .WithSourceCode(source);

    [Fact]
    public Task Pause_without_subscription_is_reported_and_fixed_from_parameter() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Pause(string customerId, string subscriptionId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = new SessionFlowDataOptions { Type = {|#0:"subscription_pause"|} },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL006").WithLocation(0)
                .WithMessage("flow_data.type is 'subscription_pause' but flow_data.subscription_pause.subscription is not set; Stripe rejects the session"))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Pause(string customerId, string subscriptionId) => new SessionService().Create(new SessionCreateOptions
                    {
                        Customer = customerId,
                        FlowData = new SessionFlowDataOptions { Type = "subscription_pause", SubscriptionPause = new SessionFlowDataSubscriptionPauseOptions { Subscription = subscriptionId } },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Pause_options_without_subscription_are_reported_and_fixed_in_place() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Pause(string customerId, string subscription)
                {
                    var options = new SessionCreateOptions { Customer = customerId, FlowData = new SessionFlowDataOptions { SubscriptionPause = new SessionFlowDataSubscriptionPauseOptions() } };
                    options.FlowData.Type = [|"subscription_pause"|];
                    return new SessionService().Create(options);
                }
            }
            """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Pause(string customerId, string subscription)
                    {
                        var options = new SessionCreateOptions { Customer = customerId, FlowData = new SessionFlowDataOptions { SubscriptionPause = new SessionFlowDataSubscriptionPauseOptions() { Subscription = subscription } } };
                        options.FlowData.Type = "subscription_pause";
                        return new SessionService().Create(options);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Pause_with_its_subscription_is_silent() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Pause(string customerId, string subscriptionId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = new SessionFlowDataOptions
                    {
                        Type = "subscription_pause",
                        SubscriptionPause = new SessionFlowDataSubscriptionPauseOptions { Subscription = subscriptionId },
                    },
                });
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task Pause_carrying_cancel_options_is_reported_on_the_carried_options() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Pause(string customerId, string subscriptionId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = new SessionFlowDataOptions
                    {
                        Type = "subscription_pause",
                        SubscriptionPause = new SessionFlowDataSubscriptionPauseOptions { Subscription = subscriptionId },
                        SubscriptionCancel = {|#0:new SessionFlowDataSubscriptionCancelOptions { Subscription = subscriptionId }|},
                    },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL006").WithLocation(0)
                .WithMessage("flow_data.type is 'subscription_pause' but flow_data.subscription_cancel is set, which only 'subscription_cancel' takes"))
            .ValidateAsync();

    [Fact]
    public Task Customer_update_is_complete_alone_but_not_with_pause_options() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Details(string customerId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = new SessionFlowDataOptions { Type = "customer_update" },
                });

                Session Mixed(string customerId, string subscriptionId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = new SessionFlowDataOptions
                    {
                        Type = "customer_update",
                        SubscriptionPause = {|#0:new SessionFlowDataSubscriptionPauseOptions { Subscription = subscriptionId }|},
                    },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL006").WithLocation(0)
                .WithMessage("flow_data.type is 'customer_update' but flow_data.subscription_pause is set, which only 'subscription_pause' takes"))
            .ValidateAsync();

    [Fact]
    public Task After_expiration_without_type_is_reported_and_with_customer_login_is_silent() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Untyped(string customerId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    AfterExpiration = {|#0:new SessionAfterExpirationOptions { CustomerLogin = new SessionAfterExpirationCustomerLoginOptions() }|},
                });

                Session Typed(string customerId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    AfterExpiration = new SessionAfterExpirationOptions { Type = "customer_login", CustomerLogin = new SessionAfterExpirationCustomerLoginOptions() },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL006").WithLocation(0)
                .WithMessage("after_expiration is set without after_expiration.type; Stripe requires it"))
            .ValidateAsync();

    [Fact]
    public Task With_an_older_Stripe_net_pause_is_PORTAL005s_business() =>
        new ProjectBuilder()
            .WithAnalyzer<IncompleteFlowDataAnalyzer>()
            .WithoutStripe()
            .WithReferences(TestReferences.StripeNetPinning("2026-07-29.dahlia"))
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Pause(string customerId) => new SessionService().Create(new SessionCreateOptions
                    {
                        Customer = customerId,
                        FlowData = new SessionFlowDataOptions { Type = "subscription_pause" },
                    });
                }
                """)
            .ValidateAsync();
}
