namespace Accrue.Portal.Analyzers.Knowledge
{
    using System.Buffers;
    using Microsoft.CodeAnalysis.Text;

    /// <summary>What a Stripe secret is for, and where the PORTAL014 fix reads it from instead.</summary>
    /// <param name="Name">The diagnostic property value.</param>
    /// <param name="ConfigurationKey">The <c>IConfiguration</c> key the fix reads (<c>Stripe:SecretKey</c>, as in appsettings.json or user secrets).</param>
    /// <param name="EnvironmentVariable">The environment variable the fix reads when no configuration is in scope (Stripe's own samples use these names).</param>
    internal sealed record StripeSecretKind(string Name, string ConfigurationKey, string EnvironmentVariable)
    {
        public static readonly StripeSecretKind SecretKey = new StripeSecretKind("SecretKey", "Stripe:SecretKey", "STRIPE_SECRET_KEY");
        public static readonly StripeSecretKind RestrictedKey = new StripeSecretKind("RestrictedKey", "Stripe:RestrictedKey", "STRIPE_RESTRICTED_KEY");
        public static readonly StripeSecretKind WebhookSecret = new StripeSecretKind("WebhookSecret", "Stripe:WebhookSecret", "STRIPE_WEBHOOK_SECRET");

        public static StripeSecretKind? FromName(string? name) =>
            name == SecretKey.Name ? SecretKey
            : name == RestrictedKey.Name ? RestrictedKey
            : name == WebhookSecret.Name ? WebhookSecret
            : null;
    }

    /// <summary>One prefix a Stripe secret starts with.</summary>
    /// <param name="Text">The prefix itself (<c>sk_live_</c>).</param>
    /// <param name="Kind">What a key with this prefix is for.</param>
    /// <param name="Description">For the message: "live secret key".</param>
    /// <param name="Base64Body">Webhook signing secrets may carry base64 characters; API keys are base62.</param>
    internal sealed record StripeSecretPrefix(string Text, StripeSecretKind Kind, string Description, bool Base64Body)
    {
        /// <summary>The prefix and an ellipsis: all of the key a message shows.</summary>
        public string Masked => this.Text + "\u2026";

        /// <summary>Where the prefix's first underscore is: the scan looks for underscores and checks back from them.</summary>
        public int AnchorOffset { get; } = Text.IndexOf('_');
    }

    /// <summary>
    /// The shape of a Stripe secret (PORTAL014): a prefix (<c>sk_live_</c>, <c>sk_test_</c>, <c>rk_live_</c>,
    /// <c>rk_test_</c>, <c>whsec_</c>) that does not continue a word, then a body of at least
    /// <see cref="MinimumBodyLength"/> key characters (letters and digits; for <c>whsec_</c> also <c>+ / =</c>) mixing
    /// at least two of upper case, lower case and digits. Real keys have 24 (older keys) to 99 random base62 characters;
    /// placeholders (<c>sk_test_...</c>, <c>sk_test_xxx</c>, <c>sk_live_YOUR_KEY</c>, a run of one letter) do not fit.
    /// </summary>
    internal static class StripeSecrets
    {
        public const int MinimumBodyLength = 24;

        public static readonly ImmutableArray<StripeSecretPrefix> Prefixes = ImmutableArray.Create(
            new StripeSecretPrefix("sk_live_", StripeSecretKind.SecretKey, "live secret key", Base64Body: false),
            new StripeSecretPrefix("sk_test_", StripeSecretKind.SecretKey, "test secret key", Base64Body: false),
            new StripeSecretPrefix("rk_live_", StripeSecretKind.RestrictedKey, "live restricted key", Base64Body: false),
            new StripeSecretPrefix("rk_test_", StripeSecretKind.RestrictedKey, "test restricted key", Base64Body: false),
            new StripeSecretPrefix("whsec_", StripeSecretKind.WebhookSecret, "webhook signing secret", Base64Body: true));

        private const int LongestPrefix = 8;
        private const int LargestAnchorOffset = 5;
        private const int ChunkLength = 4096;

