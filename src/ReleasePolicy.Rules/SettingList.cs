using System;
using System.Collections.Generic;

namespace ReleasePolicy.Rules;

/// <summary>
/// The one reading of a list-valued setting, for MSBuild properties and analyzer options alike: entries separated by
/// <c>,</c>, <c>;</c> or whitespace, trimmed, empty ones dropped. (In an .editorconfig or .globalconfig value a
/// <c>;</c> starts a comment, so the SDK hands item lists to the analyzers joined with commas.)
/// </summary>
static partial class SettingList
{
    private static readonly char[] Separators = { ';', ',', ' ', '\t', '\r', '\n' };

    public static IReadOnlyList<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? Array.Empty<string>()
            : value!.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
