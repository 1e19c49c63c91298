namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

public sealed class Portal004UnpinnedConfigurationTests
{
    private const string InRelease = "The portal session is created without Configuration in a Release build: the account's default portal configuration applies, and any Dashboard edit changes it";
    private const string Always = "The portal session is created without Configuration: the account's default portal configuration applies, and any Dashboard edit changes it";

    private static ProjectBuilder Release(string source) => new ProjectBuilder()
        .WithAnalyzer<UnpinnedConfigurationAnalyzer>()
        .WithCodeFixProvider<UnpinnedConfigurationCodeFixProvider>(UnpinnedConfigurationCodeFixProvider.SetConfigurationKey)
        .WithBuildConfiguration(BuildConfiguration.Release)
        .WithSourceCode(source);

    [Fact]
    public Task Release_initializer_with_new_SessionService_is_reported_with_message() =>
        Release("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId) => new SessionService().Create({|#0:new SessionCreateOptions { Customer = customerId }|});
            }
            """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL004").WithLocation(0).WithMessage(InRelease))
            .ValidateAsync();

    [Fact]
    public Task Release_local_with_client_service_async_is_reported() =>
        Release("""
            using System.Threading.Tasks;
            using Stripe;
            using Stripe.BillingPortal;

            class Billing
            {
                async Task<Session> OpenAsync(IStripeClient client, string customerId)
                {
                    var options = new SessionCreateOptions { Customer = customerId };
                    options.ReturnUrl = "https://example.com";
                    return await new SessionService(client).CreateAsync([|options|]);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Release_StripeClient_V1_is_reported() =>
        Release("""
            using Stripe;
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(StripeClient client, string customerId) =>
                    client.V1.BillingPortal.Sessions.Create([|new SessionCreateOptions { Customer = customerId }|]);
            }
            """).ValidateAsync();

    [Fact]
    public Task Optimized_build_without_MSBuild_property_is_release() =>
        new ProjectBuilder()
            .WithAnalyzer<UnpinnedConfigurationAnalyzer>()
            .WithBuildConfiguration(BuildConfiguration.Release, visibleToAnalyzers: false)
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId) => new SessionService().Create([|new SessionCreateOptions { Customer = customerId }|]);
                }
                """).ValidateAsync();

    [Fact]
    public Task Always_reports_in_debug_builds() =>
        new ProjectBuilder()
            .WithAnalyzer<UnpinnedConfigurationAnalyzer>()
            .WithEditorConfig("accrue_portal.require_configuration = always")
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId) => new SessionService().Create({|#0:new SessionCreateOptions { Customer = customerId }|});
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL004").WithLocation(0).WithMessage(Always))
            .ValidateAsync();

    [Fact]
    public Task Configuration_null_is_missing() =>
        Release("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId) => new SessionService().Create([|new SessionCreateOptions { Customer = customerId, Configuration = null }|]);
            }
            """).ValidateAsync();

    [Fact]
    public Task Fix_sets_configuration_in_one_line_initializer() =>
        Release("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId) => new SessionService().Create([|new SessionCreateOptions { Customer = customerId }|]);
            }
            """)
            .WithEditorConfig("accrue_portal.configuration_id = bpc_1Reviewed")
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId, Configuration = "bpc_1Reviewed" });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Fix_sets_configuration_in_multi_line_initializer_of_a_local() =>
        Release("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId)
                {
                    var options = new SessionCreateOptions
                    {
                        Customer = customerId,
                        ReturnUrl = "https://example.com/account",
                    };
                    return new SessionService().Create([|options|]);
                }
            }
            """)
            .WithEditorConfig("accrue_portal.configuration_id = bpc_1Reviewed")
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId)
                    {
                        var options = new SessionCreateOptions
                        {
                            Customer = customerId,
                            ReturnUrl = "https://example.com/account",
                            Configuration = "bpc_1Reviewed",
                        };
                        return new SessionService().Create(options);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Fix_adds_initializer_to_a_bare_creation() =>
        Release("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId)
                {
                    var options = new SessionCreateOptions();
                    options.Customer = customerId;
                    return new SessionService().Create([|options|]);
                }
            }
            """)
            .WithEditorConfig("accrue_portal.configuration_id = bpc_1Reviewed")
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId)
                    {
                        var options = new SessionCreateOptions() { Configuration = "bpc_1Reviewed" };
                        options.Customer = customerId;
                        return new SessionService().Create(options);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Fix_All_pins_every_session_in_document_and_project() =>
        Release("""
            using System.Threading.Tasks;
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId) => new SessionService().Create([|new SessionCreateOptions { Customer = customerId }|]);
                Task<Session> OpenAsync(string customerId) => new SessionService().CreateAsync([|new SessionCreateOptions { Customer = customerId }|]);
            }
            """)
            .WithEditorConfig("accrue_portal.configuration_id = bpc_1Reviewed")
            .ShouldFixCodeWith("""
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId, Configuration = "bpc_1Reviewed" });
                    Task<Session> OpenAsync(string customerId) => new SessionService().CreateAsync(new SessionCreateOptions { Customer = customerId, Configuration = "bpc_1Reviewed" });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task No_fix_without_configuration_id_option() =>
        Release("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId) => new SessionService().Create([|new SessionCreateOptions { Customer = customerId }|]);
            }
            """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId) => new SessionService().Create([|new SessionCreateOptions { Customer = customerId }|]);
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Debug_build_is_silent() =>
        new ProjectBuilder()
            .WithAnalyzer<UnpinnedConfigurationAnalyzer>()
            .WithBuildConfiguration(BuildConfiguration.Debug)
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                }
                """).ValidateAsync();

    [Fact]
    public Task Never_silences_release_builds() =>
        Release("""
            using Stripe.BillingPortal;

            class Billing
            {
                Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId });
            }
            """).WithEditorConfig("accrue_portal.require_configuration = never").ValidateAsync();

    [Theory]
    [InlineData("""new SessionCreateOptions { Configuration = "bpc_123" }""")]
    [InlineData("""new SessionCreateOptions { Configuration = configurationId }""")]
    [InlineData("""Build()""")]
    [InlineData("""parameterOptions""")]
    public Task Configured_or_unknown_options_are_silent(string options) =>
        Release($$"""
            using Stripe.BillingPortal;

            class Billing
            {
                private SessionCreateOptions template = null!;

                SessionCreateOptions Build() => template;

                Session Open(string configurationId, SessionCreateOptions parameterOptions) => new SessionService().Create({{options}});
            }
            """).ValidateAsync();

    [Fact]
    public Task Configuration_set_by_later_assignment_const_or_extra_param_is_silent() =>
        Release("""
            using Stripe.BillingPortal;

            class Billing
            {
                const string Pinned = "bpc_123";

                Session First()
                {
                    var options = new SessionCreateOptions();
                    options.Configuration = Pinned;
                    return new SessionService().Create(options);
                }

                Session Second()
                {
                    var options = new SessionCreateOptions();
                    options.AddExtraParam("configuration", "bpc_123");
                    return new SessionService().Create(options);
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Explicit_release_mode_is_silent_in_debug_builds() =>
        new ProjectBuilder()
            .WithAnalyzer<UnpinnedConfigurationAnalyzer>()
            .WithEditorConfig("accrue_portal.require_configuration = release")
            .WithBuildConfiguration(BuildConfiguration.Debug)
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                }
                """).ValidateAsync();

    [Fact]
    public Task App_type_named_SessionService_is_ignored() =>
        Release("""
            class SessionCreateOptions { public string? Configuration { get; set; } }
            class SessionService { public object Create(SessionCreateOptions options) => options; }

            class Billing
            {
                object Open() => new SessionService().Create(new SessionCreateOptions());
            }
            """).ValidateAsync();
}
