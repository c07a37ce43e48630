using System.IO;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Json;

namespace ReleasePolicy.Manifest;

/// <summary>
/// The migrations report written by the migration checks: a JSON array of entries that the manifest embeds as
/// <c>migrations</c>, value for value. No report file means no migrations.
/// </summary>
public static class MigrationsReport
{
    private const string Description = "The migrations report";

    /// <returns>
    /// <c>true</c> with the array (or <c>null</c> when there is no report); <c>false</c> with an RP9002 finding when
    /// the file is not a JSON array.
    /// </returns>
    public static bool TryRead(string? path, out JsonElement? migrations, out PolicyFinding? error)
    {
        migrations = null;
        error = null;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return true;
        }

        using var document = JsonInputFile.TryParse(path!, Description, out error);
        if (document is null)
        {
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            error = new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"{Description} '{path}' holds a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()} " +
                "where a JSON array of migrations is expected. Delete it and build again to regenerate it.",
                path,
                line: 1,
                column: 1);
            return false;
        }

        // Clone: the element must outlive the document, which is disposed here.
        migrations = document.RootElement.Clone();
        return true;
    }
}
