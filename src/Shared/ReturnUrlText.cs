// Compiled into the runtime and the analyzers: the parser under ReturnUrlRules, over a whole URL or its known start.
namespace Accrue.Portal.Internal
{
    using System.Globalization;
    using System.Net;
    using System.Net.Sockets;

    /// <summary>
    /// The parts of a URL's known text, read as WHATWG URL does where it matters: leading (and, when complete, trailing)
    /// spaces and controls dropped, the scheme and host lower-cased, the host in its ASCII (punycode) form without a
    /// trailing dot, <c>\</c> ending the authority like <c>/</c>.
    /// </summary>
    internal readonly struct ReturnUrlText
    {
        private ReturnUrlText(bool isRelative, string? scheme, string? host, bool hasUserInfo, bool isMalformed)
        {
            this.IsRelative = isRelative;
            this.Scheme = scheme;
            this.Host = host;
            this.HasUserInfo = hasUserInfo;
            this.IsMalformed = isMalformed;
        }

        public bool IsRelative { get; }

        /// <summary>Lower-cased, once the text shows it.</summary>
        public string? Scheme { get; }

        /// <summary>After <c>scheme://</c>: lower-case ASCII, no trailing dot, IPv6 in brackets; once the text shows where it ends.</summary>
        public string? Host { get; }

        public bool HasUserInfo { get; }

        /// <summary>The authority is missing or invalid (meaningful for http and https, which need one).</summary>
        public bool IsMalformed { get; }

        public static ReturnUrlText Parse(string text, bool complete)
        {
            var start = 0;
            var end = text.Length;
            while (start < end && text[start] <= ' ')
            {
                start++;
            }

            while (complete && end > start && text[end - 1] <= ' ')
            {
                end--;
            }

            if (start == end)
            {
                return complete ? Relative() : default;
            }

            // A scheme starts with a letter: "/", "\", "~/", "?", "#", "." and the rest start a relative reference.
            if (!IsAsciiLetter(text[start]))
            {
                return Relative();
            }

            var colon = start + 1;
            while (colon < end && IsSchemeCharacter(text[colon]))
            {
                colon++;
            }

            if (colon == end)
            {
                return complete ? Relative() : default;
            }

            if (text[colon] != ':')
            {
                return Relative();
            }

            var scheme = SchemeName(text, start, colon);
            var special = scheme == ReturnUrlRules.Https || scheme == ReturnUrlRules.Http;
            var authorityStart = colon + 3;
            if (authorityStart > end || text[colon + 1] != '/' || text[colon + 2] != '/')
            {
                // An http(s) URL needs "//host"; a start that may still grow into "//" proves nothing yet.
                var mayGrow = !complete && authorityStart > end && string.CompareOrdinal(text, colon + 1, "//", 0, end - colon - 1) == 0;
                return new ReturnUrlText(false, scheme, null, false, special && !mayGrow);
            }

            var authorityEnd = authorityStart;
            var lastAt = -1;
            while (authorityEnd < end && "/?#\\".IndexOf(text[authorityEnd]) < 0)
            {
                lastAt = text[authorityEnd] == '@' ? authorityEnd : lastAt;
                authorityEnd++;
            }

            // Credentials are whatever precedes the last "@"; an empty one ("https://@host") is none, as WHATWG drops it.
            var hasUserInfo = lastAt > authorityStart;
            if (authorityEnd == end && !complete)
            {
                return new ReturnUrlText(false, scheme, null, hasUserInfo, false);
            }

            var host = HostOf(text, lastAt < 0 ? authorityStart : lastAt + 1, authorityEnd);
            return new ReturnUrlText(false, scheme, host, hasUserInfo, host is null);
        }

        /// <summary>A host name as written in a URL or an allow-list, normalized for comparison; null when no valid host.</summary>
        public static string? NormalizeHostName(string name)
        {
            if (name.Length > 0 && name[name.Length - 1] == '.')
            {
                name = name.Substring(0, name.Length - 1);
            }

            var ascii = true;
            foreach (var c in name)
            {
                if (c > '\u007f')
                {
                    ascii = false;
                }
                else if (c <= ' ' || c == '\u007f' || "\"#%/:<>?@[\\]^`{|}".IndexOf(c) >= 0)
                {
                    return null;
                }
            }

            if (name.Length == 0)
            {
                return null;
            }

            if (ascii)
            {
                return name.ToLowerInvariant();
            }

            try
            {
                return new IdnMapping().GetAscii(name).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        /// <summary>The host between the userinfo and the path, its port checked (digits, at most 65535, may be empty).</summary>
        private static string? HostOf(string text, int start, int end)
        {
            string? host;
            int portColon;
            if (start < end && text[start] == '[')
            {
                var close = text.IndexOf(']', start, end - start);
                if (close < 0)
                {
                    return null;
                }

                var inner = text.Substring(start + 1, close - start - 1);
                host = IPAddress.TryParse(inner, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
                    ? "[" + inner.ToLowerInvariant() + "]"
                    : null;
                portColon = close + 1;
                if (portColon < end && text[portColon] != ':')
                {
                    return null;
                }
            }
            else
            {
                portColon = text.IndexOf(':', start, end - start);
                portColon = portColon < 0 ? end : portColon;
                host = NormalizeHostName(text.Substring(start, portColon - start));
            }

            var port = 0;
            for (var i = portColon + 1; i < end; i++)
            {
                if (text[i] < '0' || text[i] > '9' || (port = (port * 10) + (text[i] - '0')) > ushort.MaxValue)
                {
                    return null;
                }
            }

            return host;
        }

        private static string SchemeName(string text, int start, int colon)
        {
            var length = colon - start;
            if (string.Compare(text, start, ReturnUrlRules.Https, 0, length, StringComparison.OrdinalIgnoreCase) == 0 && length == ReturnUrlRules.Https.Length)
            {
                return ReturnUrlRules.Https;
            }

            return string.Compare(text, start, ReturnUrlRules.Http, 0, length, StringComparison.OrdinalIgnoreCase) == 0 && length == ReturnUrlRules.Http.Length
                ? ReturnUrlRules.Http
                : text.Substring(start, length).ToLowerInvariant();
        }

        private static ReturnUrlText Relative() => new ReturnUrlText(true, null, null, false, false);

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsSchemeCharacter(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    }
}
