namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// Test source with spans marked inline: <c>[|x|]</c> (a diagnostic of the rule under test),
/// <c>{|PORTAL005:x|}</c> (a diagnostic with that ID) and <c>{|#0:x|}</c> (location 0, for explicit expectations).
/// </summary>
public sealed class TestMarkup
{
    private TestMarkup(string source, IReadOnlyList<MarkedSpan> spans)
    {
        this.Source = source;
        this.Spans = spans;
    }

    public string Source { get; }

    public IReadOnlyList<MarkedSpan> Spans { get; }

    public static TestMarkup Parse(string markup)
    {
        var output = new StringBuilder(markup.Length);
        var spans = new List<MarkedSpan>();
        var open = new Stack<(bool Named, string? Name, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Next(markup, i, "[|"))
            {
                open.Push((false, null, output.Length));
                i++;
            }
            else if (Next(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"Markup '{{|' at {i} has no ':' after its name.");
                }

                open.Push((true, markup.Substring(i + 2, colon - i - 2), output.Length));
                i = colon;
            }
            else if (Next(markup, i, "|]") || Next(markup, i, "|}"))
            {
                var named = markup[i + 1] == '}';
                if (open.Count == 0 || open.Peek().Named != named)
                {
                    throw new FormatException($"Markup close '{markup.Substring(i, 2)}' at {i} does not match an open span.");
                }

                var (_, name, start) = open.Pop();
                spans.Add(new MarkedSpan(name, TextSpan.FromBounds(start, output.Length)));
                i++;
            }
            else
            {
                output.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("Markup has a span that is never closed.");
        }

        return new TestMarkup(output.ToString(), spans);
    }

    private static bool Next(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}

/// <summary>A marked span: no name for <c>[|…|]</c>, a diagnostic ID, or <c>#n</c> for a location marker.</summary>
public sealed record MarkedSpan(string? Name, TextSpan Span)
{
    public bool IsLocationMarker => this.Name is not null && this.Name.StartsWith('#');
}
