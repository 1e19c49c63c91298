namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Linq;

/// <summary>
/// The 2026-10-28.endive values (Stripe.net 53.1) at run time, and the guard judged by the caller's Stripe API version:
/// older than a value refuses it, equal accepts every value the tables hold, newer lets unknown values through.
/// </summary>
public sealed class PortalGuardApiVersionTests
{
    private const string Dahlia = "2026-07-29.dahlia";
    private const string Endive = "2026-10-28.endive";
    private const string Newer = "2027-01-27.fennel";

    private static PortalSessionRequest Request(PortalFlowData? flow = null, PortalAfterExpiration? afterExpiration = null) => new()
    {
        Customer = "cus_123",
        Configuration = "bpc_123",
        ReturnUrl = "https://example.com/account",
        Flow = flow,
        AfterExpiration = afterExpiration,
    };

    private static PortalFlowData Pause(string? subscription) => new()
    {
        Type = PortalFlowTypes.SubscriptionPause,
        SubscriptionPause = new PortalFlowSubscriptionPause { Subscription = subscription },
    };

    private static PortalRequestViolation RefusedOnce(PortalSessionRequest request, string? apiVersion, string path)
    {
        var refused = Assert.Throws<PortalRequestException>(() => PortalGuard.Validate(request, stripeApiVersion: apiVersion));
        var violation = Assert.Single(refused.Violations);
        Assert.Equal(path, violation.Path);
        return violation;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Endive)]
    [InlineData(Newer)]
    public void Customer_update_and_a_complete_subscription_pause_pass(string? apiVersion)
    {
        PortalGuard.Validate(Request(new PortalFlowData { Type = PortalFlowTypes.CustomerUpdate }), stripeApiVersion: apiVersion);
        PortalGuard.Validate(Request(Pause("sub_123")), stripeApiVersion: apiVersion);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Subscription_pause_without_its_subscription_is_refused_by_path(string? subscription)
    {
        var violation = RefusedOnce(Request(Pause(subscription)), Endive, "flow_data.subscription_pause.subscription");

        Assert.Equal("missing: required when flow_data.type is 'subscription_pause'.", violation.Message);
    }

    [Fact]
    public void Subscription_pause_without_the_sub_options_is_refused_by_path() =>
        RefusedOnce(Request(new PortalFlowData { Type = PortalFlowTypes.SubscriptionPause }), Endive, "flow_data.subscription_pause.subscription");

    [Fact]
    public void Pause_options_on_a_cancel_flow_are_refused_as_another_types_options()
    {
        var flow = new PortalFlowData
        {
            Type = PortalFlowTypes.SubscriptionCancel,
            SubscriptionCancel = new PortalFlowSubscriptionCancel { Subscription = "sub_123" },
            SubscriptionPause = new PortalFlowSubscriptionPause { Subscription = "sub_123" },
        };

        var violation = RefusedOnce(Request(flow), Endive, "flow_data.subscription_pause");

        Assert.Equal("belongs to flow_data.type 'subscription_pause' but the type is 'subscription_cancel'; remove it or change the type.", violation.Message);
    }

    [Fact]
    public void Customer_update_carrying_pause_options_is_refused()
    {
        var flow = new PortalFlowData { Type = PortalFlowTypes.CustomerUpdate, SubscriptionPause = new PortalFlowSubscriptionPause { Subscription = "sub_123" } };

        RefusedOnce(Request(flow), Endive, "flow_data.subscription_pause");
    }

    [Fact]
    public void A_near_miss_of_subscription_pause_is_refused_with_the_suggestion()
    {
        var violation = RefusedOnce(Request(new PortalFlowData { Type = "subscription_paus" }), Endive, "flow_data.type");

        Assert.StartsWith("is not a type Stripe accepts; did you mean 'subscription_pause'?", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_expiration_customer_login_passes_with_or_without_a_deadline()
    {
        PortalGuard.Validate(Request(afterExpiration: new PortalAfterExpiration { Type = PortalAfterExpirationTypes.CustomerLogin }));
        PortalGuard.Validate(Request(afterExpiration: new PortalAfterExpiration
        {
            Type = PortalAfterExpirationTypes.CustomerLogin,
            CustomerLogin = new PortalAfterExpirationCustomerLogin { ExpiresAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) },
        }));
    }

    [Fact]
    public void After_expiration_without_a_type_is_refused()
    {
        var violation = RefusedOnce(Request(afterExpiration: new PortalAfterExpiration()), Endive, "after_expiration.type");

        Assert.Equal("missing: after_expiration needs a type; use one of 'customer_login' (PortalAfterExpirationTypes).", violation.Message);
    }

    [Fact]
    public void An_unknown_after_expiration_type_is_refused_with_the_suggestion()
    {
        var violation = RefusedOnce(Request(afterExpiration: new PortalAfterExpiration { Type = "customer_logon" }), Endive, "after_expiration.type");

        Assert.Equal("is not a type Stripe accepts; did you mean 'customer_login'? Use one of 'customer_login' (PortalAfterExpirationTypes).", violation.Message);
    }

    [Fact]
    public void With_an_older_Stripe_net_subscription_pause_is_refused_naming_both_versions()
    {
        var violation = RefusedOnce(Request(Pause("sub_123")), Dahlia, "flow_data.type");

        Assert.Equal(
            "'subscription_pause' came with Stripe API version 2026-10-28.endive, and this Stripe.net pins 2026-07-29.dahlia; upgrade Stripe.net, "
            + "or use one of 'payment_method_update', 'subscription_cancel', 'subscription_update', 'subscription_update_confirm' (PortalFlowTypes).",
            violation.Message);
    }

    [Fact]
    public void With_an_older_Stripe_net_customer_update_and_after_expiration_are_refused_and_baseline_values_pass()
    {
        RefusedOnce(Request(new PortalFlowData { Type = PortalFlowTypes.CustomerUpdate }), Dahlia, "flow_data.type");
        RefusedOnce(Request(afterExpiration: new PortalAfterExpiration { Type = PortalAfterExpirationTypes.CustomerLogin }), Dahlia, "after_expiration.type");

        PortalGuard.Validate(Request(new PortalFlowData { Type = PortalFlowTypes.PaymentMethodUpdate }), stripeApiVersion: Dahlia);
        PortalGuard.Validate(Request(new PortalFlowData { Type = PortalFlowTypes.PaymentMethodUpdate }), stripeApiVersion: "2025-03-31.basil");
    }

    [Fact]
    public void A_version_older_than_the_baseline_counts_as_the_baseline()
    {
        RefusedOnce(Request(Pause("sub_123")), "2025-03-31.basil", "flow_data.type");
    }

    [Theory]
    [InlineData("subscription_hibernate")]
    [InlineData("subscription_paus")]
    public void With_a_newer_Stripe_net_unknown_values_pass(string flowType)
    {
        PortalGuard.Validate(Request(new PortalFlowData { Type = flowType }), stripeApiVersion: Newer);
        PortalGuard.Validate(Request(afterExpiration: new PortalAfterExpiration { Type = "magic_link" }), stripeApiVersion: Newer);
        var request = Request();
        request.Locale = "xx-NEW";
        PortalGuard.Validate(request, stripeApiVersion: Newer);
    }

    [Fact]
    public void With_a_newer_Stripe_net_the_known_values_keep_their_rules()
    {
        RefusedOnce(Request(Pause(null)), Newer, "flow_data.subscription_pause.subscription");
        RefusedOnce(Request(new PortalFlowData()), Newer, "flow_data.type");
    }

    [Theory]
    [InlineData(Endive)]
    [InlineData("not a version")]
    [InlineData(null)]
    public void With_the_tables_version_or_none_unknown_values_are_refused(string? apiVersion)
    {
        RefusedOnce(Request(new PortalFlowData { Type = "subscription_hibernate" }), apiVersion, "flow_data.type");
        var request = Request();
        request.Locale = "xx-NEW";
        RefusedOnce(request, apiVersion, "locale");
    }

    [Fact]
    public void Every_value_records_the_API_version_that_brought_it()
    {
        var fields = Internal.PortalEnumeratedField.All.Concat(
        [
            Internal.PortalEnumeratedField.Locale,
            Internal.PortalEnumeratedField.CancellationReason,
            Internal.PortalEnumeratedField.PauseDurationType,
            Internal.PortalEnumeratedField.PauseInterval,
        ]);
        var byValue = fields.SelectMany(f => f.Variants.Select(v => (f.FieldPath, v.Value, v.BroughtBy))).ToList();

        Assert.All(byValue, v => Assert.Contains(v.BroughtBy, new[] { Dahlia, Endive }));
        Assert.Equal(
            ["flow_data.type=customer_update", "flow_data.type=subscription_pause", "after_expiration.type=customer_login",
             "features.subscription_pause.duration.type=indefinite", "features.subscription_pause.duration.type=interval_options",
             "features.subscription_pause.duration.interval_options.interval=day", "features.subscription_pause.duration.interval_options.interval=week",
             "features.subscription_pause.duration.interval_options.interval=month", "features.subscription_pause.duration.interval_options.interval=year"],
            byValue.Where(v => v.BroughtBy == Endive).Select(v => v.FieldPath + "=" + v.Value));
    }
}
