namespace Accrue.Portal.Analyzers.Requests
{
    /// <summary>
    /// What the method provably wrote on one Stripe options object before the call. <see cref="IsOpaque"/> means code
    /// the engine cannot see may have changed it (it escaped, or came from elsewhere): nothing may be concluded from
    /// a field it lacks.
    /// </summary>
    /// <param name="type">The options type.</param>
    /// <param name="creation">The <c>new ...()</c> expression that made the object in this method, where a fix may add members.</param>
    internal sealed class OptionsObject(ITypeSymbol type, SyntaxNode? creation)
    {
        public ITypeSymbol Type { get; } = type;

        /// <summary>The <c>new ...()</c> expression that made the object in this method, where a fix may add members.</summary>
        public SyntaxNode? Creation { get; } = creation;

        public bool IsOpaque { get; set; }

        /// <summary>Fields by API name (<c>flow_data</c>), last write wins.</summary>
        public Dictionary<string, OptionsField> Fields { get; } = new();

        /// <summary>Form parameters written through <c>AddExtraParam</c>/<c>ExtraParams</c>, by dotted API path.</summary>
        public Dictionary<string, IOperation> ExtraParams { get; } = new();
    }

    /// <param name="property">The options property written.</param>
    /// <param name="value">The expression written (implicit conversions removed).</param>
    internal sealed class OptionsField(IPropertySymbol property, IOperation value)
    {
        public IPropertySymbol Property { get; } = property;

        /// <summary>The expression written (implicit conversions removed).</summary>
        public IOperation Value { get; } = value;

        /// <summary>The options object the value is, when the engine could follow it.</summary>
        public OptionsObject? Object { get; set; }

        /// <summary>The items, when the value is a list of options the engine could follow.</summary>
        public OptionsList? List { get; set; }
    }

    internal sealed class OptionsList
    {
        public List<OptionsObject?> Items { get; } = new();

        public bool IsOpaque { get; set; }
    }
}
