namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// The type the compiler marks <c>init</c> accessors with; netstandard2.0 lacks it, and positional records need it.
    /// The fix providers see it through the analyzers' internals.
    /// </summary>
    internal static class IsExternalInit
    {
    }
}
