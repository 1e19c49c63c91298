namespace Stripe.BillingPortal
{
    using System.Threading;
    using System.Threading.Tasks;
    using StripeNetStandIn;

    public class BillingPortalService : Service
    {
        public BillingPortalService(IStripeClient client)
            : base(client)
        {
            this.Sessions = new SessionService(client);
            this.Configurations = new ConfigurationService(client);
        }

        public virtual ConfigurationService Configurations { get; }

        public virtual SessionService Sessions { get; }
    }

    public class SessionService : Service
    {
        public SessionService()
        {
        }

        public SessionService(IStripeClient client)
            : base(client)
        {
        }

        public virtual Session Create(SessionCreateOptions options, RequestOptions requestOptions = null)
        {
            return StandInBackend.CreateSession(options, requestOptions);
        }

        public virtual async Task<Session> CreateAsync(SessionCreateOptions options, RequestOptions requestOptions = null, CancellationToken cancellationToken = default)
        {
            await StandInBackend.SimulateLatencyAsync(cancellationToken).ConfigureAwait(false);
            return StandInBackend.CreateSession(options, requestOptions);
        }
    }

    public class ConfigurationService : Service
    {
        public ConfigurationService()
        {
        }

        public ConfigurationService(IStripeClient client)
            : base(client)
        {
        }

        public virtual Configuration Create(ConfigurationCreateOptions options, RequestOptions requestOptions = null)
        {
            return StandInBackend.CreateConfiguration(options, requestOptions);
        }

        public virtual async Task<Configuration> CreateAsync(ConfigurationCreateOptions options, RequestOptions requestOptions = null, CancellationToken cancellationToken = default)
        {
            await StandInBackend.SimulateLatencyAsync(cancellationToken).ConfigureAwait(false);
            return StandInBackend.CreateConfiguration(options, requestOptions);
        }

        public virtual Configuration Get(string id, ConfigurationGetOptions options = null, RequestOptions requestOptions = null)
        {
            return StandInBackend.GetConfiguration(id, requestOptions);
        }

        public virtual async Task<Configuration> GetAsync(string id, ConfigurationGetOptions options = null, RequestOptions requestOptions = null, CancellationToken cancellationToken = default)
        {
            await StandInBackend.SimulateLatencyAsync(cancellationToken).ConfigureAwait(false);
            return StandInBackend.GetConfiguration(id, requestOptions);
        }

        public virtual StripeList<Configuration> List(ConfigurationListOptions options = null, RequestOptions requestOptions = null)
        {
            return StandInBackend.ListConfigurations(options, requestOptions);
        }

        public virtual async Task<StripeList<Configuration>> ListAsync(ConfigurationListOptions options = null, RequestOptions requestOptions = null, CancellationToken cancellationToken = default)
        {
            await StandInBackend.SimulateLatencyAsync(cancellationToken).ConfigureAwait(false);
            return StandInBackend.ListConfigurations(options, requestOptions);
        }

        public virtual Configuration Update(string id, ConfigurationUpdateOptions options, RequestOptions requestOptions = null)
        {
            return StandInBackend.UpdateConfiguration(id, options, requestOptions);
        }

        public virtual async Task<Configuration> UpdateAsync(string id, ConfigurationUpdateOptions options, RequestOptions requestOptions = null, CancellationToken cancellationToken = default)
        {
            await StandInBackend.SimulateLatencyAsync(cancellationToken).ConfigureAwait(false);
            return StandInBackend.UpdateConfiguration(id, options, requestOptions);
        }
    }
}
