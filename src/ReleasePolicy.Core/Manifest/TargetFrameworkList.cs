using System;
using System.Collections.Generic;

namespace ReleasePolicy.Manifest;

/// <summary>The manifest's <c>build.targetFrameworks</c>: the project's frameworks in the order it declares them, each once.</summary>
public static class TargetFrameworkList
{
    /// <summary>Splits a <c>;</c>-separated <c>$(TargetFrameworks)</c>, trimming, dropping empties and repeats (ignoring case).</summary>
    public static IReadOnlyList<string> Parse(string? value)
    {
        var frameworks = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (value ?? string.Empty).Split(';'))
        {
            var framework = part.Trim();
            if (framework.Length > 0 && seen.Add(framework))
            {
                frameworks.Add(framework);
            }
        }

        return frameworks;
    }
}
