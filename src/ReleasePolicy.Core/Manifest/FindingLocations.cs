using System;
using System.Collections.Generic;

namespace ReleasePolicy.Manifest;

/// <summary>
/// Where the manifest's findings point: relative to the repository root when the project was built in a git work
/// tree (<see cref="Git.GitRepositoryInfo.ProjectPath"/>), so code scanning, a reviewer and a diff between releases see
/// the path the repository shows; relative to the project otherwise. The inventories and the tasks' reports record
/// paths relative to the project; this is the one place they are rebased, for every source of findings alike.
/// </summary>
public static class FindingLocations
{
    /// <param name="projectPath">The project's folder in the repository (<c>.</c> at the root); null keeps the paths as they are.</param>
    /// <returns>The findings with their paths rebased, in the manifest's order (<see cref="ReleaseFinding.Compare"/>).</returns>
    public static IReadOnlyList<ReleaseFinding>? FromRepositoryRoot(IReadOnlyList<ReleaseFinding>? findings, string? projectPath)
    {
        if (findings is null || projectPath is null)
        {
            return findings;
        }

        var rebased = new List<ReleaseFinding>(findings.Count);
        foreach (var finding in findings)
        {
            rebased.Add(finding.Location is { } location
                ? new ReleaseFinding(finding.Rule, finding.Severity, finding.Message, new SourceLocation(Join(projectPath, location.Path), location.Line))
                : finding);
        }

        // A path that climbs out of the project ('../Shared/X.cs') may now sort elsewhere.
        rebased.Sort(ReleaseFinding.Compare);
        return rebased;
    }

    /// <summary>
    /// One manifest's findings as they compare with another's: a manifest that records no project path (written outside
    /// a repository, or by a ReleasePolicy from before findings were repository-relative) has them relative to the
    /// project, so they are rebased with the other manifest's project path, on the assumption the project has not moved.
    /// </summary>
    public static IReadOnlyList<ReleaseFinding> ComparableWith(ReleaseManifest manifest, ReleaseManifest other)
    {
        var findings = manifest.Findings ?? Array.Empty<ReleaseFinding>();
        return manifest.Package.Repository.ProjectPath is null && other.Package.Repository.ProjectPath is { } projectPath
            ? FromRepositoryRoot(findings, projectPath)!
            : findings;
    }

    /// <summary>
    /// A project-relative path from the repository root: <c>src/Api</c> and <c>../Shared/X.cs</c> give
    /// <c>src/Shared/X.cs</c>. An absolute path (a file on another drive) stays as it is.
    /// </summary>
    public static string Join(string projectPath, string path)
    {
        if (path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':'))
        {
            return path;
        }

        var segments = new List<string>();
        foreach (var segment in (projectPath + "/" + path).Replace('\\', '/').Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return segments.Count == 0 ? "." : string.Join("/", segments);
    }
}
