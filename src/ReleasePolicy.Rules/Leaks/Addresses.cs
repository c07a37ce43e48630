namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// Private, loopback, link-local, CGNAT and unique-local addresses in running text, with their port
/// (<c>10.2.3.4:5432</c>, <c>[fd00::1]:443</c>). A dotted quad after "version" or "v" is a version number.
/// </summary>
static class Addresses
{
    public static void Find(LeakScan scan)
    {
        FindV6(scan);
        FindV4(scan);
    }

    /// <summary>Just past a <c>:port</c> at <paramref name="index"/>, or <paramref name="index"/> when there is none.</summary>
    public static int PortEnd(string text, int index)
    {
        if (LeakText.At(text, index) != ':' || !LeakText.IsDigit(LeakText.At(text, index + 1)))
        {
            return index;
        }

        var end = index + 1;
        while (end < text.Length && LeakText.IsDigit(text[end]) && end - index <= 5)
        {
            end++;
        }

        return end;
    }

    private static void FindV4(LeakScan scan)
    {
        var text = scan.Text;
        var i = 0;
        while (i < text.Length && (i = text.IndexOf('.', i)) >= 0)
        {
            var start = i;
            while (start > 0 && i - start < 3 && LeakText.IsDigit(text[start - 1]))
            {
                start--;
            }

            if (start == i || scan.IsClaimed(start))
            {
                i++;
                continue;
            }

            var before = LeakText.At(text, start - 1);
            if (LeakText.IsWordChar(before) || before == '.' || before == '-' || !IpAddresses.TryParseV4(text, start, out var end, out var address))
            {
                i++;
                continue;
            }

            var after = LeakText.At(text, end);
            var kind = IpAddresses.ClassifyV4(address);
            if (!LeakText.IsWordChar(after) && after != '-' && !(after == '.' && LeakText.IsLetterOrDigit(LeakText.At(text, end + 1)))
                && kind != IpAddresses.AddressClass.None && !FollowsVersionWord(text, start))
            {
                var shownEnd = PortEnd(text, end);
                scan.Add(LeakKind.PrivateAddress, start, shownEnd, text.Substring(start, end - start), text.Substring(start, shownEnd - start));
            }

            i = end;
        }
    }

    private static void FindV6(LeakScan scan)
    {
        var text = scan.Text;
        var groups = scan.Groups;
        var i = 0;
        while (i < text.Length && (i = text.IndexOf(':', i)) >= 0)
        {
            var claimEnd = scan.ClaimEnd(i);
            if (claimEnd > i)
            {
                i = claimEnd;
                continue;
            }

            var start = i;
            while (start > 0 && (LeakText.IsHex(text[start - 1]) || text[start - 1] == ':'))
            {
                start--;
            }

            var end = i;
            var colons = 0;
            var hasGap = false;
            while (end < text.Length && (LeakText.IsHex(text[end]) || text[end] == ':' || text[end] == '.'))
            {
                end++;
            }

            var next = end > i ? end : i + 1;
            while (end > start && text[end - 1] == '.')
            {
                end--;
            }

            // "fe80::1:" at the end of a sentence: a single trailing colon is punctuation.
            if (end - start > 2 && text[end - 1] == ':' && text[end - 2] != ':')
            {
                end--;
            }

            for (var k = start; k < end; k++)
            {
                if (text[k] == ':')
                {
                    colons++;
                    hasGap |= k + 1 < end && text[k + 1] == ':';
                }
            }

            var before = LeakText.At(text, start - 1);
            var after = LeakText.At(text, end);
            if ((hasGap || colons == 7) && colons >= 2 && !LeakText.IsWordChar(before) && !LeakText.IsWordChar(after)
                && before != '.' && !scan.IsClaimed(start))
            {
                if (IpAddresses.TryParseV6(text, start, end, groups) && IpAddresses.ClassifyV6(groups) != IpAddresses.AddressClass.None)
                {
                    var shownStart = start;
                    var shownEnd = end;
                    if (after == '%')
                    {
                        // A zone (fe80::1%eth0) belongs to the address as written.
                        shownEnd++;
                        while (shownEnd < text.Length && LeakText.IsWordChar(text[shownEnd]))
                        {
                            shownEnd++;
                        }
                    }

                    if (before == '[' && LeakText.At(text, shownEnd) == ']')
                    {
                        shownStart--;
                        shownEnd = PortEnd(text, shownEnd + 1);
                    }

                    scan.Add(LeakKind.PrivateAddress, shownStart, shownEnd, text.Substring(start, end - start), text.Substring(shownStart, shownEnd - shownStart));
                    next = shownEnd > next ? shownEnd : next;
                }
            }

            i = next;
        }
    }

    /// <summary>True after "version", "ver", "build" or "v" (<c>Version 10.0.0.1</c>, <c>Version=10.0.0.0</c>, <c>v10.0.0.1</c>).</summary>
    private static bool FollowsVersionWord(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && start - i <= 3 && (text[i] == ' ' || text[i] == '=' || text[i] == ':'))
        {
            i--;
        }

        var wordEnd = i + 1;
        while (i >= 0 && LeakText.IsLetter(text[i]))
        {
            i--;
        }

        var length = wordEnd - (i + 1);
        return (length == 7 && LeakText.StartsWithIgnoreCase(text, i + 1, "version"))
            || (length == 3 && LeakText.StartsWithIgnoreCase(text, i + 1, "ver"))
            || (length == 5 && LeakText.StartsWithIgnoreCase(text, i + 1, "build"))
            || (length == 1 && (text[i + 1] == 'v' || text[i + 1] == 'V'));
    }
}
