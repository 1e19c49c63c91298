namespace Accrue.Portal.Analyzers.Knowledge
{
    /// <summary>
    /// The first test every analyzer and the generator make: does the compilation reference Stripe.net at all? Reading
    /// the referenced assembly names is nearly free, while a first type lookup walks every referenced assembly, so
    /// a project without Stripe.net pays for nothing.
    /// </summary>
    internal static class StripeReference
    {
        public const string AssemblyName = "Stripe.net";

        // Every analyzer asks first thing; the answer is read once per compilation.
        private static readonly WeakCache<Compilation, Answer> Answers = new WeakCache<Compilation, Answer>(compilation => Find(compilation) ? Answer.Yes : Answer.No);

        public static bool IsPresent(Compilation compilation) => Answers.Get(compilation) == Answer.Yes;

        private static bool Find(Compilation compilation)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (string.Equals(identity.Name, AssemblyName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Answer
        {
            public static readonly Answer Yes = new Answer();
            public static readonly Answer No = new Answer();
        }
    }
}
