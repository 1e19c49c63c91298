namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

/// <summary>Expected diagnostics as the standard library's <see cref="DiagnosticResult"/>, built from the package's descriptors.</summary>
public static class Expected
{
    private static readonly Lazy<Dictionary<string, DiagnosticDescriptor>> Descriptors = new(() =>
        PackageComponents.Analyzers().SelectMany(a => a.SupportedDiagnostics).DistinctBy(d => d.Id).ToDictionary(d => d.Id, StringComparer.Ordinal));

    /// <summary>
    /// A diagnostic of the package's rule <paramref name="id"/>, at its descriptor's default severity (a test that
    /// configures another severity says so with <see cref="DiagnosticResult.WithSeverity"/>). Place it with
    /// <c>WithLocation(n)</c> for the markup location <c>{|#n:…|}</c>; further <c>WithLocation</c> calls are its
    /// additional locations, in order.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) =>
        Descriptors.Value.TryGetValue(id, out var descriptor)
            ? new DiagnosticResult(descriptor)
            : throw new ArgumentException($"No analyzer of the package reports {id}.", nameof(id));
}
