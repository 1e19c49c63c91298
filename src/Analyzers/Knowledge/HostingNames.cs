namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>Metadata names of the Microsoft.Extensions.* types the startup check lights up on.</summary>
    internal static class HostingNames
    {
        public const string Configuration = "Microsoft.Extensions.Configuration.IConfiguration";
        public const string HostedService = "Microsoft.Extensions.Hosting.IHostedService";
        public const string HostEnvironment = "Microsoft.Extensions.Hosting.IHostEnvironment";
        public const string ServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";
        public const string ServiceCollectionExtensions = "Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions";
        public const string Options = "Microsoft.Extensions.Options.IOptions`1";
        public const string LoggerFactory = "Microsoft.Extensions.Logging.ILoggerFactory";
        public const string HealthCheck = "Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck";
        public const string HealthCheckRegistration = "Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration";
        public const string HealthChecksBuilder = "Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder";
    }
}
