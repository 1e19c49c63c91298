namespace Accrue.Portal.Analyzers.Knowledge
{
    using System;
    using System.Collections.Immutable;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Diagnostics;

    /// <summary>The <c>.editorconfig</c> keys the rules read, and how their values are parsed.</summary>
    internal static class PortalOptions
    {
        public const string AllowHttpLocalhost = "accrue_portal.allow_http_localhost";
        public const string AllowedReturnUrlSchemes = "accrue_portal.allowed_return_url_schemes";
        public const string AllowedReturnHosts = "accrue_portal.allowed_return_hosts";
        public const string RequireConfiguration = "accrue_portal.require_configuration";
        public const string ConfigurationId = "accrue_portal.configuration_id";
        public const string ReturnUrlValidators = "accrue_portal.return_url_validators";
        public const string CustomerOwnershipChecks = "accrue_portal.customer_ownership_checks";

        /// <summary>The MSBuild property our package's props make visible to analyzers (CompilerVisibleProperty).</summary>
        private const string BuildConfigurationProperty = "build_property.Configuration";

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
}
