namespace Accrue.Portal.Tests.Wire;

using System;
using System.Collections.Generic;
using System.Linq;

/// <summary>One HTTP request the real Stripe.net client put on the wire, as the recording handler saw it.</summary>
public sealed class WireRequest
{
    internal WireRequest(string method, string path, IReadOnlyList<KeyValuePair<string, string>> query, IReadOnlyDictionary<string, string> headers, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        this.Method = method;
        this.Path = path;
        this.Query = query;
        this.Headers = headers;
        this.Form = form;
    }

    /// <summary>GET, POST, …</summary>
    public string Method { get; }

    /// <summary>The URI path, e.g. <c>/v1/billing_portal/sessions</c>.</summary>
    public string Path { get; }

    /// <summary>The decoded query string, in the order sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>Request and content headers (names case-insensitive), several values joined by ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The decoded form body (<c>flow_data[subscription_cancel][subscription]</c> = …), in the order sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form { get; }

    /// <summary>"POST /v1/billing_portal/sessions".</summary>
    public string Operation => this.Method + " " + this.Path;

    /// <summary>The form body as a dictionary; fails on a repeated name, which Stripe.net never sends.</summary>
    public IReadOnlyDictionary<string, string> Fields => this.Form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    /// <summary>The one value sent for <paramref name="name"/>, or null.</summary>
    public string? Field(string name) => this.Form.SingleOrDefault(f => f.Key == name).Value;

    /// <summary>The values of an indexed list (<c>name[0]</c>, <c>name[1]</c>, …) in index order.</summary>
    public IReadOnlyList<string> List(string name)
    {
        var values = new List<string>();
        for (var index = 0; this.Field(name + "[" + index + "]") is { } value; index++)
        {
            values.Add(value);
        }

        return values;
    }

    public override string ToString() => this.Operation;
}
