using System;
using System.Collections.Generic;
using System.IO;

namespace ReleasePolicy.IO;

/// <summary>
/// The real location of a folder, with every symbolic link on the way resolved, so a folder reached through a link
/// (<c>db/loop/loop/…</c>) is recognised as one already seen. Answers are cached per path: one resolution per folder,
/// however many files it holds. Without link APIs (netstandard2.0, used on .NET Framework) a path is its own real
/// location, and <see cref="IsLink"/> lets the caller decline to follow links at all.
/// </summary>
internal sealed class RealDirectories
{
    private const int MaxLinkDepth = 40; // as Linux's ELOOP limit

    private readonly Dictionary<string, string> _real = new(PathComparer.Instance);

    public static bool CanResolveLinks =>
#if NET
        true;
#else
        false;
#endif

    public static bool IsLink(FileSystemInfo entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>The real full path of an existing folder (no trailing separator).</summary>
    public string Resolve(string directory) => Resolve(Trim(Path.GetFullPath(directory)), 0);

    /// <summary>The real path of <paramref name="name"/> inside a folder whose real path is already known.</summary>
    public string ResolveChild(string realParent, string name, bool isLink)
    {
        var candidate = Path.Combine(realParent, name);
        return isLink ? Resolve(candidate, 0) : candidate;
    }

    private string Resolve(string directory, int depth)
    {
        if (_real.TryGetValue(directory, out var known))
        {
            return known;
        }

        var parent = Path.GetDirectoryName(directory);
        var real = directory;
        if (parent is not null && depth < MaxLinkDepth)
        {
            var candidate = Path.Combine(Resolve(parent, depth), Path.GetFileName(directory));
            real = Follow(candidate, depth) ?? candidate;
        }

        _real[directory] = real;
        return real;
    }

    private string? Follow(string candidate, int depth)
    {
#if NET
        try
        {
            var info = new DirectoryInfo(candidate);
            if (info.LinkTarget is null)
            {
                return null;
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? null : Resolve(Trim(target.FullName), depth + 1);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            // A cycle of links (ELOOP) or one we may not read: keep the path as it is.
            return null;
        }
#else
        return null;
#endif
    }

    private static string Trim(string path)
    {
        var root = Path.GetPathRoot(path) ?? string.Empty;
        return path.Length > root.Length ? path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : path;
    }
}
