using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// The migrations a team accepted as they are when it adopted ReleasePolicy on an existing repository
/// (<c>ReleaseMigrationBaseline</c> items, which the SDK hands to the compiler as
/// <c>release_policy.migration_baseline</c>): the rollback rules RP1001-RP1004, RP1006 and RP1007 say nothing about
/// them, RP1005 still reports destruction (it feeds the risk), and the manifest lists them as baselined, with the
/// status they really have.
/// </summary>
internal sealed class MigrationBaseline
{
    public const string Option = "release_policy.migration_baseline";

    /// <summary>How the SDK passes the <c>ReleaseMigrationBaseline</c> items (a compiler-visible property, so the IDE sees it too).</summary>
    public const string SdkProperty = "build_property._ReleasePolicyMigrationBaseline";

    public static readonly MigrationBaseline Empty = new(new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    private readonly HashSet<string> _ids;

    private MigrationBaseline(HashSet<string> ids) => _ids = ids;

    public bool IsEmpty => _ids.Count == 0;

    /// <summary>
    /// Reads the option: IDs (EF Core migration IDs, FluentMigrator versions or class names) separated by <c>,</c>
    /// (an editorconfig value ends at <c>;</c>, which starts a comment there, so the SDK joins the items with commas).
    /// </summary>
    public static MigrationBaseline Read(AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in new[] { SdkProperty, Option })
        {
            if (global.TryGetValue(key, out var value))
            {
                ids.UnionWith(SettingList.Split(value));
            }
        }

        return ids.Count == 0 ? Empty : new MigrationBaseline(ids);
    }

    /// <summary>The migration's ID or its class name (simple or namespace-qualified) is in the baseline.</summary>
    public bool Contains(MigrationClass migration, MigrationSymbols symbols) =>
        !IsEmpty
        && (_ids.Contains(migration.ReadId(symbols))
            || _ids.Contains(migration.Type.Name)
            || _ids.Contains(migration.Type.ToDisplayString()));
}
