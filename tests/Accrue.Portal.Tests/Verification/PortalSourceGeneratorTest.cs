namespace Accrue.Portal.Tests.Verification;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

/// <summary>The standard library's generator test, for a project that runs generators and no analyzer.</summary>
internal sealed class PortalSourceGeneratorTest(ImmutableArray<Type> generators, TestProjectOptions options)
    : CSharpSourceGeneratorTest<EmptySourceGeneratorProvider, XunitVerifier>
{
    protected override string DefaultFilePathPrefix => TestProjectOptions.SourceDirectory + "Test";

    protected override IEnumerable<Type> GetSourceGenerators() => generators;

    protected override CompilationOptions CreateCompilationOptions() => options.CompilationOptions();

    protected override ParseOptions CreateParseOptions() => options.ParseOptions();

    protected override Task<Workspace> CreateWorkspaceImplAsync() => TestProjectOptions.CreateWorkspaceAsync();
}
