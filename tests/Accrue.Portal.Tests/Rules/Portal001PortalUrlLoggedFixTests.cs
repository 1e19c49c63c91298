namespace Accrue.Portal.Tests.Rules;

using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;

public sealed class Portal001PortalUrlLoggedFixTests
{
    private static ProjectBuilder Create(string key) => new ProjectBuilder()
        .WithAnalyzer<PortalUrlLeakAnalyzer>()
        .WithReferences(TestReferences.Logging)
        .WithCodeFixProvider<PortalUrlLoggedCodeFixProvider>(key);

    [Fact]
    public Task Fix_logs_the_session_id_for_a_read_a_local_and_an_interpolation() =>
        Create(PortalUrlLoggedCodeFixProvider.UseSessionIdKey)
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                class Billing(ILogger<Billing> logger)
                {
                    public string Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        var url = session.Url;
                        logger.LogInformation("Portal {Url}", {|PORTAL001:session.Url|});
                        logger.LogInformation("Portal {Url}", {|PORTAL001:url|});
                        logger.LogWarning({|PORTAL001:$"Portal {session.Url} opened"|});
                        logger.LogDebug("{S}", {|PORTAL001:session|});
                        return url;
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                class Billing(ILogger<Billing> logger)
                {
                    public string Open(string customerId)
                    {
                        var session = new SessionService().Create(new SessionCreateOptions { Customer = customerId });
                        var url = session.Url;
                        logger.LogInformation("Portal {Url}", session.Id);
                        logger.LogInformation("Portal {Url}", session.Id);
                        logger.LogWarning($"Portal {session.Id} opened");
                        logger.LogDebug("{S}", session.Id);
                        return url;
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Fix_removes_the_argument_and_its_placeholder_when_no_session_is_in_scope() =>
        Create(PortalUrlLoggedCodeFixProvider.RemoveArgumentKey)
            .WithSourceCode("""
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                public static class Links
                {
                    public static string Portal(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId }).Url;
                }

                class Account(ILogger<Account> logger)
                {
                    public string Manage(string customerId)
                    {
                        var link = Links.Portal(customerId);
                        logger.LogInformation("Portal {Link} for {Customer}", {|PORTAL001:link|}, customerId);
                        logger.LogWarning("Again {Link}", {|PORTAL001:link|});
                        System.Console.WriteLine({|PORTAL001:link|});
                        return link;
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using Microsoft.Extensions.Logging;
                using Stripe.BillingPortal;

                public static class Links
                {
                    public static string Portal(string customerId) => new SessionService().Create(new SessionCreateOptions { Customer = customerId }).Url;
                }

                class Account(ILogger<Account> logger)
                {
                    public string Manage(string customerId)
                    {
                        var link = Links.Portal(customerId);
                        logger.LogInformation("Portal for {Customer}", customerId);
                        logger.LogWarning("Again");
                        System.Console.WriteLine({|PORTAL001:link|});
                        return link;
                    }
                }
                """)
            .ValidateAsync();
}
