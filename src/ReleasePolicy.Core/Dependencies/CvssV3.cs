using System;
using System.Collections.Generic;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// The CVSS v3.0/v3.1 base score of a vector such as <c>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</c> (9.8), by the
/// specification's base equations, so an OSV record that gives only a vector still gets a severity.
/// </summary>
public static class CvssV3
{
    /// <returns>The base score 0.0–10.0, or null when the vector is not a complete CVSS v3 base vector.</returns>
    public static double? BaseScore(string vector)
    {
        var parts = vector.Trim().Split('/');
        if (parts.Length < 9 || !(parts[0] == "CVSS:3.0" || parts[0] == "CVSS:3.1"))
        {
            return null;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < parts.Length; i++)
        {
            var colon = parts[i].IndexOf(':');
            if (colon <= 0)
            {
                return null;
            }

            metrics[parts[i].Substring(0, colon)] = parts[i].Substring(colon + 1);
        }

        if (!metrics.TryGetValue("S", out var scope) || (scope != "U" && scope != "C"))
        {
            return null;
        }

        var changed = scope == "C";
        var av = Weight(metrics, "AV", ("N", 0.85), ("A", 0.62), ("L", 0.55), ("P", 0.2));
        var ac = Weight(metrics, "AC", ("L", 0.77), ("H", 0.44));
        var pr = Weight(metrics, "PR", ("N", 0.85), ("L", changed ? 0.68 : 0.62), ("H", changed ? 0.5 : 0.27));
        var ui = Weight(metrics, "UI", ("N", 0.85), ("R", 0.62));
        var c = Weight(metrics, "C", ("H", 0.56), ("L", 0.22), ("N", 0));
        var integrity = Weight(metrics, "I", ("H", 0.56), ("L", 0.22), ("N", 0));
        var a = Weight(metrics, "A", ("H", 0.56), ("L", 0.22), ("N", 0));
        if (av is null || ac is null || pr is null || ui is null || c is null || integrity is null || a is null)
        {
            return null;
        }

        var iss = 1 - ((1 - c.Value) * (1 - integrity.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        if (impact <= 0)
        {
            return 0;
        }

        return changed
            ? RoundUp(Math.Min(1.08 * (impact + exploitability), 10))
            : RoundUp(Math.Min(impact + exploitability, 10));
    }

    private static double? Weight(Dictionary<string, string> metrics, string name, params (string Value, double Weight)[] weights)
    {
        if (!metrics.TryGetValue(name, out var value))
        {
            return null;
        }

        foreach (var (candidate, weight) in weights)
        {
            if (candidate == value)
            {
                return weight;
            }
        }

        return null;
    }

    /// <summary>CVSS v3.1 Roundup: the smallest number with one decimal that is at least the input, free of float noise.</summary>
    private static double RoundUp(double value)
    {
        var integer = (long)Math.Round(value * 100000);
        return integer % 10000 == 0 ? integer / 100000.0 : (Math.Floor(integer / 10000.0) + 1) / 10.0;
    }
}
