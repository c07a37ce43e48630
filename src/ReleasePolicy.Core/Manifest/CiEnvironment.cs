using System;

namespace ReleasePolicy.Manifest;

/// <summary>
/// What the CI system says about the run, from its documented environment variables: a link to the run, and the
/// branch being built (CI checkouts are often a detached HEAD, so git alone cannot tell).
/// </summary>
public sealed class CiEnvironment
{
    public static readonly CiEnvironment None = new(runUrl: null, branch: null);

    private CiEnvironment(string? runUrl, string? branch)
    {
        RunUrl = runUrl;
        Branch = branch;
    }

    public string? RunUrl { get; }

    public string? Branch { get; }

    /// <param name="variable">Reads an environment variable; <c>null</c> or empty when it is not set.</param>
    public static CiEnvironment Read(Func<string, string?> variable)
    {
        string? Get(string name)
        {
            var value = variable(name)?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        return new CiEnvironment(ReadRunUrl(Get), ReadBranch(Get));
    }

    private static string? ReadRunUrl(Func<string, string?> get)
    {
        // GitHub Actions
        var server = get("GITHUB_SERVER_URL");
        var repository = get("GITHUB_REPOSITORY");
        var runId = get("GITHUB_RUN_ID");
        if (server is not null && repository is not null && runId is not null)
        {
            return server.TrimEnd('/') + "/" + repository + "/actions/runs/" + Uri.EscapeDataString(runId);
        }

        // Azure Pipelines: the collection URI ends with '/'; project names may contain spaces.
        var collection = get("SYSTEM_COLLECTIONURI");
        var project = get("SYSTEM_TEAMPROJECT");
        var buildId = get("BUILD_BUILDID");
        if (collection is not null && project is not null && buildId is not null)
        {
            return collection.TrimEnd('/') + "/" + Uri.EscapeDataString(project) + "/_build/results?buildId=" + Uri.EscapeDataString(buildId);
        }

        // GitLab CI
        return get("CI_PIPELINE_URL");
    }

    /// <summary>Only real branch names: tags and pull-request merge refs are not branches.</summary>
    private static string? ReadBranch(Func<string, string?> get)
    {
        const string Heads = "refs/heads/";

        // GitHub Actions: the source branch of a pull request, else the pushed branch.
        var branch = get("GITHUB_HEAD_REF");
        if (branch is null && get("GITHUB_REF") is { } githubRef && githubRef.StartsWith(Heads, StringComparison.Ordinal))
        {
            branch = get("GITHUB_REF_NAME") ?? githubRef.Substring(Heads.Length);
        }

        // Azure Pipelines: BUILD_SOURCEBRANCHNAME is only the last segment ("x" for "feature/x"), so use the full ref.
        if (branch is null && get("BUILD_SOURCEBRANCH") is { } azureRef && azureRef.StartsWith(Heads, StringComparison.Ordinal))
        {
            branch = azureRef.Substring(Heads.Length);
        }

        // GitLab CI: CI_COMMIT_BRANCH is unset for tag pipelines, where CI_COMMIT_REF_NAME would be the tag.
        return branch ?? get("CI_COMMIT_BRANCH") ?? get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME");
    }
}
