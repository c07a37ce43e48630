using System;
using System.IO;

namespace ReleasePolicy.IO;

/// <summary>
/// Writes generated files the way incremental builds need: only when the bytes change (so timestamps stay put and
/// downstream targets stay up to date), and atomically (a temp file in the same folder, then a rename), so a reader
/// never sees half a file.
/// </summary>
public static class AtomicFile
{
    /// <returns><c>true</c> when the file was written, <c>false</c> when it already held these bytes.</returns>
    /// <exception cref="OutputNotWrittenException">The folder is read-only, a file is in the way, the disk is full…</exception>
    public static bool WriteIfChanged(string path, byte[] content)
    {
        try
        {
            return Write(path, content);
        }
        catch (Exception ex) when (ex is IOException && ex is not OutputNotWrittenException || ex is UnauthorizedAccessException)
        {
            throw new OutputNotWrittenException(path, ex);
        }
    }

    private static bool Write(string path, byte[] content)
    {
        if (File.Exists(path) && ContentEquals(path, content))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temp = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        try
        {
            File.WriteAllBytes(temp, content);
            if (File.Exists(path))
            {
                File.Replace(temp, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temp, path);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return true;
    }

    private static bool ContentEquals(string path, byte[] content)
    {
        var info = new FileInfo(path);
        if (info.Length != content.Length || !RegularFile.Is(path))
        {
            return false;
        }

        var existing = File.ReadAllBytes(path);
        for (var i = 0; i < existing.Length; i++)
        {
            if (existing[i] != content[i])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A generated file (report, manifest, stamp) could not be written. The task reports it as one RP9003 located at the
/// file, saying what to check, instead of an unexpected failure.
/// </summary>
public sealed class OutputNotWrittenException : IOException
{
    public OutputNotWrittenException(string path, Exception inner)
        : base(Describe(path, inner), inner)
    {
        Path = path;
    }

    public string Path { get; }

    private static string Describe(string path, Exception inner) =>
        Directory.Exists(path) ? $"'{path}' is a folder, not a file."
        : inner is UnauthorizedAccessException ? $"access to its folder '{System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))}' is denied (it is read-only, or belongs to another user)."
        : inner.Message.TrimEnd('.') + ".";
}
