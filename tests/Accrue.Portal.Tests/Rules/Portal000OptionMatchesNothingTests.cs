namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.Tests.Verification;

public sealed class Portal000OptionMatchesNothingTests
{
    /// <summary>A small app: the ownership check and the audit log live in a namespace and a nested type, in two files.</summary>
    private const string Billing = """
        namespace MyApp.Billing
        {
            public static class BillingAccess
            {
                public static void EnsureOwnsCustomer(string userId, string customerId) { }

                public static class Urls
                {
                    public static bool IsAllowed(string url) => url.StartsWith("https://example.com/");
                }
            }
        }
        """;

    private const string Audit = """
        namespace MyApp.Telemetry
        {
            public sealed class AuditLog
            {
                public void Write(string message) { }

                public void Write(string message, object? value) { }
            }

            public sealed class Metrics { }
        }
        """;

    private static ProjectBuilder Create(params string[] editorConfig) => new ProjectBuilder()
        .WithAnalyzer<OptionMatchesNothingAnalyzer>()
        .WithSourceCode("Billing.cs", Billing)
        .WithSourceCode("Audit.cs", Audit)
        .WithEditorConfig(editorConfig);

    private static ExpectedDiagnostic Portal000(string message) => ExpectedDiagnostic.Create("PORTAL000").WithMessage(message);

    [Theory]
    [InlineData("EnsureOwnsCustomer")]
    [InlineData("BillingAccess.EnsureOwnsCustomer")]
    [InlineData("Billing.BillingAccess.EnsureOwnsCustomer")]
    [InlineData("MyApp.Billing.BillingAccess.EnsureOwnsCustomer")]
    [InlineData("global::MyApp.Billing.BillingAccess.EnsureOwnsCustomer")]
    [InlineData("BillingAccess.Urls.IsAllowed")]
    [InlineData("System.String.IsNullOrEmpty")]
    [InlineData("IsNullOrWhiteSpace")]
    public Task Method_named_on_any_qualified_suffix_matches(string name) =>
        Create($"accrue_portal.customer_ownership_checks = {name}").ValidateAsync();

    [Theory]
    [InlineData("M:MyApp.Telemetry.AuditLog.Write(System.String)")]
    [InlineData("M:AuditLog.Write(System.String)")]
    [InlineData("M:Telemetry.AuditLog.Write(System.String,System.Object)")]
    [InlineData("M:AuditLog.Write")]
    [InlineData("T:Metrics")]
    [InlineData("T:global::MyApp.Telemetry.Metrics")]
    [InlineData("M:System.Console.WriteLine(System.String)")]
    public Task Documentation_id_on_any_qualified_suffix_matches(string id) =>
        Create($"accrue_portal.additional_log_sinks = {id}").ValidateAsync();

    [Fact]
    public Task Every_known_key_with_a_good_value_is_silent() =>
        Create(
            "accrue_portal.require_configuration = Always",
            "accrue_portal.configuration_id = bpc_1Reviewed",
            "accrue_portal.allow_http_localhost = true",
            "accrue_portal.allowed_return_url_schemes = myapp",
            "accrue_portal.allowed_return_hosts = billing.example.com, *.example.com",
            "accrue_portal.return_url_validators = BillingAccess.Urls.IsAllowed",
            "accrue_portal.customer_ownership_checks = BillingAccess.EnsureOwnsCustomer",
            "accrue_portal.additional_log_sinks = M:AuditLog.Write(System.String), T:Metrics",
            "accrue_portal.additional_store_sinks = M:MyApp.Telemetry.AuditLog.Write(System.String,System.Object)")
            .ValidateAsync();

    [Fact]
    public Task Misspelt_key_is_reported_with_the_closest_key() =>
        Create("accrue_portal.configuraton_id = bpc_1Reviewed")
            .ShouldReportDiagnostic(Portal000("'accrue_portal.configuraton_id' is not an Accrue.Portal option; did you mean 'accrue_portal.configuration_id'?"))
            .ValidateAsync();

    [Fact]
    public Task Unknown_key_far_from_every_key_is_reported_without_a_guess() =>
        Create("accrue_portal.verbosity = high")
            .ShouldReportDiagnostic(Portal000("'accrue_portal.verbosity' is not an Accrue.Portal option"))
            .ValidateAsync();

