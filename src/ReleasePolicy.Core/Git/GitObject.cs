namespace ReleasePolicy.Git;

/// <summary>One object read from the object database: its type (<c>commit</c>, <c>tree</c>, <c>blob</c>, <c>tag</c>) and content.</summary>
internal sealed class GitObject
{
    public GitObject(string type, byte[] content)
    {
        Type = type;
        Content = content;
    }

    public string Type { get; }

    public byte[] Content { get; }

    /// <summary>The type names pack files number 1 to 4.</summary>
    public static string? PackedTypeName(int type) => type switch
    {
        1 => "commit",
        2 => "tree",
        3 => "blob",
        4 => "tag",
        _ => null,
    };
}
