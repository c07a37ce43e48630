using System;

namespace ReleasePolicy.Rules.Leaks;

/// <summary>
/// Secrets: a password or secret in an ADO.NET, JDBC or query-string key/value list (<c>Password=***</c>), and tokens
/// with a well-known prefix (GitHub, GitLab, Slack, Stripe, npm, AWS, Google, PEM private keys). A short list on
/// purpose: this is not a secret scanner, it catches what is unmistakable. Placeholders (<c>{password}</c>,
/// <c>$(Password)</c>, <c>***</c>) are not secrets.
/// </summary>
static class Credentials
{
    private static readonly string[] SecretKeys =
    {
        "password", "pwd", "passwd", "secret", "clientsecret", "client_secret", "accountkey", "sharedaccesskey",
        "apikey", "api_key", "access_token",
    };

    private static readonly string[] PlaceholderWords = { "password", "pwd", "secret", "pass", "yourpassword", "your_password", "redacted" };

    private static readonly TokenPrefix[] Prefixes =
    {
        new("ghp_", 30), new("gho_", 30), new("ghu_", 30), new("ghs_", 30), new("ghr_", 30), new("github_pat_", 30),
        new("glpat-", 20), new("xoxb-", 10), new("xoxp-", 10), new("xoxa-", 10), new("sk_live_", 16), new("rk_live_", 16),
        new("npm_", 30), new("AIza", 35), new("AKIA", 16),
    };

    /// <summary>Tokens recognised by their prefix; the display keeps the prefix only (<c>ghp_***</c>).</summary>
    public static void FindTokens(LeakScan scan)
    {
        var text = scan.Text;
        foreach (var prefix in Prefixes)
        {
            var i = 0;
            while (i < text.Length && (i = text.IndexOf(prefix.Text, i, StringComparison.Ordinal)) >= 0)
            {
                var end = i + prefix.Text.Length;
                var aws = prefix.Text == "AKIA";
                while (end < text.Length && (aws ? LeakText.IsUpper(text[end]) || LeakText.IsDigit(text[end]) : LeakText.IsWordChar(text[end]) || text[end] == '-'))
                {
                    end++;
                }

                var tail = end - i - prefix.Text.Length;
                var fits = aws ? tail == prefix.MinimumTail : tail >= prefix.MinimumTail;
                if (fits && !LeakText.IsWordChar(LeakText.At(text, i - 1)) && !LeakText.IsWordChar(LeakText.At(text, end))
                    && text.IndexOf("EXAMPLE", i, end - i, StringComparison.Ordinal) < 0)
                {
                    scan.Add(LeakKind.Credential, i, end, prefix.Text + "***");
                }

                i = end;
            }
        }

        var key = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
        if (key >= 0)
        {
            var header = text.IndexOf("PRIVATE KEY-----", key, StringComparison.Ordinal);
            if (header > key && header - key < 40)
            {
                scan.Add(LeakKind.Credential, key, header + "PRIVATE KEY-----".Length, "-----BEGIN PRIVATE KEY-----***");
            }
        }
    }