    [Fact]
    public Task Method_that_does_not_exist_is_reported_with_the_closest_source_method() =>
        Create("accrue_portal.customer_ownership_checks = BillingAccess.EnsureOwnCustomer")
            .ShouldReportDiagnostic(Portal000(
                "'accrue_portal.customer_ownership_checks = BillingAccess.EnsureOwnCustomer' names no method in this compilation or its references; did you mean 'MyApp.Billing.BillingAccess.EnsureOwnsCustomer'?"))
            .ValidateAsync();

    [Fact]
    public Task Method_on_the_wrong_type_is_reported() =>
        Create("accrue_portal.return_url_validators = Billing.Urls.IsAllowed, UrlPolicy.IsAllowed")
            .ShouldReportDiagnostic(
                Portal000("'accrue_portal.return_url_validators = Billing.Urls.IsAllowed' names no method in this compilation or its references; did you mean 'MyApp.Billing.BillingAccess.Urls.IsAllowed'?"),
                Portal000("'accrue_portal.return_url_validators = UrlPolicy.IsAllowed' names no method in this compilation or its references; did you mean 'MyApp.Billing.BillingAccess.Urls.IsAllowed'?"))
            .ValidateAsync();

    [Fact]
    public Task Documentation_id_that_names_nothing_is_reported_with_the_closest_member() =>
        Create("accrue_portal.additional_log_sinks = M:AuditLog.Writ(System.String), T:Metrix")
            .ShouldReportDiagnostic(
                Portal000("'accrue_portal.additional_log_sinks = M:AuditLog.Writ(System.String)' names no member or type in this compilation or its references; did you mean 'M:MyApp.Telemetry.AuditLog.Write(System.String)'?"),
                Portal000("'accrue_portal.additional_log_sinks = T:Metrix' names no member or type in this compilation or its references; did you mean 'T:MyApp.Telemetry.Metrics'?"))
            .ValidateAsync();

    [Fact]
    public Task Overload_that_does_not_exist_is_reported() =>
        Create("accrue_portal.additional_store_sinks = M:AuditLog.Write(System.Int32)")
            .ShouldReportDiagnostic(Portal000(
                "'accrue_portal.additional_store_sinks = M:AuditLog.Write(System.Int32)' names no member or type in this compilation or its references; did you mean 'M:MyApp.Telemetry.AuditLog.Write(System.String)'?"))
            .ValidateAsync();

    [Fact]
    public Task Mode_and_switch_values_outside_their_sets_are_reported() =>
        Create(
            "accrue_portal.require_configuration = relase",
            "accrue_portal.allow_http_localhost = yes",
            "accrue_portal.configuration_id = pc_1Reviewed")
            .ShouldReportDiagnostic(
                Portal000("'accrue_portal.require_configuration = relase' is not one of release, always, never; did you mean 'release'?"),
                Portal000("'accrue_portal.allow_http_localhost = yes' is neither true nor false"),
                Portal000("'accrue_portal.configuration_id = pc_1Reviewed' is not a portal configuration id (bpc_…)"))
            .ValidateAsync();

    [Fact]
    public Task Same_option_in_two_sections_is_reported_once() =>
        new ProjectBuilder()
            .WithAnalyzer<OptionMatchesNothingAnalyzer>()
            .WithSourceCode("Billing.cs", Billing)
            .WithSourceCode("Audit.cs", Audit)
            .WithEditorConfig("accrue_portal.configuraton_id = bpc_1", "", "[Billing.cs]", "accrue_portal.configuraton_id = bpc_1")
            .ShouldReportDiagnostic(Portal000("'accrue_portal.configuraton_id' is not an Accrue.Portal option; did you mean 'accrue_portal.configuration_id'?"))
            .ValidateAsync();

    [Fact]
    public Task Options_of_other_tools_are_not_ours_to_judge() =>
        Create("dotnet_diagnostic.PORTAL008.severity = none", "accrue.portal_thing = 1", "my_tool.accrue_portal = x").ValidateAsync();

    [Fact]
    public Task Project_without_StripeNet_is_silent() =>
        Create("accrue_portal.configuraton_id = bpc_1").WithoutStripe().ValidateAsync();
}
