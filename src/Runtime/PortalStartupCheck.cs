namespace Accrue.Portal
{
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>What the startup check concludes from an audit.</summary>
    public enum PortalStartupVerdict
    {
        /// <summary>Nothing above Info.</summary>
        Pass,

        /// <summary>Findings to report; the host keeps running (health Degraded).</summary>
        Degraded,

        /// <summary>The host must not serve portal sessions: startup throws, health is Unhealthy.</summary>
        Fail,
    }

    /// <summary>
    /// The decisions of the generated startup check (hosted service, health check), kept here so the generated code
    /// only wires Microsoft.Extensions.* to them.
    /// </summary>
    public static class PortalStartupCheck
    {
        /// <summary>
        /// Audits <paramref name="configurationId"/>, else the pinned <see cref="PortalGuardOptions.DefaultConfigurationId"/>,
        /// through <paramref name="audit"/>; with neither, the one finding that nothing is pinned.
        /// </summary>
        public static async Task<IReadOnlyList<PortalConfigurationFinding>> AuditPinnedAsync(
            string? configurationId,
            PortalGuardOptions options,
            Func<string, CancellationToken, Task<IReadOnlyList<PortalConfigurationFinding>>> audit,
            CancellationToken cancellationToken)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (audit is null)
            {
                throw new ArgumentNullException(nameof(audit));
            }

            var id = configurationId ?? options.DefaultConfigurationId;
            if (string.IsNullOrEmpty(id))
            {
                return new[]
                {
                    new PortalConfigurationFinding(
                        PortalFindingCodes.NotPinned,
                        PortalFindingSeverity.Error,
                        PortalApiRules.ConfigurationPath,
                        "no portal configuration is pinned: sessions use the account default, which any Dashboard edit changes; set PortalGuardOptions.DefaultConfigurationId."),
                };
            }

            return await audit(id!, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// <see cref="PortalStartupVerdict.Fail"/> for an error finding under <see cref="PortalStartupAudit.FailInProduction"/>
        /// outside Development (<see cref="PortalGuardOptions.Environment"/>, else <paramref name="hostEnvironmentName"/>);
        /// <see cref="PortalStartupVerdict.Degraded"/> for any other warning or error; otherwise Pass.
        /// </summary>
        public static PortalStartupVerdict Judge(IReadOnlyList<PortalConfigurationFinding> findings, PortalGuardOptions options, string? hostEnvironmentName)
        {
            if (findings is null)
            {
                throw new ArgumentNullException(nameof(findings));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var worst = PortalFindingSeverity.Info;
            foreach (var finding in findings)
            {
                worst = finding.Severity > worst ? finding.Severity : worst;
            }

            var environment = options.Environment ?? hostEnvironmentName;
            var development = string.Equals(environment, PortalGuardOptions.DevelopmentEnvironment, StringComparison.OrdinalIgnoreCase);
            if (worst == PortalFindingSeverity.Error && options.AuditOnStartup == PortalStartupAudit.FailInProduction && !development)
            {
                return PortalStartupVerdict.Fail;
            }

            return worst == PortalFindingSeverity.Info ? PortalStartupVerdict.Pass : PortalStartupVerdict.Degraded;
        }
    }
}
