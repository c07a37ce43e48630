using System.Collections.Generic;
using System.IO;
using ReleasePolicy.IO;

namespace ReleasePolicy.Migrations;

/// <summary>File items that share a root and metadata: one script set in the making.</summary>
internal sealed class FileGroup
{
    public FileGroup(string root, MigrationScriptItem first, ScriptExtensions extensions)
    {
        Root = root;
        First = first;
        Extensions = extensions;
    }

    /// <summary>Full path of the glob's root folder, or of the folder of files written by hand.</summary>
    public string Root { get; private set; }

    /// <summary>The first item of the group, whose metadata the set carries.</summary>
    public MigrationScriptItem First { get; }

    /// <summary>The <c>ScriptExtensions</c> the group's items share.</summary>
    public ScriptExtensions Extensions { get; }

    public List<string> Files { get; } = new();

    /// <summary>Folders of the group's <c>sqitch.plan</c> files.</summary>
    public List<string> PlanFolders { get; } = new();

    public void Add(string path, string fileName)
    {
        Files.Add(path);
        if (ConventionDetection.IsSqitchPlan(fileName))
        {
            PlanFolders.Add(Path.GetDirectoryName(path)!);
        }
    }

    public void Absorb(FileGroup other)
    {
        Files.AddRange(other.Files);
        PlanFolders.AddRange(other.PlanFolders);
        if (Contains(other.Root, Root))
        {
            Root = other.Root;
        }
    }

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or a folder below it.</summary>
    public static bool Contains(string outer, string inner) =>
        inner.StartsWith(outer, PathComparer.Comparison)
        && (inner.Length == outer.Length
            || inner[outer.Length] == Path.DirectorySeparatorChar
            || outer[outer.Length - 1] == Path.DirectorySeparatorChar);
}

/// <summary>
/// Sqitch keeps its plan root: <c>deploy/</c>, <c>revert/</c> and <c>verify/</c> belong to the <c>sqitch.plan</c>
/// beside them, so file groups with equal metadata whose roots nest with a plan's folder become one group (say
/// <c>db/sqitch.plan</c> written by hand next to a <c>db/deploy/*.sql</c> glob).
/// </summary>
internal static class SqitchRoots
{
    /// <summary>The groups after merging, in order of first appearance; a merged group keeps the outer root.</summary>
    public static List<FileGroup> Merge(List<FileGroup> groups)
    {
        var result = new List<FileGroup>(groups);
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i].PlanFolders.Count == 0)
            {
                continue;
            }

            for (var j = 0; j < result.Count; j++)
            {
                if (i != j && ShareAPlan(result[i], result[j]))
                {
                    var (keep, drop) = i < j ? (i, j) : (j, i);
                    result[keep].Absorb(result[drop]);
                    result.RemoveAt(drop);
                    i = -1;
                    break;
                }
            }
        }

        return result;
    }

    private static bool ShareAPlan(FileGroup planGroup, FileGroup other)
    {
        if (planGroup.PlanFolders.Count == 0 || planGroup.First.MetadataKey != other.First.MetadataKey)
        {
            return false;
        }

        foreach (var plan in planGroup.PlanFolders)
        {
            if (FileGroup.Contains(plan, other.Root) || FileGroup.Contains(other.Root, plan))
            {
                return true;
            }
        }

        return false;
    }
}
