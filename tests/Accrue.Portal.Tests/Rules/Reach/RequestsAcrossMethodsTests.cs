namespace Accrue.Portal.Tests.Rules.Reach;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

/// <summary>
/// The request rules follow an options object from the method that creates it to the call that sends
/// it: out of a factory into its callers, and into helpers and adapters (through interfaces too). Missing-field
/// diagnostics sit at the creation, with the sending call as additional location.
/// </summary>
public sealed class RequestsAcrossMethodsTests
{
    private const string MissingCustomer = "The portal session is created with neither Customer nor CustomerAccount; Stripe rejects it";

    private const string Unpinned = "The portal session is created without Configuration in a Release build: the account's default portal configuration applies, and any Dashboard edit changes it";

    private const string Factory = """
        using Stripe.BillingPortal;

        public static class PortalRequests
        {
            public static SessionCreateOptions Build(string returnUrl) => {|#0:new() { ReturnUrl = returnUrl }|};
        }
        """;

    private static ProjectBuilder Customer() => new ProjectBuilder().WithAnalyzer<MissingOrMalformedCustomerAnalyzer>();

    [Fact]
    public Task Factory_returning_target_typed_new_sent_by_its_caller_is_reported_at_the_creation() =>
        Customer()
            .WithSourceCode("PortalRequests.cs", Factory)
            .WithSourceCode("Billing.cs", """
                using Stripe.BillingPortal;

                public sealed class Billing
                {
                    public Session Open(string returnUrl) => {|#1:new SessionService().Create(PortalRequests.Build(returnUrl))|};
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithLocation(1).WithMessage(MissingCustomer))
            .ValidateAsync();

    // A factory is found by its declaration, whose return type may be written qualified, nullable or through an alias,
    // and its callers among the calls of its name that pass an argument count it takes (left-out optional arguments, a
    // params array's any number, an extension method's receiver) and, the factory being a static class's, that name
    // the class (alias-qualified, through an alias, or unqualified through using static). The same-named Stripe call
    // around each (SessionService.Create) is not a caller, whether or not its argument count fits.
    [Theory]
    [InlineData("", "SessionCreateOptions Create(string returnUrl, string locale = \"auto\")", "PortalRequests.Create(returnUrl)")]
    [InlineData("", "SessionCreateOptions Create(string returnUrl, string locale = \"auto\")", "PortalRequests.Create(returnUrl, \"fr\")")]
    [InlineData("", "SessionCreateOptions Create(string returnUrl, params string[] tags)", "PortalRequests.Create(returnUrl, \"a\", \"b\", \"c\")")]
    [InlineData("", "SessionCreateOptions Create(string returnUrl, params string[] tags)", "PortalRequests.Create(returnUrl)")]
    [InlineData("", "SessionCreateOptions Create(this string returnUrl, string locale)", "returnUrl.Create(\"fr\")")]
    [InlineData("", "SessionCreateOptions Create(this string returnUrl, string locale)", "PortalRequests.Create(returnUrl, \"fr\")")]
    [InlineData("", "Stripe.BillingPortal.SessionCreateOptions Build(string returnUrl)", "PortalRequests.Build(returnUrl)")]
    [InlineData("", "SessionCreateOptions? Build(string returnUrl)", "PortalRequests.Build(returnUrl)")]
    [InlineData("using PortalOptions = Stripe.BillingPortal.SessionCreateOptions;", "PortalOptions Build(string returnUrl)", "PortalRequests.Build(returnUrl)")]
    [InlineData("using PortalOptions = Stripe.BillingPortal.SessionCreateOptions;", "global::Stripe.BillingPortal.SessionCreateOptions Build(string returnUrl)", "PortalRequests.Build(returnUrl)")]
    [InlineData("", "SessionCreateOptions Build(string returnUrl)", "global::PortalRequests.Build(returnUrl)")]
    [InlineData("global using Requests = PortalRequests;", "SessionCreateOptions Build(string returnUrl)", "Requests.Build(returnUrl)")]
    [InlineData("global using static PortalRequests;", "SessionCreateOptions Build(string returnUrl)", "Build(returnUrl)")]
    public Task Factory_is_followed_to_its_callers_however_it_is_declared_and_called(string alias, string declaration, string call) =>
        Customer()
            .WithSourceCode("PortalRequests.cs", $$"""
                {{alias}}
                using Stripe.BillingPortal;

                public static class PortalRequests
                {
                    public static {{declaration}} => {|#0:new() { ReturnUrl = returnUrl }|};
                }
                """)
            .WithSourceCode("Billing.cs", $$"""
                using Stripe.BillingPortal;

                public sealed class Billing
                {
                    public Session Open(string returnUrl) => {|#1:new SessionService().Create({{call}})|};
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithLocation(1).WithMessage(MissingCustomer))
            .ValidateAsync();

    // The callers of an instance factory are only the calls whose receiver may hold its type: declared (as a parameter,
    // a field, a property, a primary-constructor parameter) with the type, a base type or interface of it, a class
    // derived from it, an interface extending one of its interfaces, a type parameter or an alias; or declared where
    // only binding tells (a local that shadows a field of another type, a member in another part of a partial class).
    // Each row's receiver has one of these; a field of an unrelated interface with the same member stands beside it.
    [Theory]
    [InlineData("", "(IPortalRequests requests)", "", "public Session Open(string returnUrl) => {|#1:new SessionService().Create(requests.Build(returnUrl))|};")]
    [InlineData("", "", "private readonly PortalRequests requests = new();", "public Session Open(string returnUrl) => {|#1:new SessionService().Create(requests.Build(returnUrl))|};")]
    [InlineData("", "", "public IRequestSource Requests { get; } = new PortalRequests();", "public Session Open(string returnUrl) => {|#1:new SessionService().Create(this.Requests.Build(returnUrl))|};")]
    [InlineData("", "(IOtherRequests requests)", "", "public Session Open(string returnUrl, ShopPortalRequests requests) => {|#1:new SessionService().Create(requests.Build(returnUrl))|};")]
    [InlineData("", "(IOtherRequests requests)", "", "public Session Open(string returnUrl, IShopRequests requests) => {|#1:new SessionService().Create(requests.Build(returnUrl))|};")]
    [InlineData("", "(IOtherRequests requests)", "", "public Session Open<TRequests>(string returnUrl, TRequests requests) where TRequests : IPortalRequests => {|#1:new SessionService().Create(requests.Build(returnUrl))|};")]
    [InlineData("using Requests = IPortalRequests;", "", "private readonly Requests requests = new PortalRequests();", "public Session Open(string returnUrl) => {|#1:new SessionService().Create(requests.Build(returnUrl))|};")]
    [InlineData("", "(IOtherRequests requests)", "", "public Session Open(string returnUrl) { IPortalRequests requests = new PortalRequests(); return {|#1:new SessionService().Create(requests.Build(returnUrl))|}; }")]
    [InlineData("", "(IOtherRequests requests)", "", "public Session Open(string returnUrl) { System.Func<IPortalRequests, Session> open = (IPortalRequests requests) => {|#1:new SessionService().Create(requests.Build(returnUrl))|}; return open(new PortalRequests()); }")]
    [InlineData("", "(IOtherRequests other)", "private readonly IOtherRequests requests = other;", "public Session Open(string returnUrl) => {|#1:new SessionService().Create(((IPortalRequests)new PortalRequests()).Build(returnUrl))|};")]
    public Task Instance_factory_is_followed_to_callers_whose_receiver_may_hold_its_type(string alias, string primaryConstructor, string members, string method) =>
        Customer()
            .WithSourceCode("PortalRequests.cs", """
                using Stripe.BillingPortal;

                public interface IRequestSource
                {
                    SessionCreateOptions Build(string returnUrl);
                }

                public interface IPortalRequests : IRequestSource;

                public interface IShopRequests : IPortalRequests;

                public interface IOtherRequests
                {
                    SessionCreateOptions Build(string returnUrl);
                }

                public class PortalRequests : IPortalRequests
                {
                    public virtual SessionCreateOptions Build(string returnUrl) => {|#0:new() { ReturnUrl = returnUrl }|};
                }

                public sealed class ShopPortalRequests : PortalRequests, IShopRequests;
                """)
            .WithSourceCode("Billing.cs", $$"""
                {{alias}}
                using Stripe.BillingPortal;

                public sealed class Billing{{primaryConstructor}}
                {
                    {{members}}

                    {{method}}
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithLocation(1).WithMessage(MissingCustomer))
            .ValidateAsync();

    [Fact]
    public Task Instance_factory_is_followed_to_a_caller_in_a_partial_class_whose_other_part_declares_the_receiver() =>
        Customer()
            .WithSourceCode("PortalRequests.cs", """
                using Stripe.BillingPortal;

                public interface IPortalRequests
                {
                    SessionCreateOptions Build(string returnUrl);
                }

                public interface IOtherRequests
                {
                    SessionCreateOptions Build(string returnUrl);
                }

                public sealed class PortalRequests : IPortalRequests
                {
                    public SessionCreateOptions Build(string returnUrl) => {|#0:new() { ReturnUrl = returnUrl }|};
                }
                """)
            .WithSourceCode("Billing.cs", """
                using Stripe.BillingPortal;

                public sealed partial class Billing(IOtherRequests requests)
                {
                    public Session Open(string returnUrl) => {|#1:new SessionService().Create(requests.Build(returnUrl))|};
                }
                """)
            .WithSourceCode("Billing.Requests.cs", """
                public sealed partial class Billing
                {
                    private readonly IPortalRequests requests = new PortalRequests();
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithLocation(1).WithMessage(MissingCustomer))
            .ValidateAsync();

    [Fact]
    public Task Default_interface_member_factory_is_followed_to_a_caller_holding_the_interface() =>
        Customer()
            .WithSourceCode("PortalRequests.cs", """
                using Stripe.BillingPortal;

                public interface IPortalRequests
                {
                    SessionCreateOptions Build(string returnUrl) => {|#0:new() { ReturnUrl = returnUrl }|};
                }

                public sealed class PortalRequests : IPortalRequests;
                """)
            .WithSourceCode("Billing.cs", """
                using Stripe.BillingPortal;

                public sealed class Billing(IPortalRequests requests)
                {
                    public Session Open(string returnUrl) => {|#1:new SessionService().Create(requests.Build(returnUrl))|};
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithLocation(1).WithMessage(MissingCustomer))
            .ValidateAsync();

    [Fact]
    public Task Factory_options_completed_by_the_caller_after_the_factory_returns_are_silent() =>
        Customer()
            .WithSourceCode("PortalRequests.cs", Factory.Replace("{|#0:", string.Empty).Replace("|}", string.Empty))
            .WithSourceCode("Billing.cs", """
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                public sealed class Billing(SessionService sessions)
                {
                    public async Task<string> OpenAsync(string customerId, string returnUrl)
                    {
                        var options = PortalRequests.Build(returnUrl);
                        options.Customer = customerId;
                        return (await sessions.CreateAsync(options)).Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Factory_options_completed_by_the_caller_without_the_customer_are_reported() =>
        Customer()
            .WithSourceCode("PortalRequests.cs", Factory)
            .WithSourceCode("Billing.cs", """
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                public sealed class Billing(SessionService sessions)
                {
                    public async Task<string> OpenAsync(string locale, string returnUrl)
                    {
                        var options = PortalRequests.Build(returnUrl);
                        options.Locale = locale;
                        var session = await {|#1:sessions.CreateAsync(options)|};
                        options.Customer = "cus_too_late";
                        return session.Url;
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithLocation(1).WithMessage(MissingCustomer))
            .ValidateAsync();

    private const string SenderInterface = """
        using System.Threading.Tasks;
        using Stripe.BillingPortal;

        public interface IPortalGateway
        {
            Task<Session> SendAsync(SessionCreateOptions options);
        }
        """;

    private const string Caller = """
        using System.Threading.Tasks;
        using Stripe.BillingPortal;

        public sealed class Billing(IPortalGateway gateway)
        {
            public async Task<string> OpenAsync(string returnUrl)
            {
                var options = {|#0:new SessionCreateOptions { ReturnUrl = returnUrl }|};
                return (await gateway.SendAsync(options)).Url;
            }
        }
        """;

    [Fact]
    public Task Options_sent_by_the_one_implementation_of_an_adapter_interface_are_reported_at_the_creation() =>
        Customer()
            .WithSourceCode("IPortalGateway.cs", SenderInterface)
            .WithSourceCode("StripeGateway.cs", """
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                public sealed class StripeGateway(SessionService sessions) : IPortalGateway
                {
                    public Task<Session> SendAsync(SessionCreateOptions options)
                    {
                        options.Locale = "auto";
                        return {|#1:sessions.CreateAsync(options)|};
                    }
                }
                """)
            .WithSourceCode("Billing.cs", Caller)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithLocation(1).WithMessage(MissingCustomer))
            .ValidateAsync();

    [Fact]
    public Task Adapter_that_sets_the_customer_before_sending_is_silent() =>
        Customer()
            .WithSourceCode("IPortalGateway.cs", SenderInterface)
            .WithSourceCode("StripeGateway.cs", """
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                public sealed class StripeGateway(SessionService sessions) : IPortalGateway
                {
                    public Task<Session> SendAsync(SessionCreateOptions options)
                    {
                        options.Customer = "cus_from_the_signed_in_user";
                        return sessions.CreateAsync(options);
                    }
                }
                """)
            .WithSourceCode("Billing.cs", Caller.Replace("{|#0:", string.Empty).Replace("|}", string.Empty))
            .ValidateAsync();

    [Fact]
    public Task Interface_with_two_implementations_is_reported_for_the_one_that_sends_without_the_customer() =>
        Customer()
            .WithSourceCode("IPortalGateway.cs", SenderInterface)
            .WithSourceCode("Gateways.cs", """
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                public sealed class CustomerGateway(SessionService sessions) : IPortalGateway
                {
                    public Task<Session> SendAsync(SessionCreateOptions options)
                    {
                        options.Customer = "cus_42";
                        return sessions.CreateAsync(options);
                    }
                }

                public sealed class PlainGateway(SessionService sessions) : IPortalGateway
                {
                    public Task<Session> SendAsync(SessionCreateOptions options) => {|#1:sessions.CreateAsync(options)|};
                }
                """)
            .WithSourceCode("Billing.cs", Caller)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithLocation(1).WithMessage(MissingCustomer))
            .ValidateAsync();

    [Fact]
    public Task Generic_sender_interface_is_followed_to_its_implementation() =>
        Customer()
            .WithSourceCode("Senders.cs", """
                using Stripe.BillingPortal;

                public interface IRequestSender<TOptions>
                {
                    Session Send(TOptions options);
                }

                public sealed class SessionSender : IRequestSender<SessionCreateOptions>
                {
                    public Session Send(SessionCreateOptions options) => {|#1:new SessionService().Create(options)|};
                }
                """)
            .WithSourceCode("Billing.cs", """
                using Stripe.BillingPortal;

                public sealed class Billing(IRequestSender<SessionCreateOptions> sender)
                {
                    public string Open(string returnUrl) => sender.Send({|#0:new SessionCreateOptions { ReturnUrl = returnUrl }|}).Url;
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithLocation(1).WithMessage(MissingCustomer))
            .ValidateAsync();

    [Fact]
    public Task Factory_caller_and_adapter_across_three_files_are_followed_and_a_field_set_anywhere_on_the_path_counts() =>
        Customer()
            .WithSourceCode("PortalRequests.cs", """
                using Stripe.BillingPortal;

                public static class PortalRequests
                {
                    public static SessionCreateOptions Build(string returnUrl) => {|#0:new() { ReturnUrl = returnUrl }|};

                    public static SessionCreateOptions ForCustomer(string customerId) => new() { Customer = customerId };
                }
                """)
            .WithSourceCode("IPortalGateway.cs", SenderInterface)
            .WithSourceCode("StripeGateway.cs", """
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                public sealed class StripeGateway(SessionService sessions) : IPortalGateway
                {
                    public Task<Session> SendAsync(SessionCreateOptions options) => {|#1:sessions.CreateAsync(options)|};
                }
                """)
            .WithSourceCode("Billing.cs", """
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                public sealed class Billing(IPortalGateway gateway)
                {
                    public async Task<string> OpenAsync(string returnUrl)
                    {
                        var options = PortalRequests.Build(returnUrl);
                        options.Locale = "auto";
                        return (await gateway.SendAsync(options)).Url;
                    }

                    public async Task<string> OpenForAsync(string customerId) => (await gateway.SendAsync(PortalRequests.ForCustomer(customerId))).Url;
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL007").WithLocation(0).WithLocation(1).WithMessage(MissingCustomer))
            .ValidateAsync();

    [Fact]
    public Task Hand_offs_are_followed_three_methods_deep_and_no_further() =>
        Customer()
            .WithSourceCode("Hops.cs", """
                using Stripe.BillingPortal;

                public static class Hops
                {
                    public static Session Hop1(SessionCreateOptions options) => new SessionService().Create(options);
                    public static Session Hop2(SessionCreateOptions options) => Hop1(options);
                    public static Session Hop3(SessionCreateOptions options) => Hop2(options);
                    public static Session Hop4(SessionCreateOptions options) => Hop3(options);
                }
                """)
            .WithSourceCode("Billing.cs", """
                using Stripe.BillingPortal;

                public sealed class Billing
                {
                    public Session Near(string returnUrl) => Hops.Hop3({|PORTAL007:new SessionCreateOptions { ReturnUrl = returnUrl }|});
                    public Session Far(string returnUrl) => Hops.Hop4(new SessionCreateOptions { ReturnUrl = returnUrl });
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Unpinned_factory_options_are_fixed_in_the_factory() =>
        new ProjectBuilder()
            .WithAnalyzer<UnpinnedConfigurationAnalyzer>()
            .WithCodeFixProvider<UnpinnedConfigurationCodeFixProvider>(UnpinnedConfigurationCodeFixProvider.SetConfigurationKey)
            .WithBuildConfiguration(BuildConfiguration.Release)
            .WithEditorConfig("accrue_portal.configuration_id = bpc_123")
            .WithSourceCode("PortalRequests.cs", """
                using Stripe.BillingPortal;

                public static class PortalRequests
                {
                    public static SessionCreateOptions Build(string customerId) => {|#0:new() { Customer = customerId }|};
                }
                """)
            .WithSourceCode("Billing.cs", """
                using Stripe.BillingPortal;

                public sealed class Billing
                {
                    public Session Open(string customerId) => {|#1:new SessionService().Create(PortalRequests.Build(customerId))|};
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL004").WithLocation(0).WithLocation(0).WithLocation(1).WithMessage(Unpinned))
            .ShouldFixCodeWith("PortalRequests.cs", """
                using Stripe.BillingPortal;

                public static class PortalRequests
                {
                    public static SessionCreateOptions Build(string customerId) => new() { Customer = customerId, Configuration = "bpc_123" };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Flow_data_built_by_a_factory_and_sent_by_its_caller_is_checked() =>
        new ProjectBuilder()
            .WithAnalyzer<IncompleteFlowDataAnalyzer>()
            .WithSourceCode("PortalRequests.cs", """
                using Stripe.BillingPortal;

                public static class PortalRequests
                {
                    public static SessionCreateOptions Cancel(string customerId) => new()
                    {
                        Customer = customerId,
                        FlowData = new() { Type = {|#0:"subscription_cancel"|} },
                    };
                }
                """)
            .WithSourceCode("Billing.cs", """
                using Stripe.BillingPortal;

                public sealed class Billing
                {
                    public Session Open(string customerId) => new SessionService().Create(PortalRequests.Cancel(customerId));
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL006").WithLocation(0)
                .WithMessage("flow_data.type is 'subscription_cancel' but flow_data.subscription_cancel.subscription is not set; Stripe rejects the session"))
            .ValidateAsync();

    [Fact]
    public Task Cancellation_options_from_a_factory_are_reported_where_the_rejected_value_is_written() =>
        new ProjectBuilder()
            .WithAnalyzer<WeakCancellationConfigurationAnalyzer>()
            .WithSourceCode("CancellationDefaults.cs", """
                using Stripe.BillingPortal;

                public static class CancellationDefaults
                {
                    public static ConfigurationFeaturesSubscriptionCancelOptions Standard() => new()
                    {
                        Enabled = true,
                        Mode = "at_period_end",
                        ProrationBehavior = {|#0:"create_prorations"|},
                        CancellationReason = new() { Enabled = true, Options = ["other"] },
                    };
                }
                """)
            .WithSourceCode("PortalSetup.cs", """
                using Stripe.BillingPortal;

                public sealed class PortalSetup(ConfigurationService configurations)
                {
                    public Configuration Create() => configurations.Create(new ConfigurationCreateOptions
                    {
                        Features = new ConfigurationFeaturesOptions { SubscriptionCancel = CancellationDefaults.Standard() },
                    });
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL009").WithLocation(0)
                .WithMessage("features.subscription_cancel.proration_behavior 'create_prorations' only goes with mode 'immediately'; at period end use 'none'"))
            .ValidateAsync();

    [Fact]
    public Task Configuration_options_never_sent_in_sight_are_reported_where_written_and_absences_are_not_assumed() =>
        new ProjectBuilder()
            .WithAnalyzer<WeakCancellationConfigurationAnalyzer>()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                public static class PortalDrafts
                {
                    public static ConfigurationUpdateOptions Tighten()
                    {
                        var options = new ConfigurationUpdateOptions { Features = new() };
                        options.Features.SubscriptionCancel = new() { Enabled = true, Mode = {|#0:"immediately"|}, ProrationBehavior = {|#1:"always_invoice"|} };
                        return options;
                    }

                    public static ConfigurationCreateOptions Fresh() => new()
                    {
                        Features = new() { SubscriptionCancel = new() { Enabled = true, Mode = "at_period_end" } },
                    };
                }
                """)
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL009").WithLocation(0)
                    .WithMessage("features.subscription_cancel.mode is 'immediately': a customer who cancels loses access at once and cannot be won back; cancel 'at_period_end'"),
                Expected.Diagnostic("PORTAL009").WithLocation(1)
                    .WithMessage("Stripe rejects features.subscription_cancel.proration_behavior 'always_invoice' for portal cancellations; use 'none'"))
            .ValidateAsync();
}
