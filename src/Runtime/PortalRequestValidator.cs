namespace Accrue.Portal
{
    using System.Globalization;

    /// <summary>
    /// Stripe's rules for a portal session (the shared tables) plus the app's <see cref="PortalGuardOptions"/>, checked
    /// before any network call. Collects every violation; messages name fields and never repeat the values given.
    /// </summary>
    internal sealed class PortalRequestValidator
    {
        private const string BuildItAbsolute = "build it with the https scheme and your host (Url.Action(..., protocol: \"https\") or LinkGenerator.GetUriByAction).";

        private readonly PortalSessionRequest request;
        private readonly PortalGuardOptions options;
        private readonly bool releaseBuild;
        private readonly StripeApiVersion apiVersion;
        private readonly PortalRequestFields fields;
        private readonly List<PortalRequestViolation> violations = new List<PortalRequestViolation>();
        private readonly List<string> unknownValuePaths = new List<string>();

        private PortalRequestValidator(PortalSessionRequest request, PortalGuardOptions options, bool releaseBuild, StripeApiVersion apiVersion)
        {
            this.request = request;
            this.options = options;
            this.releaseBuild = releaseBuild;
            this.apiVersion = apiVersion;
            this.fields = PortalRequestFields.From(request);
        }

        /// <summary>The configuration id the request should carry when it pins none and the options give a default.</summary>
        public string? DefaultConfigurationToApply { get; private set; }

        public IReadOnlyList<PortalRequestViolation> Violations => this.violations;

        /// <summary>
        /// Fields holding a value the tables do not know, let through because the host's Stripe.net pins an API version
        /// newer than the tables (Stripe may have added it). Paths only, never the values.
        /// </summary>
        public IReadOnlyList<string> UnknownValuePaths => this.unknownValuePaths;

        public static PortalRequestValidator Run(PortalSessionRequest request, PortalGuardOptions options, bool releaseBuild, StripeApiVersion apiVersion)
        {
            var validator = new PortalRequestValidator(request, options, releaseBuild, apiVersion);
            validator.CheckCustomer();
            validator.CheckUrl(PortalApiRules.ReturnUrlPath);
            validator.CheckConfiguration();
            validator.CheckLocale();
            validator.CheckIdShape(PortalApiRules.OnBehalfOfPath, PortalApiRules.AccountIdPrefix, "a connected account id");
            foreach (var field in PortalEnumeratedField.All)
            {
                validator.CheckEnumeratedField(field);
            }

            validator.CheckUpdateConfirmItems();
            validator.CheckUrl(PortalApiRules.AfterCompletionRedirectReturnUrlPath);
            validator.CheckCustomMessage();
            return validator;
        }

        /// <summary>The return-URL rules alone, for a URL that did not come from code (request input, configuration).</summary>
        public static IReadOnlyList<PortalRequestViolation> CheckReturnUrl(string url, PortalGuardOptions options)
        {
            var validator = new PortalRequestValidator(new PortalSessionRequest { ReturnUrl = url }, options, releaseBuild: false, StripeApiVersion.TablesNewest);
            validator.CheckUrl(PortalApiRules.ReturnUrlPath);
            return validator.Violations;
        }

        private static string Quoted(IEnumerable<string> values) => "'" + string.Join("', '", values) + "'";

        private void Add(string path, string message) => this.violations.Add(new PortalRequestViolation(path, message));

        private IReadOnlyList<string> Known(PortalEnumeratedField field) => field.ValuesKnownTo(this.apiVersion);

        /// <summary>The value's standing in the host's API version; a value possibly newer than the tables is let through and counted.</summary>
        private PortalValueStanding Classify(PortalEnumeratedField field, string value, out PortalVariant? variant)
        {
            var standing = field.Classify(value, this.apiVersion, out variant);
            if (standing == PortalValueStanding.PossiblyNewer)
            {
                this.unknownValuePaths.Add(field.FieldPath);
            }

            return standing;
        }

        private void CheckCustomer()
        {
            var customer = this.fields[PortalApiRules.CustomerPath];
            if (customer is null && !this.fields.IsPresent(PortalApiRules.CustomerAccountPath))
            {
                this.Add(
                    PortalApiRules.CustomerPath,
                    "missing: set customer to the " + PortalApiRules.CustomerIdPrefix + "… id stored for the signed-in user, or customer_account to their "
                    + PortalApiRules.AccountIdPrefix + "… id.");
            }
            else if (customer is not null && !StripeIds.HasShape(customer, PortalApiRules.CustomerIdPrefix))
            {
                this.Add(
                    PortalApiRules.CustomerPath,
                    StripeIds.LooksLikeEmail(customer)
                        ? "looks like an email address; Stripe needs the customer id (" + PortalApiRules.CustomerIdPrefix + "…) stored for the signed-in user, not their email."
                        : "is not a customer id; pass the " + PortalApiRules.CustomerIdPrefix + "… id stored for the signed-in user.");
            }

            this.CheckIdShape(PortalApiRules.CustomerAccountPath, PortalApiRules.AccountIdPrefix, "an account id");
        }

        private void CheckIdShape(string path, string prefix, string what)
        {
            var value = this.fields[path];
            if (value is not null && !StripeIds.HasShape(value, prefix))
            {
                this.Add(path, "is not " + what + "; pass the " + prefix + "… id.");
            }
        }

        private void CheckConfiguration()
        {
            const string Pinned = "pin the portal configuration this flow was designed for, or set PortalGuardOptions.DefaultConfigurationId";
            var configuration = this.fields[PortalApiRules.ConfigurationPath];
            if (configuration is not null)
            {
                if (!StripeIds.HasShape(configuration, PortalApiRules.ConfigurationIdPrefix))
                {
                    this.Add(PortalApiRules.ConfigurationPath, "is not a portal configuration id; pass the " + PortalApiRules.ConfigurationIdPrefix + "… id.");
                }

                return;
            }

            var fallback = this.options.DefaultConfigurationId;
            if (!string.IsNullOrWhiteSpace(fallback))
            {
                if (StripeIds.HasShape(fallback!, PortalApiRules.ConfigurationIdPrefix))
                {
                    this.DefaultConfigurationToApply = fallback;
                }
                else
                {
                    this.Add(PortalApiRules.ConfigurationPath, "PortalGuardOptions.DefaultConfigurationId is not a portal configuration id; set it to the " + PortalApiRules.ConfigurationIdPrefix + "… id.");
                }
            }
            else if (this.releaseBuild)
            {
                this.Add(PortalApiRules.ConfigurationPath, "missing in a Release build: " + Pinned + ". Without it Stripe uses the account default, which any Dashboard edit changes.");
            }
            else if (this.options.RequireConfiguration && !this.options.IsDevelopment)
            {
                this.Add(
                    PortalApiRules.ConfigurationPath,
                    "missing outside the " + PortalGuardOptions.DevelopmentEnvironment + " environment: " + Pinned
                    + ". Without it Stripe uses the account default, which any Dashboard edit changes.");
            }
        }

        private void CheckLocale()
        {
            var locale = this.fields[PortalApiRules.LocalePath];
            var field = PortalEnumeratedField.Locale;
            if (locale is null || this.Classify(field, locale, out _) is PortalValueStanding.Known or PortalValueStanding.PossiblyNewer)
            {
                return;
            }

            var known = this.Known(field);
            foreach (var candidate in known)
            {
                if (string.Equals(candidate, locale, StringComparison.OrdinalIgnoreCase))
                {
                    this.Add(PortalApiRules.LocalePath, "is not one of Stripe's portal locales; did you mean '" + candidate + "'?");
                    return;
                }
            }

            this.Add(PortalApiRules.LocalePath, "is not one of Stripe's portal locales; use one of " + Quoted(known) + ".");
        }

        private void CheckEnumeratedField(PortalEnumeratedField field)
        {
            if (!this.fields.IsPresent(field.ParentPath))
            {
                return;
            }

            var value = this.fields[field.FieldPath];
            var constants = field.ConstantsTypeSimpleName;
            if (value is null)
            {
                this.Add(field.FieldPath, "missing: " + field.ParentPath + " needs a type; use one of " + Quoted(this.Known(field)) + " (" + constants + ").");
                return;
            }

            switch (this.Classify(field, value, out var variant))
            {
                case PortalValueStanding.PossiblyNewer:
                    return;
                case PortalValueStanding.BroughtLater:
                    this.Add(
                        field.FieldPath,
                        "'" + variant!.Value + "' came with Stripe API version " + variant.BroughtBy + ", and this Stripe.net pins "
                        + this.apiVersion.Name + "; upgrade Stripe.net, or use one of " + Quoted(this.Known(field)) + " (" + constants + ").");
                    return;
                case PortalValueStanding.Unknown:
                    var suggestion = field.Suggest(value, this.apiVersion);
                    this.Add(
                        field.FieldPath,
                        "is not a type Stripe accepts"
                        + (suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'")
                        + "? Use one of " + Quoted(this.Known(field)) + " (" + constants + ").");
                    return;
            }

            foreach (var required in variant!.RequiredPaths)
            {
                if (!this.fields.IsPresent(required))
                {
                    this.Add(required, "missing: required when " + field.FieldPath + " is '" + variant.Value + "'.");
                }
            }

            foreach (var other in field.Variants)
            {
                if (other != variant && other.OptionsPath is not null && this.fields.IsPresent(other.OptionsPath))
                {
                    this.Add(
                        other.OptionsPath,
                        "belongs to " + field.FieldPath + " '" + other.Value + "' but the type is '" + variant.Value + "'; remove it or change the type.");
                }
            }
        }

        private void CheckUpdateConfirmItems()
        {
            var items = this.request.Flow?.SubscriptionUpdateConfirm?.Items;
            if (items is null || items.Count == 0)
            {
                return;
            }

            if (items.Count != PortalApiRules.SubscriptionUpdateConfirmItemCount)
            {
                this.Add(
                    PortalApiRules.SubscriptionUpdateConfirmItemsPath,
                    "holds " + items.Count.ToString(CultureInfo.InvariantCulture) + " items; Stripe confirms exactly "
                    + PortalApiRules.SubscriptionUpdateConfirmItemCount.ToString(CultureInfo.InvariantCulture) + " item change per flow.");
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(items[i]?.Id))
                {
                    this.Add(
                        PortalApiRules.SubscriptionUpdateConfirmItemsPath + "[" + i.ToString(CultureInfo.InvariantCulture) + "].id",
                        "missing: each item needs the id of the subscription item (si_…) it changes.");
                }
            }
        }

        private void CheckCustomMessage()
        {
            var message = this.request.Flow?.AfterCompletion?.HostedConfirmation?.CustomMessage;
            if (message is not null && message.Length > PortalApiRules.MaxCustomMessageLength)
            {
                this.Add(
                    PortalApiRules.CustomMessagePath,
                    "is " + message.Length.ToString(CultureInfo.InvariantCulture) + " characters long; Stripe accepts at most "
                    + PortalApiRules.MaxCustomMessageLength.ToString(CultureInfo.InvariantCulture) + ".");
            }
        }

        private void CheckUrl(string path)
        {
            var value = this.fields.Given(path);
            if (value is null)
            {
                return;
            }

            var policy = new ReturnUrlPolicy(this.options.AllowedReturnHosts, this.options.AllowedCustomSchemes, this.options.AllowHttpLocalhost && !this.releaseBuild);
            var problem = ReturnUrlRules.Check(value, complete: true, policy) switch
            {
                ReturnUrlVerdict.Accepted => null,
                ReturnUrlVerdict.Relative when string.IsNullOrWhiteSpace(value) =>
                    "is blank, which Stripe refuses; set an absolute https URL, or leave the field unset.",
                ReturnUrlVerdict.Malformed => "has no valid host or port; " + BuildItAbsolute,
                ReturnUrlVerdict.UserInfo => "carries user credentials before the host; remove them.",
                ReturnUrlVerdict.Http => "uses http; use https (plain http is accepted only for localhost, only when PortalGuardOptions.AllowHttpLocalhost is set, and never in a Release build).",
                ReturnUrlVerdict.UnlistedScheme => "uses a scheme other than https; add the scheme to PortalGuardOptions.AllowedCustomSchemes if your app handles it, or use https.",
                ReturnUrlVerdict.UnlistedHost => "points to a host outside PortalGuardOptions.AllowedReturnHosts; return to your own site, or add the host to the allow-list.",
                _ => "is not an absolute URL; " + BuildItAbsolute,
            };
            if (problem is not null)
            {
                this.Add(path, problem);
            }
        }
    }
}
