namespace Accrue.Portal.Analyzers.Requests
{
    /// <summary>One <c>SessionCreateOptions</c> reaching a portal-session call, with what the method provably set on it.</summary>
    internal sealed class PortalRequest
    {
        private readonly string? pathPrefix;

        public PortalRequest(IInvocationOperation call, IOperation optionsArgument, OptionsObject? root, bool acrossMethods)
        {
            this.Call = call;
            this.OptionsArgument = optionsArgument;
            this.Root = root;
            this.AcrossMethods = acrossMethods;
        }

        private PortalRequest(OptionsObject root, string pathPrefix)
        {
            this.Root = root;
            this.pathPrefix = pathPrefix;
        }

        /// <summary>The call that sends the options; null for an <see cref="IsUnsent"/> object.</summary>
        public IInvocationOperation? Call { get; }

        /// <summary>The options expression passed to the call; null for an <see cref="IsUnsent"/> object.</summary>
        public IOperation? OptionsArgument { get; }

        /// <summary>Null when the options are unknown (a parameter, a helper's result, an escaped local).</summary>
        public OptionsObject? Root { get; }

        /// <summary>The object is created in one method and sent in another (a factory's caller, a helper, an adapter).</summary>
        public bool AcrossMethods { get; }

        /// <summary>An options object created in the analysed method that reaches no call in sight: only its values can be judged.</summary>
        public bool IsUnsent => this.Call is null;

        /// <summary>
        /// Where "missing" diagnostics go: the options argument of the call, or where the object is created when it is
        /// sent from another method (<see cref="SentAt"/> then points at the call).
        /// </summary>
        public Location Location => this.AcrossMethods && this.Root?.Creation is { } creation
            ? creation.GetLocation()
            : (this.OptionsArgument?.Syntax ?? this.Root!.Creation!).GetLocation();

        /// <summary>The call that sends an object created in another method (an additional location); null otherwise.</summary>
        public Location? SentAt => this.AcrossMethods ? this.Call?.Syntax.GetLocation() : null;

        /// <summary>An object created here that reaches no call in sight; <paramref name="pathPrefix"/> is where it sits in the request ("" for a root).</summary>
        public static PortalRequest Unsent(OptionsObject root, string pathPrefix) => new PortalRequest(root, pathPrefix);

        /// <summary>What is known about the field at a dotted API path (<c>flow_data.subscription_cancel.subscription</c>).</summary>
        public FieldLookup Lookup(string path) => this.Lookup(path, ignoreOpacity: false);

        /// <summary>
        /// The value written to the field, if the method wrote one, even when code out of sight may change the object
        /// later: a rejected value is wrong where it is written.
        /// </summary>
        public FieldLookup LookupWritten(string path) => this.Lookup(path, ignoreOpacity: true);

        private FieldLookup Lookup(string path, bool ignoreOpacity)
        {
            if (this.pathPrefix is { Length: > 0 } prefix)
            {
                if (!path.StartsWith(prefix + ".", StringComparison.Ordinal))
                {
                    return FieldLookup.Unknown;
                }

                path = path.Substring(prefix.Length + 1);
            }

            if (this.Root is null || (this.Root.IsOpaque && !ignoreOpacity))
            {
                return FieldLookup.Unknown;
            }

            foreach (var extra in this.Root.ExtraParams)
            {
                if (extra.Key == path)
                {
                    return FieldLookup.Present(extra.Value, null, null);
                }

                if (extra.Key.StartsWith(path + ".", StringComparison.Ordinal))
                {
                    return FieldLookup.Present(extra.Value, null, null); // an object the form parameters build
                }

                if (path.StartsWith(extra.Key + ".", StringComparison.Ordinal))
                {
                    return FieldLookup.Unknown;
                }
            }

            var segments = path.Split('.');
            var node = this.Root;
            for (var i = 0; i < segments.Length; i++)
            {
                if (node.IsOpaque && !ignoreOpacity)
                {
                    return FieldLookup.Unknown;
                }

                if (!node.Fields.TryGetValue(segments[i], out var field) || field.Value.ConstantValue is { HasValue: true, Value: null })
                {
                    return ignoreOpacity ? FieldLookup.Unknown : FieldLookup.Absent(node, new ArraySegment<string>(segments, i, segments.Length - i));
                }

                if (i == segments.Length - 1)
                {
                    return FieldLookup.Present(field.Value, field.Object, field.List);
                }

                if (field.Object is null)
                {
                    return FieldLookup.Unknown;
                }

                node = field.Object;
            }

            return FieldLookup.Unknown;
        }
    }

    internal enum Presence
    {
        Unknown,
        Absent,
        Present,
    }

    internal readonly struct FieldLookup
    {
        private FieldLookup(Presence presence, IOperation? value, OptionsObject? @object, OptionsList? list, OptionsObject? missingFrom, IReadOnlyList<string>? missingFields)
        {
            this.Presence = presence;
            this.Value = value;
            this.Object = @object;
            this.List = list;
            this.MissingFrom = missingFrom;
            this.MissingFields = missingFields ?? Array.Empty<string>();
        }

        public static FieldLookup Unknown => default;

        public Presence Presence { get; }

        public IOperation? Value { get; }

        public OptionsObject? Object { get; }

        public OptionsList? List { get; }

        /// <summary>When absent: the deepest object on the path that exists, and the fields it lacks from there down.</summary>
        public OptionsObject? MissingFrom { get; }

        public IReadOnlyList<string> MissingFields { get; }

        public bool IsPresent => this.Presence == Presence.Present;

        public bool IsAbsent => this.Presence == Presence.Absent;

        /// <summary>The compile-time string, when the field holds one.</summary>
        public string? ConstantString => this.Value?.ConstantValue is { HasValue: true, Value: string text } ? text : null;

        public static FieldLookup Present(IOperation value, OptionsObject? @object, OptionsList? list) =>
            new(Presence.Present, value, @object, list, null, null);

        public static FieldLookup Absent(OptionsObject missingFrom, IReadOnlyList<string> missingFields) =>
            new(Presence.Absent, null, null, null, missingFrom, missingFields);
    }
}
