namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using Microsoft.CodeAnalysis;

/// <summary>
/// The real Stripe.net with one change: its <c>Stripe.ApiVersion.Current</c> constant reads as another API version.
/// Only the constant's bytes in the metadata blob heap are rewritten (same length, so nothing else moves), so the
/// analyzers and the generator read the version exactly as they read it from a released Stripe.net, by name from
/// the referenced Stripe.net assembly, next to every real type.
/// </summary>
public static partial class TestReferences
{
    private static readonly ConcurrentDictionary<string, ImmutableArray<MetadataReference>> StripeByApiVersion = new(StringComparer.Ordinal);

    /// <summary>The API version the referenced Stripe.net 53.1.0 pins (its internal <c>ApiVersion.Current</c>, as <c>StripeConfiguration</c> shows it).</summary>
    public static string StripeNetApiVersion => global::Stripe.StripeConfiguration.ApiVersion;

    /// <summary>Stripe.net (and its Newtonsoft.Json) whose <c>ApiVersion.Current</c> is <paramref name="apiVersion"/>; use with <c>WithoutStripe()</c>.</summary>
    public static ImmutableArray<MetadataReference> StripeNetPinning(string apiVersion) =>
        StripeByApiVersion.GetOrAdd(apiVersion, version =>
        [
            MetadataReference.CreateFromImage(PatchApiVersion(File.ReadAllBytes(StripeNetAssemblyPath), version), filePath: StripeNetAssemblyPath),
            FromAssembly(typeof(Newtonsoft.Json.JsonConvert).Assembly),
        ]);

    /// <summary>The <c>Stripe.ApiVersion.Current</c> constant of a Stripe.net image.</summary>
    public static string ReadApiVersion(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        var metadata = pe.GetMetadataReader();
        var blob = metadata.GetBlobReader(metadata.GetConstant(FindCurrent(metadata).GetDefaultValue()).Value);
        return blob.ReadUTF16(blob.Length);
    }

    private static byte[] PatchApiVersion(byte[] image, string apiVersion)
    {
        int offset;
        using (var pe = new PEReader(ImmutableArray.Create(image)))
        {
            var metadata = pe.GetMetadataReader();
            var value = metadata.GetConstant(FindCurrent(metadata).GetDefaultValue()).Value;
            var length = metadata.GetBlobReader(value).Length;
            if (length != Encoding.Unicode.GetByteCount(apiVersion))
            {
                throw new ArgumentException($"'{apiVersion}' must have as many characters as the real version '{StripeNetApiVersion}'.", nameof(apiVersion));
            }

            var lengthPrefix = length < 0x80 ? 1 : length < 0x4000 ? 2 : 4;
            offset = pe.PEHeaders.MetadataStartOffset + metadata.GetHeapMetadataOffset(HeapIndex.Blob) + metadata.GetHeapOffset(value) + lengthPrefix;
        }

        var patched = (byte[])image.Clone();
        Encoding.Unicode.GetBytes(apiVersion).CopyTo(patched, offset);
        if (ReadApiVersion(patched) != apiVersion)
        {
            throw new InvalidOperationException("Stripe.ApiVersion.Current was not rewritten where expected.");
        }

        return patched;
    }

    private static FieldDefinition FindCurrent(MetadataReader metadata)
    {
        var type = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Single(t => metadata.GetString(t.Namespace) == "Stripe" && metadata.GetString(t.Name) == "ApiVersion");
        return type.GetFields().Select(metadata.GetFieldDefinition).Single(f => metadata.GetString(f.Name) == "Current");
    }
}
