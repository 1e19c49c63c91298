// Compiled into the runtime and the analyzers: the shape of a Stripe object id, so PORTAL007 and the guard agree.
namespace Accrue.Portal.Internal
{
    internal static class StripeIds
    {
        /// <summary>The prefix (<c>cus_</c>), then at least one ASCII letter, digit or underscore: nothing else, no spaces.</summary>
        public static bool HasShape(string value, string prefix)
        {
            if (value.Length == prefix.Length || !value.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return false;
            }

            for (var i = prefix.Length; i < value.Length; i++)
            {
                var c = value[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>name@domain.tld</c>: an email address where an id belongs, worth its own message.</summary>
        public static bool LooksLikeEmail(string value)
        {
            var at = value.IndexOf('@');
            var dot = value.LastIndexOf('.');
            if (at < 1 || at != value.LastIndexOf('@') || dot < at + 2 || dot == value.Length - 1)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
