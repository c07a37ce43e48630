using System;
using System.IO;
using System.Text;

namespace ReleasePolicy.IO;

/// <summary>
/// Paths as users and the report see them: relative to the project directory, with '/' on every OS, so the same
/// repository gives the same report on Windows and Linux. (netstandard2.0 has no Path.GetRelativePath.)
/// </summary>
internal sealed class ProjectPath
{
    private static readonly StringComparison FileSystemComparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string _directory;
    private readonly string _prefix;

    public ProjectPath(string projectDirectory)
    {
        _directory = Path.GetFullPath(projectDirectory).TrimEnd('/', '\\');
        _prefix = _directory + Path.DirectorySeparatorChar;
    }

    public string Relative(string fullPath)
    {
        if (fullPath.StartsWith(_prefix, FileSystemComparison))
        {
            return fullPath.Substring(_prefix.Length).Replace('\\', '/');
        }

        return Climb(fullPath);
    }

    // Outside the project folder: '../' up to the common ancestor, or the absolute path when there is none.
    private string Climb(string fullPath)
    {
        var from = _directory.Split('/', '\\');
        var to = fullPath.Split('/', '\\');
        var common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], FileSystemComparison))
        {
            common++;
        }

        if (common == 0 || (common == 1 && from[0].Length == 0 && Path.DirectorySeparatorChar == '\\'))
        {
            return fullPath.Replace('\\', '/');
        }

        var builder = new StringBuilder();
        for (var i = common; i < from.Length; i++)
        {
            builder.Append("../");
        }

        builder.Append(string.Join("/", to, common, to.Length - common));
        return builder.ToString();
    }
}
