namespace Accrue.Portal
{
    /// <summary>One result of <see cref="PortalConfigurationAudit"/>.</summary>
    public sealed class PortalConfigurationFinding
    {
        /// <summary>Creates a finding.</summary>
        public PortalConfigurationFinding(string code, PortalFindingSeverity severity, string path, string message)
        {
            this.Code = code;
            this.Severity = severity;
            this.Path = path;
            this.Message = message;
        }

        /// <summary>One of <see cref="PortalFindingCodes"/>.</summary>
        public string Code { get; }

        /// <summary>How much it matters.</summary>
        public PortalFindingSeverity Severity { get; }

        /// <summary>The configuration field (<c>features.subscription_cancel.mode</c>).</summary>
        public string Path { get; }

        /// <summary>What is wrong and what to do.</summary>
        public string Message { get; }

        /// <summary>Severity, code, path and message on one line.</summary>
        public override string ToString() => this.Severity + " " + this.Code + " (" + this.Path + "): " + this.Message;
    }
}
