namespace Accrue.Portal.Analyzers
{
    /// <summary>
    /// The symbols of one compilation that the rules share, each resolved on first use and once for every analyzer
    /// (each table is kept by its own weak cache, so an analyzer that never asks for one does not build it).
    /// </summary>
    internal sealed class PortalCompilation
    {
        private static readonly WeakCache<Compilation, PortalCompilation> Shared = new WeakCache<Compilation, PortalCompilation>(c => new PortalCompilation(c));

        private PortalCompilation(Compilation compilation)
        {
            this.Compilation = compilation;
        }

        public Compilation Compilation { get; }

        public KnownTypes Types => KnownTypes.For(this.Compilation);

        /// <summary>The portal request symbols, or null when the referenced Stripe.net has no billing portal.</summary>
        public PortalRequestSymbols? Requests => PortalRequestSymbols.Resolve(this.Compilation);

        /// <summary>The ASP.NET request-input symbols, or null when no ASP.NET Core is referenced.</summary>
        public RequestInputSymbols? Inputs => RequestInputSymbols.Resolve(this.Compilation);

        /// <summary>The portal Session type test, or null when the referenced Stripe.net has no billing portal.</summary>
        public SessionType? Session => SessionType.For(this.Compilation);

        /// <summary>The Stripe API version the referenced Stripe.net pins.</summary>
        public StripeApiVersion ApiVersion => StripeApiVersionReference.Of(this.Compilation);

        public static PortalCompilation For(Compilation compilation) => Shared.Get(compilation)!;
    }
}
