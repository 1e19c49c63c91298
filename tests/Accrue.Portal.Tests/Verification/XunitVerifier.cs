namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit.Sdk;

/// <summary>
/// The standard library's verifier contract over xUnit: the same checks and messages as <see cref="DefaultVerifier"/>,
/// raised as xUnit failures (the library ships no xUnit flavour on this registry).
/// </summary>
public sealed class XunitVerifier : IVerifier
{
    private readonly ImmutableStack<string> context;

    public XunitVerifier()
        : this(ImmutableStack<string>.Empty)
    {
    }

    private XunitVerifier(ImmutableStack<string> context) => this.context = context;

    public void Empty<T>(string collectionName, IEnumerable<T> collection)
    {
        if (collection?.Any() == true)
        {
            this.Fail($"'{collectionName}' is not empty");
        }
    }

    public void NotEmpty<T>(string collectionName, IEnumerable<T> collection)
    {
        if (collection?.Any() == false)
        {
            this.Fail($"'{collectionName}' is empty");
        }
    }

    public void LanguageIsSupported(string language)
    {
        if (language != LanguageNames.CSharp)
        {
            this.Fail($"Unsupported Language: '{language}'");
        }
    }

    public void Equal<T>(T expected, T actual, string? message = null)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            this.Fail(message ?? $"items not equal.  expected:'{expected}' actual:'{actual}'");
        }
    }

    public void True([DoesNotReturnIf(false)] bool assert, string? message = null)
    {
        if (!assert)
        {
            this.Fail(message ?? "Expected value to be 'true' but was 'false'");
        }
    }

    public void False([DoesNotReturnIf(true)] bool assert, string? message = null)
    {
        if (assert)
        {
            this.Fail(message ?? "Expected value to be 'false' but was 'true'");
        }
    }

    [DoesNotReturn]
    public void Fail(string? message = null)
    {
        var text = message ?? "Verification failed for an unspecified reason.";
        foreach (var frame in this.context)
        {
            text = "Context: " + frame + Environment.NewLine + text;
        }

        throw new XunitException(text);
    }

    public void SequenceEqual<T>(IEnumerable<T> expected, IEnumerable<T> actual, IEqualityComparer<T>? equalityComparer = null, string? message = null)
    {
        if (!ReferenceEquals(expected, actual) && (expected is null || actual is null || !expected.SequenceEqual(actual, equalityComparer ?? EqualityComparer<T>.Default)))
        {
            this.Fail(message ?? "Sequences are not equal");
        }
    }

    public IVerifier PushContext(string context) => new XunitVerifier(this.context.Push(context));
}
