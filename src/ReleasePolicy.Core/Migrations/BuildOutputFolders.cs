using System;
using System.Collections.Generic;
using System.IO;
using ReleasePolicy.IO;

namespace ReleasePolicy.Migrations;

/// <summary>
/// Folders a folder or glob item never reaches into: every <c>bin</c> and <c>obj</c> folder below the item's root,
/// and the project's output and intermediate folders wherever they are (<c>OutputPath</c>,
/// <c>IntermediateOutputPath</c>, <c>BaseOutputPath</c>, <c>BaseIntermediateOutputPath</c>). Builds copy scripts
/// there, and a copy would claim its original's version (RP1013) from the second build on. An item that names such a
/// folder itself (<c>Include="obj/generated"</c>) is still honoured: only what lies below an item's root is skipped.
/// </summary>
public sealed class BuildOutputFolders
{
    private static readonly string[] DefaultNames = { "bin", "obj" };

    private readonly HashSet<string> _paths = new(PathComparer.Instance);

    /// <param name="projectDirectory">Relative folders resolve against it.</param>
    /// <param name="folders">The project's output and intermediate folders; empty or null entries are ignored.</param>
    public BuildOutputFolders(string projectDirectory, IEnumerable<string?>? folders = null)
    {
        foreach (var folder in folders ?? Array.Empty<string?>())
        {
            if (string.IsNullOrWhiteSpace(folder))
            {
                continue;
            }

            try
            {
                _paths.Add(Path.GetFullPath(Path.Combine(projectDirectory, folder!.Trim())).TrimEnd('/', '\\'));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                // A path that cannot exist holds no scripts to skip.
            }
        }
    }

    /// <summary>True when a folder below an item's root is one to skip.</summary>
    /// <param name="fullPath">The folder's full path, without a trailing separator.</param>
    public bool Contains(string fullPath)
    {
        var name = Path.GetFileName(fullPath);
        foreach (var defaultName in DefaultNames)
        {
            if (string.Equals(name, defaultName, PathComparer.Comparison))
            {
                return true;
            }
        }

        return _paths.Contains(fullPath);
    }
}
