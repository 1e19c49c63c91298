namespace Accrue.Portal.Analyzers.Requests
{
    using System;

    /// <summary>What the known leading text of a URL proves: its scheme, its host, or that it is a relative path.</summary>
    internal static class UrlText
    {
        /// <summary>
        /// True when <paramref name="text"/> (the whole URL when <paramref name="complete"/>, else only its start) is
        /// provably relative: a path, <c>~/</c>, a query or fragment, protocol-relative <c>//host</c>, or no scheme at all.
        /// </summary>
        public static bool IsRelative(string text, bool complete)
        {
            if (text.Length > 0 && "/\\~?#.".IndexOf(text[0]) >= 0)
            {
                return true;
            }

            if (Scheme(text) is not null)
            {
                return false;
            }

            // Without "scheme:" so far: relative once the text is whole, or once it holds a character no scheme may.
            if (complete)
            {
                return true;
            }

            foreach (var c in text)
            {
                if (!IsSchemeCharacter(c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The scheme, lower-cased, when the text starts with one (<c>https:</c>).</summary>
        public static string? Scheme(string text)
        {
            var colon = text.IndexOf(':');
            if (colon < 1 || !char.IsLetter(text[0]))
            {
                return null;
            }

            for (var i = 1; i < colon; i++)
            {
                if (!IsSchemeCharacter(text[i]))
                {
                    return null;
                }
            }

            return text.Substring(0, colon).ToLowerInvariant();
        }

        /// <summary>The host, lower-cased, once the text shows where it ends (or is whole).</summary>
        public static string? Host(string text, bool complete)
        {
            var scheme = Scheme(text);
            if (scheme is null || string.CompareOrdinal(text, scheme.Length + 1, "//", 0, 2) != 0)
            {
                return null;
            }

            var start = scheme.Length + 3;
            var end = text.IndexOfAny(new[] { '/', '?', '#' }, start);
            if (end < 0 && !complete)
            {
                return null;
            }

            var authority = text.Substring(start, (end < 0 ? text.Length : end) - start);
            authority = authority.Substring(authority.LastIndexOf('@') + 1);
            var portColon = authority.LastIndexOf(':');
            if (portColon >= 0 && portColon > authority.LastIndexOf(']'))
            {
                authority = authority.Substring(0, portColon);
            }

            return authority.Length == 0 ? null : authority.ToLowerInvariant();
        }

        public static bool IsLoopback(string host) =>
            host == "localhost" || host == "127.0.0.1" || host == "[::1]" || host.EndsWith(".localhost", StringComparison.Ordinal);

        /// <summary>An allow-list entry: a host (<c>billing.example.com</c>) or all its subdomains (<c>*.example.com</c>).</summary>
        public static bool HostMatches(string host, string entry)
        {
            entry = entry.ToLowerInvariant();
            return entry.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(entry.Substring(1), StringComparison.Ordinal)
                : host == entry;
        }

        private static bool IsSchemeCharacter(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    }
}
