namespace Accrue.Portal.Tests.Verification;

using System.Collections.Generic;
using System.Collections.Immutable;

/// <summary>A diagnostic a test expects, placed by a location marker (<c>{|#n:…|}</c>) in the markup.</summary>
public sealed record ExpectedDiagnostic(string Id)
{
    public int? LocationMarker { get; init; }

    public string? FileName { get; init; }

    public string? Message { get; init; }

    public ImmutableArray<int> AdditionalLocationMarkers { get; init; } = ImmutableArray<int>.Empty;

    public static ExpectedDiagnostic Create(string id) => new(id);

    public ExpectedDiagnostic WithLocation(int marker, string? fileName = null) => this with { LocationMarker = marker, FileName = fileName };

    public ExpectedDiagnostic WithMessage(string message) => this with { Message = message };

    public ExpectedDiagnostic WithAdditionalLocations(params int[] markers) => this with { AdditionalLocationMarkers = ImmutableArray.Create(markers) };

    internal static IEnumerable<ExpectedDiagnostic> None => [];
}
