using System;

namespace ReleasePolicy.Git;

/// <summary>Keeps secrets out of the manifest: a remote URL is published with every package that carries it.</summary>
public static class RepositoryUrl
{
    /// <summary>
    /// Removes credentials from a remote URL. For http(s) the whole user-info goes, because tokens are commonly
    /// passed as the user name (<c>https://TOKEN@host/…</c>, <c>https://x-access-token:TOKEN@host/…</c>). For other
    /// schemes (<c>ssh://git@host/…</c>) only a password is removed: the user name there is part of the address.
    /// scp-style addresses (<c>git@host:org/repo.git</c>) carry no password and are returned unchanged.
    /// The query and fragment go too, whole: hosts take tokens under any name there (<c>?private_token=</c>,
    /// <c>?access_token=</c>, an Azure SAS <c>?sig=</c>), so no list of names can be complete, and git needs neither
    /// to name a repository.
    /// </summary>
    public static string RemoveCredentials(string url) => RemoveUserInfo(RemoveQuery(url));

    private static string RemoveQuery(string url)
    {
        if (url.IndexOf("://", StringComparison.Ordinal) <= 0)
        {
            return url;
        }

        var end = url.IndexOfAny(new[] { '?', '#' });
        return end < 0 ? url : url.Substring(0, end);
    }

    private static string RemoveUserInfo(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return url;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(new[] { '/', '?', '#' }, authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        // The last '@' in the authority ends the user-info: passwords may contain unescaped '@'.
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0)
        {
            return url;
        }

        var scheme = url.Substring(0, schemeEnd);
        var userInfo = url.Substring(authorityStart, at - authorityStart);
        var isHttp = scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
        var colon = userInfo.IndexOf(':');
        var kept = isHttp ? string.Empty : (colon >= 0 ? userInfo.Substring(0, colon) : userInfo);
        return url.Substring(0, authorityStart) + (kept.Length > 0 ? kept + "@" : string.Empty) + url.Substring(at + 1);
    }
}
