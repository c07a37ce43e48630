namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// IPv4 and IPv6 addresses, parsed rather than pattern-matched, and what they are: private (RFC 1918), loopback,
/// link-local, CGNAT (RFC 6598) or unique-local (RFC 4193). Public and documentation addresses (RFC 5737, RFC 3849)
/// are <see cref="AddressClass.None"/>: they say nothing about the organisation's network.
/// </summary>
static class IpAddresses
{
    public enum AddressClass
    {
        None,
        Private,
        Loopback,
    }

    /// <summary>
    /// Parses a dotted-quad IPv4 address at <paramref name="start"/>; <paramref name="end"/> is just past it.
    /// Four decimal octets of one to three digits, each at most 255.
    /// </summary>
    public static bool TryParseV4(string text, int start, out int end, out uint address)
    {
        address = 0;
        end = start;
        var i = start;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (LeakText.At(text, i) != '.')
                {
                    return false;
                }

                i++;
            }

            var digits = 0;
            var octet = 0;
            while (i < text.Length && LeakText.IsDigit(text[i]) && digits < 4)
            {
                octet = (octet * 10) + (text[i] - '0');
                digits++;
                i++;
            }

            if (digits == 0 || digits > 3 || octet > 255)
            {
                return false;
            }

            address = (address << 8) | (uint)octet;
        }

        end = i;
        return true;
    }

    public static AddressClass ClassifyV4(uint a)
    {
        var first = a >> 24;
        var second = (a >> 16) & 0xFF;
        return first switch
        {
            10 => AddressClass.Private,
            127 => AddressClass.Loopback,
            172 when second >= 16 && second <= 31 => AddressClass.Private,
            192 when second == 168 => AddressClass.Private,
            169 when second == 254 => AddressClass.Private,
            100 when second >= 64 && second <= 127 => AddressClass.Private,
            _ => AddressClass.None,
        };
    }

    /// <summary>
    /// Parses an IPv6 address filling exactly <paramref name="start"/>..<paramref name="end"/>: eight groups, or fewer
    /// with one <c>::</c>, optionally ending in an embedded IPv4 address; a <c>%zone</c> is not part of it.
    /// </summary>
    public static bool TryParseV6(string text, int start, int end, ushort[] groups)
    {
        System.Array.Clear(groups, 0, 8);
        var count = 0;
        var gap = -1;
        var i = start;
        if (i + 1 < end && text[i] == ':' && text[i + 1] == ':')
        {
            gap = 0;
            i += 2;
            if (i == end)
            {
                return true;
            }
        }
        else if (LeakText.At(text, i) == ':')
        {
            return false;
        }

        while (i < end)
        {
            if (count == 8)
            {
                return false;
            }

            // An embedded IPv4 address takes the last two groups.
            var digitsEnd = i;
            while (digitsEnd < end && LeakText.IsHex(text[digitsEnd]))
            {
                digitsEnd++;
            }

            if (digitsEnd < end && text[digitsEnd] == '.')
            {
                if (count > 6 || !TryParseV4(text, i, out var v4End, out var v4) || v4End != end)
                {
                    return false;
                }

                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)v4;
                i = end;
                break;
            }

            var length = digitsEnd - i;
            if (length == 0 || length > 4)
            {
                return false;
            }

            var value = 0;
            for (var k = i; k < digitsEnd; k++)
            {
                value = (value << 4) | HexValue(text[k]);
            }

            groups[count++] = (ushort)value;
            i = digitsEnd;
            if (i == end)
            {
                break;
            }

            // text[i] is ':'
            i++;
            if (i < end && text[i] == ':')
            {
                if (gap >= 0)
                {
                    return false;
                }

                gap = count;
                i++;
                if (i == end)
                {
                    break;
                }
            }
            else if (i == end)
            {
                return false;
            }
        }

        if (gap < 0)
        {
            return count == 8;
        }

        if (count > 7)
        {
            return false;
        }

        // Move the groups after the gap to the end.
        var tail = count - gap;
        for (var k = 0; k < tail; k++)
        {
            groups[7 - k] = groups[count - 1 - k];
            groups[count - 1 - k] = 0;
        }

        for (var k = gap; k < 8 - tail; k++)
        {
            groups[k] = 0;
        }

        return true;
    }

    public static AddressClass ClassifyV6(ushort[] g)
    {
        var upperZero = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0;
        if (upperZero && g[5] == 0 && g[6] == 0 && g[7] == 1)
        {
            return AddressClass.Loopback;
        }

        if (upperZero && g[5] == 0xFFFF)
        {
            return ClassifyV4(((uint)g[6] << 16) | g[7]);
        }

        if ((g[0] & 0xFFC0) == 0xFE80 || (g[0] & 0xFE00) == 0xFC00)
        {
            return AddressClass.Private;
        }

        return AddressClass.None;
    }

    private static int HexValue(char c) => LeakText.IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}
