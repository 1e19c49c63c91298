namespace StripeNetStandIn
{
    using System;
    using System.Collections.Concurrent;
    using System.Collections.Generic;
    using System.Linq;
    using System.Net;
    using System.Threading;
    using System.Threading.Tasks;
    using Stripe;
    using Stripe.BillingPortal;

    /// <summary>One recorded service call: what the code under test sent to "Stripe".</summary>
    public sealed class RecordedCall
    {
        internal RecordedCall(string operation, string id, object options, RequestOptions requestOptions)
        {
            this.Operation = operation;
            this.Id = id;
            this.Options = options;
            this.RequestOptions = requestOptions;
        }

        public string Operation { get; }

        public string Id { get; }

        public object Options { get; }

        public RequestOptions RequestOptions { get; }
    }

    /// <summary>
    /// Test-only control of the stand-in's local backend. Not part of Stripe.net: it lives outside the Stripe
    /// namespaces, so the public-surface check ignores it. Scoped per async flow so parallel tests stay apart.
    /// </summary>
    public sealed class StandInRecorder : IDisposable
    {
        private static readonly AsyncLocal<StandInRecorder> CurrentRecorder = new AsyncLocal<StandInRecorder>();
        private readonly StandInRecorder previous;
        private readonly ConcurrentQueue<RecordedCall> calls = new ConcurrentQueue<RecordedCall>();

        private StandInRecorder()
        {
            this.previous = CurrentRecorder.Value;
        }

        public static StandInRecorder Current => CurrentRecorder.Value;

        public IReadOnlyList<RecordedCall> Calls => this.calls.ToArray();

        /// <summary>Thrown by the next service call instead of answering, as Stripe.net throws a StripeException.</summary>
        public Exception FailNextWith { get; set; }

        /// <summary>How long each async call waits before answering (honours the cancellation token).</summary>
        public TimeSpan Latency { get; set; }

        public bool Livemode { get; set; }

        public ConcurrentDictionary<string, Configuration> Configurations { get; } = new ConcurrentDictionary<string, Configuration>();

        public static StandInRecorder Start()
        {
            var recorder = new StandInRecorder();
            CurrentRecorder.Value = recorder;
            return recorder;
        }

        public void Dispose()
        {
            CurrentRecorder.Value = this.previous;
        }

        internal void Record(string operation, string id, object options, RequestOptions requestOptions)
        {
            this.calls.Enqueue(new RecordedCall(operation, id, options, requestOptions));
            var failure = this.FailNextWith;
            if (failure != null)
            {
                this.FailNextWith = null;
                throw failure;
            }
        }
    }

    internal static class StandInBackend
    {
        internal static async Task SimulateLatencyAsync(CancellationToken cancellationToken)
        {
            var latency = StandInRecorder.Current?.Latency ?? TimeSpan.Zero;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        internal static Session CreateSession(SessionCreateOptions options, RequestOptions requestOptions)
        {
            var recorder = StandInRecorder.Current;
            recorder?.Record("billing_portal.sessions.create", null, options, requestOptions);
            var id = "bps_" + NewToken();
            var session = new Session
            {
                Id = id,
                Object = "billing_portal.session",
                ConfigurationId = options?.Configuration ?? "bpc_default",
                Created = DateTime.UtcNow,
                Customer = options?.Customer,
                CustomerAccount = options?.CustomerAccount,
                Livemode = recorder?.Livemode ?? false,
                Locale = options?.Locale,
                OnBehalfOf = options?.OnBehalfOf,
                ReturnUrl = options?.ReturnUrl,
                Url = "https://billing.stripe.com/p/session/test_" + NewToken(),
                Flow = options?.FlowData == null ? null : new SessionFlow { Type = options.FlowData.Type },
            };
            session.StripeResponse = new StripeResponse(HttpStatusCode.OK, session.ToJson());
            return session;
        }

        internal static Configuration CreateConfiguration(ConfigurationCreateOptions options, RequestOptions requestOptions)
        {
            var recorder = StandInRecorder.Current;
            recorder?.Record("billing_portal.configurations.create", null, options, requestOptions);
            var configuration = new Configuration
            {
                Id = "bpc_" + NewToken(),
                Object = "billing_portal.configuration",
                Active = true,
                Created = DateTime.UtcNow,
                Updated = DateTime.UtcNow,
                Livemode = recorder?.Livemode ?? false,
            };
            Apply(configuration, options?.DefaultReturnUrl, options?.Features, options?.Name, options?.Metadata, null);
            recorder?.Configurations.TryAdd(configuration.Id, configuration);
            return configuration;
        }

        internal static Configuration GetConfiguration(string id, RequestOptions requestOptions)
        {
            var recorder = StandInRecorder.Current;
            recorder?.Record("billing_portal.configurations.retrieve", id, null, requestOptions);
            if (recorder != null && recorder.Configurations.TryGetValue(id ?? string.Empty, out var found))
            {
                return found;
            }

            throw new StripeException(HttpStatusCode.NotFound, "No such billing portal configuration: '" + id + "'");
        }

        internal static StripeList<Configuration> ListConfigurations(ConfigurationListOptions options, RequestOptions requestOptions)
        {
            var recorder = StandInRecorder.Current;
            recorder?.Record("billing_portal.configurations.list", null, options, requestOptions);
            var all = recorder?.Configurations.Values.OrderBy(c => c.Created).ToList() ?? new List<Configuration>();
            var filtered = all
                .Where(c => options?.Active == null || c.Active == options.Active)
                .Where(c => options?.IsDefault == null || c.IsDefault == options.IsDefault)
                .ToList();
            return new StripeList<Configuration> { Object = "list", Data = filtered, HasMore = false, Url = "/v1/billing_portal/configurations" };
        }

        internal static Configuration UpdateConfiguration(string id, ConfigurationUpdateOptions options, RequestOptions requestOptions)
        {
            var recorder = StandInRecorder.Current;
            recorder?.Record("billing_portal.configurations.update", id, options, requestOptions);
            if (recorder == null || !recorder.Configurations.TryGetValue(id ?? string.Empty, out var configuration))
            {
                throw new StripeException(HttpStatusCode.NotFound, "No such billing portal configuration: '" + id + "'");
            }

            Apply(configuration, options?.DefaultReturnUrl, options?.Features, options?.Name, options?.Metadata, options?.Active);
            configuration.Updated = DateTime.UtcNow;
            return configuration;
        }

        private static void Apply(Configuration configuration, string defaultReturnUrl, ConfigurationFeaturesOptions features, string name, Dictionary<string, string> metadata, bool? active)
        {
            configuration.DefaultReturnUrl = defaultReturnUrl ?? configuration.DefaultReturnUrl;
            configuration.Name = name ?? configuration.Name;
            configuration.Metadata = metadata ?? configuration.Metadata;
            configuration.Active = active ?? configuration.Active;
            configuration.Features = configuration.Features ?? new ConfigurationFeatures();
            var cancel = features?.SubscriptionCancel;
            if (cancel != null)
            {
                var current = configuration.Features.SubscriptionCancel ?? new ConfigurationFeaturesSubscriptionCancel { Mode = "at_period_end", ProrationBehavior = "none" };
                current.Enabled = cancel.Enabled ?? current.Enabled;
                current.Mode = cancel.Mode ?? current.Mode;
                current.ProrationBehavior = cancel.ProrationBehavior ?? current.ProrationBehavior;
                if (cancel.CancellationReason != null)
                {
                    current.CancellationReason = current.CancellationReason ?? new ConfigurationFeaturesSubscriptionCancelCancellationReason();
                    current.CancellationReason.Enabled = cancel.CancellationReason.Enabled ?? current.CancellationReason.Enabled;
                    current.CancellationReason.Options = cancel.CancellationReason.Options ?? current.CancellationReason.Options;
                }

                configuration.Features.SubscriptionCancel = current;
            }
        }

        private static string NewToken() => Guid.NewGuid().ToString("N");
    }
}
