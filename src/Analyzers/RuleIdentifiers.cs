namespace Accrue.Portal.Analyzers
{
    /// <summary>The diagnostic IDs this package reports. One place, so docs, tests and fixes agree.</summary>
    public static class RuleIdentifiers
    {
        public const string OptionMatchesNothing = "PORTAL000";
        public const string PortalUrlLogged = "PORTAL001";
        public const string PortalUrlStored = "PORTAL002";
        public const string ReturnUrlNotAbsoluteHttps = "PORTAL003";
        public const string UnpinnedConfiguration = "PORTAL004";
        public const string UnknownFlowType = "PORTAL005";
        public const string IncompleteFlowData = "PORTAL006";
        public const string MissingOrMalformedCustomer = "PORTAL007";
        public const string UnguardedSessionCreation = "PORTAL008";
        public const string WeakCancellationConfiguration = "PORTAL009";
        public const string ReturnUrlFromRequestInput = "PORTAL010";
        public const string CustomerFromRequestInput = "PORTAL011";
        public const string WholeSessionSentToClient = "PORTAL012";
    }
}
