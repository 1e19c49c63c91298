// Compiled into the runtime and the analyzers: what a return URL must look like. The guard passes the whole URL
// (complete); PORTAL003 passes the known constant start of one, and gets Undecided while that start proves nothing.
namespace Accrue.Portal.Internal
{
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
        private const string LocalhostSuffix = "." + LocalhostName;

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
            if (host == LocalhostName || host.EndsWith(LocalhostSuffix, StringComparison.Ordinal))
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
}
