using System;
using System.IO;

namespace ReleasePolicy.IO;

/// <summary>
/// The empty files MSBuild targets use as Outputs: a task touches its stamp only after a clean run, so the next build
/// skips the target until an input is newer than the stamp.
/// </summary>
public static class StampFile
{
    public static void Touch(string path)
    {
        try
        {
            TouchFile(path);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            throw new OutputNotWrittenException(path, ex);
        }
    }

    public static void Delete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            throw new OutputNotWrittenException(path, ex);
        }
    }

    private static void TouchFile(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, Array.Empty<byte>());
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
    }
}
