namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

public sealed class Portal007MissingOrMalformedCustomerTests
{
    private const string Missing = "The portal session is created with neither Customer nor CustomerAccount; Stripe rejects it";

    private static ProjectBuilder Create(string source) => new ProjectBuilder()
        .WithAnalyzer<MissingOrMalformedCustomerAnalyzer>()
        .WithSourceCode(source);

    [Fact]
    public Task Initializer_without_customer_with_new_SessionService_is_reported() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open() => new SessionService().Create({|#0:new SessionCreateOptions { ReturnUrl = "https://example.com/account" }|});
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithMessage(Missing))
            .ValidateAsync();

    [Fact]
    public Task Local_without_customer_with_client_service_async_is_reported() =>
        Create("""
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            class Billing
            {
                async Task<string> OpenAsync(IStripeClient client)
                {
                    var options = new SessionCreateOptions();
                    options.ReturnUrl = "https://example.com/account";
                    var session = await new SessionService(client).CreateAsync([|options|]);
                    return session.Id;
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task StripeClient_V1_path_is_reported() =>
        Create("""
            using Stripe;
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(StripeClient client)
                {
                    var options = new SessionCreateOptions { Locale = "auto" };
                    return client.V1.BillingPortal.Sessions.Create([|options|]);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Customer_set_to_null_constant_is_missing() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open() => new SessionService().Create([|new SessionCreateOptions { Customer = null }|]);
            }
            """).ValidateAsync();

    [Fact]
    public Task Email_constant_gets_its_own_message() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open() => new SessionService().Create(new SessionCreateOptions { Customer = {|#0:"jane@example.com"|} });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0)
                .WithMessage("Customer 'jane@example.com' looks like an email address; Customer takes a Stripe customer id (cus_...)"))
            .ValidateAsync();

    [Fact]
    public Task Const_that_is_not_a_customer_id_is_reported_at_the_later_assignment() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                const string DemoCustomer = "user_42";

                Session Open()
                {
                    var options = new SessionCreateOptions();
                    options.Customer = {|#0:DemoCustomer|};
                    return new SessionService().Create(options);
                }
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0)
                .WithMessage("Customer 'user_42' is not a Stripe customer id (cus_...)"))
            .ValidateAsync();

    [Fact]
    public Task Constant_through_AddExtraParam_is_checked() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open()
                {
                    var options = new SessionCreateOptions();
                    options.AddExtraParam("customer", {|#0:"jane@example.com"|});
                    return new SessionService().Create(options);
                }
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0)
                .WithMessage("Customer 'jane@example.com' looks like an email address; Customer takes a Stripe customer id (cus_...)"))
            .ValidateAsync();

    [Fact]
    public Task Customer_account_that_is_not_an_account_id_is_reported() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open() => new SessionService().Create(new SessionCreateOptions { CustomerAccount = {|#0:"cus_123"|} });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0)
                .WithMessage("CustomerAccount 'cus_123' is not a Stripe account id (acct_...)"))
            .ValidateAsync();

    [Theory]
    [InlineData("cus_")]
    [InlineData("cus_123 ")]
    [InlineData("cus_12 3")]
    public Task Customer_with_the_prefix_but_not_the_id_shape_is_reported(string customer) =>
        Create($$"""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open() => new SessionService().Create(new SessionCreateOptions { Customer = {|#0:"{{customer}}"|} });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0)
                .WithMessage($"Customer '{customer}' is not a Stripe customer id (cus_...)"))
            .ValidateAsync();

    [Fact]
    public Task Flow_data_without_customer_in_a_lambda_is_reported() =>
        Create("""
            using System;
            using Stripe.BillingPortal;

            class Billing
            {
                Func<Session> Open() => () =>
                {
                    var options = new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = "payment_method_update" } };
                    return new SessionService().Create([|options|]);
                };
            }
            """).ValidateAsync();

    [Fact]
    public Task Both_calls_of_one_local_are_reported() =>
        Create("""
            using System.Threading.Tasks;
            using Stripe.BillingPortal;

            class Billing
            {
                async Task Open(bool sync)
                {
                    var options = new SessionCreateOptions();
                    var service = new SessionService();
                    if (sync)
                    {
                        service.Create([|options|]);
                    }
                    else
                    {
                        await service.CreateAsync([|options|]);
                    }
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Guarded_extension_call_is_checked() =>
        Create("""
            using Stripe.BillingPortal;

            static class Guard
            {
                public static Session CreateGuarded(this SessionService service, SessionCreateOptions options) => service.Create(options);
            }

            class Billing
            {
                Session Open() => new SessionService().CreateGuarded([|new SessionCreateOptions()|]);
            }
            """).ValidateAsync();

    /// <summary>The rule starts from the options the method creates: a target-typed <c>new()</c> or one inside a lambda counts too.</summary>
    [Theory]
    [InlineData("""Session Open() => new SessionService().Create([|new()|]);""")]
    [InlineData("""System.Func<Session> Open() => () => new SessionService().Create([|new SessionCreateOptions()|]);""")]
    public Task Options_created_target_typed_or_in_a_lambda_are_reported(string member) =>
        Create($$"""
            using Stripe.BillingPortal;

            class Billing
            {
                {{member}}
            }
            """).ValidateAsync();

    /// <summary>Near misses of the start: options created but never sent, or sent but created elsewhere, beside a creation.</summary>
    [Theory]
    [InlineData("""SessionCreateOptions Build() => new SessionCreateOptions { ReturnUrl = "https://example.com" };""")]
    [InlineData("""Session Open(SessionCreateOptions options) { var flow = new SessionFlowDataOptions { Type = "payment_method_update" }; return new SessionService().Create(options); }""")]
    public Task Options_not_both_created_and_sent_in_the_method_are_silent(string member) =>
        Create($$"""
            using Stripe.BillingPortal;

            class Billing
            {
                {{member}}
            }
            """).ValidateAsync();

    [Theory]
    [InlineData("""new SessionCreateOptions { Customer = "cus_123" }""")]
    [InlineData("""new SessionCreateOptions { CustomerAccount = "acct_123" }""")]
    [InlineData("""new SessionCreateOptions { Customer = customerId }""")]
    [InlineData("""Build()""")]
    [InlineData("""parameterOptions""")]
    public Task Known_or_unknown_customers_are_silent(string options) =>
        Create($$"""
            using Stripe.BillingPortal;

            class Billing
            {
                private SessionCreateOptions template = null!;

                SessionCreateOptions Build() => template;

                Session Open(string customerId, SessionCreateOptions parameterOptions) => new SessionService().Create({{options}});
            }
            """).ValidateAsync();

    [Fact]
    public Task Options_passed_to_a_helper_before_the_call_are_silent() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Fill(SessionCreateOptions options) => options.Customer = "cus_123";

                Session Open()
                {
                    var options = new SessionCreateOptions();
                    Fill(options);
                    return new SessionService().Create(options);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Customer_set_later_in_the_method_is_silent() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId)
                {
                    var options = new SessionCreateOptions();
                    options.Customer = customerId;
                    return new SessionService().Create(options);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task ExtraParams_with_computed_key_is_silent() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string key, string value)
                {
                    var options = new SessionCreateOptions();
                    options.AddExtraParam(key, value);
                    return new SessionService().Create(options);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Options_captured_by_a_lambda_are_silent() =>
        Create("""
            using System;
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(Action<Action> run, string customerId)
                {
                    var options = new SessionCreateOptions();
                    run(() => options.Customer = customerId);
                    return new SessionService().Create(options);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task App_types_with_Stripe_names_are_ignored() =>
        Create("""
            namespace MyApp
            {
                class SessionCreateOptions { public string? Customer { get; set; } }
                class SessionService { public object Create(SessionCreateOptions options) => options; }

                class Billing
                {
                    object Open() => new SessionService().Create(new SessionCreateOptions { Customer = "jane@example.com" });
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Customer_constant_with_cus_prefix_is_silent_and_write_after_call_is_ignored() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open()
                {
                    var options = new SessionCreateOptions { Customer = "cus_123" };
                    var session = new SessionService().Create(options);
                    options.Customer = "cus_456";
                    return session;
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Nothing_without_Stripe() =>
        new ProjectBuilder().WithAnalyzer<MissingOrMalformedCustomerAnalyzer>().WithoutStripe()
            .WithSourceCode("class Billing { }").ValidateAsync();
}
