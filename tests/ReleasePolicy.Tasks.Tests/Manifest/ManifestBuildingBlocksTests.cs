using System.Text;
using ReleasePolicy.Git;
using ReleasePolicy.Json;
using ReleasePolicy.NuGet;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>The small pieces whose edge cases are easier to show directly than through a whole manifest.</summary>
public sealed class ManifestBuildingBlocksTests
{
    [Fact]
    public void Windows_CRLF_indentation_becomes_LF_while_escaped_newlines_inside_strings_stay()
    {
        var windowsOutput = Encoding.UTF8.GetBytes("{\r\n  \"notes\": \"line1\\r\\nline2\"\r\n}\n");

        var normalized = Encoding.UTF8.GetString(ManifestJsonFormat.NormalizeNewlines(windowsOutput));

        Assert.Equal("{\n  \"notes\": \"line1\\r\\nline2\"\n}\n", normalized);
    }

    [Theory]
    [InlineData("git@github.com:contoso/orders.git", "git@github.com:contoso/orders.git")]
    [InlineData("https://github.com/contoso/orders.git", "https://github.com/contoso/orders.git")]
    [InlineData("https://github.com/contoso/orders@v2.git", "https://github.com/contoso/orders@v2.git")]
    [InlineData("HTTPS://x-access-token:ghs_abc@github.com/contoso/orders", "HTTPS://github.com/contoso/orders")]
    [InlineData("https://user:p@ss@example.com/repo", "https://example.com/repo")]
    [InlineData("ssh://deploy@example.com/repo.git", "ssh://deploy@example.com/repo.git")]
    [InlineData("/srv/git/orders.git", "/srv/git/orders.git")]
    public void Repository_urls_lose_credentials_but_keep_everything_else(string url, string expected)
    {
        Assert.Equal(expected, RepositoryUrl.RemoveCredentials(url));
    }

    [Fact]
    public void Package_versions_sort_by_value_with_prereleases_before_their_release()
    {
        var versions = new[] { "2.0.0", "10.0.0", "2.0.0-beta.10", "1.10.0", "2.0.0-beta.2", "1.9.0", "2.0.0-alpha", "2.0.0-beta" };

        var sorted = versions.OrderBy(v => v, PackageVersionComparer.Instance);

        Assert.Equal(new[] { "1.9.0", "1.10.0", "2.0.0-alpha", "2.0.0-beta", "2.0.0-beta.2", "2.0.0-beta.10", "2.0.0", "10.0.0" }, sorted);
    }
}
