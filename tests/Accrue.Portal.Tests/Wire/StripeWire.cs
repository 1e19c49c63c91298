namespace Accrue.Portal.Tests.Wire;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Stripe;

/// <summary>A failure the wire injects instead of answering one request.</summary>
public enum WireFailure
{
    /// <summary>400 with Stripe's invalid_request_error body (resource_missing on <c>customer</c>).</summary>
    BadRequest,

    /// <summary>429 with Stripe's rate_limit body.</summary>
    RateLimited,

    /// <summary>500 with Stripe's api_error body.</summary>
    ServerError,

    /// <summary>No answer until the HTTP client's timeout fires.</summary>
    Timeout,

    /// <summary>The connection is reset while sending (HttpRequestException over a SocketException).</summary>
    ConnectionReset,
}

/// <summary>
/// The HTTP layer under the real Stripe.net client in these tests: <see cref="Client"/> is a real
/// <see cref="StripeClient"/> whose <see cref="SystemNetHttpClient"/> sends through this handler, which records every
/// request (method, path, headers, form body) and answers as Stripe's API does for the billing portal endpoints, with
/// failures and latency on demand. One wire per test (or per worker): nothing is shared between instances.
/// </summary>
public sealed class StripeWire : HttpMessageHandler
{
    public const string ApiKey = "sk_test_wire";
    public const string SessionsPath = "/v1/billing_portal/sessions";
    public const string ConfigurationsPath = "/v1/billing_portal/configurations";

    private readonly ConcurrentQueue<WireRequest> requests = new();
    private readonly ConcurrentQueue<WireFailure> failures = new();
    private readonly ConcurrentDictionary<string, JsonObject> configurations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> issuedUrls = new();
    private readonly ConcurrentQueue<WireRequest> answered = new();
    private long created = 1_785_000_000;
    private long sequence;

    public StripeWire(int maxNetworkRetries = 0, TimeSpan? timeout = null)
    {
        var http = new HttpClient(this, disposeHandler: false) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        this.Client = new StripeClient(new StripeClientOptions
        {
            ApiKey = ApiKey,
            HttpClient = new SystemNetHttpClient(http, maxNetworkRetries, enableTelemetry: false),
        });
    }

    /// <summary>The real client, wired to this handler.</summary>
    public StripeClient Client { get; }

    /// <summary>What reached the wire, in order.</summary>
    public IReadOnlyList<WireRequest> Requests => this.requests.ToArray();

    /// <summary>The requests answered from the wire's state (a 404 included), not by an injected failure, a cancellation or a timeout.</summary>
    public IReadOnlyList<WireRequest> Answered => this.answered.ToArray();

    /// <summary>How long each answer waits (honours cancellation and the client's timeout).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The <c>livemode</c> of the objects the wire creates.</summary>
    public bool Livemode { get; set; }

    /// <summary>Every session URL the wire has handed out, for leak checks.</summary>
    public IReadOnlyList<string> IssuedUrls => this.issuedUrls.ToArray();

    /// <summary>The next request (one per call, in order) is answered with <paramref name="failure"/>.</summary>
    public void FailNext(WireFailure failure) => this.failures.Enqueue(failure);

    /// <summary>Stores a configuration as Stripe would return it (Stripe.net's own JSON of the entity).</summary>
    public void Store(Stripe.BillingPortal.Configuration configuration)
    {
        var json = (JsonObject)JsonNode.Parse(configuration.ToJson())!;
        json["object"] = "billing_portal.configuration";
        this.configurations[configuration.Id] = json;
    }

    /// <summary>The stored configuration as Stripe.net reads it, or null.</summary>
    public Stripe.BillingPortal.Configuration? Configuration(string id) =>
        this.configurations.TryGetValue(id, out var json) ? StripeEntity.FromJson<Stripe.BillingPortal.Configuration>(json.ToJsonString()) : null;

    /// <summary>The ids of the configurations stored or created.</summary>
    public IReadOnlyCollection<string> ConfigurationIds => this.configurations.Keys.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = await Record(request).ConfigureAwait(false);
        this.requests.Enqueue(recorded);
        if (this.Latency > TimeSpan.Zero)
        {
            await Task.Delay(this.Latency, cancellationToken).ConfigureAwait(false);
        }

