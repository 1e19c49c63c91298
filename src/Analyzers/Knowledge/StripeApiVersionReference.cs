namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// The API version of the Stripe.net the compilation references: its <c>Stripe.ApiVersion.Current</c> constant, read
    /// from that assembly once per compilation. The rules judge enumerated values by it, and the generated glue hands
    /// the same text to the guard.
    /// </summary>
    internal static class StripeApiVersionReference
    {
        private static readonly WeakCache<Compilation, Reading> Readings = new WeakCache<Compilation, Reading>(compilation => new Reading(Read(compilation)));

        /// <summary>The constant's text, or null when the referenced Stripe.net declares none.</summary>
        public static string? Declared(Compilation compilation) => Readings.Get(compilation)!.Declared;

        /// <summary>The version as the tables judge it (their newest when Stripe.net declares none).</summary>
        public static StripeApiVersion Of(Compilation compilation) => Readings.Get(compilation)!.Version;

        private static string? Read(Compilation compilation)
        {
            // Only Stripe.net's own declaration counts: a look-alike in source or another library does not move the version.
            foreach (var type in ReferencedTypes.For(compilation).Declarations(StripeNames.ApiVersion))
            {
                if (!string.Equals(type.ContainingAssembly?.Name, StripeReference.AssemblyName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var member in type.GetMembers(StripeNames.ApiVersionCurrentField))
                {
                    if (member is IFieldSymbol { IsConst: true, ConstantValue: string current })
                    {
                        return current;
                    }
                }
            }

            return null;
        }

        private sealed class Reading
        {
            public Reading(string? declared)
            {
                this.Declared = declared;
                this.Version = StripeApiVersion.From(declared);
            }

            public string? Declared { get; }

            public StripeApiVersion Version { get; }
        }
    }
}
