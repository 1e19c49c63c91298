namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Accrue.Portal.Analyzers;
using Accrue.Portal.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>Everything the packages ship to the compiler: analyzers, generators and code fixes, found by reflection as the host finds them.</summary>
public static class PackageComponents
{
    public static Assembly AnalyzerAssembly => typeof(RuleIdentifiers).Assembly;

    public static Assembly CodeFixAssembly => typeof(UnknownFlowTypeCodeFixProvider).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() => Create<DiagnosticAnalyzer>(AnalyzerAssembly);

    public static ImmutableArray<IIncrementalGenerator> Generators() => Create<IIncrementalGenerator>(AnalyzerAssembly);

    public static ImmutableArray<CodeFixProvider> CodeFixes() => Create<CodeFixProvider>(CodeFixAssembly);

    private static ImmutableArray<T> Create<T>(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
