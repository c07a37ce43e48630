namespace ReleasePolicy.Tasks.Tests.Infrastructure;

/// <summary>
/// A fresh directory under the system temp folder, deleted on dispose. Tests write real files here, so they exercise
/// the same file system paths (spaces, non-ASCII names, read-only git objects) a user's build does.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    /// <param name="name">
    /// Optional last segment of the directory name, for tests about unusual paths (for example <c>"Orders Ünïcode"</c>).
    /// </param>
    public TempDirectory(string? name = null)
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ReleasePolicy.Tests", Guid.NewGuid().ToString("N").Substring(0, 12));
        FullPath = name is null ? root : System.IO.Path.Combine(root, name);
        _root = root;
        Directory.CreateDirectory(FullPath);
    }

    private readonly string _root;

    public string FullPath { get; }

    /// <summary>An absolute path inside this directory; segments may use '/' on every OS.</summary>
    public string Path(params string[] segments)
    {
        var relative = System.IO.Path.Combine(segments).Replace('/', System.IO.Path.DirectorySeparatorChar);
        return System.IO.Path.Combine(FullPath, relative);
    }

    /// <summary>Writes UTF-8 text (no BOM) to a file inside this directory, creating folders; returns its full path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Path(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>Writes raw bytes to a file inside this directory, creating folders; returns its full path.</summary>
    public string WriteFile(string relativePath, byte[] content)
    {
        var path = Path(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Creates a folder inside this directory; returns its full path.</summary>
    public string CreateDirectory(string relativePath)
    {
        var path = Path(relativePath);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                // git writes its object files read-only; Windows refuses to delete those until the attribute is cleared.
                foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }

                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test that passed.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public override string ToString() => FullPath;
}
