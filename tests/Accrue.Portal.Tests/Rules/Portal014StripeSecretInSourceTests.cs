namespace Accrue.Portal.Tests.Rules;

using System;
using System.IO;
using System.Linq;
using System.Linq.Expressions;
using System.Text;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Rules;
using Accrue.Portal.CodeFixes;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// PORTAL014. The keys are fake (and <c>sk_test_4eC39HqLyjWDarjtT1zdp7dc</c> is the key Stripe's own documentation
/// published), but shaped like real ones: a prefix and a base62 body of 24 or more characters.
/// </summary>
public sealed class Portal014StripeSecretInSourceTests
{
    private const string LiveSecretKeyMessage =
        "A Stripe live secret key (sk_live_…) is written in the source: it ships with the code and stays in the repository history; read it from configuration, then roll it in the Stripe Dashboard";

    private const string TestSecretKeyMessage =
        "A Stripe test secret key (sk_test_…) is written in the source: it ships with the code and stays in the repository history; read it from configuration, then roll it in the Stripe Dashboard";

    private static ProjectBuilder Create() => new ProjectBuilder()
        .WithAnalyzer<StripeSecretInSourceAnalyzer>()
        .WithCodeFixProvider<StripeSecretInSourceCodeFixProvider>(StripeSecretInSourceCodeFixProvider.ReadFromConfigurationKey);

