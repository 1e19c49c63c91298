namespace Accrue.Portal.Tests.Knowledge;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Accrue.Portal.Tests.Runtime;
using Accrue.Portal.Tests.Verification;
using Accrue.Portal.Tests.Wire;

/// <summary>
/// Every Stripe.net type and member the analyzers, fixes and generated glue name (the one catalogue,
/// Knowledge/StripeSurface in the analyzer assembly) exists in the Stripe.net this build references, with the kind,
/// static-ness, type and parameters assumed. Upgrading Stripe.net then shows a rename here, as one failing test. The
/// catalogue is read by reflection, as in <see cref="KnownTypesTests"/>.
/// </summary>
public sealed partial class StripeSurfaceTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;

    private static readonly Assembly StripeNet = typeof(Stripe.BillingPortal.Session).Assembly;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(string)] = "string",
        [typeof(object)] = "object",
        [typeof(bool)] = "bool",
        [typeof(long)] = "long",
        [typeof(int)] = "int",
        [typeof(decimal)] = "decimal",
    };

    public static TheoryData<string> Shapes => [.. Catalogue().Select(shape => shape.ToString())];

    [Fact]
    public void The_catalogue_is_checked_against_the_central_Stripe_net_version()
    {
        Assert.Equal("53.1.0", TestReferences.StripeNetVersion);
        Assert.True(Catalogue().Count >= 90, "the catalogue lost entries: " + Catalogue().Count);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Stripe_net_has_the_shape_Accrue_Portal_assumes(string entry)
    {
        var shape = Catalogue().Single(s => s.ToString() == entry);
        var type = FindType(shape.Type)!;
        Assert.True(type is not null, $"{shape.Type} is not a type of Stripe.net {TestReferences.StripeNetVersion} (used by {shape.UsedBy})");
        Assert.True(type.IsPublic || shape.Kind == "Constant", $"{shape.Type} is not a public type of Stripe.net {TestReferences.StripeNetVersion} (used by {shape.UsedBy})");
        switch (shape.Kind)
        {
            case "Constant":
                var field = type.GetField(shape.Member!, BindingFlags.Public | BindingFlags.Static);
                Assert.True(field is { IsLiteral: true }, $"{shape.Type}.{shape.Member} is not a public const (used by {shape.UsedBy})");
                Assert.Equal(shape.Returns, Display(field!.FieldType));
                break;
            case "Class":
                Assert.True(type.IsClass, $"{shape.Type} is not a class");
                break;
            case "Interface":
                Assert.True(type.IsInterface, $"{shape.Type} is not an interface");
                break;
            case "Attribute":
                Assert.True(typeof(Attribute).IsAssignableFrom(type), $"{shape.Type} is not an attribute");
                break;
            case "Property":
                var property = type.GetProperties(Everything).FirstOrDefault(p => p.Name == shape.Member);
                Assert.True(property is not null, $"{shape.Type} has no public property {shape.Member} (used by {shape.UsedBy})");
                Assert.NotNull(property);
                Assert.Equal(shape.IsStatic, property.GetMethod!.IsStatic);
                Assert.Equal(shape.Returns, Display(property.PropertyType));
                break;
            case "Method":
                var overloads = type.GetMethods(Everything).Where(m => m.Name == shape.Member).ToList();
                Assert.True(overloads.Count > 0, $"{shape.Type} has no public method {shape.Member} (used by {shape.UsedBy})");
                var method = overloads.FirstOrDefault(m => string.Join(", ", m.GetParameters().Select(p => Display(p.ParameterType))) == shape.Parameters);
                Assert.True(
                    method is not null,
                    $"{shape.Type}.{shape.Member}({shape.Parameters}) not found; Stripe.net has: " + string.Join(" | ", overloads.Select(m => "(" + string.Join(", ", m.GetParameters().Select(p => Display(p.ParameterType))) + ")")));
                Assert.NotNull(method);
                Assert.Equal(shape.IsStatic, method.IsStatic);
                Assert.Equal(shape.Returns, Display(method.ReturnType));
                break;
            case "Constructor":
                var constructors = type.GetConstructors();
                Assert.True(
                    constructors.Any(c => string.Join(", ", c.GetParameters().Select(p => Display(p.ParameterType))) == shape.Parameters),
                    $"{shape.Type} has no public constructor ({shape.Parameters}); Stripe.net has: " + string.Join(" | ", constructors.Select(c => "(" + string.Join(", ", c.GetParameters().Select(p => Display(p.ParameterType))) + ")")));
                break;
            default:
                throw new InvalidOperationException("Unknown kind " + shape.Kind);
        }
    }

    [Fact]
    public void Option_properties_carry_the_JsonProperty_name_the_analyzers_map_API_fields_through()
    {
        var options = Catalogue().Where(s => s.Kind == "Property" && s.Type.EndsWith("Options", StringComparison.Ordinal) && s.Type != "Stripe.BaseOptions").ToList();

        Assert.NotEmpty(options);
        Assert.All(options, shape =>
        {
            var property = FindType(shape.Type)!.GetProperties(Everything).First(p => p.Name == shape.Member);
            var name = property.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName;
            Assert.Equal(SnakeCase(shape.Member!), name);
        });
    }

    [Fact]
    public void Every_Stripe_type_name_the_analyzers_know_is_in_the_catalogue()
    {
        var names = PackageComponents.AnalyzerAssembly.GetType("Accrue.Portal.Analyzers.Knowledge.StripeNames", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(value => value.StartsWith("Stripe.", StringComparison.Ordinal) || value.StartsWith("Newtonsoft.", StringComparison.Ordinal))
            .ToList();
        var catalogued = Catalogue().Select(s => s.Type).ToHashSet(StringComparer.Ordinal);

        Assert.True(names.Count >= 30, "StripeNames lost its type names");
        Assert.DoesNotContain(names, n => !catalogued.Contains(n));
    }

    [Fact]
    public void Every_Stripe_type_the_generated_glue_names_is_in_the_catalogue()
    {
        var (_, generated) = GeneratedHost.Generate("public static class Empty { }", aspNetCore: true);
        var named = generated
            .SelectMany(tree => GlobalStripeName().Matches(tree.ToString()).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var catalogued = Catalogue().Select(s => s.Type).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Stripe.BillingPortal.SessionService", named);
        Assert.Contains("Stripe.BillingPortal.ConfigurationFeaturesSubscriptionCancelCancellationReasonOptions", named);
        Assert.DoesNotContain(named, n => !catalogued.Contains(n));
    }

    [Fact]
    public void The_referenced_assembly_is_the_real_package()
    {
        var name = StripeNet.GetName();

        Assert.Equal("Stripe.net", name.Name);
        Assert.Equal(53, name.Version!.Major);
        Assert.Equal("53.1.0", StripeNet.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0]);
    }

    /// <summary>The premise of PORTAL001/002/012: Stripe.net's own text of a session carries its URL.</summary>
    [Fact]
    public void Session_text_contains_the_url_as_Stripe_net_does()
    {
        using var wire = new StripeWire();

        var session = new Stripe.BillingPortal.SessionService(wire.Client).Create(new Stripe.BillingPortal.SessionCreateOptions { Customer = "cus_1" });

        Assert.Equal(Assert.Single(wire.IssuedUrls), session.Url);
        Assert.StartsWith("https://billing.stripe.com/p/session/", session.Url, StringComparison.Ordinal);
        Assert.Contains(session.Url, session.ToString(), StringComparison.Ordinal);
        Assert.Contains(session.Url, session.ToJson(), StringComparison.Ordinal);
        Assert.Contains(session.Url, session.StripeResponse.Content, StringComparison.Ordinal);
        Assert.Contains(session.Url, session.RawJsonElement.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(session.Url, session.StripeResponse.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_names_the_old_checked_in_surface_list_got_wrong_are_right_here()
    {
        Assert.NotNull(StripeNet.GetType("Stripe.BillingPortalService"));
        Assert.Null(StripeNet.GetType("Stripe.BillingPortal.BillingPortalService"));
        Assert.Contains(
            typeof(Stripe.BillingPortal.SessionService).GetInterfaces(),
            i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == "Stripe.ICreatable`2");
        Assert.Equal("StripeResponseBase", typeof(Stripe.StripeResponse).GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType!.Name);
    }

    private static Type? FindType(string metadataName) =>
        metadataName.StartsWith("Newtonsoft.", StringComparison.Ordinal)
            ? typeof(Newtonsoft.Json.JsonConvert).Assembly.GetType(metadataName)
            : StripeNet.GetType(metadataName);

    /// <summary>A type as C# spells it with full names: List&lt;string&gt;, long?, Task&lt;Stripe.BillingPortal.Session&gt;.</summary>
    private static string Display(Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Display(underlying) + "?";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            return definition[..definition.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Display)) + ">";
        }

        return type.FullName!.Replace('+', '.');
    }

    private static string SnakeCase(string name) => SnakeBoundary().Replace(name, "$1_$2").ToLowerInvariant();

    private static List<Shape> Catalogue()
    {
        var surface = PackageComponents.AnalyzerAssembly.GetType("Accrue.Portal.Analyzers.Knowledge.StripeSurface", throwOnError: true)!;
        var entries = (System.Collections.IEnumerable)surface.GetProperty("Assumed", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return entries.Cast<object>().Select(entry =>
        {
            string? Read(string name) => entry.GetType().GetProperty(name)!.GetValue(entry)?.ToString();
            return new Shape(Read("Kind")!, Read("Type")!, Read("Member"), Read("Returns"), Read("Parameters"), Read("IsStatic") == "True", Read("UsedBy")!, entry.ToString()!);
        }).ToList();
    }

    [GeneratedRegex(@"global::(Stripe\.[A-Za-z0-9_.]+)")]
    private static partial Regex GlobalStripeName();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex SnakeBoundary();

    private sealed record Shape(string Kind, string Type, string? Member, string? Returns, string? Parameters, bool IsStatic, string UsedBy, string Text)
    {
        public override string ToString() => this.Text;
    }
}
