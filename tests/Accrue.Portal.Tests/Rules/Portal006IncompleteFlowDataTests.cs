namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

public sealed class Portal006IncompleteFlowDataTests
{
    private static ProjectBuilder Create(string source) => new ProjectBuilder()
        .WithAnalyzer<IncompleteFlowDataAnalyzer>()
        .WithCodeFixProvider<IncompleteFlowDataCodeFixProvider>(IncompleteFlowDataCodeFixProvider.CreateSubOptionsKey)
        .WithSourceCode(source);

    [Fact]
    public Task Cancel_without_subscription_is_reported_and_fixed_from_parameter() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Cancel(string customerId, string subscriptionId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = new SessionFlowDataOptions { Type = {|#0:"subscription_cancel"|} },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL006").WithLocation(0)
                .WithMessage("flow_data.type is 'subscription_cancel' but flow_data.subscription_cancel.subscription is not set; Stripe rejects the session"))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Cancel(string customerId, string subscriptionId) => new SessionService().Create(new SessionCreateOptions
                    {
                        Customer = customerId,
                        FlowData = new SessionFlowDataOptions { Type = "subscription_cancel", SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions { Subscription = subscriptionId } },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Update_without_subscription_via_later_assignment_is_fixed_from_local() =>
        Create("""
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            class Billing
            {
                async Task<Session> UpdateAsync(IStripeClient client, string customerId, Account account)
                {
                    var subscription = account.SubscriptionId;
                    var options = new SessionCreateOptions { Customer = customerId };
                    options.FlowData = new SessionFlowDataOptions();
                    options.FlowData.Type = [|"subscription_update"|];
                    return await new SessionService(client).CreateAsync(options);
                }
            }

            record Account(string SubscriptionId);
            """)
            .ShouldFixCodeWith("""
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    async Task<Session> UpdateAsync(IStripeClient client, string customerId, Account account)
                    {
                        var subscription = account.SubscriptionId;
                        var options = new SessionCreateOptions { Customer = customerId };
                        options.FlowData = new SessionFlowDataOptions() { SubscriptionUpdate = new SessionFlowDataSubscriptionUpdateOptions { Subscription = subscription } };
                        options.FlowData.Type = "subscription_update";
                        return await new SessionService(client).CreateAsync(options);
                    }
                }

                record Account(string SubscriptionId);
                """)
            .ValidateAsync();

    [Fact]
    public Task Flow_local_with_const_type_through_StripeClient_V1_is_reported_without_fix() =>
        Create("""
            using Stripe;
            using Stripe.BillingPortal;

            class Billing
            {
                const string Cancel = "subscription_cancel";

                Session Open(StripeClient client, string customerId)
                {
                    var flow = new SessionFlowDataOptions { Type = [|Cancel|] };
                    var options = new SessionCreateOptions { Customer = customerId, FlowData = flow };
                    return client.V1.BillingPortal.Sessions.Create(options);
                }
            }
            """)
            .ShouldFixCodeWith("""
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    const string Cancel = "subscription_cancel";

                    Session Open(StripeClient client, string customerId)
                    {
                        var flow = new SessionFlowDataOptions { Type = [|Cancel|] };
                        var options = new SessionCreateOptions { Customer = customerId, FlowData = flow };
                        return client.V1.BillingPortal.Sessions.Create(options);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Type_through_AddExtraParam_is_checked() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId)
                {
                    var options = new SessionCreateOptions { Customer = customerId };
                    options.AddExtraParam("flow_data[type]", {|#0:"subscription_update"|});
                    return new SessionService().Create(options);
                }
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL006").WithLocation(0)
                .WithMessage("flow_data.type is 'subscription_update' but flow_data.subscription_update.subscription is not set; Stripe rejects the session"))
            .ValidateAsync();

    [Fact]
    public Task Another_types_options_are_reported() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId, string subscriptionId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = new SessionFlowDataOptions
                    {
                        Type = "payment_method_update",
                        SubscriptionCancel = {|#0:new SessionFlowDataSubscriptionCancelOptions { Subscription = subscriptionId }|},
                    },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL006").WithLocation(0)
                .WithMessage("flow_data.type is 'payment_method_update' but flow_data.subscription_cancel is set, which only 'subscription_cancel' takes"))
            .ValidateAsync();

    [Fact]
    public Task Redirect_without_return_url_is_reported_and_fixed_from_returnUrl() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId, string returnUrl) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = new SessionFlowDataOptions
                    {
                        Type = "payment_method_update",
                        AfterCompletion = new SessionFlowDataAfterCompletionOptions { Type = {|#0:"redirect"|} },
                    },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL006").WithLocation(0)
                .WithMessage("flow_data.after_completion.type is 'redirect' but flow_data.after_completion.redirect.return_url is not set; Stripe rejects the session"))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId, string returnUrl) => new SessionService().Create(new SessionCreateOptions
                    {
                        Customer = customerId,
                        FlowData = new SessionFlowDataOptions
                        {
                            Type = "payment_method_update",
                            AfterCompletion = new SessionFlowDataAfterCompletionOptions { Type = "redirect", Redirect = new SessionFlowDataAfterCompletionRedirectOptions { ReturnUrl = returnUrl } },
                        },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Retention_without_coupon_is_reported_and_fixed_in_existing_sub_options() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId, string subscriptionId, string couponId)
                {
                    var cancel = new SessionFlowDataSubscriptionCancelOptions
                    {
                        Subscription = subscriptionId,
                        Retention = new SessionFlowDataSubscriptionCancelRetentionOptions { Type = [|"coupon_offer"|] },
                    };
                    var options = new SessionCreateOptions
                    {
                        Customer = customerId,
                        FlowData = new SessionFlowDataOptions { Type = "subscription_cancel", SubscriptionCancel = cancel },
                    };
                    return new SessionService().Create(options);
                }
            }
            """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId, string subscriptionId, string couponId)
                    {
                        var cancel = new SessionFlowDataSubscriptionCancelOptions
                        {
                            Subscription = subscriptionId,
                            Retention = new SessionFlowDataSubscriptionCancelRetentionOptions { Type = "coupon_offer", CouponOffer = new SessionFlowDataSubscriptionCancelRetentionCouponOfferOptions { Coupon = couponId } },
                        };
                        var options = new SessionCreateOptions
                        {
                            Customer = customerId,
                            FlowData = new SessionFlowDataOptions { Type = "subscription_cancel", SubscriptionCancel = cancel },
                        };
                        return new SessionService().Create(options);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Update_confirm_without_subscription_and_with_two_items_and_an_item_without_id() =>
        Create("""
            using System.Collections.Generic;
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId, string itemId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = new SessionFlowDataOptions
                    {
                        Type = {|#0:"subscription_update_confirm"|},
                        SubscriptionUpdateConfirm = new SessionFlowDataSubscriptionUpdateConfirmOptions
                        {
                            Items = {|#1:new List<SessionFlowDataSubscriptionUpdateConfirmItemOptions>
                            {
                                new SessionFlowDataSubscriptionUpdateConfirmItemOptions { Id = itemId },
                                new SessionFlowDataSubscriptionUpdateConfirmItemOptions { Price = "price_123" },
                            }|},
                        },
                    },
                });
            }
            """)
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL006").WithLocation(0)
                    .WithMessage("flow_data.type is 'subscription_update_confirm' but flow_data.subscription_update_confirm.subscription is not set; Stripe rejects the session"),
                Expected.Diagnostic("PORTAL006").WithLocation(1)
                    .WithMessage("flow_data.subscription_update_confirm.items must hold exactly 1 item with its id; it holds 2"))
            .ValidateAsync();

    [Fact]
    public Task Update_confirm_item_without_id_in_collection_expression_is_reported() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId, string subscriptionId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = new SessionFlowDataOptions
                    {
                        Type = "subscription_update_confirm",
                        SubscriptionUpdateConfirm = new SessionFlowDataSubscriptionUpdateConfirmOptions
                        {
                            Subscription = subscriptionId,
                            Items = [{|#0:new SessionFlowDataSubscriptionUpdateConfirmItemOptions { Price = "price_123" }|}],
                        },
                    },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL006").WithLocation(0)
                .WithMessage("flow_data.subscription_update_confirm.items[0] has no id; Stripe requires the subscription item id"))
            .ValidateAsync();

    [Fact]
    public Task Flow_data_without_type_and_long_custom_message_are_reported() =>
        Create($$"""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions
                {
                    Customer = customerId,
                    FlowData = {|#0:new SessionFlowDataOptions
                    {
                        AfterCompletion = new SessionFlowDataAfterCompletionOptions
                        {
                            Type = "hosted_confirmation",
                            HostedConfirmation = new SessionFlowDataAfterCompletionHostedConfirmationOptions { CustomMessage = {|#1:"{{new string('x', 501)}}"|} },
                        },
                    }|},
                });
            }
            """)
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL006").WithLocation(0).WithMessage("flow_data is set without flow_data.type; Stripe requires it"),
                Expected.Diagnostic("PORTAL006").WithLocation(1)
                    .WithMessage("flow_data.after_completion.hosted_confirmation.custom_message is 501 characters; Stripe allows at most 500"))
            .ValidateAsync();

    [Fact]
    public Task Fix_All_creates_every_missing_subscription() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                SessionCreateOptions Cancel(string subscriptionId) => new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = "subscription_cancel" } };
                Session Update(string subscriptionId) => new SessionService().Create(new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = [|"subscription_update"|] } });
                Session CancelNow(string subscriptionId) => new SessionService().Create(new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = [|"subscription_cancel"|] } });
            }
            """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    SessionCreateOptions Cancel(string subscriptionId) => new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = "subscription_cancel" } };
                    Session Update(string subscriptionId) => new SessionService().Create(new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = "subscription_update", SubscriptionUpdate = new SessionFlowDataSubscriptionUpdateOptions { Subscription = subscriptionId } } });
                    Session CancelNow(string subscriptionId) => new SessionService().Create(new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = "subscription_cancel", SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions { Subscription = subscriptionId } } });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Ambiguous_value_in_scope_offers_no_fix() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string subscription, string subscriptionId) =>
                    new SessionService().Create(new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = [|"subscription_cancel"|] } });
            }
            """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string subscription, string subscriptionId) =>
                        new SessionService().Create(new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = [|"subscription_cancel"|] } });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Complete_flows_are_silent() =>
        Create("""
            using System.Collections.Generic;
            using Stripe.BillingPortal;

            class Billing
            {
                const string Coupon = "coupon_123";

                Session Cancel(string subscriptionId) => new SessionService().Create(new SessionCreateOptions
                {
                    FlowData = new SessionFlowDataOptions
                    {
                        Type = "subscription_cancel",
                        SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions
                        {
                            Subscription = subscriptionId,
                            Retention = new SessionFlowDataSubscriptionCancelRetentionOptions { Type = "coupon_offer", CouponOffer = new() { Coupon = Coupon } },
                        },
                        AfterCompletion = new SessionFlowDataAfterCompletionOptions { Type = "redirect", Redirect = new() { ReturnUrl = "https://example.com" } },
                    },
                });

                Session Confirm(string subscriptionId, string itemId)
                {
                    var options = new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = "subscription_update_confirm" } };
                    options.FlowData.SubscriptionUpdateConfirm = new SessionFlowDataSubscriptionUpdateConfirmOptions { Subscription = subscriptionId, Items = new() };
                    options.FlowData.SubscriptionUpdateConfirm.Items.Add(new SessionFlowDataSubscriptionUpdateConfirmItemOptions { Id = itemId });
                    return new SessionService().Create(options);
                }

                Session Pay() => new SessionService().Create(new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = "payment_method_update" } });
            }
            """).ValidateAsync();

    [Fact]
    public Task Sub_options_set_through_extra_params_are_silent() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string subscriptionId)
                {
                    var options = new SessionCreateOptions { FlowData = new SessionFlowDataOptions { Type = "subscription_cancel" } };
                    options.ExtraParams["flow_data[subscription_cancel][subscription]"] = subscriptionId;
                    return new SessionService().Create(options);
                }
            }
            """).ValidateAsync();

    [Theory]
    [InlineData("""new SessionFlowDataOptions { Type = flowType }""")]
    [InlineData("""BuildFlow()""")]
    [InlineData("""new SessionFlowDataOptions { Type = "subscription_cancel", SubscriptionCancel = BuildCancel() }""")]
    [InlineData("""new SessionFlowDataOptions { Type = "subscription_cancl" }""")]
    public Task Unknown_values_are_silent(string flow) =>
        Create($$"""
            using Stripe.BillingPortal;

            class Billing
            {
                SessionFlowDataOptions BuildFlow() => new SessionFlowDataOptions();
                SessionFlowDataSubscriptionCancelOptions BuildCancel() => new SessionFlowDataSubscriptionCancelOptions();

                Session Open(string flowType) => new SessionService().Create(new SessionCreateOptions { FlowData = {{flow}} });
            }
            """).ValidateAsync();

    [Fact]
    public Task Flow_object_passed_to_a_helper_is_silent() =>
        Create("""
            using Stripe.BillingPortal;

            class Billing
            {
                void Complete(SessionFlowDataOptions flow) => flow.SubscriptionCancel = new SessionFlowDataSubscriptionCancelOptions { Subscription = "sub_1" };

                Session Open()
                {
                    var flow = new SessionFlowDataOptions { Type = "subscription_cancel" };
                    Complete(flow);
                    return new SessionService().Create(new SessionCreateOptions { FlowData = flow });
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Options_not_reaching_a_session_call_are_silent() =>
        Create("""
            namespace MyApp
            {
                class SessionFlowDataOptions { public string? Type { get; set; } }
                class SessionService { public object Create(object options) => options; }

                class Billing
                {
                    object Open() => new SessionService().Create(new SessionFlowDataOptions { Type = "subscription_cancel" });
                    Stripe.BillingPortal.SessionFlowDataOptions Build() => new Stripe.BillingPortal.SessionFlowDataOptions { Type = "subscription_cancel" };
                }
            }
            """).ValidateAsync();
}
