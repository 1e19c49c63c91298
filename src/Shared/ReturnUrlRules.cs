// Compiled into the runtime and the analyzers: what a return URL must look like. The guard passes the whole URL
// (complete); PORTAL003 passes the known constant start of one, and gets Undecided while that start proves nothing.
namespace Accrue.Portal.Internal
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Net;
    using System.Net.Sockets;

    internal enum ReturnUrlVerdict
    {
        /// <summary>The known text does not decide yet (only ever for an incomplete text).</summary>
        Undecided,

        Accepted,

        /// <summary>No scheme: a path, <c>~/</c>, a query, a fragment, protocol-relative <c>//host</c>, or empty.</summary>
        Relative,

        /// <summary>An http(s) URL without a usable authority: no <c>//</c>, an empty or invalid host, an invalid port.</summary>
        Malformed,

        /// <summary>Credentials before the host (<c>https://user@host</c>), the classic disguise of another host.</summary>
        UserInfo,

        /// <summary>Plain http to a host that is not loopback, or in a build where loopback is not allowed.</summary>
        Http,

        /// <summary>A scheme other than http(s) that the allowed custom schemes do not list.</summary>
        UnlistedScheme,

        /// <summary>An https host outside a non-empty allow-list.</summary>
        UnlistedHost,
    }

    /// <summary>The app's options, as the guard and the analyzers each read them.</summary>
    internal readonly struct ReturnUrlPolicy
    {
        public ReturnUrlPolicy(IEnumerable<string> allowedHosts, IEnumerable<string> allowedSchemes, bool allowHttpLoopback)
        {
            this.AllowedHosts = allowedHosts;
            this.AllowedSchemes = allowedSchemes;
            this.AllowHttpLoopback = allowHttpLoopback;
        }

        /// <summary><c>example.com</c>, or <c>*.example.com</c> for its subdomains (not the apex). None: any host.</summary>
        public IEnumerable<string> AllowedHosts { get; }

        /// <summary>Custom schemes, any case, with or without the trailing <c>:</c> or <c>://</c>.</summary>
        public IEnumerable<string> AllowedSchemes { get; }

        /// <summary>Plain http is accepted for loopback hosts (Debug builds with the option set).</summary>
        public bool AllowHttpLoopback { get; }
    }

    internal static class ReturnUrlRules
    {
        public const string Https = "https";
        public const string Http = "http";

        private const string WildcardPrefix = "*.";
        private const string LocalhostName = "localhost";

        /// <summary>Judges <paramref name="text"/>: the whole URL when <paramref name="complete"/>, else only its start.</summary>
        public static ReturnUrlVerdict Check(string text, bool complete, ReturnUrlPolicy policy) => Check(ReturnUrlText.Parse(text, complete), policy);

        public static ReturnUrlVerdict Check(ReturnUrlText url, ReturnUrlPolicy policy)
        {
            if (url.IsRelative)
            {
                return ReturnUrlVerdict.Relative;
            }

            if (url.Scheme is not { } scheme)
            {
                return ReturnUrlVerdict.Undecided;
            }

            var http = scheme == Http;
            if (!http && scheme != Https)
            {
                return IsAllowedScheme(scheme, policy.AllowedSchemes) ? ReturnUrlVerdict.Accepted : ReturnUrlVerdict.UnlistedScheme;
            }

            if (url.IsMalformed)
            {
                return ReturnUrlVerdict.Malformed;
            }

            if (url.HasUserInfo)
            {
                return ReturnUrlVerdict.UserInfo;
            }

            if (http && !policy.AllowHttpLoopback)
            {
                return ReturnUrlVerdict.Http;
            }

            if (url.Host is not { } host)
            {
                return ReturnUrlVerdict.Undecided;
            }

            if (http)
            {
                return IsLoopbackHost(host) ? ReturnUrlVerdict.Accepted : ReturnUrlVerdict.Http;
            }

            return IsAllowedHost(host, policy.AllowedHosts) ? ReturnUrlVerdict.Accepted : ReturnUrlVerdict.UnlistedHost;
        }

        /// <summary>
        /// A normalized host (<see cref="ReturnUrlText.Host"/>) that is loopback: <c>localhost</c> and any <c>*.localhost</c>
        /// (RFC 6761 §6.3), 127.0.0.0/8, <c>[::1]</c> in any spelling.
        /// </summary>
        public static bool IsLoopbackHost(string host)
        {
            if (host == LocalhostName || host.EndsWith("." + LocalhostName, StringComparison.Ordinal))
            {
                return true;
            }

            var bracketed = host.Length > 2 && host[0] == '[';
            if (!bracketed && !IsDigitsAndDots(host))
            {
                return false;
            }

            var address = bracketed ? host.Substring(1, host.Length - 2) : host;
            return IPAddress.TryParse(address, out var ip)
                   && ip.AddressFamily == (bracketed ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork)
                   && IPAddress.IsLoopback(ip);
        }

        /// <summary>True when the allow-list is empty or an entry names <paramref name="host"/> (normalized) or, as <c>*.</c>, one of its parents.</summary>
        public static bool IsAllowedHost(string host, IEnumerable<string> entries)
        {
            var any = false;
            foreach (var entry in entries)
            {
                if (string.IsNullOrWhiteSpace(entry))
                {
                    continue;
                }

                any = true;
                var pattern = entry.Trim();
                var wildcard = pattern.StartsWith(WildcardPrefix, StringComparison.Ordinal);
                var name = ReturnUrlText.NormalizeHostName(wildcard ? pattern.Substring(WildcardPrefix.Length) : pattern);
                if (name is not null && (wildcard
                        ? host.Length > name.Length && host[host.Length - name.Length - 1] == '.' && host.EndsWith(name, StringComparison.Ordinal)
                        : host == name))
                {
                    return true;
                }
            }

            return !any;
        }

        public static bool IsAllowedScheme(string scheme, IEnumerable<string> entries)
        {
            foreach (var entry in entries)
            {
                if (entry is not null && string.Equals(entry.Trim().TrimEnd('/', ':'), scheme, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDigitsAndDots(string host)
        {
            foreach (var c in host)
            {
                if (c != '.' && (c < '0' || c > '9'))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// The parts of a URL's known text, read as WHATWG URL does where it matters: leading (and, when complete, trailing)
    /// spaces and controls dropped, the scheme and host lower-cased, the host in its ASCII (punycode) form without a
    /// trailing dot, <c>\</c> ending the authority like <c>/</c>.
    /// </summary>
    internal readonly struct ReturnUrlText
    {
        private static readonly IdnMapping Idn = new IdnMapping();

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

            if ("/\\~?#.".IndexOf(text[start]) >= 0 || !IsAsciiLetter(text[start]))
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
            var hasUserInfo = false;
            while (authorityEnd < end && "/?#\\".IndexOf(text[authorityEnd]) < 0)
            {
                hasUserInfo |= text[authorityEnd] == '@';
                authorityEnd++;
            }

            if (authorityEnd == end && !complete)
            {
                return new ReturnUrlText(false, scheme, null, hasUserInfo, false);
            }

            var hostStart = hasUserInfo ? text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1 : authorityStart;
            var host = HostOf(text, hostStart, authorityEnd);
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
                return Idn.GetAscii(name).ToLowerInvariant();
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
