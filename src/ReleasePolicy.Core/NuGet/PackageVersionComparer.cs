using System;
using System.Collections.Generic;

namespace ReleasePolicy.NuGet;

/// <summary>
/// Orders NuGet version strings as people expect (1.9.0 before 1.10.0, 2.0.0-beta before 2.0.0) without a NuGet
/// dependency. Any two different strings get a fixed order, so a sorted list is the same on every machine.
/// </summary>
internal sealed class PackageVersionComparer : IComparer<string>
{
    public static readonly PackageVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        Split(x, out var xRelease, out var xLabel);
        Split(y, out var yRelease, out var yLabel);

        var xParts = xRelease.Split('.');
        var yParts = yRelease.Split('.');
        for (var i = 0; i < Math.Max(xParts.Length, yParts.Length); i++)
        {
            var xPart = i < xParts.Length ? xParts[i] : "0";
            var yPart = i < yParts.Length ? yParts[i] : "0";
            var result = CompareNumeric(xPart, yPart);
            if (result != 0)
            {
                return result;
            }
        }

        // A release sorts after its pre-releases.
        if (xLabel.Length == 0 != (yLabel.Length == 0))
        {
            return xLabel.Length == 0 ? 1 : -1;
        }

        var labels = CompareLabels(xLabel, yLabel);
        return labels != 0 ? labels : string.CompareOrdinal(x, y);
    }

    private static void Split(string version, out string release, out string label)
    {
        var metadata = version.IndexOf('+');
        if (metadata >= 0)
        {
            version = version.Substring(0, metadata);
        }

        var dash = version.IndexOf('-');
        release = dash >= 0 ? version.Substring(0, dash) : version;
        label = dash >= 0 ? version.Substring(dash + 1) : string.Empty;
    }

    /// <summary>SemVer 2.0 precedence: dot-separated identifiers, numeric ones compared as numbers and before text.</summary>
    private static int CompareLabels(string x, string y)
    {
        var xParts = x.Split('.');
        var yParts = y.Split('.');
        for (var i = 0; i < Math.Min(xParts.Length, yParts.Length); i++)
        {
            var xNumeric = IsDigits(xParts[i]);
            var yNumeric = IsDigits(yParts[i]);
            var result = xNumeric && yNumeric
                ? CompareNumeric(xParts[i], yParts[i])
                : xNumeric != yNumeric
                    ? (xNumeric ? -1 : 1)
                    : string.Compare(xParts[i], yParts[i], StringComparison.OrdinalIgnoreCase);
            if (result != 0)
            {
                return result;
            }
        }

        return xParts.Length.CompareTo(yParts.Length);
    }

    /// <summary>Compares digit strings of any length by value; anything else ordinally after all numbers.</summary>
    private static int CompareNumeric(string x, string y)
    {
        var xNumeric = IsDigits(x);
        var yNumeric = IsDigits(y);
        if (!xNumeric || !yNumeric)
        {
            return xNumeric != yNumeric ? (xNumeric ? -1 : 1) : string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
        }

        x = x.TrimStart('0');
        y = y.TrimStart('0');
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
    }

    private static bool IsDigits(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }
}
