namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

public sealed class Portal005UnknownFlowTypeTests
{
    private static ProjectBuilder Create() => new ProjectBuilder()
        .WithAnalyzer<UnknownFlowTypeAnalyzer>()
        .WithCodeFixProvider<UnknownFlowTypeCodeFixProvider>(UnknownFlowTypeCodeFixProvider.ReplaceWithSuggestionKey);

    [Fact]
    public Task Typo_in_object_initializer_with_new_SessionService_is_reported_with_suggestion() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions
                    {
                        Customer = customerId,
                        FlowData = new SessionFlowDataOptions { Type = {|#0:"subscription_cancl"|} },
                    });
                }
                """)
            .ShouldReportDiagnostic(ExpectedDiagnostic.Create("PORTAL005").WithLocation(0)
                .WithMessage("'subscription_cancl' is not a value Stripe accepts for flow_data.type; did you mean 'subscription_cancel'?"))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions
                    {
                        Customer = customerId,
                        FlowData = new SessionFlowDataOptions { Type = "subscription_cancel" },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Later_assignment_with_client_service_is_reported() =>
        Create()
            .WithSourceCode("""
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(IStripeClient client)
                    {
                        var options = new SessionCreateOptions { Customer = "cus_123", FlowData = new SessionFlowDataOptions() };
                        options.FlowData.Type = [|"payment-method-update"|];
                        return new SessionService(client).Create(options);
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(IStripeClient client)
                    {
                        var options = new SessionCreateOptions { Customer = "cus_123", FlowData = new SessionFlowDataOptions() };
                        options.FlowData.Type = "payment_method_update";
                        return new SessionService(client).Create(options);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Const_local_is_reported_at_use_and_fixed_at_declaration_with_StripeClient_V1_async() =>
        Create()
            .WithSourceCode("""
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    async Task<string> OpenAsync(StripeClient client)
                    {
                        const string flow = "subscription_updte";
                        var options = new SessionCreateOptions { Customer = "cus_123" };
                        options.FlowData = new SessionFlowDataOptions { Type = [|flow|] };
                        var session = await client.V1.BillingPortal.Sessions.CreateAsync(options);
                        return session.Id;
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    async Task<string> OpenAsync(StripeClient client)
                    {
                        const string flow = "subscription_update";
                        var options = new SessionCreateOptions { Customer = "cus_123" };
                        options.FlowData = new SessionFlowDataOptions { Type = flow };
                        var session = await client.V1.BillingPortal.Sessions.CreateAsync(options);
                        return session.Id;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Const_field_in_another_file_is_fixed_there() =>
        Create()
            .WithSourceCode("Flows.cs", """
                static class Flows
                {
                    public const string Cancel = "subscription-cancel";
                }
                """)
            .WithSourceCode("Billing.cs", """
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionCreateOptions Build() => new SessionCreateOptions
                    {
                        Customer = "cus_123",
                        FlowData = new SessionFlowDataOptions { Type = [|Flows.Cancel|] },
                    };
                }
                """)
            .ShouldFixCodeWith("Flows.cs", """
                static class Flows
                {
                    public const string Cancel = "subscription_cancel";
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task After_completion_type_is_checked() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Build() => new SessionFlowDataOptions
                    {
                        Type = "payment_method_update",
                        AfterCompletion = new SessionFlowDataAfterCompletionOptions { Type = {|#0:"redirct"|} },
                    };
                }
                """)
            .ShouldReportDiagnostic(ExpectedDiagnostic.Create("PORTAL005").WithLocation(0)
                .WithMessage("'redirct' is not a value Stripe accepts for flow_data.after_completion.type; did you mean 'redirect'?"))
            .ValidateAsync();

    [Fact]
    public Task Retention_type_is_checked() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataSubscriptionCancelOptions Build() => new SessionFlowDataSubscriptionCancelOptions
                    {
                        Subscription = "sub_123",
                        Retention = new SessionFlowDataSubscriptionCancelRetentionOptions { Type = [|"coupon-offer"|] },
                    };
                }
                """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataSubscriptionCancelOptions Build() => new SessionFlowDataSubscriptionCancelOptions
                    {
                        Subscription = "sub_123",
                        Retention = new SessionFlowDataSubscriptionCancelRetentionOptions { Type = "coupon_offer" },
                    };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Far_off_value_lists_valid_values_and_offers_no_fix() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Build() => new SessionFlowDataOptions { Type = {|#0:"refund"|} };
                }
                """)
            .ShouldReportDiagnostic(ExpectedDiagnostic.Create("PORTAL005").WithLocation(0)
                .WithMessage("'refund' is not a value Stripe accepts for flow_data.type (expected one of: customer_update, payment_method_update, subscription_cancel, subscription_pause, subscription_update, subscription_update_confirm)"))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Build() => new SessionFlowDataOptions { Type = [|"refund"|] };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task AddExtraParam_and_ExtraParams_are_checked() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    void Build(SessionCreateOptions options)
                    {
                        options.AddExtraParam("flow_data[type]", [|"subscription_cancell"|]);
                        options.ExtraParams["flow_data[after_completion][type]"] = [|"portal_home_page"|];
                        options.ExtraParams.Add("flow_data[subscription_cancel][retention][type]", [|"coupon_ofer"|]);
                        options.AddExtraParam("locale", "subscription_cancell");
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    void Build(SessionCreateOptions options)
                    {
                        options.AddExtraParam("flow_data[type]", "subscription_cancel");
                        options.ExtraParams["flow_data[after_completion][type]"] = "portal_homepage";
                        options.ExtraParams.Add("flow_data[subscription_cancel][retention][type]", "coupon_offer");
                        options.AddExtraParam("locale", "subscription_cancell");
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Fix_All_fixes_every_typo_in_document_and_project() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Cancel() => new SessionFlowDataOptions { Type = [|"Subscription_Cancel"|] };
                    SessionFlowDataOptions Update() => new SessionFlowDataOptions { Type = [|"subscription_updat"|] };
                    SessionFlowDataOptions Confirm() => new SessionFlowDataOptions { Type = [|"subscription_update_confrim"|] };
                }
                """)
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class More
                {
                    SessionFlowDataOptions Pay() => new SessionFlowDataOptions { Type = [|"payment_method_updat"|] };
                }
                """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Cancel() => new SessionFlowDataOptions { Type = "subscription_cancel" };
                    SessionFlowDataOptions Update() => new SessionFlowDataOptions { Type = "subscription_update" };
                    SessionFlowDataOptions Confirm() => new SessionFlowDataOptions { Type = "subscription_update_confirm" };
                }
                """)
            .ShouldFixCodeWith("Test1.cs", """
                using Stripe.BillingPortal;

                class More
                {
                    SessionFlowDataOptions Pay() => new SessionFlowDataOptions { Type = "payment_method_update" };
                }
                """)
            .ShouldBatchFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Cancel() => new SessionFlowDataOptions { Type = "subscription_cancel" };
                    SessionFlowDataOptions Update() => new SessionFlowDataOptions { Type = "subscription_update" };
                    SessionFlowDataOptions Confirm() => new SessionFlowDataOptions { Type = "subscription_update_confirm" };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Runtime_constant_fix_uses_PortalFlowTypes_when_runtime_is_referenced() =>
        new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithCodeFixProvider<UnknownFlowTypeCodeFixProvider>(UnknownFlowTypeCodeFixProvider.UseRuntimeConstantKey)
            .WithPortalRuntime()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Cancel() => new SessionFlowDataOptions
                    {
                        Type = [|"subscription_cancle"|],
                        AfterCompletion = new SessionFlowDataAfterCompletionOptions { Type = [|"hosted-confirmation"|] },
                    };
                }
                """)
            .ShouldFixCodeWith("""
                using Accrue.Portal;
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Cancel() => new SessionFlowDataOptions
                    {
                        Type = PortalFlowTypes.SubscriptionCancel,
                        AfterCompletion = new SessionFlowDataAfterCompletionOptions { Type = PortalAfterCompletionTypes.HostedConfirmation },
                    };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Runtime_constant_fix_is_not_offered_without_the_runtime() =>
        new ProjectBuilder()
            .WithAnalyzer<UnknownFlowTypeAnalyzer>()
            .WithCodeFixProvider<UnknownFlowTypeCodeFixProvider>(UnknownFlowTypeCodeFixProvider.UseRuntimeConstantKey)
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Cancel() => new SessionFlowDataOptions { Type = [|"subscription_cancle"|] };
                }
                """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Cancel() => new SessionFlowDataOptions { Type = [|"subscription_cancle"|] };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Valid_values_are_silent_everywhere() =>
        Create()
            .WithPortalRuntime()
            .WithSourceCode("""
                using Accrue.Portal;
                using Stripe.BillingPortal;

                class Billing
                {
                    const string Update = "subscription_update";

                    void Build(SessionCreateOptions options)
                    {
                        options.FlowData = new SessionFlowDataOptions
                        {
                            Type = "subscription_cancel",
                            AfterCompletion = new SessionFlowDataAfterCompletionOptions { Type = PortalAfterCompletionTypes.Redirect },
                            SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions
                            {
                                Subscription = "sub_1",
                                Retention = new SessionFlowDataSubscriptionCancelRetentionOptions { Type = "coupon_offer" },
                            },
                        };
                        options.FlowData.Type = Update;
                        options.FlowData.Type = PortalFlowTypes.SubscriptionUpdateConfirm;
                        options.AddExtraParam("flow_data[type]", "payment_method_update");
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Non_constant_values_are_silent() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    void Build(SessionCreateOptions options, string flowFromConfig, bool cancel)
                    {
                        options.FlowData = new SessionFlowDataOptions { Type = flowFromConfig };
                        options.FlowData.Type = cancel ? "subscription_cancel" : flowFromConfig;
                        options.FlowData.Type = flowFromConfig.ToLowerInvariant();
                        options.AddExtraParam("flow_data[type]", flowFromConfig);
                        options.AddExtraParam(flowFromConfig, "nonsense");
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Unrelated_Type_properties_and_app_types_named_like_Stripe_are_silent() =>
        Create()
            .WithSourceCode("""
                namespace MyApp.Billing
                {
                    public class SessionFlowDataOptions { public string? Type { get; set; } }
                    public class SessionFlowDataAfterCompletionOptions { public string? Type { get; set; } }

                    class Builder
                    {
                        void Build()
                        {
                            var mine = new SessionFlowDataOptions { Type = "subscription_cancl" };
                            mine.Type = "anything";
                            var other = new SessionFlowDataAfterCompletionOptions { Type = "redirct" };
                            var stripeOther = new Stripe.BillingPortal.SessionCreateOptions { Locale = "subscription_cancl" };
                        }
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Generated_code_is_skipped() =>
        Create()
            .WithSourceCode("Generated.g.cs", """
                // <auto-generated/>
                using Stripe.BillingPortal;

                class Generated
                {
                    SessionFlowDataOptions Build() => new SessionFlowDataOptions { Type = "subscription_cancl" };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Nothing_is_registered_without_Stripe() =>
        Create()
            .WithoutStripe()
            .WithSourceCode("""
                namespace Stripe.Billing
                {
                    public class SessionFlowDataOptions { public string? Type { get; set; } }
                    class Builder { SessionFlowDataOptions Build() => new SessionFlowDataOptions { Type = "subscription_cancl" }; }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Severity_can_be_turned_off_in_editorconfig() =>
        Create()
            .WithEditorConfig("dotnet_diagnostic.PORTAL005.severity = none")
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionFlowDataOptions Build() => new SessionFlowDataOptions { Type = "subscription_cancl" };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Half_typed_code_does_not_crash() =>
        Create()
            .WithCompilerErrorsAllowed()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    void Build(SessionCreateOptions options)
                    {
                        options.FlowData = new SessionFlowDataOptions { Type = [|"subscription_cancl"|], AfterCompletion = new
                        options.AddExtraParam("flow_data[type]", );
                        options.ExtraParams[] = "x";
                        options.FlowData.Type =
                    }
                """)
            .ValidateAsync();
}
