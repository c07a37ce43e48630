using System;

namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// Internal host names: the suffixes only a private network resolves (<c>.internal</c>, <c>.corp</c>, <c>.local</c>,
/// <c>.lan</c>, <c>.intranet</c>, <c>.home.arpa</c>), the organisation's own domains and their subdomains, and in a
/// URL a single-label host (<c>http://sql01/</c>). Reserved names (RFC 2606, RFC 6761: <c>example.com</c>,
/// <c>.test</c>, <c>.example</c>, <c>.invalid</c>, <c>.localhost</c>) never count.
/// </summary>
static class HostNames
{
    public enum HostClass
    {
        None,
        Internal,
        Localhost,
    }

    private static readonly string[] InternalSuffixes = { "internal", "corp", "local", "lan", "intranet" };
    private static readonly string[] ReservedSuffixes = { "test", "example", "invalid", "localhost" };
    private static readonly string[] ReservedDomains = { "example.com", "example.net", "example.org" };

    /// <summary>
    /// What the host name <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) is. Outside a
    /// URL a single label is a word, not a host, so only a URL's host can be internal for having one label.
    /// </summary>
    public static HostClass Classify(string text, int start, int end, LeakSettings settings, bool inUrl)
    {
        if (end <= start || !IsValidName(text, start, end))
        {
            return HostClass.None;
        }

        var lastDot = text.LastIndexOf('.', end - 1, end - start);
        var lastLabel = lastDot < 0 ? start : lastDot + 1;
        if (lastDot < 0 && end - start == "localhost".Length && LeakText.StartsWithIgnoreCase(text, start, "localhost"))
        {
            return HostClass.Localhost;
        }

        if (EndsWithLabel(text, lastLabel, end, ReservedSuffixes) || EndsWithDomain(text, start, end, ReservedDomains))
        {
            return HostClass.None;
        }

        if (lastDot >= 0 && (EndsWithLabel(text, lastLabel, end, InternalSuffixes) || EndsWithDomain(text, start, end, HomeArpa)))
        {
            return HostClass.Internal;
        }

        if (settings.InternalDomains.Count > 0 && EndsWithDomain(text, start, end, settings.InternalDomains))
        {
            return HostClass.Internal;
        }

        if (inUrl && lastDot < 0)
        {
            // A single label of digits is a port or a number, not a host.
            for (var i = start; i < end; i++)
            {
                if (LeakText.IsLetter(text[i]))
                {
                    return HostClass.Internal;
                }
            }
        }

        return HostClass.None;
    }

    private static readonly string[] HomeArpa = { "home.arpa" };

    /// <summary>Host names in running text, outside URLs: <c>db-primary.corp.contoso.com</c>, <c>ops@build.internal</c>.</summary>
    public static void Find(LeakScan scan)
    {
        var text = scan.Text;
        var i = 0;
        while (i < text.Length && (i = text.IndexOf('.', i)) >= 0)
        {
            var claimEnd = scan.ClaimEnd(i);
            if (claimEnd > i)
            {
                i = claimEnd;
                continue;
            }

            var start = i;
            while (start > 0 && LeakText.IsHostChar(text[start - 1]))
            {
                start--;
            }

            var end = i;
            while (end < text.Length && LeakText.IsHostChar(text[end]))
            {
                end++;
            }

            var next = Math.Max(end, i + 1);
            while (start < end && (text[start] == '.' || text[start] == '-'))
            {
                start++;
            }

            while (end > start && (text[end - 1] == '.' || text[end - 1] == '-'))
            {
                end--;
            }

            if (end - start >= 4 && IsBareHost(text, start, end) && Classify(text, start, end, scan.Settings, inUrl: false) == HostClass.Internal)
            {
                var value = text.Substring(start, end - start);
                var displayEnd = Addresses.PortEnd(text, end);
                scan.Add(LeakKind.InternalHost, start, displayEnd, value, text.Substring(start, displayEnd - start));
            }

            i = next;
        }
    }

    /// <summary>
    /// A dotted lower-case name standing alone: not a namespace (<c>Contoso.Internal.Billing</c>, <c>Foo.Local()</c>),
    /// not part of an identifier, a path segment or a variable (<c>$env.local</c>, <c>{name}.corp</c>).
    /// </summary>
    private static bool IsBareHost(string text, int start, int end)
    {
        if (text.IndexOf('.', start, end - start) < 0)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (LeakText.IsUpper(text[i]))
            {
                return false;
            }
        }

        var before = LeakText.At(text, start - 1);
        var after = LeakText.At(text, end);
        return !(LeakText.IsWordChar(before) || before == '/' || before == '\\' || before == '$' || before == '%' || before == '{' || before == '}')
            && !(LeakText.IsWordChar(after) || after == '(' || after == '\\' || after == '{' || after == '}' || after == '@');
    }

    private static bool IsValidName(string text, int start, int end)
    {
        var labelStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || text[i] == '.')
            {
                var length = i - labelStart;
                if (length == 0 || length > 63 || text[labelStart] == '-' || text[i - 1] == '-')
                {
                    return false;
                }

                labelStart = i + 1;
            }
            else if (!LeakText.IsLetterOrDigit(text[i]) && text[i] != '-')
            {
                return false;
            }
        }

        return end - start <= 253;
    }

    private static bool EndsWithLabel(string text, int labelStart, int end, string[] labels)
    {
        foreach (var label in labels)
        {
            if (end - labelStart == label.Length && LeakText.StartsWithIgnoreCase(text, labelStart, label))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithDomain(string text, int start, int end, System.Collections.Generic.IReadOnlyList<string> domains)
    {
        var length = end - start;
        for (var i = 0; i < domains.Count; i++)
        {
            var domain = domains[i];
            if (length == domain.Length && LeakText.StartsWithIgnoreCase(text, start, domain))
            {
                return true;
            }

            if (length > domain.Length && text[end - domain.Length - 1] == '.' && LeakText.StartsWithIgnoreCase(text, end - domain.Length, domain))
            {
                return true;
            }
        }

        return false;
    }
}
