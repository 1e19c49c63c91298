namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>What a catalogued member's result carries when its inputs carry a tainted value.</summary>
    [Flags]
    internal enum Propagation
    {
        None = 0,

        /// <summary>The result carries what the receiver carries (uri.AbsoluteUri, builder.ToString()).</summary>
        FromReceiver = 1,

        /// <summary>The result carries what the arguments carry (string.Concat, new Uri(s), Convert.ToBase64String).</summary>
        FromArguments = 2,

        /// <summary>The call stores its arguments in the receiver (<see cref="CollectionWrites"/>).</summary>
        IntoReceiver = 4,

        All = FromReceiver | FromArguments,
    }

    /// <summary>One catalogued type: its members ("*" = all, or exact names) and what they propagate.</summary>
    internal sealed class PropagationEntry
    {
        public PropagationEntry(string typeName, string members, Propagation propagation)
        {
            this.TypeName = typeName;
            this.Members = members == "*" ? ImmutableArray<string>.Empty : ImmutableArray.Create(members.Split(','));
            this.Propagation = propagation;
        }

        public string TypeName { get; }

        /// <summary>Empty: every member.</summary>
        public ImmutableArray<string> Members { get; }

        public Propagation Propagation { get; }
    }

    /// <summary>
    /// The calls that carry a value along (docs/rules/PORTAL001.md, Propagation, lists them for users). Data only; <see cref="DataFlow.TaintEngine"/> applies it.
    /// A result whose type cannot hold text (bool, numbers, enums, dates, Guid) never carries taint, so members like
    /// <c>string.Length</c>, <c>Contains</c> or <c>GetHashCode</c> need no entry to stop it. Uri lists only its
    /// string-bearing members: <c>Host</c>, <c>Scheme</c>, <c>Port</c> and <c>Authority</c> do not hold the token.
    /// Encoding is not sanitising: Base64, URL and HTML encodings keep the taint.
    /// </summary>
    internal static class PropagationCatalogue
    {
        public static readonly ImmutableArray<PropagationEntry> Entries = ImmutableArray.Create(
            new PropagationEntry("System.String", "*", Propagation.All),
            new PropagationEntry("System.MemoryExtensions", "AsSpan,AsMemory,Trim,TrimStart,TrimEnd", Propagation.All),
            new PropagationEntry("System.Text.StringBuilder", "*", Propagation.All),
            new PropagationEntry("System.FormattableString", "*", Propagation.All),
            new PropagationEntry("System.Runtime.CompilerServices.FormattableStringFactory", "Create", Propagation.All),
            new PropagationEntry(
                "System.Uri",
                ".ctor,TryCreate,AbsoluteUri,OriginalString,PathAndQuery,AbsolutePath,LocalPath,Segments,Query,Fragment,ToString,GetLeftPart,GetComponents,"
                + "MakeRelativeUri,EscapeDataString,UnescapeDataString,EscapeUriString",
                Propagation.All),
            new PropagationEntry("System.UriBuilder", ".ctor,Uri,Path,Query,Fragment,ToString", Propagation.All),
            new PropagationEntry("System.Net.WebUtility", "*", Propagation.All),
            new PropagationEntry("System.Web.HttpUtility", "*", Propagation.All),
            new PropagationEntry("System.Convert", "*", Propagation.All),
            new PropagationEntry("System.Text.Encoding", "GetBytes,GetString,GetChars", Propagation.FromArguments),
            new PropagationEntry("System.Text.Json.JsonSerializer", "*", Propagation.FromArguments),
            new PropagationEntry("System.Text.Json.JsonDocument", "Parse", Propagation.FromArguments),
            new PropagationEntry("System.Text.Json.JsonElement", "*", Propagation.FromReceiver),
            new PropagationEntry("Newtonsoft.Json.JsonConvert", "SerializeObject,ToString", Propagation.FromArguments),
            new PropagationEntry("Newtonsoft.Json.Linq.JToken", "*", Propagation.All),
            new PropagationEntry("System.Threading.Tasks.Task", "FromResult", Propagation.FromArguments),
            new PropagationEntry("System.Threading.Tasks.Task`1", "*", Propagation.FromReceiver),
            new PropagationEntry("System.Threading.Tasks.ValueTask", "FromResult", Propagation.FromArguments),
            new PropagationEntry("System.Threading.Tasks.ValueTask`1", "*", Propagation.All),
            new PropagationEntry("System.Runtime.CompilerServices.TaskAwaiter`1", "*", Propagation.FromReceiver),
            new PropagationEntry("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1", "*", Propagation.FromReceiver),
            new PropagationEntry("System.Linq.Enumerable", "*", Propagation.FromArguments),
            new PropagationEntry("System.Collections.Generic.List`1", "*", Propagation.All),
            new PropagationEntry("System.Collections.Generic.Dictionary`2", "*", Propagation.All),
            new PropagationEntry("System.Collections.Generic.HashSet`1", "*", Propagation.All),
            new PropagationEntry("System.Collections.Generic.Queue`1", "*", Propagation.All),
            new PropagationEntry("System.Collections.Generic.Stack`1", "*", Propagation.All),
            new PropagationEntry("System.Collections.Generic.IEnumerable`1", "*", Propagation.FromReceiver),
            new PropagationEntry("System.Collections.Generic.IList`1", "*", Propagation.FromReceiver),
            new PropagationEntry("System.Collections.Generic.IReadOnlyList`1", "*", Propagation.FromReceiver),
            new PropagationEntry("System.Collections.Generic.IDictionary`2", "*", Propagation.FromReceiver),
            new PropagationEntry("System.Collections.Generic.IReadOnlyDictionary`2", "*", Propagation.FromReceiver),
            new PropagationEntry("System.Collections.Generic.KeyValuePair`2", "*", Propagation.All),
            new PropagationEntry("System.Collections.Generic.KeyValuePair", "Create", Propagation.FromArguments),
            new PropagationEntry("System.Tuple", "Create", Propagation.FromArguments),
            new PropagationEntry("System.ValueTuple", "Create", Propagation.FromArguments),
            new PropagationEntry("System.Array", "*", Propagation.FromArguments),
            new PropagationEntry("System.Span`1", "*", Propagation.FromReceiver),
            new PropagationEntry("System.ReadOnlySpan`1", "*", Propagation.FromReceiver),
            new PropagationEntry("System.Memory`1", "*", Propagation.FromReceiver),
            new PropagationEntry("System.ReadOnlyMemory`1", "*", Propagation.FromReceiver),
            new PropagationEntry("System.Nullable`1", "*", Propagation.FromReceiver),

            // Stripe lists and customers: a list carries what its items carry, a customer's id what the customer carries.
            new PropagationEntry(StripeNames.StripeList, "Data", Propagation.FromReceiver),
            new PropagationEntry(StripeNames.StripeSearchResult, "Data", Propagation.FromReceiver),
            new PropagationEntry(StripeNames.Customer, "Id", Propagation.FromReceiver),

            // ASP.NET Core request values: what a collection or header value holds, its reads carry.
            new PropagationEntry("Microsoft.Extensions.Primitives.StringValues", "*", Propagation.All),
            new PropagationEntry("Microsoft.AspNetCore.Http.IQueryCollection", "*", Propagation.FromReceiver),
            new PropagationEntry("Microsoft.AspNetCore.Http.IFormCollection", "*", Propagation.FromReceiver),
            new PropagationEntry("Microsoft.AspNetCore.Http.IHeaderDictionary", "*", Propagation.FromReceiver),
            new PropagationEntry("Microsoft.AspNetCore.Http.IRequestCookieCollection", "*", Propagation.FromReceiver),
            new PropagationEntry("Microsoft.AspNetCore.Routing.RouteValueDictionary", "*", Propagation.FromReceiver),
            new PropagationEntry("Microsoft.AspNetCore.Http.Headers.RequestHeaders", "*", Propagation.FromReceiver),
            new PropagationEntry(AspNetNames.HostString, "*", Propagation.All),
            new PropagationEntry(AspNetNames.PathString, "*", Propagation.All),
            new PropagationEntry(AspNetNames.QueryString, "*", Propagation.All),
            new PropagationEntry(AspNetNames.UriHelper, "BuildAbsolute,BuildRelative,Encode", Propagation.FromArguments))
            .AddRange(CollectionWrites.Entries.Select(write => new PropagationEntry(write.TypeName, write.Members, Propagation.IntoReceiver)));
    }
}
