namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// Stripe.net's portal <c>Session</c> and the classes derived from it. The PORTAL001/002 gate and PORTAL012 ask it of
    /// most operations' types, so each class definition is answered once per compilation, for all of them: a walk up the
    /// base types costs several interface calls a level (Task&lt;T&gt;, Task, object for every awaited call).
    /// </summary>
    internal sealed class SessionType
    {
        private static readonly WeakCache<Compilation, SessionType> Shared = new WeakCache<Compilation, SessionType>(
            compilation => KnownTypes.For(compilation).Get(StripeNames.Session) is { } session ? new SessionType(session) : null);

        private readonly ConcurrentDictionary<ITypeSymbol, bool> answers = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly Func<ITypeSymbol, bool> derivesFromSession;

        private SessionType(INamedTypeSymbol session)
        {
            this.derivesFromSession = type => TypeFacts.IsOrInherits(type, session);
        }

        /// <summary>Null when the compilation does not reference Stripe.net's billing portal.</summary>
        public static SessionType? For(Compilation compilation) => Shared.Get(compilation);

        /// <summary>
        /// The type is Session or derives from it. Session is not generic, so the answer is the same for every
        /// construction of a generic class, and the definition is the key.
        /// </summary>
        public bool Matches(ITypeSymbol? type) =>
            type is { SpecialType: SpecialType.None, TypeKind: TypeKind.Class } && this.answers.GetOrAdd(type.OriginalDefinition, this.derivesFromSession);
    }
}
