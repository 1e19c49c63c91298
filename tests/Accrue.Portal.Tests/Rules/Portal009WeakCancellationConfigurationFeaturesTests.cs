namespace Accrue.Portal.Tests.Rules;

using System.Linq;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

/// <summary>PORTAL009 on subscription_update (nothing allowed, too many products) and on preset pause durations over three years.</summary>
public sealed class Portal009WeakCancellationConfigurationFeaturesTests
{
    private const string AllowsNothingMessage =
        "features.subscription_update.enabled is true but features.subscription_update.default_allowed_updates is empty, so customers can change nothing; allow at least one of price, promotion_code, quantity, or disable the feature";

    private static ProjectBuilder Create(params string[] sources)
    {
        var builder = new ProjectBuilder().WithAnalyzer<WeakCancellationConfigurationAnalyzer>();
        foreach (var source in sources)
        {
            builder = builder.WithSourceCode(source);
        }

        return builder;
    }

    private static string ProductsMessage(int count) =>
        $"features.subscription_update.products holds {count} products; Stripe rejects more than 10";

    private static string PauseMessage(long count, string interval, int max) =>
        $"features.subscription_pause.duration.interval_options.interval_count {count} with interval '{interval}' pauses for more than three years; Stripe rejects it above {max}";

    /// <summary><paramref name="count"/> product entries, <c>new() { Product = "prod_1" }, …</c>.</summary>
    private static string Products(int count) =>
        string.Join(", ", Enumerable.Range(1, count).Select(i => $$"""new() { Product = "prod_{{i}}", Prices = new List<string> { "price_{{i}}" } }"""));

    private static string UpdateFeature(string members) => $$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Stripe;
        using Stripe.BillingPortal;

        class Setup
        {
            Configuration Run(string[] ids, List<ConfigurationFeaturesSubscriptionUpdateProductOptions> chosen) => new ConfigurationService().Create(new ConfigurationCreateOptions
            {
                Features = new ConfigurationFeaturesOptions
                {
                    SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { {{members}} },
                },
            });
        }
        """;

    private static string PauseOptions(string options, string enabled = "true") => $$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Stripe;
        using Stripe.BillingPortal;

        class Setup
        {
            Task<Configuration> RunAsync(StripeClient client, long count) => client.V1.BillingPortal.Configurations.UpdateAsync("bpc_123", new ConfigurationUpdateOptions
            {
                Features = new ConfigurationFeaturesOptions
                {
                    SubscriptionPause = new ConfigurationFeaturesSubscriptionPauseOptions
                    {
                        Enabled = {{enabled}},
                        Duration = new ConfigurationFeaturesSubscriptionPauseDurationOptions
                        {
                            Type = "interval_options",
                            IntervalOptions = new List<ConfigurationFeaturesSubscriptionPauseDurationIntervalOptionOptions> { {{options}} },
                        },
                    },
                },
            });
        }
        """;

