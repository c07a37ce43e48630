namespace ReleasePolicy.Rules.Leaks;

/// <summary>ASCII character classes the scanners share; identifiers that leak are ASCII, so nothing here is culture-aware.</summary>
static class LeakText
{
    public static bool IsLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

    public static bool IsLower(char c) => (uint)(c - 'a') <= 'z' - 'a';

    public static bool IsHex(char c) => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

    /// <summary>A character that continues a word: a letter or digit of any script, or <c>_</c>.</summary>
    public static bool IsWordChar(char c) => c < 128 ? IsLetterOrDigit(c) || c == '_' : char.IsLetterOrDigit(c);

    public static bool IsHostChar(char c) => IsLetterOrDigit(c) || c == '-' || c == '.';

    /// <summary>Where a URL, a path or a token ends in running text, a string literal or a config value.</summary>
    public static bool IsTerminator(char c) =>
        c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '|' || c == '\u00a0';

    public static bool StartsWithIgnoreCase(string text, int index, string value) =>
        index >= 0 && index + value.Length <= text.Length
        && string.Compare(text, index, value, 0, value.Length, System.StringComparison.OrdinalIgnoreCase) == 0;

    public static bool StartsWith(string text, int index, string value) =>
        index >= 0 && index + value.Length <= text.Length && string.CompareOrdinal(text, index, value, 0, value.Length) == 0;

    public static char At(string text, int index) => index >= 0 && index < text.Length ? text[index] : '\0';
}
