// Compiled into the runtime and the analyzers: "did you mean" for closed value sets.
namespace Accrue.Portal.Internal
{
    internal static class NearestValue
    {
        /// <summary>
        /// The candidate closest to <paramref name="value"/> by edit distance (case, '-' and ' ' folded to '_'),
        /// when the distance is small enough that a typo is the likely story: at most a third of the candidate's length.
        /// </summary>
        public static string? Find(string value, IReadOnlyList<string> candidates)
        {
            if (value is null)
            {
                return null;
            }

            var normalized = Normalize(value);
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                var distance = EditDistance(normalized, candidate);
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best != null && bestDistance <= Math.Max(1, best.Length / 3) ? best : null;
        }

        /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
        public static int EditDistance(string source, string target)
        {
            var previousPrevious = new int[target.Length + 1];
            var previous = new int[target.Length + 1];
            var current = new int[target.Length + 1];
            for (var j = 0; j <= target.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= source.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= target.Length; j++)
                {
                    var cost = source[i - 1] == target[j - 1] ? 0 : 1;
                    var distance = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && source[i - 1] == target[j - 2] && source[i - 2] == target[j - 1])
                    {
                        distance = Math.Min(distance, previousPrevious[j - 2] + 1);
                    }

                    current[j] = distance;
                }

                var recycled = previousPrevious;
                previousPrevious = previous;
                previous = current;
                current = recycled;
            }

            return previous[target.Length];
        }

        private static string Normalize(string value)
        {
            var chars = value.Trim().ToLowerInvariant().ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '-' || chars[i] == ' ')
                {
                    chars[i] = '_';
                }
            }

            return new string(chars);
        }
    }
}