    [Fact]
    public Task Create_that_enables_updates_without_allowing_any_is_reported_on_enabled() =>
        Create(UpdateFeature("""Enabled = {|#0:true|}, Products = new List<ConfigurationFeaturesSubscriptionUpdateProductOptions> { new() { Product = "prod_1", Prices = new List<string> { "price_1" } } }"""))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(AllowsNothingMessage))
            .ValidateAsync();

    [Fact]
    public Task Create_with_an_empty_allowed_list_is_reported_on_the_list() =>
        Create(UpdateFeature("Enabled = true, DefaultAllowedUpdates = {|#0:new List<string>()|}"))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(AllowsNothingMessage))
            .ValidateAsync();

    [Fact]
    public Task Update_through_StripeClient_async_with_an_empty_collection_expression_is_reported() =>
        Create("""
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                Task<Configuration> RunAsync(StripeClient client) => client.V1.BillingPortal.Configurations.UpdateAsync("bpc_123", new ConfigurationUpdateOptions
                {
                    Features = new ConfigurationFeaturesOptions
                    {
                        SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { Enabled = true, DefaultAllowedUpdates = {|#0:[]|} },
                    },
                });
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(AllowsNothingMessage))
            .ValidateAsync();

    [Fact]
    public Task Update_emptying_the_list_after_the_initializer_is_reported() =>
        Create("""
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                Configuration Run(IStripeClient client)
                {
                    var options = new ConfigurationUpdateOptions
                    {
                        Features = new ConfigurationFeaturesOptions { SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { Enabled = true } },
                    };
                    options.Features.SubscriptionUpdate.DefaultAllowedUpdates = {|#0:new()|};
                    return new ConfigurationService(client).Update("bpc_123", options);
                }
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(AllowsNothingMessage))
            .ValidateAsync();

    [Fact]
    public Task Create_handed_through_an_interface_to_another_file_that_sends_it_is_reported() =>
        Create(
            """
            using System.Threading.Tasks;
            using Stripe.BillingPortal;

            public interface IPortalSetup { Task<Configuration> ApplyAsync(ConfigurationCreateOptions options); }

            public sealed class Startup
            {
                private readonly IPortalSetup setup;

                public Startup(IPortalSetup setup) => this.setup = setup;

                public Task<Configuration> RunAsync() => this.setup.ApplyAsync(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { Enabled = {|#0:true|} } },
                });
            }
            """,
            """
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            public sealed class StripePortalSetup : IPortalSetup
            {
                private readonly IStripeClient client;

                public StripePortalSetup(IStripeClient client) => this.client = client;

                public Task<Configuration> ApplyAsync(ConfigurationCreateOptions options) => new ConfigurationService(this.client).CreateAsync(options);
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(AllowsNothingMessage))
            .ValidateAsync();

    [Fact]
    public Task Create_built_by_a_factory_and_sent_from_another_file_is_reported() =>
        Create(
            """
            using Stripe.BillingPortal;

            static class PortalOptions
            {
                public static ConfigurationCreateOptions Build() => new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { Enabled = {|#0:true|} } },
                };
            }
            """,
            """
            using Stripe.BillingPortal;

            static class Deploy
            {
                public static Configuration Run() => new ConfigurationService().Create(PortalOptions.Build());
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(AllowsNothingMessage))
            .ValidateAsync();

    [Fact]
    public Task Eleven_products_in_the_initializer_are_reported_on_the_list() =>
        Create(UpdateFeature($$"""Enabled = true, DefaultAllowedUpdates = new List<string> { "price" }, Products = {|#0:new List<ConfigurationFeaturesSubscriptionUpdateProductOptions> { {{Products(11)}} }|}"""))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(ProductsMessage(11)))
            .ValidateAsync();

    [Fact]
    public Task Ten_products_and_one_added_later_in_an_async_update_are_reported() =>
        Create($$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                async Task RunAsync(IStripeClient client)
                {
                    var options = new ConfigurationUpdateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions
                            {
                                Products = {|#0:new List<ConfigurationFeaturesSubscriptionUpdateProductOptions> { {{Products(10)}} }|},
                            },
                        },
                    };
                    options.Features.SubscriptionUpdate.Products.Add(new ConfigurationFeaturesSubscriptionUpdateProductOptions { Product = "prod_11", Prices = new List<string> { "price_11" } });
                    await new ConfigurationService(client).UpdateAsync("bpc_123", options);
                }
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(ProductsMessage(11)))
            .ValidateAsync();

    [Fact]
    public Task Thirty_seven_months_is_reported_on_the_count() =>
        Create(PauseOptions("""new() { Interval = "month", IntervalCount = 1 }, new() { Interval = "month", IntervalCount = {|#0:37|} }"""))
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(PauseMessage(37, "month", 36)))
            .ValidateAsync();

    [Fact]
    public Task Every_interval_one_past_three_years_is_reported() =>
        Create(PauseOptions("""
            new() { Interval = "day", IntervalCount = {|#0:1096|} },
                                new() { Interval = "week", IntervalCount = {|#1:157|} },
                                new() { Interval = "year", IntervalCount = {|#2:4|} }
            """))
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(PauseMessage(1096, "day", 1095)),
                Expected.Diagnostic("PORTAL009").WithLocation(1).WithMessage(PauseMessage(157, "week", 156)),
                Expected.Diagnostic("PORTAL009").WithLocation(2).WithMessage(PauseMessage(4, "year", 3)))
            .ValidateAsync();

    [Fact]
    public Task A_pause_option_added_after_the_initializer_in_a_sync_create_is_reported() =>
        Create("""
            using System.Collections.Generic;
            using Stripe.BillingPortal;

            class Setup
            {
                Configuration Run()
                {
                    var options = new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionPause = new ConfigurationFeaturesSubscriptionPauseOptions
                            {
                                Duration = new ConfigurationFeaturesSubscriptionPauseDurationOptions { Type = "interval_options", IntervalOptions = [] },
                            },
                        },
                    };
                    options.Features.SubscriptionPause.Duration.IntervalOptions.Add(new() { Interval = "year", IntervalCount = {|#0:5L|} });
                    return new ConfigurationService().Create(options);
                }
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0).WithMessage(PauseMessage(5, "year", 3)))
            .ValidateAsync();

    [Fact]
    public Task Allowed_updates_products_and_pauses_at_their_limits_are_silent() =>
        Create(
            UpdateFeature($$"""Enabled = true, DefaultAllowedUpdates = new List<string> { "price", "quantity" }, Products = new List<ConfigurationFeaturesSubscriptionUpdateProductOptions> { {{Products(10)}} }"""),
            PauseOptions("""
                new() { Interval = "day", IntervalCount = 1095 },
                                    new() { Interval = "week", IntervalCount = 156 },
                                    new() { Interval = "month", IntervalCount = 36 },
                                    new() { Interval = "year", IntervalCount = 3 },
                                    new() { Interval = "year" }
                """).Replace("class Setup", "class PauseSetup", System.StringComparison.Ordinal))
            .ValidateAsync();

    [Fact]
    public Task Lists_and_counts_that_are_not_constant_are_silent() =>
        Create(
            UpdateFeature("""Enabled = true, DefaultAllowedUpdates = new List<string>(ids), Products = chosen"""),
            PauseOptions("""new() { Interval = "month", IntervalCount = count }, new() { Interval = "fortnight", IntervalCount = 100 }""").Replace("class Setup", "class PauseSetup", System.StringComparison.Ordinal))
            .ValidateAsync();

    [Fact]
    public Task An_update_that_only_turns_the_feature_on_keeps_the_configurations_list_and_is_silent() =>
        Create("""
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                Configuration Run(IStripeClient client) => new ConfigurationService(client).Update("bpc_123", new ConfigurationUpdateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { Enabled = true } },
                });
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task An_empty_list_filled_afterwards_directly_or_through_a_local_is_silent() =>
        Create("""
            using System.Collections.Generic;
            using Stripe;
            using Stripe.BillingPortal;

            class Setup
            {
                Configuration Direct()
                {
                    var options = new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { Enabled = true, DefaultAllowedUpdates = new List<string>() },
                        },
                    };
                    options.Features.SubscriptionUpdate.DefaultAllowedUpdates.Add("price");
                    return new ConfigurationService().Create(options);
                }

                Configuration ThroughALocal()
                {
                    var allowed = new List<string>();
                    var options = new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions
                        {
                            SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { Enabled = true, DefaultAllowedUpdates = allowed },
                        },
                    };
                    allowed.Add("quantity");
                    return new ConfigurationService().Create(options);
                }
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task A_disabled_feature_is_not_judged_for_allowed_updates_or_pause_length() =>
        Create(
            UpdateFeature("Enabled = false, DefaultAllowedUpdates = new List<string>()"),
            PauseOptions("""new() { Interval = "month", IntervalCount = 40 }""", enabled: "false").Replace("class Setup", "class PauseSetup", System.StringComparison.Ordinal))
            .ValidateAsync();

    [Fact]
    public Task A_create_never_sent_in_sight_may_be_completed_elsewhere_and_is_silent() =>
        Create("""
            using Stripe.BillingPortal;

            static class PortalOptions
            {
                public static ConfigurationCreateOptions Build() => new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { Enabled = true } },
                };
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task An_implementation_in_another_file_that_allows_updates_before_sending_is_silent() =>
        Create(
            """
            using System.Threading.Tasks;
            using Stripe.BillingPortal;

            public interface IPortalSetup { Task<Configuration> ApplyAsync(ConfigurationCreateOptions options); }

            public sealed class Startup
            {
                private readonly IPortalSetup setup;

                public Startup(IPortalSetup setup) => this.setup = setup;

                public Task<Configuration> RunAsync() => this.setup.ApplyAsync(new ConfigurationCreateOptions
                {
                    Features = new ConfigurationFeaturesOptions { SubscriptionUpdate = new ConfigurationFeaturesSubscriptionUpdateOptions { Enabled = true } },
                });
            }
            """,
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            public sealed class StripePortalSetup : IPortalSetup
            {
                private readonly IStripeClient client;

                public StripePortalSetup(IStripeClient client) => this.client = client;

                public Task<Configuration> ApplyAsync(ConfigurationCreateOptions options)
                {
                    options.Features.SubscriptionUpdate.DefaultAllowedUpdates = new List<string> { "price" };
                    return new ConfigurationService(this.client).CreateAsync(options);
                }
            }
            """)
            .ValidateAsync();

    [Fact]
    public Task An_apps_own_look_alike_type_and_a_feature_disabled_through_extra_params_are_silent() =>
        Create("""
            using System.Collections.Generic;
            using Stripe.BillingPortal;

            class OwnFeature { public bool Enabled { get; set; } public List<string> DefaultAllowedUpdates { get; set; } = new(); }

            class Setup
            {
                OwnFeature Own() => new OwnFeature { Enabled = true, DefaultAllowedUpdates = new List<string>() };

                Configuration Run()
                {
                    var options = new ConfigurationCreateOptions { Features = new ConfigurationFeaturesOptions() };
                    options.AddExtraParam("features[subscription_update][enabled]", false);
                    return new ConfigurationService().Create(options);
                }
            }
            """)
            .ValidateAsync();
}
