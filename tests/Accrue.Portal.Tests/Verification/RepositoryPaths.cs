namespace Accrue.Portal.Tests.Verification;

using System;
using System.IO;

public static class RepositoryPaths
{
    private static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Accrue.Portal.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Accrue.Portal.Analyzers.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RepositoryRoot.Value;
}
