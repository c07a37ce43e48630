using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Flags;

/// <summary>
/// RP9002 for a flag source the flag rules cannot read: an <c>appsettings*.json</c> or <c>ReleaseFeatureFlagSource</c>
/// file that is not JSON as .NET configuration reads it (comments and trailing commas are fine), or not UTF-8. The
/// analyzers then cannot tell which flags it declares and call no name undeclared (RP2002 stays quiet), so the build
/// says why, once per file, with the line and column where the text broke; every other source still counts.
/// </summary>
public static class FlagSourceCheck
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<PolicyFinding> Run(IEnumerable<string> paths)
    {
        var findings = new List<PolicyFinding>();
        var seen = new HashSet<string>(IO.PathComparer.Instance);
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path) || !seen.Add(Path.GetFullPath(path)))
            {
                continue;
            }

            // A listed source that is not there is not skipped: the build would otherwise call every flag it declares
            // undeclared elsewhere, or (the only source) silence RP2002 without a word.
            if (!File.Exists(path) && !Directory.Exists(path))  // a dangling link "exists" (lstat) and is explained below
            {
                findings.Add(Missing(path));
                continue;
            }

            string text;
            try
            {
                text = StrictUtf8.GetString(IO.RegularFile.ReadAllBytes(path));
            }
            catch (DecoderFallbackException)
            {
                findings.Add(Unreadable(path, 0, 0, "is not UTF-8 text"));
                continue;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                findings.Add(Unreadable(path, 0, 0, "cannot be read (" + ex.Message + ")"));
                continue;
            }

            if (FlagSourceReader.Read(text).Error is { } error)
            {
                findings.Add(Unreadable(path, error.Line, error.Column, $"is not valid JSON at line {error.Line}, column {error.Column}: {error.Message}"));
            }
        }

        return findings;
    }

    private static PolicyFinding Missing(string path) =>
        new(RuleIds.UnreadableInput, FindingKind.InputError,
            $"The flag source '{path}' does not exist, so the feature-flag rules read no flags from it. " +
            "Fix the ReleaseFeatureFlagSource item's Include path, or remove the item.",
            path, 0, 0);

    private static PolicyFinding Unreadable(string path, int line, int column, string what) =>
        new(RuleIds.UnreadableInput, FindingKind.InputError,
            $"The flag source '{path}' {what}, so the feature-flag rules cannot tell which flags it declares and call no flag name undeclared (RP2002). " +
            "Fix the file (comments and trailing commas are fine, as in .NET configuration), or remove it from ReleaseFeatureFlagSource.",
            path, line, column);
}
