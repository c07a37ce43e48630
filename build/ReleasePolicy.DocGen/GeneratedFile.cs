namespace ReleasePolicy.DocGen;

/// <summary>A file as the catalogue says it should read, by its path relative to the repository root (with '/').</summary>
public sealed class GeneratedFile
{
    public GeneratedFile(string path, string content)
    {
        Path = path;
        Content = content;
    }

    public string Path { get; }

    /// <summary>The full text, with '\n' line ends.</summary>
    public string Content { get; }
}
