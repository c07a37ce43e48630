using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;
using ReleasePolicy.Rules.Leaks;

namespace ReleasePolicy.Leaks;

/// <summary>
/// RP3010: release notes and shipped configuration files read line by line with the analyzers' own
/// <see cref="InternalIdentifierDetector"/>; each finding names the file, line and column, the category (host, IP,
/// credential, ticket, debug path) and the identifier, redacted.
/// </summary>
/// <remarks>
/// Streamed: memory is bounded by <see cref="MaxLineLength"/> whatever the file's size, a longer line is read in
/// pieces of that length (an identifier across a piece boundary can be missed; a line that long is not prose). A file
/// with NUL characters is not text and is RP9002. Invalid UTF-8 is read with replacement characters, which no finding
/// contains. At most <see cref="MaxFindingsPerFile"/> findings are listed per file, then one line says how many more.
/// </remarks>
public static class ReleaseTextCheck
{
    public const int MaxLineLength = 64 * 1024;
    public const int MaxFindingsPerFile = 50;

    public static IReadOnlyList<PolicyFinding> CheckFile(ReleaseTextSource source, LeakSettings settings)
    {
        var findings = new List<PolicyFinding>();
        var more = 0;
        try
        {
            using var stream = RegularFile.OpenRead(source.FullPath, 64 * 1024, FileOptions.SequentialScan);
            using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 64 * 1024);
            var line = new StringBuilder();
            var lineNumber = 1;
            var column = 1;
            var buffer = new char[16 * 1024];
            int read;
            var previous = '\0';
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var c = buffer[i];
                    if (c == '\0')
                    {
                        return new[] { NotText(source) };
                    }

                    if (c == '\n' || c == '\r')
                    {
                        if (!(c == '\n' && previous == '\r'))
                        {
                            more += Scan(source, line, lineNumber, column, settings, findings);
                            line.Clear();
                            column = 1;
                            lineNumber++;
                        }
                    }
                    else
                    {
                        line.Append(c);
                        if (line.Length == MaxLineLength)
                        {
                            more += Scan(source, line, lineNumber, column, settings, findings);
                            column += line.Length;
                            line.Clear();
                        }
                    }

                    previous = c;
                }
            }

            more += Scan(source, line, lineNumber, column, settings, findings);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return new[]
            {
                new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, $"{source.Describe()} cannot be read: {RegularFile.Explain(ex)}", source.FullPath),
            };
        }

        if (more > 0)
        {
            findings.Add(new PolicyFinding(
                RuleIds.InternalIdentifierInReleaseNotes,
                FindingKind.Policy,
                $"{source.Describe()} contains {more} more internal identifiers than the {MaxFindingsPerFile} listed; fix those first and build again.",
                source.FullPath));
        }

        return findings;
    }

    /// <summary>The <c>PackageReleaseNotes</c> property, reported on the project file.</summary>
    public static IReadOnlyList<PolicyFinding> CheckPackageReleaseNotes(string? text, string? projectFile, LeakSettings settings)
    {
        var findings = new List<PolicyFinding>();
        foreach (var finding in InternalIdentifierDetector.Find(text, settings))
        {
            findings.Add(new PolicyFinding(RuleIds.InternalIdentifierInReleaseNotes, FindingKind.Policy, Message("PackageReleaseNotes", finding), projectFile));
        }

        return findings;
    }

    public static string Message(string where, LeakFinding finding) =>
        $"{where} contains an internal identifier ({finding.Kind.Category}): {finding.Kind.Name} '{finding.Display}'. " +
        "Users read this text: remove it before release, or allow-list the exact value with a ReleaseLeakAllowList item.";

    // Returns how many findings were left out because the file already has MaxFindingsPerFile.
    private static int Scan(ReleaseTextSource source, StringBuilder line, int lineNumber, int column, LeakSettings settings, List<PolicyFinding> findings)
    {
        if (line.Length == 0)
        {
            return 0;
        }

        var text = line.ToString();
        var skipped = 0;
        foreach (var finding in InternalIdentifierDetector.Find(text, settings))
        {
            if (findings.Count >= MaxFindingsPerFile)
            {
                skipped++;
                continue;
            }

            findings.Add(new PolicyFinding(
                RuleIds.InternalIdentifierInReleaseNotes,
                FindingKind.Policy,
                Message(source.Describe(), finding),
                source.FullPath,
                lineNumber,
                column + finding.Start));
        }

        return skipped;
    }

    private static PolicyFinding NotText(ReleaseTextSource source) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"{source.Describe()} is not a text file (it contains NUL characters), so it cannot be checked for internal identifiers. List only text files as ReleaseNotes.",
        source.FullPath);
}
