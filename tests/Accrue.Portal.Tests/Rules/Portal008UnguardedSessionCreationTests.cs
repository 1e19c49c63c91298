namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

public sealed class Portal008UnguardedSessionCreationTests
{
    private static ProjectBuilder Create() => new ProjectBuilder()
        .WithAnalyzer<UnguardedSessionCreationAnalyzer>()
        .WithSourceGenerator<GuardedSessionGenerator>()
        .WithPortalRuntime()
        .WithCodeFixProvider<UnguardedSessionCreationCodeFixProvider>(UnguardedSessionCreationCodeFixProvider.UseGuardedCallKey);

    [Fact]
    public Task New_SessionService_Create_with_url_use_is_reported_and_fixed() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    string Open(SessionCreateOptions options)
                    {
                        var session = new SessionService().{|#0:Create|}(options);
                        System.Console.WriteLine(session.Id);
                        return session.Url;
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL008").WithLocation(0)
                .WithMessage("SessionService.Create sends the portal request unchecked and returns the URL on a Session that prints it; use CreateGuarded to validate first and get a URL-safe handle"))
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    string Open(SessionCreateOptions options)
                    {
                        var session = new SessionService().CreateGuarded(options);
                        System.Console.WriteLine(session.Id);
                        return session.GetRedirectUri().AbsoluteUri;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Client_service_async_keeps_request_options_and_cancellation_token() =>
        Create()
            .WithSourceCode("""
                using System.Threading;
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    async Task<string> OpenAsync(IStripeClient client, SessionCreateOptions options, CancellationToken cancellationToken)
                    {
                        var requestOptions = new RequestOptions { IdempotencyKey = "portal-1" };
                        Session session = await new SessionService(client).[|CreateAsync|](options, requestOptions, cancellationToken).ConfigureAwait(false);
                        return session.Url;
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using System.Threading;
                using System.Threading.Tasks;
                using Accrue.Portal;
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    async Task<string> OpenAsync(IStripeClient client, SessionCreateOptions options, CancellationToken cancellationToken)
                    {
                        var requestOptions = new RequestOptions { IdempotencyKey = "portal-1" };
                        PortalSession session = await new SessionService(client).CreateGuardedAsync(options, requestOptions: requestOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
                        return session.GetRedirectUri().AbsoluteUri;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task StripeClient_V1_chain_with_direct_url_read_and_named_arguments() =>
        Create()
            .WithSourceCode("""
                using System.Threading;
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    async Task<string> OpenAsync(StripeClient client, CancellationToken token)
                    {
                        var options = new SessionCreateOptions { Customer = "cus_123", Configuration = "bpc_123" };
                        return (await client.V1.BillingPortal.Sessions.[|CreateAsync|](options, cancellationToken: token)).Url;
                    }

                    string Open(StripeClient client, SessionCreateOptions options) =>
                        client.V1.BillingPortal.Sessions.[|Create|](options, requestOptions: new RequestOptions { ApiKey = "sk_test" }).Url;
                }
                """)
            .ShouldFixCodeWith("""
                using System.Threading;
                using System.Threading.Tasks;
                using Stripe;
                using Stripe.BillingPortal;

                class Billing
                {
                    async Task<string> OpenAsync(StripeClient client, CancellationToken token)
                    {
                        var options = new SessionCreateOptions { Customer = "cus_123", Configuration = "bpc_123" };
                        return (await client.V1.BillingPortal.Sessions.CreateGuardedAsync(options, cancellationToken: token)).GetRedirectUri().AbsoluteUri;
                    }

                    string Open(StripeClient client, SessionCreateOptions options) =>
                        client.V1.BillingPortal.Sessions.CreateGuarded(options, requestOptions: new RequestOptions { ApiKey = "sk_test" }).GetRedirectUri().AbsoluteUri;
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Fix_all_rewrites_every_call_in_the_project() =>
        Create()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    void Warm(SessionService service, SessionCreateOptions options) => service.[|Create|](options);

                    string Open(SessionService service, SessionCreateOptions options)
                    {
                        var first = service.[|Create|](options);
                        var second = service.[|Create|](options);
                        return first.Url + second.Url + second.Customer;
                    }
                }
                """)
            .WithSourceCode("Other.cs", """
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                class Other
                {
                    async Task<bool> LiveAsync(SessionService service, SessionCreateOptions options) =>
                        (await service.{|PORTAL008:CreateAsync|}(options)).Livemode;
                }
                """)
            .ShouldFixCodeWith("""
                using Stripe.BillingPortal;

                class Billing
                {
                    void Warm(SessionService service, SessionCreateOptions options) => service.CreateGuarded(options);

                    string Open(SessionService service, SessionCreateOptions options)
                    {
                        var first = service.CreateGuarded(options);
                        var second = service.CreateGuarded(options);
                        return first.GetRedirectUri().AbsoluteUri + second.GetRedirectUri().AbsoluteUri + second.Customer;
                    }
                }
                """)
            .ShouldFixCodeWith("Other.cs", """
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                class Other
                {
                    async Task<bool> LiveAsync(SessionService service, SessionCreateOptions options) =>
                        (await service.CreateGuardedAsync(options)).Livemode;
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Subclass_override_is_reported_at_its_callers_not_at_base_call() =>
        Create()
            .WithSourceCode("""
                using Stripe;
                using Stripe.BillingPortal;

                class AuditedSessionService : SessionService
                {
                    public override Session Create(SessionCreateOptions options, RequestOptions requestOptions = null) => base.Create(options, requestOptions);
                }

                class Billing
                {
                    string Open(AuditedSessionService service, SessionCreateOptions options) => service.[|Create|](options).Id;
                }
                """)
            .WithNullable(Microsoft.CodeAnalysis.NullableContextOptions.Disable)
            .ShouldFixCodeWith("""
                using Stripe;
                using Stripe.BillingPortal;

                class AuditedSessionService : SessionService
                {
                    public override Session Create(SessionCreateOptions options, RequestOptions requestOptions = null) => base.Create(options, requestOptions);
                }

                class Billing
                {
                    string Open(AuditedSessionService service, SessionCreateOptions options) => service.CreateGuarded(options).Id;
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Result_used_as_a_Session_is_reported_without_a_fix() =>
        Create()
            .WithSourceCode("""
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(SessionService service, SessionCreateOptions options) => service.[|Create|](options);

                    Task<Session> OpenAsync(SessionService service, SessionCreateOptions options) => service.[|CreateAsync|](options);

                    string Json(SessionService service, SessionCreateOptions options)
                    {
                        var session = service.[|Create|](options);
                        return session.ConfigurationId + session.Url;
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                class Billing
                {
                    Session Open(SessionService service, SessionCreateOptions options) => service.[|Create|](options);

                    Task<Session> OpenAsync(SessionService service, SessionCreateOptions options) => service.[|CreateAsync|](options);

                    string Json(SessionService service, SessionCreateOptions options)
                    {
                        var session = service.[|Create|](options);
                        return session.ConfigurationId + session.Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Guarded_calls_and_other_services_are_not_reported() =>
        Create()
            .WithSourceCode("""
                using System.Threading.Tasks;
                using Stripe.BillingPortal;

                class Billing
                {
                    async Task<string> OpenAsync(SessionService sessions, ConfigurationService configurations, SessionCreateOptions options)
                    {
                        configurations.Create(new ConfigurationCreateOptions());
                        var session = await sessions.CreateGuardedAsync(options);
                        return sessions.CreateGuarded(options).Id + session.GetRedirectUri().AbsoluteUri;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task App_type_named_SessionService_is_not_reported() =>
        Create()
            .WithSourceCode("""
                namespace MyApp
                {
                    class Session { public string Url { get; set; } }

                    class SessionCreateOptions { }

                    class SessionService
                    {
                        public Session Create(SessionCreateOptions options) => new Session();
                    }

                    class Billing
                    {
                        string Open() => new SessionService().Create(new SessionCreateOptions()).Url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Nothing_is_reported_without_the_runtime() =>
        new ProjectBuilder()
            .WithAnalyzer<UnguardedSessionCreationAnalyzer>()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    string Open(SessionCreateOptions options) => new SessionService().Create(options).Url;
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Half_typed_call_does_not_throw() =>
        Create()
            .WithCompilerErrorsAllowed()
            .WithSourceCode("""
                using Stripe.BillingPortal;

                class Billing
                {
                    string Open() => new SessionService().Create(.Url;
                }
                """)
            .ValidateAsync();
}
