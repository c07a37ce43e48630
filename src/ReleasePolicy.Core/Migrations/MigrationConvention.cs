using System;

namespace ReleasePolicy.Migrations;

/// <summary>How forward and rollback SQL scripts are named, and so how they are paired.</summary>
public enum MigrationConvention
{
    /// <summary><c>V&lt;ver&gt;__&lt;desc&gt;.sql</c> / <c>U&lt;ver&gt;__&lt;desc&gt;.sql</c>; <c>R__&lt;desc&gt;.sql</c> is repeatable.</summary>
    Flyway,

    /// <summary><c>&lt;ver&gt;_&lt;name&gt;.up.sql</c> / <c>&lt;ver&gt;_&lt;name&gt;.down.sql</c>.</summary>
    GolangMigrate,

    /// <summary><c>sqitch.plan</c> with <c>deploy/</c>, <c>revert/</c> and optional <c>verify/</c> scripts.</summary>
    Sqitch,

    /// <summary><c>&lt;name&gt;.sql</c> / <c>&lt;name&gt;.rollback.sql</c>, <c>_Up_</c> / <c>_Down_</c>, or <c>.up.sql</c> / <c>.down.sql</c>.</summary>
    Suffix,

    /// <summary>The item's <c>ForwardPattern</c> and <c>RollbackPattern</c> regular expressions.</summary>
    Custom,
}

/// <summary>The names users type in <c>Convention</c> metadata and the names written to the migration report.</summary>
public static class MigrationConventionNames
{
    /// <summary>The values <c>Convention</c> metadata accepts, as listed in RP9001 messages.</summary>
    public const string AllowedValues = "Flyway, GolangMigrate, Sqitch, Suffix, Custom";

    /// <summary>Parses <c>Convention</c> metadata (case-insensitive); null when the value is not a known convention.</summary>
    public static MigrationConvention? Parse(string value)
    {
        foreach (MigrationConvention convention in Enum.GetValues(typeof(MigrationConvention)))
        {
            if (string.Equals(convention.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return convention;
            }
        }

        return null;
    }

    /// <summary>The <c>convention</c> field of the migration report.</summary>
    public static string ReportName(MigrationConvention convention) => convention switch
    {
        MigrationConvention.Flyway => "flyway",
        MigrationConvention.GolangMigrate => "golang-migrate",
        MigrationConvention.Sqitch => "sqitch",
        MigrationConvention.Suffix => "suffix",
        _ => "custom",
    };
}
