using System;
using System.IO;
using System.Text;
using ReleasePolicy.IO;

namespace ReleasePolicy.Git;

/// <summary>
/// Small, forgiving reads of git's text files: a file that is missing, unreadable or not a regular file (a named pipe
/// as <c>.git/HEAD</c>) is simply absent.
/// </summary>
internal static class GitFiles
{
    public static string? ReadFirstLine(string path)
    {
        var text = ReadAllText(path);
        if (text is null)
        {
            return null;
        }

        var end = text.IndexOf('\n');
        return (end >= 0 ? text.Substring(0, end) : text).TrimEnd('\r');
    }

    public static string? ReadAllText(string path)
    {
        try
        {
            // A named pipe would block the read forever; like a missing file, it is simply absent.
            return RegularFile.Is(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A full SHA-1 (40) or SHA-256 (64) object ID in hex, the only shapes accepted as a commit.</summary>
    public static bool IsObjectId(string value)
    {
        if (value.Length != 40 && value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            var hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex)
            {
                return false;
            }
        }

        return true;
    }
}
