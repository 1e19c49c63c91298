namespace Accrue.Portal
{
    /// <summary>What the generated startup check does with the audit of the pinned portal configuration.</summary>
    public enum PortalStartupAudit
    {
        /// <summary>No audit at startup.</summary>
        Off,

        /// <summary>Audit and report (log, health Degraded) without stopping the host.</summary>
        Report,

        /// <summary>
        /// Outside the Development environment, an error finding stops the host at startup and makes the health check
        /// Unhealthy; in Development it only reports.
        /// </summary>
        FailInProduction,
    }
}
