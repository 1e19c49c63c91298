namespace Accrue.Portal.Analyzers
{
    internal static class RuleCategories
    {
        /// <summary>Requests Stripe rejects or misreads.</summary>
        public const string Correctness = "Accrue.Portal.Correctness";

        /// <summary>Portal URL leaks, request input reaching the portal.</summary>
        public const string Security = "Accrue.Portal.Security";

        /// <summary>The package's own <c>.editorconfig</c> options.</summary>
        public const string Configuration = "Accrue.Portal.Configuration";

        /// <summary>Use of the guarded runtime.</summary>
        public const string Usage = "Accrue.Portal.Usage";
    }
}