    [Fact]
    public Task Api_key_assigned_to_StripeConfiguration_is_reported_masked_and_read_from_the_environment() =>
        Create()
            .WithSourceCode("""
                using Stripe;

                static class StripeSetup
                {
                    public static void Configure()
                    {
                        StripeConfiguration.ApiKey = {|#0:"sk_live_51HfakeFAKEfake0123456789abcdEFGH"|};
                    }
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL014").WithLocation(0).WithMessage(LiveSecretKeyMessage))
            .ShouldFixCodeWith("""
                using System;
                using Stripe;

                static class StripeSetup
                {
                    public static void Configure()
                    {
                        StripeConfiguration.ApiKey = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set");
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Const_field_is_reported_at_its_declaration_only_and_becomes_static_readonly() =>
        Create()
            .WithSourceCode("Keys.cs", """
                namespace Shop.Billing;

                internal static class StripeKeys
                {
                    public const string Secret = {|#0:"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|};
                }
                """)
            .WithSourceCode("Clients.cs", """
                namespace Shop.Billing;

                using Stripe;

                internal sealed class StripeClients
                {
                    public IStripeClient Create() => new StripeClient(StripeKeys.Secret);

                    public string AuthorizationHeader() => "Bearer " + StripeKeys.Secret;
                }
                """)
            .ShouldReportDiagnostic(Expected.Diagnostic("PORTAL014").WithLocation(0).WithMessage(TestSecretKeyMessage))
            .ShouldFixCodeWith("Keys.cs", """
                using System;

                namespace Shop.Billing;

                internal static class StripeKeys
                {
                    public static readonly string Secret = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set");
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Injected_configuration_is_read_with_the_key_name_of_the_secret_kind() =>
        Create()
            .WithAspNetCore()
            .WithSourceCode("""
                using Microsoft.Extensions.Configuration;
                using Stripe;

                public sealed class StripeAccounts
                {
                    private readonly IConfiguration configuration;

                    public StripeAccounts(IConfiguration configuration) => this.configuration = configuration;

                    public IStripeClient Reporting() => new StripeClient([|"rk_test_51HfakeRestrictedKey0123456789"|]);

                    public RequestOptions Platform() => new RequestOptions { ApiKey = [|@"sk_live_51HfakeFAKEfake0123456789abcdEFGH"|] };
                }
                """)
            .ShouldFixCodeWith("""
                using System;
                using Microsoft.Extensions.Configuration;
                using Stripe;

                public sealed class StripeAccounts
                {
                    private readonly IConfiguration configuration;

                    public StripeAccounts(IConfiguration configuration) => this.configuration = configuration;

                    public IStripeClient Reporting() => new StripeClient(configuration["Stripe:RestrictedKey"] ?? throw new InvalidOperationException("Stripe:RestrictedKey is not configured"));

                    public RequestOptions Platform() => new RequestOptions { ApiKey = configuration["Stripe:SecretKey"] ?? throw new InvalidOperationException("Stripe:SecretKey is not configured") };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Restricted_key_and_webhook_secret_messages_name_their_kind() =>
        Create()
            .WithSourceCode("""
                using Stripe;

                sealed class StripeWebhooks
                {
                    private static readonly RequestOptions Reporting = new RequestOptions { ApiKey = {|#0:"rk_test_51HfakeRestrictedKey0123456789"|} };

                    public string SigningSecret { get; } = {|#1:"whsec_fakeSigningSecret0123456789abcdEFGH+/="|};
                }
                """)
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL014").WithLocation(0).WithMessage(
                    "A Stripe test restricted key (rk_test_…) is written in the source: it ships with the code and stays in the repository history; read it from configuration, then roll it in the Stripe Dashboard"),
                Expected.Diagnostic("PORTAL014").WithLocation(1).WithMessage(
                    "A Stripe webhook signing secret (whsec_…) is written in the source: it ships with the code and stays in the repository history; read it from configuration, then roll it in the Stripe Dashboard"))
            .ValidateAsync();

    [Fact]
    public Task Const_local_in_a_webhook_handler_loses_const_and_reads_the_injected_configuration() =>
        Create()
            .WithAspNetCore()
            .WithSourceCode("""
                using Microsoft.Extensions.Configuration;
                using Stripe;

                public sealed class StripeWebhookHandler(IConfiguration configuration)
                {
                    public bool IsSigned(string signatureHeader)
                    {
                        const string secret = [|"whsec_fakeSigningSecret0123456789abcdEFGH"|];
                        return signatureHeader.Contains(secret);
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using System;
                using Microsoft.Extensions.Configuration;
                using Stripe;

                public sealed class StripeWebhookHandler(IConfiguration configuration)
                {
                    public bool IsSigned(string signatureHeader)
                    {
                        string secret = configuration["Stripe:WebhookSecret"] ?? throw new InvalidOperationException("Stripe:WebhookSecret is not configured");
                        return signatureHeader.Contains(secret);
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Program_cs_reads_the_builder_configuration() =>
        Create()
            .WithAspNetCore()
            .WithOutputKind(OutputKind.ConsoleApplication)
            .WithSourceCode("""
                using Microsoft.AspNetCore.Builder;
                using Stripe;

                var builder = WebApplication.CreateBuilder(args);
                StripeConfiguration.ApiKey = [|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|];
                var app = builder.Build();
                app.Run();
                """)
            .ShouldFixCodeWith("""
                using System;
                using Microsoft.AspNetCore.Builder;
                using Stripe;

                var builder = WebApplication.CreateBuilder(args);
                StripeConfiguration.ApiKey = builder.Configuration["Stripe:SecretKey"] ?? throw new InvalidOperationException("Stripe:SecretKey is not configured");
                var app = builder.Build();
                app.Run();
                """)
            .ValidateAsync();

    [Fact]
    public Task Concatenated_constants_across_files_are_reported_once_on_the_outermost_expression() =>
        Create()
            .WithSourceCode("Prefixes.cs", """
                static class StripePrefixes
                {
                    public const string Live = "sk_live_";
                }
                """)
            .WithSourceCode("Keys.cs", """
                using Stripe;

                static class StripeKeys
                {
                    private const string Body = "51HfakeFAKEfake0123456789abcdEFGH";
                    public const string Split = {|#0:StripePrefixes.Live + Body|};
                    public const string Literals = {|#1:"sk_live_" + "51HfakeFAKEfake" + "0123456789abcdEFGH"|};

                    public static void Configure(string suffix)
                    {
                        StripeConfiguration.ApiKey = ({|#2:StripePrefixes.Live + Body|}) + suffix;
                        StripeConfiguration.ApiKey = Split + suffix;
                    }
                }
                """)
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL014").WithLocation(0).WithMessage(LiveSecretKeyMessage),
                Expected.Diagnostic("PORTAL014").WithLocation(1).WithMessage(LiveSecretKeyMessage),
                Expected.Diagnostic("PORTAL014").WithLocation(2).WithMessage(LiveSecretKeyMessage))
            .ValidateAsync();

    [Fact]
    public Task Interpolated_constants_are_reported_on_the_interpolation() =>
        Create()
            .WithSourceCode("""
                using Stripe;

                static class StripeKeys
                {
                    private const string Prefix = "sk_test_";
                    private const string Body = "4eC39HqLyjWDarjtT1zdp7dc";

                    public static IStripeClient Named() => new StripeClient([|$"{Prefix}{Body}"|]);

                    public static IStripeClient Written() => new StripeClient([|$"sk_test_{Body}"|]);

                    public static string Header(string account) => [|$"Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc"|] + $" for {account}";
                }
                """)
            .ShouldFixCodeWith("""
                using System;
                using Stripe;

                static class StripeKeys
                {
                    private const string Prefix = "sk_test_";
                    private const string Body = "4eC39HqLyjWDarjtT1zdp7dc";

                    public static IStripeClient Named() => new StripeClient(Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set"));

                    public static IStripeClient Written() => new StripeClient(Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set"));

                    public static string Header(string account) => (Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set")) + $" for {account}";
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Attribute_arguments_and_switch_labels_are_reported_without_a_fix() =>
        Create()
            .WithSourceCode("""
                using System.ComponentModel;
                using Stripe;

                static class StripeModes
                {
                    private const string Prefix = "sk_live_";
                    private const string Body = "51HfakeFAKEfake0123456789abcdEFGH";

                    [Description([|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|])]
                    public static string Describe(string apiKey) => apiKey switch
                    {
                        [|"sk_live_51HfakeFAKEfake0123456789abcdEFGH"|] => "live",
                        _ => "other",
                    };

                    [Description([|Prefix + Body|])]
                    public static bool IsKnown(string apiKey)
                    {
                        switch (apiKey)
                        {
                            case [|"rk_live_51HfakeRestrictedKey0123456789"|]:
                                return true;
                            default:
                                return StripeConfiguration.ApiKey == apiKey;
                        }
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using System.ComponentModel;
                using Stripe;

                static class StripeModes
                {
                    private const string Prefix = "sk_live_";
                    private const string Body = "51HfakeFAKEfake0123456789abcdEFGH";

                    [Description([|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|])]
                    public static string Describe(string apiKey) => apiKey switch
                    {
                        [|"sk_live_51HfakeFAKEfake0123456789abcdEFGH"|] => "live",
                        _ => "other",
                    };

                    [Description([|Prefix + Body|])]
                    public static bool IsKnown(string apiKey)
                    {
                        switch (apiKey)
                        {
                            case [|"rk_live_51HfakeRestrictedKey0123456789"|]:
                                return true;
                            default:
                                return StripeConfiguration.ApiKey == apiKey;
                        }
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Const_used_where_a_constant_is_required_keeps_its_diagnostic_and_gets_no_fix() =>
        Create()
            .WithSourceCode("""
                using System.ComponentModel;
                using Stripe;

                static class StripeKeys
                {
                    public const string Secret = [|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|];

                    [DefaultValue(Secret)]
                    public static string ApiKey { get; set; } = StripeConfiguration.ApiKey;
                }
                """)
            .ShouldFixCodeWith("""
                using System.ComponentModel;
                using Stripe;

                static class StripeKeys
                {
                    public const string Secret = [|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|];

                    [DefaultValue(Secret)]
                    public static string ApiKey { get; set; } = StripeConfiguration.ApiKey;
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Verbatim_raw_and_utf8_literals_are_reported_and_only_string_ones_fixed() =>
        Create()
            .WithSourceCode(""""
                using System;
                using Stripe;

                static class StripeFixtures
                {
                    public static readonly string Raw = [|"""sk_live_51HfakeFAKEfake0123456789abcdEFGH"""|];

                    public static readonly string Json = [|"""
                        { "api_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" }
                        """|];

                    public static ReadOnlySpan<byte> Utf8 => [|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"u8|];

                    public static void Configure() => StripeConfiguration.ApiKey = [|@"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|];
                }
                """")
            .ShouldFixCodeWith("""
                using System;
                using Stripe;

                static class StripeFixtures
                {
                    public static readonly string Raw = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set");

                    public static readonly string Json = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set");

                    public static ReadOnlySpan<byte> Utf8 => [|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"u8|];

                    public static void Configure() => StripeConfiguration.ApiKey = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set");
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Keys_in_comments_and_disabled_code_are_reported_on_the_key() =>
        Create()
            .WithSourceCode("""
                using Stripe;

                static class StripeSetup
                {
                    /// <summary>Uses the account of <c>{|#0:sk_test_4eC39HqLyjWDarjtT1zdp7dc|}</c> in tests.</summary>
                    public static void Configure(string apiKey)
                    {
                        // StripeConfiguration.ApiKey = "{|#1:sk_live_51HfakeFAKEfake0123456789abcdEFGH|}";
                        StripeConfiguration.ApiKey = apiKey; /* was {|#2:rk_live_51HfakeRestrictedKey0123456789|} */
                #if NEVER
                        StripeConfiguration.ApiKey = "{|#3:sk_test_4eC39HqLyjWDarjtT1zdp7dc|}";
                #endif
                    }
                }
                """)
            .ShouldReportDiagnostic(
                Expected.Diagnostic("PORTAL014").WithLocation(0).WithMessage(
                    "A Stripe test secret key (sk_test_…) is written in a comment: it ships with the code and stays in the repository history; delete it, then roll it in the Stripe Dashboard"),
                Expected.Diagnostic("PORTAL014").WithLocation(1).WithMessage(
                    "A Stripe live secret key (sk_live_…) is written in a comment: it ships with the code and stays in the repository history; delete it, then roll it in the Stripe Dashboard"),
                Expected.Diagnostic("PORTAL014").WithLocation(2).WithMessage(
                    "A Stripe live restricted key (rk_live_…) is written in a comment: it ships with the code and stays in the repository history; delete it, then roll it in the Stripe Dashboard"),
                Expected.Diagnostic("PORTAL014").WithLocation(3).WithMessage(
                    "A Stripe test secret key (sk_test_…) is written in disabled code: it ships with the code and stays in the repository history; delete it, then roll it in the Stripe Dashboard"))
            .ValidateAsync();

    [Fact]
    public Task Fix_all_rewrites_every_secret_of_the_project() =>
        Create()
            .WithAspNetCore()
            .WithSourceCode("Keys.cs", """
                using Stripe;

                internal static class StripeKeys
                {
                    private const string Secret = [|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|], Unrelated = "x";

                    public const string Webhook = [|"whsec_fakeSigningSecret0123456789abcdEFGH"|];

                    public static IStripeClient Client() => new StripeClient(Secret + Unrelated);
                }
                """)
            .WithSourceCode("Billing.cs", """
                using Microsoft.Extensions.Configuration;
                using Stripe;

                internal sealed class StripeBilling(IConfiguration settings)
                {
                    public IStripeClient Live() => new StripeClient([|"sk_live_51HfakeFAKEfake0123456789abcdEFGH"|]);

                    public IStripeClient Reporting() => new StripeClient([|"rk_live_51HfakeRestrictedKey0123456789"|]);
                }
                """)
            .ShouldFixCodeWith("Keys.cs", """
                using System;
                using Stripe;

                internal static class StripeKeys
                {
                    private const string Secret = [|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|], Unrelated = "x";

                    public static readonly string Webhook = Environment.GetEnvironmentVariable("STRIPE_WEBHOOK_SECRET") ?? throw new InvalidOperationException("STRIPE_WEBHOOK_SECRET is not set");

                    public static IStripeClient Client() => new StripeClient(Secret + Unrelated);
                }
                """)
            .ShouldFixCodeWith("Billing.cs", """
                using System;
                using Microsoft.Extensions.Configuration;
                using Stripe;

                internal sealed class StripeBilling(IConfiguration settings)
                {
                    public IStripeClient Live() => new StripeClient(settings["Stripe:SecretKey"] ?? throw new InvalidOperationException("Stripe:SecretKey is not configured"));

                    public IStripeClient Reporting() => new StripeClient(settings["Stripe:RestrictedKey"] ?? throw new InvalidOperationException("Stripe:RestrictedKey is not configured"));
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Static_members_and_initializers_do_not_read_instance_configuration() =>
        Create()
            .WithAspNetCore()
            .WithSourceCode("""
                using Microsoft.Extensions.Configuration;
                using Stripe;

                internal sealed class StripeClients(IConfiguration configuration)
                {
                    private readonly IConfiguration settings = configuration;
                    private readonly string primary = [|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|];

                    public static IStripeClient Shared() => new StripeClient([|"sk_live_51HfakeFAKEfake0123456789abcdEFGH"|]);

                    public IStripeClient Primary() => new StripeClient(this.primary + this.settings["Suffix"]);
                }
                """)
            .ShouldFixCodeWith("""
                using System;
                using Microsoft.Extensions.Configuration;
                using Stripe;

                internal sealed class StripeClients(IConfiguration configuration)
                {
                    private readonly IConfiguration settings = configuration;
                    private readonly string primary = configuration["Stripe:SecretKey"] ?? throw new InvalidOperationException("Stripe:SecretKey is not configured");

                    public static IStripeClient Shared() => new StripeClient(Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set"));

                    public IStripeClient Primary() => new StripeClient(this.primary + this.settings["Suffix"]);
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Lambdas_read_what_they_can_capture_and_a_const_local_used_in_a_case_label_keeps_const() =>
        Create()
            .WithAspNetCore()
            .WithSourceCode("""
                using System;
                using Microsoft.Extensions.Configuration;
                using Stripe;

                internal sealed class StripeClientFactory(IConfiguration configuration)
                {
                    public Func<IStripeClient> Live() => () => new StripeClient([|"sk_live_51HfakeFAKEfake0123456789abcdEFGH"|]);

                    public Func<IStripeClient> Test() => static () => new StripeClient([|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|]);

                    public static bool IsWebhookSecret(string value)
                    {
                        const string secret = [|"whsec_fakeSigningSecret0123456789abcdEFGH"|];
                        switch (value)
                        {
                            case secret:
                                return true;
                            default:
                                return false;
                        }
                    }
                }
                """)
            .ShouldFixCodeWith("""
                using System;
                using Microsoft.Extensions.Configuration;
                using Stripe;

                internal sealed class StripeClientFactory(IConfiguration configuration)
                {
                    public Func<IStripeClient> Live() => () => new StripeClient(configuration["Stripe:SecretKey"] ?? throw new InvalidOperationException("Stripe:SecretKey is not configured"));

                    public Func<IStripeClient> Test() => static () => new StripeClient(Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set"));

                    public static bool IsWebhookSecret(string value)
                    {
                        const string secret = [|"whsec_fakeSigningSecret0123456789abcdEFGH"|];
                        switch (value)
                        {
                            case secret:
                                return true;
                            default:
                                return false;
                        }
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Publishable_keys_placeholders_and_near_misses_are_not_reported() =>
        Create()
            .WithAspNetCore()
            .WithSourceCode("""
                using Microsoft.Extensions.Configuration;
                using Stripe;

                public sealed class StripeSettings(IConfiguration configuration)
                {
                    public const string Publishable = "pk_live_51HfakeFAKEfake0123456789abcdEFGH";
                    public const string Dots = "sk_test_...";
                    public const string Short = "sk_test_xxx";
                    public const string YourKey = "sk_live_YOUR_KEY";
                    public const string PrefixOnly = "sk_test_";
                    public const string OneLetter = "sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
                    public const string Capitals = "sk_live_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
                    public const string Redacted = "sk_live_••••••••••••••••••••••••4242";
                    public const string InAWord = "task_test_4eC39HqLyjWDarjtT1zdp7dc";
                    public const string Upper = "SK_LIVE_51HfakeFAKEfake0123456789abcdEFGH";
                    public const string ConfigurationKey = "Stripe:SecretKey";
                    public const string Variable = "STRIPE_SECRET_KEY";
                    public const string Id = "cus_4eC39HqLyjWDarjtT1zdp7dc";

                    // Set Stripe:SecretKey to your sk_test_... key (user secrets in development).
                    public string Secret => configuration["Stripe:SecretKey"] ?? "sk_test_";

                    public IStripeClient Client() => new StripeClient(configuration["Stripe:SecretKey"] + "");
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Constant_from_a_referenced_test_fixture_library_is_not_reported_where_used() =>
        Create()
            .WithReferences([FixtureLibrary()])
            .WithSourceCode("""
                using Stripe;
                using StripeMock.Fixtures;

                static class StripeTestSetup
                {
                    public static void UseFixtureAccount() => StripeConfiguration.ApiKey = Keys.Secret;

                    public static string Header() => "Bearer " + Keys.Secret;

                    public static string Interpolated() => $"{Keys.Secret}";
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Uses_of_a_reported_constant_in_larger_constants_are_not_reported_again() =>
        Create()
            .WithSourceCode("""
                using Stripe;

                static class StripeHeaders
                {
                    private const string Secret = [|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|];
                    private const string Authorization = "Bearer " + Secret;
                    private const string Interpolated = $"Bearer {Secret}";

                    public static RequestOptions Options() => new RequestOptions { ApiKey = Authorization + Interpolated };
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Project_without_Stripe_net_is_not_analyzed() =>
        new ProjectBuilder()
            .WithAnalyzer<StripeSecretInSourceAnalyzer>()
            .WithoutStripe()
            .WithSourceCode("""
                // A payments library's own test fixture, which does not reference Stripe.net.
                static class RecordedStripeTraffic
                {
                    public const string ApiKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
                    public const string Header = "Authorization: Bearer sk_live_51HfakeFAKEfake0123456789abcdEFGH";
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Generated_code_is_not_analyzed() =>
        Create()
            .WithSourceCode("StripeKeys.g.cs", """
                // <auto-generated/>
                static class GeneratedStripeKeys
                {
                    public const string Secret = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
                    public const string Composed = Prefix + "4eC39HqLyjWDarjtT1zdp7dc";
                    private const string Prefix = "sk_test_";
                }
                """)
            .WithSourceCode("Setup.cs", """
                using Stripe;

                static class StripeSetup
                {
                    public static void Configure() => StripeConfiguration.ApiKey = GeneratedStripeKeys.Secret + GeneratedStripeKeys.Composed;
                }
                """)
            .ValidateAsync();

    [Fact]
    public void Scanning_a_file_without_secrets_allocates_nothing_and_finds_each_prefix_once()
    {
        var find = PrefixFinder();
        var file = new StringBuilder();
        for (var i = 0; file.Length < 50_000; i++)
        {
            file.Append("    private readonly ILogger<Shop_").Append(i).Append("> _logger; // task_test_ mask_live_ sk_tes pk_live_x whsec\n");
        }

        var clean = SourceText.From(file.ToString());
        Assert.Equal(-1, find(clean, 0));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            find(clean, 0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        // A prefix across the scan's 4,096-character chunks, at the very start, and after a word character.
        var withPrefixes = SourceText.From("sk_live_" + new string(' ', 4085) + "whsec_ xsk_test_ rk_test_");
        Assert.Equal(0, find(withPrefixes, 0));
        Assert.Equal(4093, find(withPrefixes, 1));
        Assert.Equal(4110, find(withPrefixes, 4094));
        Assert.Equal(-1, find(withPrefixes, 4111));
    }

    /// <summary>StripeSecrets.FindPrefix, internal to the analyzer assembly, bound once (no reflection cost per call).</summary>
    private static Func<SourceText, int, int> PrefixFinder()
    {
        var secrets = PackageComponents.AnalyzerAssembly.GetType("Accrue.Portal.Analyzers.Knowledge.StripeSecrets", throwOnError: true)!;
        var method = secrets.GetMethods().Single(m => m.Name == "FindPrefix" && m.GetParameters()[0].ParameterType == typeof(SourceText));
        var text = Expression.Parameter(typeof(SourceText));
        var start = Expression.Parameter(typeof(int));
        var prefix = Expression.Variable(method.GetParameters()[2].ParameterType.GetElementType()!);
        var body = Expression.Block([prefix], Expression.Call(method, text, start, prefix));
        return Expression.Lambda<Func<SourceText, int, int>>(body, text, start).Compile();
    }

    /// <summary>A compiled library whose public constant holds a key: its source is not this project's.</summary>
    private static MetadataReference FixtureLibrary()
    {
        var library = CSharpCompilation.Create(
            "StripeMock.Fixtures",
            [CSharpSyntaxTree.ParseText("namespace StripeMock.Fixtures; public static class Keys { public const string Secret = \"sk_test_4eC39HqLyjWDarjtT1zdp7dc\"; }")],
            TestReferences.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