        if (this.failures.TryDequeue(out var failure))
        {
            return await Fail(failure, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var answer = this.Answer(recorded);
        this.answered.Enqueue(recorded);
        return answer;
    }

    private static async Task<WireRequest> Record(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new WireRequest(request.Method.Method, request.RequestUri!.AbsolutePath, Decode(request.RequestUri.Query.TrimStart('?')), headers, Decode(body));
    }

    private static List<KeyValuePair<string, string>> Decode(string encoded) =>
        encoded.Length == 0
            ? []
            : encoded.Split('&').Select(pair =>
            {
                var parts = pair.Split('=', 2);
                return new KeyValuePair<string, string>(Unescape(parts[0]), parts.Length > 1 ? Unescape(parts[1]) : string.Empty);
            }).ToList();

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static async Task<HttpResponseMessage> Fail(WireFailure failure, CancellationToken cancellationToken)
    {
        switch (failure)
        {
            case WireFailure.BadRequest:
                return Json(HttpStatusCode.BadRequest, """{"error":{"code":"resource_missing","doc_url":"https://stripe.com/docs/error-codes/resource-missing","message":"No such customer: 'cus_123'","param":"customer","type":"invalid_request_error"}}""");
            case WireFailure.RateLimited:
                return Json((HttpStatusCode)429, """{"error":{"code":"rate_limit","doc_url":"https://stripe.com/docs/error-codes/rate-limit","message":"Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.","type":"invalid_request_error"}}""");
            case WireFailure.ServerError:
                return Json(HttpStatusCode.InternalServerError, """{"error":{"message":"An unknown error occurred","type":"api_error"}}""");
            case WireFailure.Timeout:
                // HttpClient cancels the token when its Timeout elapses; that is the timeout the caller sees.
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                throw new OperationCanceledException(cancellationToken);
            default:
                throw new HttpRequestException(
                    "An error occurred while sending the request.",
                    new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        response.Headers.Add("Request-Id", "req_" + Guid.NewGuid().ToString("N")[..14]);
        return response;
    }

    private HttpResponseMessage Answer(WireRequest request)
    {
        var path = request.Path;
        if (request.Method == "POST" && path == SessionsPath)
        {
            return Json(HttpStatusCode.OK, this.Session(request).ToJsonString());
        }

        if (path == ConfigurationsPath)
        {
            return request.Method == "GET" ? Json(HttpStatusCode.OK, this.List(request).ToJsonString()) : Json(HttpStatusCode.OK, this.CreateConfiguration(request).ToJsonString());
        }

        if (path.StartsWith(ConfigurationsPath + "/", StringComparison.Ordinal))
        {
            var id = path[(ConfigurationsPath.Length + 1)..];
            if (!this.configurations.TryGetValue(id, out var stored))
            {
                return Json(HttpStatusCode.NotFound, $$$"""{"error":{"code":"resource_missing","doc_url":"https://stripe.com/docs/error-codes/resource-missing","message":"No such billing portal configuration: '{{{id}}}'","param":"id","type":"invalid_request_error"}}""");
            }

            if (request.Method == "POST")
            {
                Merge(stored, FormObject(request.Form));
                stored["updated"] = this.NextTimestamp();
            }

            return Json(HttpStatusCode.OK, stored.ToJsonString());
        }

        return Json(HttpStatusCode.NotFound, $$$"""{"error":{"message":"Unrecognized request URL ({{{request.Method}}}: {{{path}}}).","type":"invalid_request_error"}}""");
    }

    private JsonObject Session(WireRequest request)
    {
        var form = FormObject(request.Form, integers: true);
        var url = "https://billing.stripe.com/p/session/test_" + this.NextToken();
        this.issuedUrls.Enqueue(url);
        return new JsonObject
        {
            ["id"] = "bps_" + this.NextToken(),
            ["object"] = "billing_portal.session",
            ["configuration"] = form["configuration"]?.DeepClone() ?? "bpc_default",
            ["created"] = this.NextTimestamp(),
            ["customer"] = form["customer"]?.DeepClone(),
            ["customer_account"] = form["customer_account"]?.DeepClone(),
            ["flow"] = form["flow_data"]?.DeepClone(),
            ["livemode"] = this.Livemode,
            ["locale"] = form["locale"]?.DeepClone(),
            ["on_behalf_of"] = form["on_behalf_of"]?.DeepClone(),
            ["return_url"] = form["return_url"]?.DeepClone(),
            ["url"] = url,
        };
    }

    private JsonObject List(WireRequest request)
    {
        string? Query(string name) => request.Query.FirstOrDefault(q => q.Key == name).Value;
        var all = this.configurations.Values.OrderBy(c => (long?)c["created"] ?? 0).ThenBy(c => (string?)c["id"], StringComparer.Ordinal).ToList();
        var filtered = all
            .Where(c => Query("active") is not { } active || (bool?)c["active"] == bool.Parse(active))
            .Where(c => Query("is_default") is not { } isDefault || (bool?)c["is_default"] == bool.Parse(isDefault))
            .ToList();
        if (Query("starting_after") is { } after)
        {
            filtered = filtered.SkipWhile(c => (string?)c["id"] != after).Skip(1).ToList();
        }

        var limit = Query("limit") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 10;
        var page = new JsonArray(filtered.Take(limit).Select(c => (JsonNode)c.DeepClone()).ToArray());
        return new JsonObject { ["object"] = "list", ["data"] = page, ["has_more"] = filtered.Count > limit, ["url"] = ConfigurationsPath };
    }

    private JsonObject CreateConfiguration(WireRequest request)
    {
        var now = this.NextTimestamp();
        var configuration = new JsonObject
        {
            ["id"] = "bpc_" + this.NextToken(),
            ["object"] = "billing_portal.configuration",
            ["active"] = true,
            ["application"] = null,
            ["business_profile"] = new JsonObject { ["headline"] = null, ["privacy_policy_url"] = null, ["terms_of_service_url"] = null },
            ["created"] = now,
            ["default_return_url"] = null,
            ["features"] = new JsonObject
            {
                ["customer_update"] = new JsonObject { ["allowed_updates"] = new JsonArray(), ["enabled"] = false },
                ["invoice_history"] = new JsonObject { ["enabled"] = false },
                ["payment_method_update"] = new JsonObject { ["enabled"] = false },
                ["subscription_cancel"] = new JsonObject
                {
                    ["cancellation_reason"] = new JsonObject { ["enabled"] = false, ["options"] = new JsonArray() },
                    ["enabled"] = false,
                    ["mode"] = "at_period_end",
                    ["proration_behavior"] = "none",
                },
                ["subscription_update"] = new JsonObject { ["default_allowed_updates"] = new JsonArray(), ["enabled"] = false, ["proration_behavior"] = "none" },
            },
            ["is_default"] = false,
            ["livemode"] = this.Livemode,
            ["login_page"] = new JsonObject { ["enabled"] = false, ["url"] = null },
            ["metadata"] = new JsonObject(),
            ["name"] = null,
            ["updated"] = now,
        };
        Merge(configuration, FormObject(request.Form));
        this.configurations[(string)configuration["id"]!] = configuration;
        return configuration;
    }

    /// <summary>
    /// Form names (<c>a[b][0]</c>) as the JSON object Stripe reads them as; "true"/"false" become booleans and, where
    /// <paramref name="integers"/>, digit strings become numbers (a session's flow echoes item quantities as numbers).
    /// </summary>
    private static JsonObject FormObject(IEnumerable<KeyValuePair<string, string>> form, bool integers = false)
    {
        var root = new JsonObject();
        foreach (var (name, value) in form)
        {
            var segments = name.Replace("]", string.Empty, StringComparison.Ordinal).Split('[');
            JsonNode node = root;
            for (var i = 0; i < segments.Length; i++)
            {
                var last = i == segments.Length - 1;
                var nextIsIndex = !last && int.TryParse(segments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out _);
                JsonNode? child = !last ? null
                    : value is "true" or "false" ? JsonValue.Create(value == "true")
                    : integers && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
                    : JsonValue.Create(value);
                if (node is JsonArray array)
                {
                    var index = int.Parse(segments[i], CultureInfo.InvariantCulture);
                    while (array.Count <= index)
                    {
                        array.Add(null);
                    }

                    if (last || array[index] is null)
                    {
                        array[index] = last ? child : nextIsIndex ? new JsonArray() : new JsonObject();
                    }

                    node = array[index]!;
                }
                else
                {
                    var obj = (JsonObject)node;
                    if (last || obj[segments[i]] is null)
                    {
                        obj[segments[i]] = last ? child : nextIsIndex ? new JsonArray() : new JsonObject();
                    }

                    node = obj[segments[i]]!;
                }
            }
        }

        return root;
    }

    /// <summary>Stripe's update semantics: objects merge field by field, anything else (lists included) replaces.</summary>
    private static void Merge(JsonObject target, JsonObject changes)
    {
        foreach (var (name, value) in changes.ToList())
        {
            if (value is JsonObject nested && target[name] is JsonObject existing)
            {
                Merge(existing, nested);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }

    private long NextTimestamp() => Interlocked.Increment(ref this.created);

    private string NextToken() => Interlocked.Increment(ref this.sequence).ToString("D6", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..10];
}
