namespace Accrue.Portal.Analyzers.Requests
{
    using System;
    using System.Collections.Generic;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Operations;

    /// <summary>One <c>SessionCreateOptions</c> reaching a portal-session call, with what the method provably set on it.</summary>
    internal sealed class PortalRequest
    {
        public PortalRequest(IInvocationOperation call, IOperation optionsArgument, OptionsObject? root)
        {
            this.Call = call;
            this.OptionsArgument = optionsArgument;
            this.Root = root;
        }

        public IInvocationOperation Call { get; }

        /// <summary>The options expression passed to the call: where "missing" diagnostics go.</summary>
        public IOperation OptionsArgument { get; }

        /// <summary>Null when the options are unknown (a parameter, a helper's result, an escaped local).</summary>
        public OptionsObject? Root { get; }

        /// <summary>What is known about the field at a dotted API path (<c>flow_data.subscription_cancel.subscription</c>).</summary>
        public FieldLookup Lookup(string path)
        {
            if (this.Root is null || this.Root.IsOpaque)
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
                if (node.IsOpaque)
                {
                    return FieldLookup.Unknown;
                }

                if (!node.Fields.TryGetValue(segments[i], out var field) || field.Value.ConstantValue is { HasValue: true, Value: null })
                {
                    return FieldLookup.Absent(node, new ArraySegment<string>(segments, i, segments.Length - i));
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
