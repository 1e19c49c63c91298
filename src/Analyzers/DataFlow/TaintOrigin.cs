namespace Accrue.Portal.Analyzers.DataFlow
{
    using Microsoft.CodeAnalysis;

    /// <summary>Where a tainted value came from: a location and how to say it in a message ("read on line 42").</summary>
    internal sealed class TaintOrigin
    {
        public TaintOrigin(Location location, string description, ISymbol? holder = null)
        {
            this.Location = location;
            this.Description = description;
            this.Holder = holder;
        }

        public Location Location { get; }

        public string Description { get; }

        /// <summary>The local or parameter holding the object the value was read from (for a fix that reads another member).</summary>
        public ISymbol? Holder { get; }

        public static string LineOf(SyntaxNode node) => (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
