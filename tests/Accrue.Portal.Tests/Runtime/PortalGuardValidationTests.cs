namespace Accrue.Portal.Tests.Runtime;

using System;
using System.Collections.Generic;
using System.Linq;

public sealed class PortalGuardValidationTests
{
    private const string ReturnUrl = "https://example.com/account?state=s3cr3t";

    private static PortalSessionRequest Valid() => new()
    {
        Customer = "cus_123",
        Configuration = "bpc_123",
        ReturnUrl = ReturnUrl,
    };

    private static PortalSessionRequest WithFlow(PortalFlowData flow)
    {
        var request = Valid();
        request.Flow = flow;
        return request;
    }

    /// <summary>Refuses with exactly these paths; the message names each and repeats none of the URL values given.</summary>
    private static PortalRequestException Refused(PortalSessionRequest request, PortalGuardOptions? options = null, bool releaseBuild = false, params string[] paths)
    {
        var refused = Assert.Throws<PortalRequestException>(() => PortalGuard.Validate(request, options, releaseBuild));
        Assert.Equal(paths, refused.Violations.Select(v => v.Path));
        foreach (var path in paths)
        {
            Assert.Contains("- " + path + ": ", refused.Message, StringComparison.Ordinal);
        }

        foreach (var url in new[] { request.ReturnUrl, request.Flow?.AfterCompletion?.Redirect?.ReturnUrl }.Where(u => !string.IsNullOrEmpty(u)))
        {
            Assert.DoesNotContain(url!, refused.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("://", refused.Message, StringComparison.Ordinal);
        return refused;
    }

    private static string Single(PortalRequestException refused) => Assert.Single(refused.Violations).Message;

    [Fact]
    public void A_complete_request_passes()
    {
        PortalGuard.Validate(Valid());
    }

    [Fact]
    public void Null_request_throws_ArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => PortalGuard.Validate(null!));

    [Fact]
    public void The_refusal_is_an_ArgumentException_listing_every_violation_in_order()
    {
        var request = new PortalSessionRequest
        {
            ReturnUrl = "http://example.com/account?token=abc",
            Configuration = "default",
            Locale = "english",
            OnBehalfOf = "cus_1",
            Flow = new PortalFlowData
            {
                Type = PortalFlowTypes.SubscriptionUpdateConfirm,
                SubscriptionUpdateConfirm = new PortalFlowSubscriptionUpdateConfirm(),
                AfterCompletion = new PortalFlowAfterCompletion { Type = "redirekt" },
            },
        };

        ArgumentException refused = Refused(
            request,
            paths: ["customer", "return_url", "configuration", "locale", "on_behalf_of", "flow_data.subscription_update_confirm.subscription",
                "flow_data.subscription_update_confirm.items", "flow_data.after_completion.type"]);

        Assert.StartsWith("The portal session request was refused before it was sent to Stripe (8 problems):\n- customer: missing", refused.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'redirect'?", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Customer_or_customer_account_is_required()
    {
        var request = Valid();
        request.Customer = " ";

        var message = Single(Refused(request, paths: "customer"));

        Assert.Equal("missing: set customer to the cus_… id stored for the signed-in user, or customer_account to their acct_… id.", message);
    }

    [Fact]
    public void Customer_account_alone_identifies_the_customer()
    {
        var request = Valid();
        request.Customer = null;
        request.CustomerAccount = "acct_1Nv0FGQ9RKHgCVdK";

        PortalGuard.Validate(request);
    }

    [Fact]
    public void An_email_as_customer_gets_its_own_message_without_the_email()
    {
        var request = Valid();
        request.Customer = "jane.doe@example.com";

        var refused = Refused(request, paths: "customer");

        Assert.Equal("looks like an email address; Stripe needs the customer id (cus_…) stored for the signed-in user, not their email.", Single(refused));
        Assert.DoesNotContain("jane.doe", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customer", "cust_123", "is not a customer id; pass the cus_… id stored for the signed-in user.")]
    [InlineData("customer", "cus_", "is not a customer id; pass the cus_… id stored for the signed-in user.")]
    [InlineData("customer", "cus_12 3", "is not a customer id; pass the cus_… id stored for the signed-in user.")]
    [InlineData("customer_account", "cus_123", "is not an account id; pass the acct_… id.")]
    [InlineData("on_behalf_of", "org_123", "is not a connected account id; pass the acct_… id.")]
    [InlineData("configuration", "portal-default", "is not a portal configuration id; pass the bpc_… id.")]
    public void Ids_must_have_their_prefix(string path, string value, string message)
    {
        var request = Valid();
        switch (path)
        {
            case "customer": request.Customer = value; break;
            case "customer_account": request.CustomerAccount = value; break;
            case "on_behalf_of": request.OnBehalfOf = value; break;
            default: request.Configuration = value; break;
        }

        Assert.Equal(message, Single(Refused(request, paths: path)));
    }

    [Fact]
    public void Well_formed_ids_pass()
    {
        var request = Valid();
        request.CustomerAccount = "acct_123";
        request.OnBehalfOf = "acct_456";

        PortalGuard.Validate(request);
    }

    [Theory]
    [InlineData("/account", "is not an absolute URL;")]
    [InlineData("account/billing", "is not an absolute URL;")]
    [InlineData("http://example.com/account", "uses http; use https")]
    [InlineData("http://localhost:5000/account", "uses http; use https")]
    [InlineData("myapp://billing/done", "uses a scheme other than https;")]
    [InlineData("javascript:alert(1)", "uses a scheme other than https;")]
    [InlineData("https://user:password@example.com/account", "carries user credentials")]
    [InlineData("https:///account", "has no valid host or port;")]
    [InlineData("https://example.com:65536/account", "has no valid host or port;")]
    [InlineData("", "is blank, which Stripe refuses;")]
    public void Return_url_must_be_absolute_https(string url, string messageStart)
    {
        var request = Valid();
        request.ReturnUrl = url;

        Assert.StartsWith(messageStart, Single(Refused(request, paths: "return_url")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5000/account")]
    [InlineData("http://127.0.0.1/account")]
    [InlineData("http://[::1]:8080/account")]
    public void Http_localhost_passes_only_when_allowed(string url)
    {
        var request = Valid();
        request.ReturnUrl = url;

        PortalGuard.Validate(request, new PortalGuardOptions { AllowHttpLocalhost = true });
        Refused(request, new PortalGuardOptions { AllowHttpLocalhost = false }, paths: "return_url");
    }

    [Theory]
    [InlineData("http://app.localhost:5000/account")]
    [InlineData("http://127.0.0.2/account")]
    public void Http_localhost_is_refused_for_a_Release_caller(string url)
    {
        var request = Valid();
        request.ReturnUrl = url;

        PortalGuard.Validate(request, new PortalGuardOptions { AllowHttpLocalhost = true });
        Refused(request, new PortalGuardOptions { AllowHttpLocalhost = true }, releaseBuild: true, paths: "return_url");
    }

    [Fact]
    public void Http_to_another_host_is_refused_even_when_localhost_is_allowed()
    {
        var request = Valid();
        request.ReturnUrl = "http://example.com/";

        Refused(request, new PortalGuardOptions { AllowHttpLocalhost = true }, paths: "return_url");
    }

    [Fact]
    public void Custom_scheme_passes_only_when_allowed()
    {
        var request = Valid();
        request.ReturnUrl = "MyApp://billing/done";

        PortalGuard.Validate(request, new PortalGuardOptions { AllowedCustomSchemes = ["myapp"] });
        Refused(request, new PortalGuardOptions { AllowedCustomSchemes = ["otherapp"] }, paths: "return_url");
    }

    [Theory]
    [InlineData("https://example.com/account", true)]
    [InlineData("https://EXAMPLE.com/account", true)]
    [InlineData("https://app.example.org/account", true)]
    [InlineData("https://example.org/account", false)]
    [InlineData("https://example.com.evil.net/account", false)]
    [InlineData("https://evilexample.com/account", false)]
    public void Return_host_must_be_on_the_allow_list_when_one_is_configured(string url, bool allowed)
    {
        var request = Valid();
        request.ReturnUrl = url;
        var options = new PortalGuardOptions { AllowedReturnHosts = ["example.com", "*.example.org"] };

        if (allowed)
        {
            PortalGuard.Validate(request, options);
        }
        else
        {
            Assert.Equal(
                "points to a host outside PortalGuardOptions.AllowedReturnHosts; return to your own site, or add the host to the allow-list.",
                Single(Refused(request, options, paths: "return_url")));
        }
    }

    [Fact]
    public void Return_url_may_be_omitted_when_the_configuration_has_a_default()
    {
        var request = Valid();
        request.ReturnUrl = null;

        PortalGuard.Validate(request);
    }

    [Fact]
    public void Configuration_is_required_outside_Development()
    {
        var request = Valid();
        request.Configuration = null;

        var message = Single(Refused(request, new PortalGuardOptions { Environment = "Production" }, paths: "configuration"));

        Assert.StartsWith("missing outside the Development environment: pin the portal configuration", message, StringComparison.Ordinal);
        Refused(request, paths: "configuration");
        PortalGuard.Validate(request, new PortalGuardOptions { Environment = "development" });
        PortalGuard.Validate(request, new PortalGuardOptions { RequireConfiguration = false });
    }

    [Fact]
    public void Release_builds_require_configuration_in_every_environment()
    {
        var request = Valid();
        request.Configuration = null;

        var message = Single(Refused(request, new PortalGuardOptions { Environment = "Development", RequireConfiguration = false }, releaseBuild: true, paths: "configuration"));

        Assert.StartsWith("missing in a Release build:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_configuration_fills_in_and_must_be_well_formed()
    {
        var request = Valid();
        request.Configuration = null;

        using (var creation = PortalGuard.BeginCreate(request, new PortalGuardOptions { DefaultConfigurationId = "bpc_fallback" }, releaseBuild: true))
        {
            Assert.Equal("bpc_fallback", creation.DefaultConfigurationToApply);
        }

        using (var creation = PortalGuard.BeginCreate(Valid(), new PortalGuardOptions { DefaultConfigurationId = "bpc_fallback" }, releaseBuild: true))
        {
            Assert.Null(creation.DefaultConfigurationToApply);
        }

        Assert.Equal(
            "PortalGuardOptions.DefaultConfigurationId is not a portal configuration id; set it to the bpc_… id.",
            Single(Refused(request, new PortalGuardOptions { DefaultConfigurationId = "fallback" }, paths: "configuration")));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("en-GB")]
    [InlineData("pt-BR")]
    [InlineData("es-419")]
    public void Stripe_locales_pass(string locale)
    {
        var request = Valid();
        request.Locale = locale;

        PortalGuard.Validate(request);
    }

    [Fact]
    public void Locale_in_the_wrong_case_suggests_the_right_one()
    {
        var request = Valid();
        request.Locale = "en-gb";

        Assert.Equal("is not one of Stripe's portal locales; did you mean 'en-GB'?", Single(Refused(request, paths: "locale")));
    }

    [Fact]
    public void Unknown_locale_lists_Stripes_locales()
    {
        var request = Valid();
        request.Locale = "klingon";

        var message = Single(Refused(request, paths: "locale"));

        Assert.StartsWith("is not one of Stripe's portal locales; use one of 'auto', 'bg',", message, StringComparison.Ordinal);
        Assert.DoesNotContain("klingon", message, StringComparison.Ordinal);
    }

    public static TheoryData<PortalFlowData> CompleteFlows() =>
    [
        new PortalFlowData { Type = PortalFlowTypes.PaymentMethodUpdate },
        new PortalFlowData { Type = PortalFlowTypes.SubscriptionCancel, SubscriptionCancel = new PortalFlowSubscriptionCancel { Subscription = "sub_1" } },
        new PortalFlowData
        {
            Type = PortalFlowTypes.SubscriptionCancel,
            SubscriptionCancel = new PortalFlowSubscriptionCancel
            {
                Subscription = "sub_1",
                Retention = new PortalFlowRetention { Type = PortalRetentionTypes.CouponOffer, CouponOffer = new PortalFlowCouponOffer { Coupon = "SAVE20" } },
            },
        },
        new PortalFlowData { Type = PortalFlowTypes.SubscriptionUpdate, SubscriptionUpdate = new PortalFlowSubscriptionUpdate { Subscription = "sub_1" } },
        new PortalFlowData
        {
            Type = PortalFlowTypes.SubscriptionUpdateConfirm,
            SubscriptionUpdateConfirm = new PortalFlowSubscriptionUpdateConfirm
            {
                Subscription = "sub_1",
                Items = [new PortalFlowSubscriptionUpdateConfirmItem { Id = "si_1", Price = "price_1", Quantity = 3 }],
                Discounts = [new PortalFlowSubscriptionUpdateConfirmDiscount { Coupon = "SAVE20" }],
            },
        },
        new PortalFlowData
        {
            Type = PortalFlowTypes.PaymentMethodUpdate,
            AfterCompletion = new PortalFlowAfterCompletion { Type = PortalAfterCompletionTypes.Redirect, Redirect = new PortalFlowRedirect { ReturnUrl = "https://example.com/done" } },
        },
        new PortalFlowData
        {
            Type = PortalFlowTypes.PaymentMethodUpdate,
            AfterCompletion = new PortalFlowAfterCompletion
            {
                Type = PortalAfterCompletionTypes.HostedConfirmation,
                HostedConfirmation = new PortalFlowHostedConfirmation { CustomMessage = new string('x', 500) },
            },
        },
        new PortalFlowData { Type = PortalFlowTypes.PaymentMethodUpdate, AfterCompletion = new PortalFlowAfterCompletion { Type = PortalAfterCompletionTypes.PortalHomepage } },
    ];

    [Theory]
    [MemberData(nameof(CompleteFlows))]
    public void Complete_flows_pass(PortalFlowData flow) => PortalGuard.Validate(WithFlow(flow));

    [Fact]
    public void Flow_type_is_required()
    {
        var message = Single(Refused(WithFlow(new PortalFlowData()), paths: "flow_data.type"));

        Assert.Equal(
            "missing: flow_data needs a type; use one of 'customer_update', 'payment_method_update', 'subscription_cancel', 'subscription_pause', 'subscription_update', 'subscription_update_confirm' (PortalFlowTypes).",
            message);
    }

    [Fact]
    public void Unknown_flow_type_suggests_the_nearest_from_the_shared_table()
    {
        var message = Single(Refused(WithFlow(new PortalFlowData { Type = "subscription-cancel" }), paths: "flow_data.type"));

        Assert.Equal(
            "is not a type Stripe accepts; did you mean 'subscription_cancel'? Use one of 'customer_update', 'payment_method_update', 'subscription_cancel', 'subscription_pause', 'subscription_update', 'subscription_update_confirm' (PortalFlowTypes).",
            message);
    }

    [Fact]
    public void Unknown_flow_type_without_a_near_value_lists_the_values()
    {
        var message = Single(Refused(WithFlow(new PortalFlowData { Type = "https://example.com/flow" }), paths: "flow_data.type"));

        Assert.StartsWith("is not a type Stripe accepts? Use one of 'customer_update',", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PortalFlowTypes.SubscriptionCancel, "flow_data.subscription_cancel.subscription")]
    [InlineData(PortalFlowTypes.SubscriptionUpdate, "flow_data.subscription_update.subscription")]
    public void Flow_types_require_their_subscription(string type, string path)
    {
        var message = Single(Refused(WithFlow(new PortalFlowData { Type = type }), paths: path));

        Assert.Equal("missing: required when flow_data.type is '" + type + "'.", message);
    }

    [Fact]
    public void Subscription_update_confirm_requires_subscription_and_items()
    {
        var flow = new PortalFlowData
        {
            Type = PortalFlowTypes.SubscriptionUpdateConfirm,
            SubscriptionUpdateConfirm = new PortalFlowSubscriptionUpdateConfirm { Items = [] },
        };

        Refused(WithFlow(flow), paths: ["flow_data.subscription_update_confirm.subscription", "flow_data.subscription_update_confirm.items"]);
    }

    [Fact]
    public void Subscription_update_confirm_takes_exactly_one_item_with_its_id()
    {
        var flow = new PortalFlowData
        {
            Type = PortalFlowTypes.SubscriptionUpdateConfirm,
            SubscriptionUpdateConfirm = new PortalFlowSubscriptionUpdateConfirm
            {
                Subscription = "sub_1",
                Items = [new PortalFlowSubscriptionUpdateConfirmItem { Price = "price_1" }, null],
            },
        };

        var refused = Refused(
            WithFlow(flow),
            paths: ["flow_data.subscription_update_confirm.items", "flow_data.subscription_update_confirm.items[0].id", "flow_data.subscription_update_confirm.items[1].id"]);

        Assert.Equal("holds 2 items; Stripe confirms exactly 1 item change per flow.", refused.Violations[0].Message);
        Assert.Equal("missing: each item needs the id of the subscription item (si_…) it changes.", refused.Violations[1].Message);
    }

    [Fact]
    public void Options_of_another_flow_type_are_refused()
    {
        var flow = new PortalFlowData
        {
            Type = PortalFlowTypes.SubscriptionUpdate,
            SubscriptionUpdate = new PortalFlowSubscriptionUpdate { Subscription = "sub_1" },
            SubscriptionCancel = new PortalFlowSubscriptionCancel { Subscription = "sub_1" },
        };

        var message = Single(Refused(WithFlow(flow), paths: "flow_data.subscription_cancel"));

        Assert.Equal(
            "belongs to flow_data.type 'subscription_cancel' but the type is 'subscription_update'; remove it or change the type.",
            message);
    }

    [Fact]
    public void After_completion_requires_a_known_type()
    {
        Refused(WithFlow(new PortalFlowData { Type = PortalFlowTypes.PaymentMethodUpdate, AfterCompletion = new PortalFlowAfterCompletion() }), paths: "flow_data.after_completion.type");
        var message = Single(Refused(
            WithFlow(new PortalFlowData { Type = PortalFlowTypes.PaymentMethodUpdate, AfterCompletion = new PortalFlowAfterCompletion { Type = "homepage" } }),
            paths: "flow_data.after_completion.type"));

        Assert.EndsWith("Use one of 'hosted_confirmation', 'portal_homepage', 'redirect' (PortalAfterCompletionTypes).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirect_after_completion_requires_its_return_url()
    {
        var flow = new PortalFlowData
        {
            Type = PortalFlowTypes.PaymentMethodUpdate,
            AfterCompletion = new PortalFlowAfterCompletion { Type = PortalAfterCompletionTypes.Redirect, Redirect = new PortalFlowRedirect() },
        };

        Assert.Equal(
            "missing: required when flow_data.after_completion.type is 'redirect'.",
            Single(Refused(WithFlow(flow), paths: "flow_data.after_completion.redirect.return_url")));
    }

    [Theory]
    [InlineData("/done", "is not an absolute URL;")]
    [InlineData("http://example.com/done?session=abc", "uses http;")]
    [InlineData("https://evil.net/done", "points to a host outside")]
    public void Redirect_after_completion_url_follows_the_return_url_rules(string url, string messageStart)
    {
        var flow = new PortalFlowData
        {
            Type = PortalFlowTypes.PaymentMethodUpdate,
            AfterCompletion = new PortalFlowAfterCompletion { Type = PortalAfterCompletionTypes.Redirect, Redirect = new PortalFlowRedirect { ReturnUrl = url } },
        };

        var message = Single(Refused(WithFlow(flow), new PortalGuardOptions { AllowedReturnHosts = ["example.com"] }, paths: "flow_data.after_completion.redirect.return_url"));

        Assert.StartsWith(messageStart, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hosted_confirmation_options_with_a_redirect_type_are_refused()
    {
        var flow = new PortalFlowData
        {
            Type = PortalFlowTypes.PaymentMethodUpdate,
            AfterCompletion = new PortalFlowAfterCompletion
            {
                Type = PortalAfterCompletionTypes.Redirect,
                Redirect = new PortalFlowRedirect { ReturnUrl = "https://example.com/done" },
                HostedConfirmation = new PortalFlowHostedConfirmation { CustomMessage = "Thanks" },
            },
        };

        Refused(WithFlow(flow), paths: "flow_data.after_completion.hosted_confirmation");
    }

    [Fact]
    public void Custom_message_is_at_most_500_characters()
    {
        var flow = new PortalFlowData
        {
            Type = PortalFlowTypes.PaymentMethodUpdate,
            AfterCompletion = new PortalFlowAfterCompletion
            {
                Type = PortalAfterCompletionTypes.HostedConfirmation,
                HostedConfirmation = new PortalFlowHostedConfirmation { CustomMessage = new string('x', 501) },
            },
        };

        Assert.Equal(
            "is 501 characters long; Stripe accepts at most 500.",
            Single(Refused(WithFlow(flow), paths: "flow_data.after_completion.hosted_confirmation.custom_message")));
    }

    [Theory]
    [InlineData(null, null, "flow_data.subscription_cancel.retention.type")]
    [InlineData("coupon-offer", null, "flow_data.subscription_cancel.retention.type")]
    [InlineData(PortalRetentionTypes.CouponOffer, null, "flow_data.subscription_cancel.retention.coupon_offer.coupon")]
    [InlineData(PortalRetentionTypes.CouponOffer, "", "flow_data.subscription_cancel.retention.coupon_offer.coupon")]
    public void Retention_needs_a_coupon_offer_with_its_coupon(string? type, string? coupon, string path)
    {
        var flow = new PortalFlowData
        {
            Type = PortalFlowTypes.SubscriptionCancel,
            SubscriptionCancel = new PortalFlowSubscriptionCancel
            {
                Subscription = "sub_1",
                Retention = new PortalFlowRetention { Type = type, CouponOffer = coupon is null ? null : new PortalFlowCouponOffer { Coupon = coupon } },
            },
        };

        var message = Single(Refused(WithFlow(flow), paths: path));

        Assert.Contains(type == "coupon-offer" ? "did you mean 'coupon_offer'?" : "coupon_offer", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_name_fields_never_values()
    {
        var secretish = new List<string> { "cus_private", "sub_private", "si_private", "SAVECODE" };
        var flow = new PortalFlowData
        {
            Type = PortalFlowTypes.SubscriptionUpdate,
            SubscriptionCancel = new PortalFlowSubscriptionCancel { Subscription = secretish[1], Retention = new PortalFlowRetention { CouponOffer = new PortalFlowCouponOffer { Coupon = secretish[3] } } },
            SubscriptionUpdateConfirm = new PortalFlowSubscriptionUpdateConfirm { Items = [new PortalFlowSubscriptionUpdateConfirmItem { Id = secretish[2] }, null] },
        };
        var request = WithFlow(flow);
        request.Customer = secretish[0] + "@";

        var refused = Assert.Throws<PortalRequestException>(() => PortalGuard.Validate(request));

        Assert.All(secretish, value => Assert.DoesNotContain(value, refused.Message, StringComparison.Ordinal));
    }
}
