namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>The <c>.editorconfig</c> keys the rules read, and how their values are parsed.</summary>
    internal static class PortalOptions
    {
        public const string Prefix = "accrue_portal.";
        public const string AllowHttpLocalhost = "accrue_portal.allow_http_localhost";
        public const string AllowedReturnUrlSchemes = "accrue_portal.allowed_return_url_schemes";
        public const string AllowedReturnHosts = "accrue_portal.allowed_return_hosts";
        public const string RequireConfiguration = "accrue_portal.require_configuration";
        public const string ConfigurationId = "accrue_portal.configuration_id";
        public const string ReturnUrlValidators = "accrue_portal.return_url_validators";
        public const string CustomerOwnershipChecks = "accrue_portal.customer_ownership_checks";
        public const string AdditionalLogSinks = "accrue_portal.additional_log_sinks";
        public const string AdditionalStoreSinks = "accrue_portal.additional_store_sinks";

        /// <summary>The values <see cref="RequireConfiguration"/> takes.</summary>
        public static readonly ImmutableArray<string> RequireConfigurationValues = ImmutableArray.Create("release", "always", "never");

        /// <summary>Every key the package reads, with what its value names (PORTAL000 checks both).</summary>
        public static readonly ImmutableArray<(string Key, OptionValueKind Kind)> Keys = ImmutableArray.Create(
            (AllowHttpLocalhost, OptionValueKind.Boolean),
            (AllowedReturnUrlSchemes, OptionValueKind.Text),
            (AllowedReturnHosts, OptionValueKind.Text),
            (RequireConfiguration, OptionValueKind.RequireConfigurationMode),
            (ConfigurationId, OptionValueKind.ConfigurationId),
            (ReturnUrlValidators, OptionValueKind.Methods),
            (CustomerOwnershipChecks, OptionValueKind.Methods),
            (AdditionalLogSinks, OptionValueKind.DocumentationIds),
            (AdditionalStoreSinks, OptionValueKind.DocumentationIds));

        /// <summary>The MSBuild property our package's props make visible to analyzers (CompilerVisibleProperty).</summary>
        public const string BuildConfigurationProperty = "build_property.Configuration";

        public static string? GetString(AnalyzerOptions options, SyntaxTree tree, string key)
        {
            return options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : null;
        }

        public static bool GetBool(AnalyzerOptions options, SyntaxTree tree, string key) =>
            string.Equals(GetString(options, tree, key), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>A comma-separated list, trimmed, empty entries dropped.</summary>
        public static ImmutableArray<string> GetList(AnalyzerOptions options, SyntaxTree tree, string key)
        {
            var value = GetString(options, tree, key);
            if (value is null)
            {
                return ImmutableArray<string>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var entry in value.Split(','))
            {
                if (entry.Trim().Length > 0)
                {
                    builder.Add(entry.Trim());
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>Documentation-comment ids separated by commas, except inside a parameter list: <c>M:Outbox.Enqueue(System.String,System.Object)</c>.</summary>
        public static ImmutableArray<string> SplitDocumentationIds(string value)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            var depth = 0;
            var start = 0;
            for (var i = 0; i <= value.Length; i++)
            {
                var c = i < value.Length ? value[i] : ',';
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c == ',' && depth <= 0)
                {
                    var id = value.Substring(start, i - start).Trim();
                    if (id.Length > 0)
                    {
                        builder.Add(id);
                    }

                    start = i + 1;
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// Release when MSBuild's Configuration says so; Debug when it says Debug; otherwise (no props, a custom
        /// configuration name) the compilation's optimization level decides.
        /// </summary>
        public static bool IsReleaseBuild(AnalyzerOptions options, Compilation compilation)
        {
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(BuildConfigurationProperty, out var configuration))
            {
                if (string.Equals(configuration.Trim(), "Release", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(configuration.Trim(), "Debug", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return compilation.Options.OptimizationLevel == OptimizationLevel.Release;
        }
    }

    /// <summary>What an option's value is, for PORTAL000.</summary>
    internal enum OptionValueKind
    {
        /// <summary>Free text (hosts, schemes): nothing to resolve.</summary>
        Text,

        /// <summary><c>true</c> or <c>false</c>.</summary>
        Boolean,

        /// <summary>One of <see cref="PortalOptions.RequireConfigurationValues"/>.</summary>
        RequireConfigurationMode,

        /// <summary>A portal configuration id, <c>bpc_…</c>.</summary>
        ConfigurationId,

        /// <summary>Comma-separated method names, on any qualified suffix.</summary>
        Methods,

        /// <summary>Comma-separated documentation-comment ids (<c>M:</c>, <c>P:</c>, <c>T:</c>), on any qualified suffix.</summary>
        DocumentationIds,
    }
}
