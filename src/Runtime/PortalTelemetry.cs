namespace Accrue.Portal
{
    using System.Diagnostics;
    using System.Diagnostics.Metrics;

    /// <summary>
    /// Names of the guard's telemetry: one activity per guarded creation, counters of created and refused sessions, and a
    /// counter of values newer than the tables. Tags carry the flow type, livemode and field paths; never a URL, a
    /// customer or any other value given.
    /// </summary>
    public static class PortalTelemetry
    {
        /// <summary>The <see cref="ActivitySource"/> and <see cref="Meter"/> name.</summary>
        public const string SourceName = "Accrue.Portal";

        /// <summary>The activity around one guarded creation.</summary>
        public const string CreateSessionActivityName = "Accrue.Portal.CreateSession";

        /// <summary>Counter of sessions Stripe created through the guard.</summary>
        public const string SessionsCreatedCounterName = "accrue.portal.sessions.created";

        /// <summary>Counter of requests the guard refused before any call to Stripe.</summary>
        public const string SessionsRefusedCounterName = "accrue.portal.sessions.refused";

        /// <summary>
        /// Counter of enumerated values the guard let through unchecked: the caller's Stripe.net pins an API version newer
        /// than this package knows, so Stripe may accept them. Tagged with the field path only.
        /// </summary>
        public const string UnknownValuesCounterName = "accrue.portal.values.unknown";

        /// <summary>Tag: the API field path of an unknown value (<c>flow_data.type</c>).</summary>
        public const string FieldTag = "accrue.portal.field";

        /// <summary>Tag: the flow type (a value of <see cref="PortalFlowTypes"/>), <c>none</c>, or <c>unknown</c>.</summary>
        public const string FlowTypeTag = "accrue.portal.flow_type";

        /// <summary>Tag: whether Stripe created the session in live mode.</summary>
        public const string LivemodeTag = "accrue.portal.livemode";

        /// <summary>Tag: the refused field paths, comma separated (<c>customer,flow_data.type</c>).</summary>
        public const string RefusalReasonTag = "accrue.portal.refusal_reason";

        /// <summary>Tag: the exception type when the call to Stripe failed.</summary>
        public const string ErrorTypeTag = "error.type";

        internal const string NoFlow = "none";
        internal const string UnknownFlow = "unknown";

        internal static readonly ActivitySource ActivitySource = new ActivitySource(SourceName);

        internal static readonly Meter Meter = new Meter(SourceName);

        internal static readonly Counter<long> SessionsCreated = Meter.CreateCounter<long>(
            SessionsCreatedCounterName, "{session}", "Portal sessions created through the guard.");

        internal static readonly Counter<long> SessionsRefused = Meter.CreateCounter<long>(
            SessionsRefusedCounterName, "{request}", "Portal session requests the guard refused before calling Stripe.");

        internal static readonly Counter<long> UnknownValues = Meter.CreateCounter<long>(
            UnknownValuesCounterName, "{value}", "Enumerated values newer than Accrue.Portal's tables, let through to Stripe.");

        /// <summary>A flow type safe to use as a tag: a known value, <c>none</c> or <c>unknown</c>, never free text.</summary>
        internal static string FlowTypeTagValue(string? flowType, bool hasFlow)
        {
            if (!hasFlow && string.IsNullOrEmpty(flowType))
            {
                return NoFlow;
            }

            return flowType is not null && Internal.PortalEnumeratedField.FlowType.IsValid(flowType) ? flowType : UnknownFlow;
        }
    }
}
