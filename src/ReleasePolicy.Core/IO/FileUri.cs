using System;

namespace ReleasePolicy.IO;

/// <summary>
/// Turns the file URIs tools write into logs (SARIF) back into paths: percent-decoded as UTF-8, a Windows drive kept as
/// <c>C:/…</c>, a UNC host as <c>//server/…</c>. Done by hand because <see cref="Uri.LocalPath"/> answers differently
/// for a Windows URI read on Linux, and the manifest must not depend on the OS that writes it.
/// </summary>
internal static class FileUri
{
    /// <returns>
    /// The path with '/' separators (relative when the URI reference is relative), or null for a URI of another scheme.
    /// </returns>
    public static string? ToPath(string uri)
    {
        var end = uri.IndexOfAny(new[] { '?', '#' });
        if (end >= 0)
        {
            uri = uri.Substring(0, end);
        }

        if (!uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // "C:\x" is a path, not a URI with scheme "C"; any longer scheme (http:, vscode:) is not a file.
            var colon = uri.IndexOf(':');
            var slash = uri.IndexOfAny(new[] { '/', '\\' });
            if (colon > 1 && (slash < 0 || colon < slash))
            {
                return null;
            }

            return Uri.UnescapeDataString(uri).Replace('\\', '/');
        }

        var path = uri.Substring("file:".Length);
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            var hostEnd = path.IndexOf('/', 2);
            var host = hostEnd < 0 ? path.Substring(2) : path.Substring(2, hostEnd - 2);
            var rest = hostEnd < 0 ? "/" : path.Substring(hostEnd);
            path = host.Length == 0 || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? rest : "//" + host + rest;
        }

        path = Uri.UnescapeDataString(path);
        if (path.Length >= 3 && path[0] == '/' && IsAsciiLetter(path[1]) && (path[2] == ':' || path[2] == '|'))
        {
            // file:///C:/x/y.cs: the drive letter follows the slash that ends the empty host.
            path = path[1] + ":" + path.Substring(3);
        }

        return path.Replace('\\', '/');
    }

    private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
