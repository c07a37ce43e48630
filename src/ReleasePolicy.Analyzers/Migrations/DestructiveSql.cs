using System.Text.RegularExpressions;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>Spots raw SQL that destroys data: DROP, TRUNCATE, and DELETE without WHERE.</summary>
internal static class DestructiveSql
{
    private static readonly Regex CommentsAndStrings = new(
        @"--[^\r\n]*|/\*.*?\*/|'(?:[^']|'')*'",
        RegexOptions.Singleline | RegexOptions.CultureInvariant,
        System.TimeSpan.FromSeconds(1));

    private static readonly Regex Drop = new(@"\bDROP\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
    private static readonly Regex Truncate = new(@"\bTRUNCATE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
    private static readonly Regex Delete = new(@"\bDELETE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
    private static readonly Regex Where = new(@"\bWHERE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
    private static readonly Regex StatementSeparator = new(@";|^\s*GO\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    /// <summary>Returns what makes the SQL destructive ("DROP", "TRUNCATE", "DELETE without WHERE"), or null.</summary>
    public static string? Find(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return null;
        }

        try
        {
            var code = CommentsAndStrings.Replace(sql, " ");
            if (Drop.IsMatch(code))
            {
                return "DROP";
            }

            if (Truncate.IsMatch(code))
            {
                return "TRUNCATE";
            }

            foreach (var statement in StatementSeparator.Split(code))
            {
                if (Delete.IsMatch(statement) && !Where.IsMatch(statement))
                {
                    return "DELETE without WHERE";
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological SQL text: say nothing rather than stall the build.
        }

        return null;
    }
}
