using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ReleasePolicy.Gates;

/// <summary>
/// Where a release's rollback playbook is: the first <c>RollbackPlaybook</c> item whose file exists, else
/// <c>ROLLBACK.md</c> beside the project, else <c>ROLLBACK.md</c> at the repository root (the folder holding
/// <c>.git</c>). RP5001 and RP5003 both ask here, so they always agree on which file is the playbook.
/// </summary>
public static class RollbackPlaybookLookup
{
    public const string ConventionalName = "ROLLBACK.md";

    /// <param name="declared">The items' full paths, in declaration order.</param>
    /// <returns>The playbook's full path, or null when there is none.</returns>
    public static string? Find(IReadOnlyList<string> declared, string? projectDirectory)
    {
        if (declared.Count > 0)
        {
            return declared.FirstOrDefault(File.Exists);
        }

        return Candidates(projectDirectory).FirstOrDefault(File.Exists);
    }

    /// <summary>Every file that would be the playbook if it existed: the targets' Inputs, so creating one re-runs the check.</summary>
    public static IReadOnlyList<string> Candidates(string? projectDirectory)
    {
        var candidates = new List<string>();
        if (string.IsNullOrEmpty(projectDirectory))
        {
            return candidates;
        }

        var directory = new DirectoryInfo(Path.GetFullPath(projectDirectory));
        candidates.Add(Path.Combine(directory.FullName, ConventionalName));
        for (var parent = directory; parent is not null; parent = parent.Parent)
        {
            var git = Path.Combine(parent.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                if (!string.Equals(parent.FullName, directory.FullName, StringComparison.Ordinal))
                {
                    candidates.Add(Path.Combine(parent.FullName, ConventionalName));
                }

                break;
            }
        }

        return candidates;
    }
}
