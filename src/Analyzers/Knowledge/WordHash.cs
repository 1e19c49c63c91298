namespace Accrue.Portal.Analyzers.Knowledge
{
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
            var i = start;
            while (i < end)
            {
                var c = text[i];
                if (IsWordStart(c))
                {
                    var hash = OffsetBasis;
                    do
                    {
                        hash = (hash ^ text[i]) * Prime;
                        i++;
                    }
                    while (i < end && IsWordPart(text[i]));

                    if (!IsKeyword((int)hash))
                    {
                        words.Add((int)hash);
                    }
                }
                else if (c is >= '0' and <= '9')
                {
                    // A number (0x1F, 10UL) is no word.
                    do
                    {
                        i++;
                    }
                    while (i < end && IsWordPart(text[i]));
                }
                else
                {
                    i++;
                }
            }
        }

        private static bool IsKeyword(int hash)
        {
            for (var slot = hash & (KeywordSlots - 1); Keywords[slot] != 0; slot = (slot + 1) & (KeywordSlots - 1))
            {
                if (Keywords[slot] == hash)
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

        private static bool IsWordStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c > 127 && char.IsLetter(c));

        private static bool IsWordPart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' || (c > 127 && char.IsLetterOrDigit(c));
    }
}
