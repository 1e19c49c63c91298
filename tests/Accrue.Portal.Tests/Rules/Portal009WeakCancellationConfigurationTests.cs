namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

public sealed class Portal009WeakCancellationConfigurationTests
{
    private const string ImmediatelyMessage =
        "features.subscription_cancel.mode is 'immediately': a customer who cancels loses access at once and cannot be won back; cancel 'at_period_end'";

    private const string ReasonMessage =
        "Portal cancellation is enabled without features.subscription_cancel.cancellation_reason.enabled = true: the portal does not ask why customers cancel, so cancellation_details.reason stays empty";

    private const string AllReasons =
        "\"customer_service\", \"low_quality\", \"missing_features\", \"other\", \"switched_service\", \"too_complex\", \"too_expensive\", \"unused\"";

    private static ProjectBuilder Create(string source, string fixKey = WeakCancellationConfigurationCodeFixProvider.ReplaceValueKey) => new ProjectBuilder()
        .WithAnalyzer<WeakCancellationConfigurationAnalyzer>()
        .WithCodeFixProvider<WeakCancellationConfigurationCodeFixProvider>(fixKey)
        .WithSourceCode(source);

    [Fact]
    public Task Immediate_mode_in_a_create_initializer_is_reported_and_set_to_at_period_end() =>
        Create("""
            using Stripe.BillingPortal;

            class Setup
            {
                Configuration Run() => new ConfigurationService().Create(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions
                        {
                            Enabled = true,
                            Mode = {|#0:"immediately"|},
                            CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = true },
                        },
                    },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(ImmediatelyMessage))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Setup
                {
                    Configuration Run() => new ConfigurationService().Create(new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions
                            {
                                Enabled = true,
                                Mode = "at_period_end",
                                CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = true },
                            },
                        },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Enabled_without_cancellation_reason_through_StripeClient_async_gets_the_full_reason_list() =>
        Create(
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                Task<Configuration> RunAsync(StripeClient client) => client.V1.BillingPortal.Configurations.CreateAsync(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = {|#0:true|}, Mode = "at_period_end" },
                    },
                });
            }
            """,
            WeakCancellationConfigurationCodeFixProvider.AskCancellationReasonKey)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(ReasonMessage))
            .ShouldFixCodeWith($$"""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Setup
                {
                    Task<Configuration> RunAsync(StripeClient client) => client.V1.BillingPortal.Configurations.CreateAsync(new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = true, Mode = "at_period_end", CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = true, Options = new List<string> { {{AllReasons}} } } },
                        },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Missing_reason_on_a_multi_line_local_without_the_collections_using_is_fully_qualified() =>
        Create(
            """
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                Configuration Run(IStripeClient client)
                {
                    var cancel = new ConfigurationFeaturesSubscriptionCancelOptions
                    {
                        Enabled = [|true|],
                        Mode = "at_period_end",
                        ProrationBehavior = "none",
                    };
                    var options = new ConfigurationCreateOptions { Features = new ConfigurationFeaturesOptions { SubscriptionCancel = cancel } };
                    return new ConfigurationService(client).Create(options);
                }
            }
            """,
            WeakCancellationConfigurationCodeFixProvider.AskCancellationReasonKey)
            .ShouldFixCodeWith($$"""
                using Stripe;
                using Stripe.BillingPortal;

                class Setup
                {
                    Configuration Run(IStripeClient client)
                    {
                        var cancel = new ConfigurationFeaturesSubscriptionCancelOptions
                        {
                            Enabled = true,
                            Mode = "at_period_end",
                            ProrationBehavior = "none",
                            CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = true, Options = new System.Collections.Generic.List<string> { {{AllReasons}} } },
                        };
                        var options = new ConfigurationCreateOptions { Features = new ConfigurationFeaturesOptions { SubscriptionCancel = cancel } };
                        return new ConfigurationService(client).Create(options);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Immediate_mode_assigned_later_on_an_update_is_reported() =>
        Create("""
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                async Task RunAsync(IStripeClient client, string id)
                {
                    var options = new ConfigurationUpdateOptions { Features = new ConfigurationFeaturesOptions() };
                    options.Features.SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions();
                    options.Features.SubscriptionCancel.Mode = [|"immediately"|];
                    await new ConfigurationService(client).UpdateAsync(id, options);
                }
            }
            """)
            .ShouldFixCodeWith("""
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Setup
                {
                    async Task RunAsync(IStripeClient client, string id)
                    {
                        var options = new ConfigurationUpdateOptions { Features = new ConfigurationFeaturesOptions() };
                        options.Features.SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions();
                        options.Features.SubscriptionCancel.Mode = "at_period_end";
                        await new ConfigurationService(client).UpdateAsync(id, options);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Always_invoice_is_reported_as_rejected_and_set_to_none() =>
        Create("""
            using Stripe.BillingPortal;

            class Setup
            {
                void Run(string id) => new ConfigurationService().Update(id, new ConfigurationUpdateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { ProrationBehavior = {|#0:"always_invoice"|} },
                    },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0)
                .WithMessage("Stripe rejects features.subscription_cancel.proration_behavior 'always_invoice' for portal cancellations; use 'none'"))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Setup
                {
                    void Run(string id) => new ConfigurationService().Update(id, new ConfigurationUpdateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { ProrationBehavior = "none" },
                        },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Create_prorations_at_period_end_is_reported_and_set_to_none() =>
        Create("""
            using Stripe.BillingPortal;

            class Setup
            {
                void Run(string id) => new ConfigurationService().Update(id, new ConfigurationUpdateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = "at_period_end", ProrationBehavior = {|#0:"create_prorations"|} },
                    },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0)
                .WithMessage("features.subscription_cancel.proration_behavior 'create_prorations' only goes with mode 'immediately'; at period end use 'none'"))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Setup
                {
                    void Run(string id) => new ConfigurationService().Update(id, new ConfigurationUpdateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = "at_period_end", ProrationBehavior = "none" },
                        },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Reason_disabled_explicitly_on_an_update_is_reported_and_enabled() =>
        Create(
            """
            using Stripe.BillingPortal;

            class Setup
            {
                void Run(string id) => new ConfigurationService().Update(id, new ConfigurationUpdateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions
                        {
                            Enabled = true,
                            CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = {|#0:false|} },
                        },
                    },
                });
            }
            """,
            WeakCancellationConfigurationCodeFixProvider.AskCancellationReasonKey)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(ReasonMessage))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Setup
                {
                    void Run(string id) => new ConfigurationService().Update(id, new ConfigurationUpdateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions
                            {
                                Enabled = true,
                                CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = true },
                            },
                        },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Reason_object_without_enabled_on_a_create_gets_enabled() =>
        Create(
            """
            using System.Collections.Generic;
            using Stripe.BillingPortal;

            class Setup
            {
                void Run() => new ConfigurationService().Create(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions
                        {
                            Enabled = true,
                            CancellationReason = [|new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Options = new List<string> { "other" } }|],
                        },
                    },
                });
            }
            """,
            WeakCancellationConfigurationCodeFixProvider.AskCancellationReasonKey)
            .ShouldFixCodeWith("""
                using System.Collections.Generic;
                using Stripe.BillingPortal;

                class Setup
                {
                    void Run() => new ConfigurationService().Create(new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions
                            {
                                Enabled = true,
                                CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Options = new List<string> { "other" }, Enabled = true },
                            },
                        },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Const_mode_is_reported_without_a_fix() =>
        Create("""
            using Stripe.BillingPortal;

            class Setup
            {
                const string CancelMode = "immediately";

                void Run(string id)
                {
                    var options = new ConfigurationUpdateOptions();
                    options.Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = [|CancelMode|] } };
                    new ConfigurationService().Update(id, options);
                }
            }
            """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Setup
                {
                    const string CancelMode = "immediately";

                    void Run(string id)
                    {
                        var options = new ConfigurationUpdateOptions();
                        options.Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = [|CancelMode|] } };
                        new ConfigurationService().Update(id, options);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Immediate_with_create_prorations_is_fixed_in_two_steps_mode_then_proration() =>
        Create("""
            using Stripe.BillingPortal;

            class Setup
            {
                void Run() => new ConfigurationService().Create(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = [|"immediately"|], ProrationBehavior = "create_prorations" },
                    },
                });
            }
            """)
            .WithFixIterations(2)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Setup
                {
                    void Run() => new ConfigurationService().Create(new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = "at_period_end", ProrationBehavior = "none" },
                        },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Fix_all_sets_every_mode_in_the_document() =>
        Create("""
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                void Test(string id) => new ConfigurationService().Update(id, new ConfigurationUpdateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = [|"immediately"|] } },
                });

                Task LiveAsync(StripeClient client, string id) => client.V1.BillingPortal.Configurations.UpdateAsync(id, new ConfigurationUpdateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = [|"immediately"|], ProrationBehavior = [|"always_invoice"|] } },
                });
            }
            """)
            .ShouldBatchFixCodeWith("""
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Setup
                {
                    void Test(string id) => new ConfigurationService().Update(id, new ConfigurationUpdateOptions
                    {
                        Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = "at_period_end" } },
                    });

                    Task LiveAsync(StripeClient client, string id) => client.V1.BillingPortal.Configurations.UpdateAsync(id, new ConfigurationUpdateOptions
                    {
                        Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = "at_period_end", ProrationBehavior = "none" } },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Fix_all_adds_the_cancellation_reason_to_every_create() =>
        Create(
            """
            using System.Collections.Generic;
            using Stripe.BillingPortal;

            class Setup
            {
                void Test() => new ConfigurationService().Create(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = [|true|] } },
                });

                void Live() => new ConfigurationService().Create(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = true, CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = [|false|] } } },
                });
            }
            """,
            WeakCancellationConfigurationCodeFixProvider.AskCancellationReasonKey)
            .ShouldBatchFixCodeWith($$"""
                using System.Collections.Generic;
                using Stripe.BillingPortal;

                class Setup
                {
                    void Test() => new ConfigurationService().Create(new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = true, CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = true, Options = new List<string> { {{AllReasons}} } } } },
                    });

                    void Live() => new ConfigurationService().Create(new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = true, CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = true } } },
                    });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Compliant_configuration_is_not_reported() =>
        Create("""
            using System.Collections.Generic;
            using Stripe.BillingPortal;

            class Setup
            {
                void Run() => new ConfigurationService().Create(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions
                        {
                            Enabled = true,
                            Mode = "at_period_end",
                            ProrationBehavior = "none",
                            CancellationReason = new ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions { Enabled = true, Options = new List<string> { "other" } },
                        },
                    },
                });
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task Values_the_method_cannot_prove_are_silent() =>
        Create("""
            using System.Threading.Tasks;
            using Stripe.BillingPortal;

            class Setup
            {
                void FromParameter(ConfigurationCreateOptions options) => new ConfigurationService().Create(options);

                void FromSettings(string mode) => new ConfigurationService().Create(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = mode } },
                });

                Task Escaped(string id)
                {
                    var options = new ConfigurationUpdateOptions
                    {
                        Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = true, Mode = "at_period_end" } },
                    };
                    Adjust(options);
                    return new ConfigurationService().UpdateAsync(id, options);
                }

                static void Adjust(ConfigurationUpdateOptions options) { }
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task Update_that_leaves_the_cancellation_reason_alone_is_silent() =>
        Create("""
            using Stripe.BillingPortal;

            class Setup
            {
                void Run(string id) => new ConfigurationService().Update(id, new ConfigurationUpdateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = true, Mode = "at_period_end" } },
                });
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task Cancellation_disabled_and_create_prorations_with_immediate_are_silent_apart_from_the_mode() =>
        Create("""
            using Stripe.BillingPortal;

            class Setup
            {
                void Disabled() => new ConfigurationService().Create(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = false } },
                });

                void Immediate() => new ConfigurationService().Create(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions
                        {
                            Mode = [|"immediately"|],
                            ProrationBehavior = "create_prorations",
                        },
                    },
                });
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task Options_never_sent_are_judged_where_written_and_session_requests_are_silent() =>
        Create("""
            using Stripe.BillingPortal;

            class Setup
            {
                ConfigurationCreateOptions Draft() => new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Mode = {|PORTAL009:"immediately"|} } },
                };

                Session Open() => new SessionService().Create(new SessionCreateOptions { Customer = "cus_1", FlowData = new SessionFlowDataOptions { Type = "immediately" } });
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task An_apps_own_configuration_types_are_not_reported() =>
        Create("""
            namespace MyApp
            {
                class ConfigurationCancelOptions { public string Mode { get; set; } public bool? Enabled { get; set; } }

                class ConfigurationFeaturesOptions { public ConfigurationCancelOptions SubscriptionCancel { get; set; } }

                class ConfigurationCreateOptions { public ConfigurationFeaturesOptions Features { get; set; } }

                class ConfigurationService { public void Create(ConfigurationCreateOptions options) { } }

                class Setup
                {
                    void Run() => new ConfigurationService().Create(new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions { SubscriptionCancel = new ConfigurationCancelOptions { Enabled = true, Mode = "immediately" } },
                    });
                }
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task Subscription_update_proration_is_not_the_cancellation_one() =>
        Create("""
            using System.Collections.Generic;
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                void Run(IStripeClient client) => new ConfigurationService(client).Create(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { Enabled = true, DefaultAllowedUpdates = new List<string> { "price" }, ProrationBehavior = "always_invoice" },
                        SubscriptionCancel = new ConfigurationFeaturesSubscriptionCancelOptions { Enabled = false, Mode = "at_period_end", ProrationBehavior = "none" },
                    },
                });
            }
            """)
            .ValidateAsync();
}
