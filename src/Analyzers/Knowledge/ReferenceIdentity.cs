namespace Accrue.Portal.Analyzers.Knowledge
{
    using System.Runtime.CompilerServices;

    /// <summary>
    /// Equality by reference, for keys whose identity is the question: an options object the driver hands out again, or
    /// a symbol of one compilation, of which there is one instance (and whose own hash code walks its containers).
    /// </summary>
    internal sealed class ReferenceIdentity<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly ReferenceIdentity<T> Instance = new ReferenceIdentity<T>();

        private ReferenceIdentity()
        {
        }

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
