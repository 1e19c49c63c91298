namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Accrue.Portal.Analyzers.Generators;
using Accrue.Portal.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stripe;
using Stripe.BillingPortal;

/// <summary>
/// The generated glue maps the 2026-10-28.endive fields (subscription_pause, after_expiration) into the guard's request
/// and hands the guard the API version of the Stripe.net it was compiled against: the real 53.1.0, or that assembly
/// with only its <c>ApiVersion.Current</c> rewritten (<see cref="TestReferences.StripeNetPinning"/>). The host is
/// compiled against that reference and run against the real Stripe.net, whose HTTP layer here answers from memory.
/// </summary>
public sealed class ApiVersionGlueTests
{
    private const string Older = "2026-07-29.dahlia";
    private const string Newer = "2027-01-27.fennel";

    private const string HostSource = """
        using Stripe.BillingPortal;

        public static class Host
        {
            public static string Open(SessionService service, SessionCreateOptions options) =>
                service.CreateGuarded(options).Id;
        }
        """;

    private static (Compilation Compilation, string Glue) Generate(ImmutableArray<MetadataReference> stripe)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "ApiVersionHost" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(HostSource, parseOptions)],
            TestReferences.Framework.Concat(stripe).Concat(TestReferences.PortalRuntime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));
        CSharpGeneratorDriver.Create([new GuardedSessionGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var withGlue, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var glue = withGlue.SyntaxTrees.Single(t => t.FilePath.EndsWith(GuardedSessionGenerator.SessionServiceHintName, StringComparison.Ordinal)).ToString();
        return (withGlue, glue);
    }

    private static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success && emit.Diagnostics.All(d => d.Severity < DiagnosticSeverity.Warning), string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("ApiVersionHost", isCollectible: true).LoadFromStream(stream); // Stripe.net and Accrue.Portal: this process's copies
    }

    private static string Open(Assembly host, SessionService service, SessionCreateOptions options)
    {
        try
        {
            return (string)host.GetType("Host", throwOnError: true)!.GetMethod("Open")!.Invoke(null, [service, options])!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    private static SessionCreateOptions Pause(string? subscription) => new()
    {
        Customer = "cus_123",
        Configuration = "bpc_123",
        ReturnUrl = "https://example.com/account",
        FlowData = new SessionFlowDataOptions
        {
            Type = "subscription_pause",
            SubscriptionPause = new SessionFlowDataSubscriptionPauseOptions { Subscription = subscription },
        },
    };

    [Theory]
    [InlineData(null, "2026-10-28.endive")]
    [InlineData(Older, Older)]
    [InlineData(Newer, Newer)]
    public void The_glue_hands_the_referenced_Stripe_net_API_version_to_the_guard(string? pinned, string handed)
    {
        var (_, glue) = Generate(pinned is null ? TestReferences.StripeNet : TestReferences.StripeNetPinning(pinned));

        Assert.Contains($"PortalGuard.BeginCreate(ToRequest(options), guard, false, \"{handed}\")", glue, StringComparison.Ordinal);
        Assert.Contains("flowRequest.SubscriptionPause = new global::Accrue.Portal.PortalFlowSubscriptionPause { Subscription = flow.SubscriptionPause.Subscription };", glue, StringComparison.Ordinal);
        Assert.Contains("request.AfterExpiration = new global::Accrue.Portal.PortalAfterExpiration", glue, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_subscription_pause_reaches_Stripe_with_its_subscription()
    {
        var http = new AnsweringHttpClient();
        var host = Load(Generate(TestReferences.StripeNet).Compilation);

        var id = Open(host, new SessionService(http.Client), Pause("sub_123"));

        Assert.Equal("bps_123", id);
        var body = WebUtility.UrlDecode(Assert.Single(http.Bodies));
        Assert.Contains("flow_data[type]=subscription_pause", body, StringComparison.Ordinal);
        Assert.Contains("flow_data[subscription_pause][subscription]=sub_123", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subscription_pause_without_its_subscription_is_refused_before_the_network()
    {
        var http = new AnsweringHttpClient();
        var host = Load(Generate(TestReferences.StripeNet).Compilation);

        var refused = Assert.Throws<PortalRequestException>(() => Open(host, new SessionService(http.Client), Pause(null)));

        Assert.Equal(["flow_data.subscription_pause.subscription"], refused.Violations.Select(v => v.Path));
        Assert.Empty(http.Bodies);
    }

    [Fact]
    public void After_expiration_without_a_type_is_refused_before_the_network()
    {
        var http = new AnsweringHttpClient();
        var host = Load(Generate(TestReferences.StripeNet).Compilation);
        var options = Pause("sub_123");
        options.AfterExpiration = new SessionAfterExpirationOptions { CustomerLogin = new SessionAfterExpirationCustomerLoginOptions() };

        var refused = Assert.Throws<PortalRequestException>(() => Open(host, new SessionService(http.Client), options));

        Assert.Equal(["after_expiration.type"], refused.Violations.Select(v => v.Path));
        Assert.Empty(http.Bodies);
    }

    [Fact]
    public void Compiled_against_an_older_Stripe_net_a_pause_flow_is_refused_before_the_network()
    {
        var http = new AnsweringHttpClient();
        var host = Load(Generate(TestReferences.StripeNetPinning(Older)).Compilation);

        var refused = Assert.Throws<PortalRequestException>(() => Open(host, new SessionService(http.Client), Pause("sub_123")));

        var violation = Assert.Single(refused.Violations);
        Assert.Equal("flow_data.type", violation.Path);
        Assert.Contains("this Stripe.net pins 2026-07-29.dahlia", violation.Message, StringComparison.Ordinal);
        Assert.Empty(http.Bodies);
    }

    [Fact]
    public void Compiled_against_a_newer_Stripe_net_an_unknown_flow_type_reaches_Stripe()
    {
        var http = new AnsweringHttpClient();
        var host = Load(Generate(TestReferences.StripeNetPinning(Newer)).Compilation);
        var options = Pause("sub_123");
        options.FlowData.Type = "subscription_hibernate";
        options.FlowData.SubscriptionPause = null;

        Open(host, new SessionService(http.Client), options);

        Assert.Contains("flow_data[type]=subscription_hibernate", WebUtility.UrlDecode(Assert.Single(http.Bodies)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_glue_maps_the_pause_feature_and_the_feedback_options_for_the_audit()
    {
        var host = Load(Generate(TestReferences.StripeNet).Compilation);
        var configuration = Newtonsoft.Json.JsonConvert.DeserializeObject<Configuration>("""
            {"id":"bpc_123","object":"billing_portal.configuration","active":true,"default_return_url":"https://example.com/account",
             "features":{
               "subscription_cancel":{"enabled":true,"mode":"at_period_end","proration_behavior":"none",
                 "cancellation_reason":{"enabled":true,"options":["too_expensive"],"feedback_options":["bfo_123"]}},
               "subscription_pause":{"enabled":true,"duration":{"type":"interval_options","interval_options":[]}}}}
            """)!;
        var toSnapshot = host.GetType("AccruePortalConfigurationServiceExtensions", throwOnError: true)!
            .GetMethod("ToSnapshot", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)!;

        var snapshot = (PortalConfigurationSnapshot)toSnapshot.Invoke(null, [configuration])!;

        Assert.Equal(["bfo_123"], snapshot.SubscriptionCancel!.CancellationReasonFeedbackOptions);
        Assert.True(snapshot.SubscriptionPause!.Enabled);
        Assert.Equal("interval_options", snapshot.SubscriptionPause.DurationType);
        Assert.Empty(snapshot.SubscriptionPause.IntervalOptions);
        Assert.Contains(PortalConfigurationAudit.Audit(snapshot), f => f.Code == PortalFindingCodes.PauseIntervalOptionsMissing);
    }

    /// <summary>Stripe.net's own HTTP seam: records each form body and answers with a portal session, no network.</summary>
    private sealed class AnsweringHttpClient : IHttpClient
    {
        private const string Session = """
            {"id":"bps_123","object":"billing_portal.session","customer":"cus_123","livemode":false,"created":1767225600,
             "return_url":"https://example.com/account","url":"https://billing.stripe.com/p/session/test_secret"}
            """;

        public AnsweringHttpClient() => this.Client = new StripeClient("sk_test_glue", httpClient: this);

        public StripeClient Client { get; }

        public ConcurrentQueue<string> Bodies { get; } = new();

        public async Task<StripeResponse> MakeRequestAsync(StripeRequest request, CancellationToken cancellationToken)
        {
            this.Bodies.Enqueue(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
            return new StripeResponse(HttpStatusCode.OK, null, Session);
        }

        public Task<StripeStreamedResponse> MakeStreamingRequestAsync(StripeRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The portal glue makes no streaming requests.");
    }
}
