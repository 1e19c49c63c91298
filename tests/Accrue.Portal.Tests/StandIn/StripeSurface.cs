namespace Accrue.Portal.Tests.StandIn;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

/// <summary>One line per public type and member of the Stripe namespaces, in a stable C#-like form.</summary>
internal static class StripeSurface
{
    private static readonly string[] Namespaces = ["Stripe", "Stripe.BillingPortal"];

    public static IReadOnlyList<string> Describe(Assembly assembly)
    {
        // Grouped by type so the checked-in file reads like the surface doc: the type, then its members.
        const BindingFlags declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => Namespaces.Contains(t.Namespace)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add(DescribeType(type));
            lines.AddRange(type.GetMembers(declared)
                .Select(member => DescribeMember(type, member))
                .OfType<string>()
                .Select(line => "    " + line)
                .Order(StringComparer.Ordinal));
        }

        return lines;
    }

    private static string DescribeType(Type type)
    {
        var kind = type.IsInterface ? "interface" : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : "class";
        var bases = new List<string>();
        if (type.BaseType is not null && type.BaseType != typeof(object))
        {
            bases.Add(Name(type.BaseType));
        }

        var inherited = type.BaseType?.GetInterfaces() ?? [];
        bases.AddRange(type.GetInterfaces().Except(inherited).Select(Name).Order(StringComparer.Ordinal));
        var constraints = type.IsGenericTypeDefinition
            ? string.Concat(type.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints().Select(c => $" where {a.Name} : {Name(c)}")))
            : string.Empty;
        return $"{kind} {Name(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty) + constraints;
    }

    private static string? DescribeMember(Type type, MemberInfo member)
    {
        switch (member)
        {
            case ConstructorInfo constructor:
                return $"{Name(type)}.ctor({Parameters(constructor)})";
            case PropertyInfo property:
                var accessors = (property.GetMethod?.IsPublic == true ? "get; " : string.Empty) + (property.SetMethod?.IsPublic == true ? "set; " : string.Empty);
                var modifiers = Modifiers(property.GetMethod ?? property.SetMethod!);
                var obsolete = property.IsDefined(typeof(ObsoleteAttribute)) ? "[Obsolete] " : string.Empty;
                return $"{obsolete}{modifiers}{Name(property.PropertyType)} {Name(type)}.{property.Name} {{ {accessors}}}";
            case MethodInfo method when !method.IsSpecialName:
                return $"{Modifiers(method)}{Name(method.ReturnType)} {Name(type)}.{method.Name}({Parameters(method)})";
            case FieldInfo field:
                return $"{(field.IsStatic ? "static " : string.Empty)}{Name(field.FieldType)} {Name(type)}.{field.Name}";
            default:
                return null;
        }
    }

    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return "static ";
        }

        if (method.IsAbstract && !method.DeclaringType!.IsInterface)
        {
            return "abstract ";
        }

        if (method.IsVirtual && !method.IsFinal && !method.DeclaringType!.IsInterface)
        {
            return method.GetBaseDefinition() != method ? "override " : "virtual ";
        }

        return string.Empty;
    }

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
        $"{Name(p.ParameterType)} {p.Name}" + (p.HasDefaultValue ? " = " + DefaultValue(p) : string.Empty)));

    private static string DefaultValue(ParameterInfo parameter) => parameter.DefaultValue switch
    {
        null when parameter.ParameterType.IsValueType => "default",
        null => "null",
        string s => $"\"{s}\"",
        var other => other.ToString()!,
    };

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            return definition[..definition.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return type.FullName ?? type.Name;
    }
}
