using System;
using System.Text.RegularExpressions;
using ReleasePolicy.NuGet;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// NuGet versions as advisories and restore write them, normalised for comparison (1.0 is 1.0.0, labels ignore case,
/// build metadata is ignored), ordered with <see cref="PackageVersionComparer"/>.
/// </summary>
internal static class AdvisoryVersion
{
    private static readonly Regex Shape = new(@"^v?\d+(\.\d+){0,3}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant);

    public static bool IsValid(string version) => Shape.IsMatch(version.Trim());

    public static string Normalize(string version)
    {
        var value = version.Trim().TrimStart('v');
        var plus = value.IndexOf('+');
        if (plus >= 0)
        {
            value = value.Substring(0, plus);
        }

        var dash = value.IndexOf('-');
        var release = dash >= 0 ? value.Substring(0, dash) : value;
        var label = dash >= 0 ? value.Substring(dash).ToLowerInvariant() : string.Empty;
        var parts = release.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].TrimStart('0');
            if (parts[i].Length == 0)
            {
                parts[i] = "0";
            }
        }

        var count = parts.Length;
        while (count > 3 && parts[count - 1] == "0")
        {
            count--;
        }

        var normalized = string.Join(".", parts, 0, count);
        for (var i = count; i < 3; i++)
        {
            normalized += ".0";
        }

        return normalized + label;
    }

    public static int Compare(string x, string y) => PackageVersionComparer.Instance.Compare(Normalize(x), Normalize(y));
}
