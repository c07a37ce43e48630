using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Inventory;

/// <summary>The one place the inventory writers touch the file system.</summary>
internal static class InventoryFile
{
    /// <summary>
    /// Reported when an inventory cannot be written. A warning by default, which also keeps the compiler from skipping
    /// the writers in builds without an error log (it skips analyzers whose diagnostics are all info or hidden).
    /// </summary>
    public static readonly DiagnosticDescriptor NotWrittenRule = new(
        RuleIds.InternalFailure,
        title: "A ReleasePolicy inventory could not be written",
        messageFormat: "ReleasePolicy could not write the inventory '{0}': {1}; the release manifest will report it missing. Please report this at https://github.com/releasepolicy/releasepolicy/issues.",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: RuleHelpLink.For(RuleIds.InternalFailure),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    // RS1035 bans file IO in analyzers because they run in the IDE, in parallel, and may be cached. This write
    // happens only in command-line builds (the SDK gives the file options to those only, never to the IDE), once per compilation, to a
    // path the SDK owns, through a temporary file renamed into place so a reader never sees half a file.
#pragma warning disable RS1035
    public static string? Write(string path, string text)
    {
        try
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            if (File.Exists(path))
            {
                File.Replace(temporary, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, path);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ex.Message;
        }
    }
#pragma warning restore RS1035
}
