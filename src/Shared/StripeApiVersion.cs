// Compiled into the runtime and the analyzers: the Stripe API version a host's Stripe.net pins, and what it knows
// of the shared tables. Stripe's value lists grow ("this enum can grow over time"), so the tables record for every
// value the API version that brought it.
namespace Accrue.Portal.Internal
{
    /// <summary>The API versions the tables name (<c>yyyy-MM-dd.release</c>, ordered by date).</summary>
    internal static class StripeApiVersions
    {
        /// <summary>
        /// The version Stripe.net 52.2.0 pins, and the tables' baseline: every value Stripe accepted then records it.
        /// The tables hold no history before it, so a Stripe.net pinning an older version counts as the baseline.
        /// </summary>
        public const string Dahlia = "2026-07-29.dahlia";

        /// <summary>The version Stripe.net 53.1.0 pins: flow types customer_update and subscription_pause, after_expiration.</summary>
        public const string Endive = "2026-10-28.endive";

        public const string Baseline = Dahlia;

        /// <summary>The newest version the tables know; a Stripe.net pinning a later one may accept values they lack.</summary>
        public const string Newest = Endive;
    }

    /// <summary>The API version of the Stripe.net a request is built with (its <c>Stripe.ApiVersion.Current</c>).</summary>
    internal sealed class StripeApiVersion
    {
        /// <summary>What the tables assume when the version is not known: their newest (every value they hold is valid).</summary>
        public static readonly StripeApiVersion TablesNewest = new StripeApiVersion(StripeApiVersions.Newest);

        private readonly string date;

        private StripeApiVersion(string name)
        {
            this.Name = name;
            this.date = DateOf(name) ?? DateOf(StripeApiVersions.Newest)!;
        }

        /// <summary>The version as Stripe.net names it (<c>2026-10-28.endive</c>).</summary>
        public string Name { get; }

        /// <summary>Later than any version the tables know: a value they lack may be one Stripe added since.</summary>
        public bool IsNewerThanTables => string.CompareOrdinal(this.date, DateOf(StripeApiVersions.Newest)) > 0;

        /// <summary>The version named; the tables' newest when <paramref name="name"/> is null or not a Stripe API version.</summary>
        public static StripeApiVersion From(string? name) =>
            name is null || DateOf(name) is null || name == StripeApiVersions.Newest ? TablesNewest : new StripeApiVersion(name);

        /// <summary>This version accepts a value that <paramref name="broughtBy"/> brought (older than the baseline counts as the baseline).</summary>
        public bool Knows(string broughtBy)
        {
            var effective = string.CompareOrdinal(this.date, DateOf(StripeApiVersions.Baseline)) < 0 ? DateOf(StripeApiVersions.Baseline) : this.date;
            return string.CompareOrdinal(effective, DateOf(broughtBy)) >= 0;
        }

        public override string ToString() => this.Name;

        /// <summary>The <c>yyyy-MM-dd</c> part, or null when the text is not shaped like a Stripe API version.</summary>
        private static string? DateOf(string version)
        {
            var dot = version.IndexOf('.');
            var date = dot < 0 ? version : version.Substring(0, dot);
            if (date.Length != 10)
            {
                return null;
            }

            for (var i = 0; i < date.Length; i++)
            {
                var expectDash = i == 4 || i == 7;
                if (expectDash ? date[i] != '-' : date[i] < '0' || date[i] > '9')
                {
                    return null;
                }
            }

            return date;
        }
    }
}
