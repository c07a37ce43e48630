using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ReleasePolicy.Git;

/// <summary>
/// Reads objects from <c>objects/</c> of the common git directory (shared by every worktree): a loose object
/// (<c>objects/ab/cdef…</c>, zlib of "type size\0content"), else an object in one of the pack files, else in an
/// alternate object directory (<c>objects/info/alternates</c>, one level, as a clone with <c>--shared</c> has).
/// </summary>
internal sealed class GitObjectDatabase
{
    // A commit is a few kilobytes; the cap keeps a hostile or corrupt loose object from filling memory.
    private const long MaxLooseObjectBytes = 64L * 1024 * 1024;

    private readonly IReadOnlyList<string> _objectDirectories;
    private List<GitPack>? _packs;

    private GitObjectDatabase(IReadOnlyList<string> objectDirectories)
    {
        _objectDirectories = objectDirectories;
    }

    public static GitObjectDatabase For(GitDirectoryLayout layout)
    {
        var objects = Path.Combine(layout.CommonDirectory, "objects");
        var directories = new List<string> { objects };
        if (GitFiles.ReadAllText(Path.Combine(objects, "info", "alternates")) is { } alternates)
        {
            directories.AddRange(alternates.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && line[0] != '#')
                .Select(line => Path.GetFullPath(Path.Combine(objects, line)))
                .Where(Directory.Exists));
        }

        return new GitObjectDatabase(directories);
    }

    /// <returns>The object, or null when no loose object or pack holds it, or what holds it is corrupt.</returns>
    public GitObject? Read(string objectId)
    {
        var id = ParseId(objectId);
        return id is null ? null : Read(id, objectId.ToLowerInvariant());
    }

    private GitObject? Read(byte[] id, string hex)
    {
        foreach (var directory in _objectDirectories)
        {
            if (ReadLoose(Path.Combine(directory, hex.Substring(0, 2), hex.Substring(2))) is { } loose)
            {
                return loose;
            }
        }

        foreach (var pack in Packs(id.Length))
        {
            var offset = pack.Find(id);
            if (offset >= 0)
            {
                return pack.Read(offset, baseId => Read(baseId, ToHex(baseId)));
            }
        }

        return null;
    }

    private static GitObject? ReadLoose(string path)
    {
        if (!IO.RegularFile.Is(path))
        {
            return null;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var data = GitZlib.InflateAll(file, MaxLooseObjectBytes);
        if (data is null)
        {
            return null;
        }

        var space = Array.IndexOf(data, (byte)' ');
        var nul = Array.IndexOf(data, (byte)0);
        if (space <= 0 || nul <= space)
        {
            return null;
        }

        var type = Encoding.ASCII.GetString(data, 0, space);
        var sizeText = Encoding.ASCII.GetString(data, space + 1, nul - space - 1);
        if (!long.TryParse(sizeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
            || size != data.Length - nul - 1)
        {
            return null;
        }

        var content = new byte[size];
        Buffer.BlockCopy(data, nul + 1, content, 0, (int)size);
        return new GitObject(type, content);
    }

    private IEnumerable<GitPack> Packs(int idLength)
    {
        if (_packs is null)
        {
            _packs = new List<GitPack>();
            foreach (var directory in _objectDirectories)
            {
                var packDirectory = Path.Combine(directory, "pack");
                if (!Directory.Exists(packDirectory))
                {
                    continue;
                }

                // Newest first, as git looks: a fresh pack is where a just-repacked HEAD lives.
                foreach (var index in new DirectoryInfo(packDirectory).GetFiles("pack-*.idx").OrderByDescending(f => f.LastWriteTimeUtc))
                {
                    if (GitPack.Open(index.FullName, idLength) is { } pack)
                    {
                        _packs.Add(pack);
                    }
                }
            }
        }

        return _packs;
    }

    private static byte[]? ParseId(string hex)
    {
        if (!GitFiles.IsObjectId(hex))
        {
            return null;
        }

        var id = new byte[hex.Length / 2];
        for (var i = 0; i < id.Length; i++)
        {
            id[i] = Convert.ToByte(hex.Substring(i * 2, 2), 16);
        }

        return id;
    }

    private static string ToHex(byte[] id)
    {
        var hex = new StringBuilder(id.Length * 2);
        foreach (var b in id)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
