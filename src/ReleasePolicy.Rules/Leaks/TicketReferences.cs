namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// Ticket references (<c>OPS-4211</c>). With the organisation's project keys (<c>ReleaseTicketKeys</c>) only those
/// keys count. Without them, a careful fallback: two to ten capital letters, a hyphen and a number, standing alone,
/// that is not a standard, an algorithm, an encoding, a protocol or a vulnerability ID (<c>CVE-2024-1234</c>,
/// <c>GHSA-…</c>, <c>UTF-8</c>, <c>SHA-256</c>, <c>ISO-8601</c>, <c>RFC-9110</c>, <c>TLS-1</c>, <c>HTTP-2</c>), a
/// version (<c>ABC-1.2</c>), a year (<c>FY-2024</c>) or part of a longer hyphenated name or date.
/// </summary>
static class TicketReferences
{
    private static readonly string[] NotTickets =
    {
        "CVE", "GHSA", "CWE", "CAPEC", "OSV", "PYSEC", "RUSTSEC", "GO", "UTF", "UCS", "SHA", "MD", "ISO", "IEC", "IEEE", "RFC",
        "BCP", "STD", "TLS", "SSL", "DTLS", "HTTP", "HTTPS", "SSH", "TCP", "UDP", "IP", "IPV", "AES", "DES", "RSA", "ECDSA",
        "ECDH", "HMAC", "PBKDF", "CRC", "UTC", "GMT", "ASCII", "ANSI", "ECMA", "ES", "EN", "DIN", "BS", "PCI", "SOC", "NIST",
        "FIPS", "OWASP", "ASVS", "COVID", "SARS", "MP", "AV", "JSR", "PEP", "KB", "MS", "NU", "CS", "CA", "IDE", "SA", "RP",
        "NETSDK", "MSB", "AD", "IL", "WCAG", "DDR", "USB", "PCIE", "LTE", "GPT", "OAUTH", "JWT", "WS", "ARM", "AMD", "FAT",
        "NTFS", "EXT", "BSD", "GPL", "LGPL", "AGPL", "MPL", "CC", "SSE", "AVX", "TPM", "HDMI", "ISBN", "ISSN", "DOI", "BASE",
        "WIN", "NET", "TOP", "PAGE", "STEP", "PHASE", "PART", "LEVEL", "SEV", "TIER", "GEN", "SIZE", "API", "V", "OS",
        "SQL", "PG", "ID", "NO", "NR", "REV", "VER", "VERSION",
    };

    public static void Find(LeakScan scan)
    {
        var text = scan.Text;
        var settings = scan.Settings;
        var i = 1;
        while (i < text.Length && (i = text.IndexOf('-', i)) >= 0)
        {
            var keyStart = i;
            while (keyStart > 0 && (LeakText.IsUpper(text[keyStart - 1]) || (settings.HasTicketKeys && (LeakText.IsDigit(text[keyStart - 1]) || text[keyStart - 1] == '_'))))
            {
                keyStart--;
            }

            var end = i + 1;
            while (end < text.Length && LeakText.IsDigit(text[end]))
            {
                end++;
            }

            var digits = end - i - 1;
            var keyLength = i - keyStart;
            if (digits == 0 || keyLength == 0 || !StandsAlone(text, keyStart, end) || scan.IsClaimed(keyStart))
            {
                i = end > i + 1 ? end : i + 1;
                continue;
            }

            var isTicket = settings.HasTicketKeys
                ? settings.IsTicketKey(text, keyStart, keyLength)
                : IsFallbackTicket(text, keyStart, keyLength, i + 1, digits);
            if (isTicket)
            {
                var value = text.Substring(keyStart, end - keyStart);
                scan.Add(LeakKind.TicketReference, keyStart, end, value);
            }

            i = end;
        }
    }

    private static bool StandsAlone(string text, int start, int end)
    {
        var before = LeakText.At(text, start - 1);
        var after = LeakText.At(text, end);
        if (LeakText.IsWordChar(before) || before == '-' || before == '.' || before == '/' || before == '\\' || before == '@' || before == '_')
        {
            return false;
        }

        // A version (ABC-1.2), a date (ABC-2024-01) or a longer name (ABC-12-beta) is not a ticket.
        return !(LeakText.IsWordChar(after) || after == '-' || after == '_' || (after == '.' && LeakText.IsDigit(LeakText.At(text, end + 1))));
    }

    private static bool IsFallbackTicket(string text, int keyStart, int keyLength, int numberStart, int digits)
    {
        if (keyLength < 2 || keyLength > 10 || digits > 6 || text[numberStart] == '0')
        {
            return false;
        }

        for (var k = keyStart; k < keyStart + keyLength; k++)
        {
            if (!LeakText.IsUpper(text[k]))
            {
                return false;
            }
        }

        // A year is a date or an edition (ES-2015, FY-2024), not a ticket number.
        if (digits == 4 && (LeakText.StartsWith(text, numberStart, "19") || LeakText.StartsWith(text, numberStart, "20")))
        {
            return false;
        }

        foreach (var prefix in NotTickets)
        {
            if (prefix.Length == keyLength && string.CompareOrdinal(text, keyStart, prefix, 0, keyLength) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
