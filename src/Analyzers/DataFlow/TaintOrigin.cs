namespace Accrue.Portal.Analyzers.DataFlow
{
    /// <summary>Where a tainted value came from: a location and how to say it in a message ("read on line 42").</summary>
    internal sealed class TaintOrigin
    {
        public TaintOrigin(Location location, string description, ISymbol? holder = null)
            : this(location, description, holder, SinkKind.None, root: null, returnedFrom: null)
        {
        }

        private TaintOrigin(Location location, string description, ISymbol? holder, SinkKind cleared, TaintOrigin? root, TaintOrigin? returnedFrom)
        {
            this.Location = location;
            this.Description = description;
            this.Holder = holder;
            this.Cleared = cleared;
            this.Root = root ?? this;
            this.ReturnedFrom = returnedFrom;
        }

        public Location Location { get; }

        public string Description { get; }

        /// <summary>The local or parameter holding the object the value was read from (for a fix that reads another member).</summary>
        public ISymbol? Holder { get; }

        /// <summary>The sinks a check made this value safe for (a return-URL validator, an ownership check).</summary>
        public SinkKind Cleared { get; }

        /// <summary>The origin this one was derived from by a sanitiser; itself when none was applied (identity for summaries).</summary>
        public TaintOrigin Root { get; }

        /// <summary>For a value returned by a method of the compilation: the origin inside that method.</summary>
        public TaintOrigin? ReturnedFrom { get; }

        /// <summary>The innermost origin: through every helper that returned the value.</summary>
        public TaintOrigin Innermost
        {
            get
            {
                var current = this;
                while (current.ReturnedFrom is { } inner)
                {
                    current = inner;
                }

                return current;
            }
        }

        public static string LineOf(SyntaxNode node) => (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The value returned by a call whose callee returns this origin (same clearance).</summary>
        public TaintOrigin ReturnedBy(Location call, string description) =>
            new TaintOrigin(call, description, holder: null, this.Cleared, root: null, returnedFrom: this);

        /// <summary>
        /// The result of a library lookup by this value (a customer found by this e-mail): derived from it, so it keeps its
        /// root (a parameter's summary still sees its own seed), and the message says how.
        /// </summary>
        public TaintOrigin FoundBy(Location call, string description) =>
            new TaintOrigin(call, description, holder: null, this.Cleared, this.Root, returnedFrom: this);

        public bool IsClearedFor(SinkKind sink) => (this.Cleared & sink) == sink && sink != SinkKind.None;

        /// <summary>This origin, also safe for <paramref name="kinds"/>.</summary>
        public TaintOrigin Clear(SinkKind kinds) =>
            (this.Cleared | kinds) == this.Cleared ? this : new TaintOrigin(this.Location, this.Description, this.Holder, this.Cleared | kinds, this.Root, this.ReturnedFrom);

        /// <summary>Of two candidate origins for one value, the one safe for fewer sinks (a value is as unsafe as its worst part).</summary>
        public static TaintOrigin? Worse(TaintOrigin? first, TaintOrigin? second)
        {
            if (first is null || second is null)
            {
                return first ?? second;
            }

            if ((second.Cleared & first.Cleared) == second.Cleared)
            {
                return second.Cleared == first.Cleared ? first : second;
            }

            return (first.Cleared & second.Cleared) == first.Cleared
                ? first
                : new TaintOrigin(first.Location, first.Description, first.Holder, first.Cleared & second.Cleared, first.Root, first.ReturnedFrom);
        }
    }
}
