namespace Accrue.Portal
{
    using System.Text;

    /// <summary>One refused field: its API path and how to fix it. Never carries the field's value.</summary>
    public sealed class PortalRequestViolation
    {
        /// <summary>Creates a violation.</summary>
        public PortalRequestViolation(string path, string message)
        {
            this.Path = path ?? throw new ArgumentNullException(nameof(path));
            this.Message = message ?? throw new ArgumentNullException(nameof(message));
        }

        /// <summary>The API field path, as Stripe names it: <c>flow_data.subscription_update_confirm.items</c>.</summary>
        public string Path { get; }

        /// <summary>What is wrong and how to fix it.</summary>
        public string Message { get; }

        /// <inheritdoc />
        public override string ToString() => this.Path + ": " + this.Message;
    }

    /// <summary>
    /// The guard refused a portal session request before any call to Stripe. The message lists every violated field
    /// path with its fix; it names fields and never repeats their values, so it cannot carry a URL or an email.
    /// </summary>
    public sealed class PortalRequestException : ArgumentException
    {
        /// <summary>Creates the exception for the given violations (at least one).</summary>
        public PortalRequestException(IReadOnlyList<PortalRequestViolation> violations)
            : base(Describe(violations))
        {
            this.Violations = violations;
        }

        /// <summary>Every violated field, in the order the guard checked them.</summary>
        public IReadOnlyList<PortalRequestViolation> Violations { get; }

        private static string Describe(IReadOnlyList<PortalRequestViolation> violations)
        {
            if (violations is null || violations.Count == 0)
            {
                throw new ArgumentException("A refusal needs at least one violation.", nameof(violations));
            }

            var message = new StringBuilder("The portal session request was refused before it was sent to Stripe (")
                .Append(violations.Count)
                .Append(violations.Count == 1 ? " problem):" : " problems):");
            foreach (var violation in violations)
            {
                message.Append("\n- ").Append(violation.Path).Append(": ").Append(violation.Message);
            }

            return message.ToString();
        }
    }
}
