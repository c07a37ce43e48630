using System.Reflection;

namespace ReleasePolicy.Analyzers.Tests.Verification;

/// <summary>Which framework stubs a test compiles against; real EF Core / FluentMigrator are never referenced.</summary>
[Flags]
internal enum StubFrameworks
{
    None = 0,
    EfCore = 1,
    FluentMigrator = 2,
    Both = EfCore | FluentMigrator,
}

internal static class MigrationStubs
{
    public static readonly string EfCore = Read("Stubs.EfCoreStubs.cs");

    public static readonly string FluentMigrator = Read("Stubs.FluentMigratorStubs.cs");

    public static IEnumerable<(string FileName, string Source)> For(StubFrameworks frameworks)
    {
        if (frameworks.HasFlag(StubFrameworks.EfCore))
        {
            yield return ("EfCoreStubs.cs", EfCore);
        }

        if (frameworks.HasFlag(StubFrameworks.FluentMigrator))
        {
            yield return ("FluentMigratorStubs.cs", FluentMigrator);
        }
    }

    private static string Read(string name)
    {
        using var stream = typeof(MigrationStubs).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded stub '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
