using System;
using System.IO;

namespace ReleasePolicy.IO;

/// <summary>Compares paths the way the file system does: ignoring case on Windows, exactly elsewhere.</summary>
internal static class PathComparer
{
    public static readonly StringComparer Instance =
        Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public static readonly StringComparison Comparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
