namespace Accrue.Portal
{
    using System.Linq;

    /// <summary>Thrown by the generated startup check when the pinned portal configuration fails the go-live checklist.</summary>
    public sealed class PortalConfigurationAuditException : Exception
    {
        /// <summary>Creates the exception from the findings that failed the check.</summary>
        public PortalConfigurationAuditException(string? configurationId, IReadOnlyList<PortalConfigurationFinding> findings)
            : base(BuildMessage(configurationId, findings))
        {
            this.ConfigurationId = configurationId;
            this.Findings = findings;
        }

        /// <summary>The configuration audited; null when none is pinned.</summary>
        public string? ConfigurationId { get; }

        /// <summary>Every finding of the audit.</summary>
        public IReadOnlyList<PortalConfigurationFinding> Findings { get; }

        private static string BuildMessage(string? configurationId, IReadOnlyList<PortalConfigurationFinding> findings) =>
            "The portal configuration " + (configurationId ?? "(none pinned)") + " fails the go-live checklist:\n"
            + string.Join("\n", (findings ?? Array.Empty<PortalConfigurationFinding>()).Where(f => f.Severity == PortalFindingSeverity.Error));
    }
}
