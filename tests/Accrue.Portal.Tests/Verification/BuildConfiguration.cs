namespace Accrue.Portal.Tests.Verification;

/// <summary>The MSBuild configuration a test compilation stands for: optimization level and <c>build_property.Configuration</c>.</summary>
public enum BuildConfiguration
{
    Debug,
    Release,
}
