namespace Stripe
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Text.Json;
    using Newtonsoft.Json;
    using Newtonsoft.Json.Linq;

    public interface IHasId
    {
        string Id { get; set; }
    }

    public interface IHasObject
    {
        string Object { get; set; }
    }

    public interface IStripeEntity
    {
    }

    public interface INestedOptions
    {
    }

    public abstract class StripeEntity : IStripeEntity
    {
        [JsonIgnore]
        [Obsolete("Use RawJsonElement instead.")]
        public JObject RawJObject => JObject.Parse(this.ToJson());

        [JsonIgnore]
        public JsonElement? RawJsonElement
        {
            get
            {
                using (var document = JsonDocument.Parse(this.ToJson()))
                {
                    return document.RootElement.Clone();
                }
            }
        }

        [JsonIgnore]
        public StripeResponse StripeResponse { get; set; }

        public override string ToString()
        {
            var id = (this as IHasId)?.Id;
            return string.Format(
                CultureInfo.InvariantCulture,
                "<{0}@{1} id={2}> JSON: {3}",
                this.GetType().FullName,
                this.GetHashCode(),
                id,
                this.ToJson());
        }

        public string ToJson()
        {
            return JsonConvert.SerializeObject(this, Formatting.Indented);
        }
    }

    public abstract class StripeEntity<T> : StripeEntity
        where T : StripeEntity<T>
    {
    }

    public class StripeResponse
    {
        public StripeResponse(System.Net.HttpStatusCode statusCode, string content)
        {
            this.StatusCode = statusCode;
            this.Content = content;
        }

        public System.Net.HttpStatusCode StatusCode { get; }

        public string Content { get; }

        public override string ToString()
        {
            return string.Format(CultureInfo.InvariantCulture, "<{0} status={1}>", this.GetType().FullName, (int)this.StatusCode);
        }
    }

    public class StripeList<T> : StripeEntity<StripeList<T>>, IHasObject
    {
        [JsonProperty("object")]
        public string Object { get; set; }

        [JsonProperty("data")]
        public List<T> Data { get; set; }

        [JsonProperty("has_more")]
        public bool HasMore { get; set; }

        [JsonProperty("url")]
        public string Url { get; set; }
    }

    public class BaseOptions : INestedOptions
    {
        [JsonProperty("expand")]
        public List<string> Expand { get; set; }

        [JsonIgnore]
        public IDictionary<string, object> ExtraParams { get; set; } = new Dictionary<string, object>();

        public void AddExpand(string value)
        {
            if (this.Expand == null)
            {
                this.Expand = new List<string>();
            }

            this.Expand.Add(value);
        }

        public void AddRangeExpand(IEnumerable<string> value)
        {
            if (this.Expand == null)
            {
                this.Expand = new List<string>();
            }

            this.Expand.AddRange(value);
        }

        public void AddExtraParam(string key, object value)
        {
            this.ExtraParams.Add(key, value);
        }
    }

    public class ListOptions : BaseOptions
    {
        [JsonProperty("ending_before")]
        public string EndingBefore { get; set; }

        [JsonProperty("limit")]
        public long? Limit { get; set; }

        [JsonProperty("starting_after")]
        public string StartingAfter { get; set; }
    }

    public class RequestOptions
    {
        public string ApiKey { get; set; }

        public string IdempotencyKey { get; set; }

        public string StripeAccount { get; set; }

        public string StripeContext { get; set; }
    }

    public interface IStripeClient
    {
        string ApiBase { get; }
    }

    public class StripeClient : IStripeClient
    {
        public StripeClient(string apiKey = null)
        {
            this.ApiKey = apiKey;
            this.V1 = new V1Services(this);
        }

        public string ApiBase => "https://api.stripe.com";

        public string ApiKey { get; }

        public virtual V1Services V1 { get; }
    }

    public class V1Services
    {
        public V1Services(IStripeClient client)
        {
            this.BillingPortal = new BillingPortal.BillingPortalService(client);
        }

        public virtual BillingPortal.BillingPortalService BillingPortal { get; }
    }

    public static class StripeConfiguration
    {
        public static string ApiKey { get; set; }
    }

    public abstract class Service
    {
        protected Service()
        {
        }

        protected Service(IStripeClient client)
        {
            this.Client = client;
        }

        public IStripeClient Client { get; set; }
    }

    public class StripeException : Exception
    {
        public StripeException()
        {
        }

        public StripeException(string message)
            : base(message)
        {
        }

        public StripeException(System.Net.HttpStatusCode httpStatusCode, string message)
            : base(message)
        {
            this.HttpStatusCode = httpStatusCode;
        }

        public System.Net.HttpStatusCode HttpStatusCode { get; set; }
    }
}
