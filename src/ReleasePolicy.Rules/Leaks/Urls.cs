namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// URLs (<c>scheme://[user[:password]@]host[:port]/…</c>, <c>jdbc:postgresql://…</c> included): an internal host, a
/// private address or a single-label host is RP3001/RP3002, a localhost or loopback URL a debug reference, and a
/// password in the user-info a credential shown as <c>scheme://user:***@host</c>. The whole URL is claimed, so
/// nothing inside it is reported twice.
/// </summary>
static class Urls
{
    public static void Find(LeakScan scan)
    {
        var text = scan.Text;
        var i = 0;
        while (i < text.Length && (i = text.IndexOf("://", i, System.StringComparison.Ordinal)) >= 0)
        {
            var schemeStart = i;
            while (schemeStart > 0 && IsSchemeChar(text[schemeStart - 1]))
            {
                schemeStart--;
            }

            while (schemeStart < i && !LeakText.IsLetter(text[schemeStart]))
            {
                schemeStart++;
            }

            if (schemeStart == i)
            {
                i += 3;
                continue;
            }

            var authorityStart = i + 3;
            var end = authorityStart;
            while (end < text.Length && !LeakText.IsTerminator(text[end]))
            {
                end++;
            }

            while (end > authorityStart && IsTrailingPunctuation(text[end - 1]))
            {
                end--;
            }

            Read(scan, schemeStart, authorityStart, end);
            scan.Claim(schemeStart, end);
            i = end > i + 3 ? end : i + 3;
        }
    }

    private static void Read(LeakScan scan, int schemeStart, int authorityStart, int end)
    {
        var text = scan.Text;
        var authorityEnd = authorityStart;
        while (authorityEnd < end && text[authorityEnd] != '/' && text[authorityEnd] != '?' && text[authorityEnd] != '#'
               && text[authorityEnd] != '\\' && text[authorityEnd] != ';')
        {
            authorityEnd++;
        }

        if (authorityEnd == authorityStart)
        {
            return;
        }

        var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        var hostStart = at >= 0 ? at + 1 : authorityStart;
        int hostEnd;
        int valueStart = hostStart, valueEnd;
        IpAddresses.AddressClass address;
        HostNames.HostClass host = HostNames.HostClass.None;
        if (LeakText.At(text, hostStart) == '[')
        {
            hostEnd = text.IndexOf(']', hostStart, authorityEnd - hostStart);
            if (hostEnd < 0)
            {
                return;
            }

            valueStart = hostStart + 1;
            valueEnd = hostEnd;
            hostEnd++;
            var groups = scan.Groups;
            address = IpAddresses.TryParseV6(text, valueStart, valueEnd, groups) ? IpAddresses.ClassifyV6(groups) : IpAddresses.AddressClass.None;
        }
        else
        {
            hostEnd = hostStart;
            while (hostEnd < authorityEnd && text[hostEnd] != ':')
            {
                hostEnd++;
            }

            valueEnd = hostEnd;
            var isV4 = IpAddresses.TryParseV4(text, hostStart, out var v4End, out var v4) && v4End == hostEnd;
            address = isV4 ? IpAddresses.ClassifyV4(v4) : IpAddresses.AddressClass.None;
            if (!isV4)
            {
                host = HostNames.Classify(text, hostStart, hostEnd, scan.Settings, inUrl: true);
            }
        }

        var portEnd = Addresses.PortEnd(text, hostEnd);
        var kind = address == IpAddresses.AddressClass.Loopback || host == HostNames.HostClass.Localhost ? LeakKind.DebugReference
            : address == IpAddresses.AddressClass.Private ? LeakKind.PrivateAddress
            : host == HostNames.HostClass.Internal ? LeakKind.InternalHost
            : null;
        if (kind is not null)
        {
            var shown = text.Substring(schemeStart, authorityStart - schemeStart) + text.Substring(hostStart, portEnd - hostStart);
            scan.Add(kind, schemeStart, end, text.Substring(valueStart, valueEnd - valueStart), shown);
        }

        if (at > authorityStart)
        {
            var colon = text.IndexOf(':', authorityStart, at - authorityStart);
            if (colon > authorityStart && !Credentials.IsPlaceholder(text, colon + 1, at))
            {
                var user = text.Substring(authorityStart, colon - authorityStart);
                var scheme = text.Substring(schemeStart, authorityStart - schemeStart);
                scan.Add(LeakKind.Credential, schemeStart, end, scheme + user + ":***@" + text.Substring(hostStart, portEnd - hostStart));
            }
        }
    }

    private static bool IsSchemeChar(char c) => LeakText.IsLetterOrDigit(c) || c == '+' || c == '-' || c == '.';

    private static bool IsTrailingPunctuation(char c) => c == '.' || c == ',' || c == ';' || c == ':' || c == ')' || c == '!' || c == '?';
}
