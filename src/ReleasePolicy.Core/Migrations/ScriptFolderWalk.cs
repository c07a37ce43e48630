using System;
using System.Collections.Generic;
using System.IO;
using ReleasePolicy.IO;

namespace ReleasePolicy.Migrations;

/// <summary>
/// Lists the scripts (files with one of the item's <see cref="ScriptExtensions"/>) and <c>sqitch.plan</c> files below a folder item. Each real folder is visited once, so a
/// symbolic link back up the tree (<c>db/loop -&gt; ..</c>) adds nothing, and <see cref="BuildOutputFolders"/> are
/// skipped. Folder links are followed only where the runtime can resolve them (see <see cref="RealDirectories"/>).
/// </summary>
internal static class ScriptFolderWalk
{
    /// <param name="claim">Called with each script's path and the real path of its folder.</param>
    public static void Walk(
        string root, ScriptExtensions extensions, BuildOutputFolders skipped, RealDirectories real, Action<string, string> claim)
    {
        var visited = new HashSet<string>(PathComparer.Instance);
        var pending = new Stack<(string Path, string Real)>();
        var rootReal = real.Resolve(root);
        visited.Add(rootReal);
        pending.Push((root, rootReal));
        while (pending.Count > 0)
        {
            var (directory, directoryReal) = pending.Pop();
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo)
                {
                    var isLink = RealDirectories.IsLink(entry);
                    if (skipped.Contains(entry.FullName) || (isLink && !RealDirectories.CanResolveLinks))
                    {
                        continue;
                    }

                    var childReal = real.ResolveChild(directoryReal, entry.Name, isLink);
                    if (visited.Add(childReal))
                    {
                        pending.Push((entry.FullName, childReal));
                    }
                }
                else if (IsScript(entry.Name, extensions))
                {
                    claim(entry.FullName, directoryReal);
                }
            }
        }
    }

    public static bool IsScript(string fileName, ScriptExtensions extensions) =>
        extensions.Match(fileName) is not null || ConventionDetection.IsSqitchPlan(fileName);
}