    /// <summary>
    /// <c>key=value</c> pairs whose key names a secret, in a list separated by <c>;</c> or <c>&amp;</c>: an ADO.NET
    /// connection string, a JDBC URL's properties, a query string. A lone <c>password=x</c> in prose is not a list.
    /// </summary>
    public static void FindKeyValueSecrets(LeakScan scan)
    {
        var text = scan.Text;
        var i = 0;
        while (i < text.Length && (i = text.IndexOf('=', i)) >= 0)
        {
            var keyEnd = i;
            while (keyEnd > 0 && text[keyEnd - 1] == ' ')
            {
                keyEnd--;
            }

            var keyStart = keyEnd;
            while (keyStart > 0 && (LeakText.IsLetter(text[keyStart - 1]) || text[keyStart - 1] == '_'))
            {
                keyStart--;
            }

            // "Client Secret" / "User Password": one space inside the key.
            if (keyStart > 1 && text[keyStart - 1] == ' ' && LeakText.IsLetter(text[keyStart - 2]) && IsSecretKey(text, keyStart, keyEnd))
            {
                var wordStart = keyStart - 1;
                while (wordStart > 0 && LeakText.IsLetter(text[wordStart - 1]))
                {
                    wordStart--;
                }

                keyStart = wordStart;
            }

            if (keyEnd == keyStart || !IsSecretKey(text, LastWordStart(text, keyStart, keyEnd), keyEnd) || scan.IsClaimed(keyStart))
            {
                i++;
                continue;
            }

            var separatorIndex = keyStart - 1;
            while (separatorIndex >= 0 && text[separatorIndex] == ' ')
            {
                separatorIndex--;
            }

            var separator = separatorIndex < 0 ? '\0' : text[separatorIndex];
            if (!(separator == '\0' || separator == ';' || separator == '&' || separator == '?' || separator == '"' || separator == '\'' || char.IsWhiteSpace(separator)))
            {
                i++;
                continue;
            }

            var valueStart = i + 1;
            while (valueStart < text.Length && text[valueStart] == ' ')
            {
                valueStart++;
            }

            int valueEnd;
            var quote = LeakText.At(text, valueStart);
            if ((quote == '\'' || quote == '"') && text.IndexOf(quote, valueStart + 1) is var close and > 0)
            {
                valueEnd = close + 1;
            }
            else
            {
                valueEnd = valueStart;
                while (valueEnd < text.Length && text[valueEnd] != ';' && text[valueEnd] != '&' && !LeakText.IsTerminator(text[valueEnd]))
                {
                    valueEnd++;
                }
            }

            var terminator = LeakText.At(text, valueEnd);
            var inList = separator == ';' || separator == '&' || separator == '?' || terminator == ';' || terminator == '&';
            if (inList && !IsPlaceholder(text, valueStart, valueEnd))
            {
                var key = text.Substring(keyStart, keyEnd - keyStart);
                scan.Add(LeakKind.Credential, keyStart, valueEnd, key + "=***");
            }

            i = valueEnd > i ? valueEnd : i + 1;
        }
    }

    /// <summary>
    /// True for an empty value or one that stands for a secret rather than being one: <c>***</c>, <c>xxxx</c>,
    /// <c>{password}</c>, <c>&lt;password&gt;</c>, <c>$(Password)</c>, <c>${PASSWORD}</c>, <c>%PASSWORD%</c>,
    /// <c>#{Password}#</c>, the word "password".
    /// </summary>
    public static bool IsPlaceholder(string text, int start, int end)
    {
        if (end > start && (text[start] == '\'' || text[start] == '"'))
        {
            start++;
            end = end - 1 > start && text[end - 1] == text[start - 1] ? end - 1 : end;
        }

        if (end <= start)
        {
            return true;
        }

        var first = text[start];
        if (first == '{' || first == '<' || first == '[' || first == '%' || first == '$' || first == '#' || first == '@')
        {
            return true;
        }

        var masked = true;
        for (var i = start; i < end && masked; i++)
        {
            masked = text[i] == '*' || text[i] == 'x' || text[i] == 'X' || text[i] == '.';
        }

        if (masked)
        {
            return true;
        }

        foreach (var word in PlaceholderWords)
        {
            if (end - start == word.Length && LeakText.StartsWithIgnoreCase(text, start, word))
            {
                return true;
            }
        }

        return false;
    }

    private static int LastWordStart(string text, int start, int end)
    {
        var space = text.LastIndexOf(' ', end - 1, end - start);
        return space < 0 ? start : space + 1;
    }

    private static bool IsSecretKey(string text, int start, int end)
    {
        foreach (var key in SecretKeys)
        {
            if (end - start == key.Length && LeakText.StartsWithIgnoreCase(text, start, key))
            {
                return true;
            }
        }

        return false;
    }

    private readonly struct TokenPrefix
    {
        public TokenPrefix(string text, int minimumTail)
        {
            Text = text;
            MinimumTail = minimumTail;
        }

        public string Text { get; }

        public int MinimumTail { get; }
    }
}
