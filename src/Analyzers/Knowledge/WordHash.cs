namespace Accrue.Portal.Analyzers.Knowledge
{
    using System.Runtime.CompilerServices;
    using Microsoft.CodeAnalysis.CSharp;

    /// <summary>
    /// Words of C# text as 32-bit hashes: an identifier's hash is the hash of its name, so a tree's words can be matched
    /// against declared names without a string per word. Two names that share a hash only make a gate let more through.
    /// </summary>
    internal static class WordHash
    {
        private const uint OffsetBasis = 2166136261;
        private const uint Prime = 16777619;

        private const int KeywordSlots = 256;

        // Reserved keywords are never a member's name (short of an @-escape) and are a third of a file's words; an open
        // addressing table, as this is asked for every word of every file.
        private static readonly ImmutableArray<int> Keywords = KeywordTable(
            SyntaxFacts.GetKeywordKinds().Select(k => SyntaxFacts.GetText(k)).Concat(new[] { "var", "await", "async", "nameof" }));

        public static int Of(string name)
        {
            var hash = OffsetBasis;
            foreach (var c in name)
            {
                hash = (hash ^ c) * Prime;
            }

            return (int)hash;
        }

        /// <summary>Adds the hash of every identifier-shaped word of <paramref name="text"/> in [start, end) that is not a keyword.</summary>
        public static void Read(string text, int start, int end, List<int> words)
        {
            // This runs over every character of every file: a span, the keyword table read once, and the character tests
            // inlined (as calls they were half its time).
            var span = text.AsSpan(start, end - start);
            var keywords = Keywords.AsSpan();
            var i = 0;
            while (i < span.Length)
            {
                var c = span[i];
                if (IsWordStart(c))
                {
                    var hash = OffsetBasis;
                    do
                    {
                        hash = (hash ^ span[i]) * Prime;
                        i++;
                    }
                    while (i < span.Length && IsWordPart(span[i]));

                    if (!IsKeyword((int)hash, keywords))
                    {
                        words.Add((int)hash);
                    }
                }
                else if (IsAsciiDigit(c))
                {
                    // A number (0x1F, 10UL) is no word.
                    do
                    {
                        i++;
                    }
                    while (i < span.Length && IsWordPart(span[i]));
                }
                else
                {
                    i++;
                }
            }
        }

        private static bool IsKeyword(int hash, ReadOnlySpan<int> keywords)
        {
            for (var slot = hash & (KeywordSlots - 1); keywords[slot] != 0; slot = (slot + 1) & (KeywordSlots - 1))
            {
                if (keywords[slot] == hash)
                {
                    return true;
                }
            }

            return false;
        }

        private static ImmutableArray<int> KeywordTable(IEnumerable<string> keywords)
        {
            var table = new int[KeywordSlots];
            foreach (var hash in keywords.Select(Of).Distinct())
            {
                var slot = hash & (KeywordSlots - 1);
                while (table[slot] != 0)
                {
                    slot = (slot + 1) & (KeywordSlots - 1);
                }

                table[slot] = hash;
            }

            return ImmutableArray.Create(table);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsWordStart(char c) => IsAsciiLetterOrUnderscore(c) || (c > 127 && char.IsLetter(c));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsWordPart(char c) => IsAsciiLetterOrUnderscore(c) || IsAsciiDigit(c) || (c > 127 && char.IsLetterOrDigit(c));

        // One unsigned comparison per range: c | 0x20 folds upper case onto lower case.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsAsciiLetterOrUnderscore(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;
    }
}