        /// <summary>
        /// The start of the first secret prefix at or after <paramref name="start"/> in the whole text (code, literals,
        /// comments), or -1. One vectorised pass for underscores over pooled chunks: nothing is allocated when nothing is found.
        /// </summary>
        public static int FindPrefix(SourceText text, int start, out StripeSecretPrefix? prefix)
        {
            var buffer = ArrayPool<char>.Shared.Rent(ChunkLength + LongestPrefix);
            try
            {
                for (var chunkStart = start; chunkStart < text.Length; chunkStart += ChunkLength)
                {
                    // One character before the chunk tells whether a prefix at its start continues a word; the tail lets
                    // a prefix that starts in this chunk end in the next.
                    var copyStart = chunkStart == 0 ? 0 : chunkStart - 1;
                    var copyEnd = Math.Min(text.Length, chunkStart + ChunkLength + LongestPrefix - 1);
                    text.CopyTo(copyStart, buffer, 0, copyEnd - copyStart);
                    var chunk = new ReadOnlySpan<char>(buffer, 0, copyEnd - copyStart);
                    var lead = chunkStart - copyStart;
                    var found = FindPrefix(chunk, lead, lead + ChunkLength, out prefix);
                    if (found >= 0)
                    {
                        return copyStart + found;
                    }
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }

            prefix = null;
            return -1;
        }

        /// <summary>Whether a literal's source text (as written, escapes undecoded) holds a secret prefix, with or without a body.</summary>
        public static bool ContainsPrefix(string text) => FindPrefix(text.AsSpan(), 0, text.Length, out _) >= 0;

        /// <summary>The first whole secret (prefix and key body) in <paramref name="text"/>.</summary>
        public static bool TryFindSecret(ReadOnlySpan<char> text, out StripeSecretPrefix? prefix, out int start, out int length)
        {
            for (var from = 0; (start = FindPrefix(text, from, text.Length, out prefix)) >= 0; from = start + 1)
            {
                length = SecretLengthAt(text, start, prefix!);
                if (length > 0)
                {
                    return true;
                }
            }

            length = 0;
            return false;
        }

        /// <summary>The length of the secret that starts at <paramref name="start"/> with <paramref name="prefix"/>, or 0 when no key body follows.</summary>
        public static int SecretLengthAt(ReadOnlySpan<char> text, int start, StripeSecretPrefix prefix)
        {
            var bodyStart = start + prefix.Text.Length;
            var end = bodyStart;
            bool upper = false, lower = false, digit = false;
            for (; end < text.Length; end++)
            {
                var c = text[end];
                if (c >= 'A' && c <= 'Z')
                {
                    upper = true;
                }
                else if (c >= 'a' && c <= 'z')
                {
                    lower = true;
                }
                else if (c >= '0' && c <= '9')
                {
                    digit = true;
                }
                else if (!prefix.Base64Body || (c != '+' && c != '/'))
                {
                    break;
                }
            }

            var mixed = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) >= 2;
            if (end - bodyStart < MinimumBodyLength || !mixed)
            {
                return 0;
            }

            while (prefix.Base64Body && end < text.Length && text[end] == '=')
            {
                end++;
            }

            return end - start;
        }

        /// <summary>The first prefix starting in [<paramref name="from"/>, <paramref name="startLimit"/>); the character before <paramref name="from"/>, when there is one, is context.</summary>
        private static int FindPrefix(ReadOnlySpan<char> text, int from, int startLimit, out StripeSecretPrefix? prefix)
        {
            var position = from;
            while (position < text.Length)
            {
                var offset = text.Slice(position).IndexOf('_');
                if (offset < 0)
                {
                    break;
                }

                var underscore = position + offset;
                if (underscore - LargestAnchorOffset >= startLimit)
                {
                    break;
                }

                foreach (var candidate in Prefixes)
                {
                    var start = underscore - candidate.AnchorOffset;
                    if (start >= from && start < startLimit
                        && text.Length - start >= candidate.Text.Length
                        && text.Slice(start, candidate.Text.Length).SequenceEqual(candidate.Text.AsSpan())
                        && (start == 0 || !IsWordCharacter(text[start - 1])))
                    {
                        prefix = candidate;
                        return start;
                    }
                }

                position = underscore + 1;
            }

            prefix = null;
            return -1;
        }

        private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
