namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>Names in the Accrue.Portal runtime and in the glue the generator emits, for the generator, rules and fixes.</summary>
    internal static class RuntimeNames
    {
        public const string AssemblyName = "Accrue.Portal";

        /// <summary>The runtime type whose presence means "the host references Accrue.Portal".</summary>
        public const string PortalGuard = "Accrue.Portal.PortalGuard";
        public const string PortalSession = "Accrue.Portal.PortalSession";
        public const string PortalConfigurationAudit = "Accrue.Portal.PortalConfigurationAudit";
        public const string PortalStartupCheck = "Accrue.Portal.PortalStartupCheck";

        /// <summary>The handle's one member that returns the portal URL.</summary>
        public const string GetRedirectUriMethod = "GetRedirectUri";

        public const string CreateGuardedMethod = "CreateGuarded";
        public const string CreateGuardedAsyncMethod = "CreateGuardedAsync";

        /// <summary>The runtime's guard type when the compilation references Accrue.Portal itself (not a look-alike), else null.</summary>
        public static INamedTypeSymbol? FindRuntime(KnownTypes types)
        {
            var guard = types.Get(PortalGuard);
            return guard?.ContainingAssembly?.Name == AssemblyName && guard.DeclaredAccessibility == Accessibility.Public ? guard : null;
        }
    }
}
