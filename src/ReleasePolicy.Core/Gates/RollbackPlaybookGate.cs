using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;

namespace ReleasePolicy.Gates;

/// <summary>The manifest's <c>rollback</c> section: the playbook, relative to the project, and its SHA-256.</summary>
public sealed class RollbackRecord
{
    public RollbackRecord(string path, string sha256)
    {
        Path = path;
        Sha256 = sha256;
    }

    public string Path { get; }

    public string Sha256 { get; }
}

/// <summary>
/// RP5003: a release needs a rollback playbook (<see cref="RollbackPlaybookLookup"/>) with every required section as a
/// Markdown heading (matched ignoring case; a heading that contains the section's words counts, so
/// "## Rollback steps" is the "Steps" section). One finding names every missing section.
/// </summary>
public static class RollbackPlaybookGate
{
    public static readonly IReadOnlyList<string> DefaultSections = new[] { "Trigger criteria", "Steps", "Data recovery", "Verification", "Owner" };

    private static readonly Regex Heading = new(@"^\s{0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex Spaces = new(@"\s+", RegexOptions.CultureInvariant);

    public static GateResult Check(
        IReadOnlyList<string> declared,
        string projectDirectory,
        IReadOnlyList<string> requiredSections,
        string? projectFile,
        ICollection<PolicyFinding> findings,
        out RollbackRecord? record)
    {
        record = null;
        var sections = requiredSections.Count > 0 ? requiredSections : DefaultSections;
        var playbook = RollbackPlaybookLookup.Find(declared, projectDirectory);
        if (playbook is null)
        {
            var where = declared.Count > 0
                ? "the RollbackPlaybook " + string.Join(" or ", declared.Select(p => $"'{p}'")) + " does not exist"
                : $"no RollbackPlaybook item is declared and there is no {RollbackPlaybookLookup.ConventionalName} beside the project or at the repository root";
            var message = $"The release has no rollback playbook: {where}. Write one with the sections {string.Join(", ", sections)} " +
                $"(as headings) in {RollbackPlaybookLookup.ConventionalName} beside the project, or declare it: <RollbackPlaybook Include=\"docs/rollback.md\" />.";
            findings.Add(new PolicyFinding(RuleIds.RollbackPlaybookIncomplete, FindingKind.Policy, message, projectFile));
            return new GateResult(RuleIds.RollbackPlaybookIncomplete, GateStatus.Fail, message, declared.ToList());
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(RegularFile.ReadAllBytes(playbook));
        }
        catch (DecoderFallbackException ex)
        {
            var message = $"The rollback playbook '{playbook}' is not UTF-8 text (invalid bytes at offset {ex.Index}). Save it as UTF-8 Markdown.";
            findings.Add(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, message, playbook));
            return new GateResult(RuleIds.RollbackPlaybookIncomplete, GateStatus.Fail, message, new[] { playbook });
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            var message = $"The rollback playbook '{playbook}' cannot be read: {RegularFile.Explain(ex)}";
            findings.Add(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, message, playbook));
            return new GateResult(RuleIds.RollbackPlaybookIncomplete, GateStatus.Fail, message, new[] { playbook });
        }

        var relative = ProjectRelative(playbook, projectDirectory);
        record = new RollbackRecord(relative, Sha256Digest.OfFile(playbook));
        var headings = text.Replace("\r\n", "\n").Split('\n')
            .Select(line => Heading.Match(line))
            .Where(m => m.Success)
            .Select(m => Normalize(m.Groups["text"].Value))
            .ToList();
        var missing = sections.Where(section => !headings.Any(h => h.Contains(Normalize(section)))).ToList();
        if (missing.Count == 0)
        {
            return new GateResult(
                RuleIds.RollbackPlaybookIncomplete,
                GateStatus.Pass,
                $"Rollback playbook '{relative}' has every required section ({string.Join(", ", sections)}).",
                new[] { relative });
        }

        var failure = $"The rollback playbook '{relative}' lacks the required section{(missing.Count == 1 ? string.Empty : "s")} " +
            string.Join(", ", missing.Select(s => $"'{s}'")) +
            ". Add each as a heading (for example '## " + missing[0] + "'), or change the required sections with ReleasePlaybookSection items.";
        findings.Add(new PolicyFinding(RuleIds.RollbackPlaybookIncomplete, FindingKind.Policy, failure, playbook, line: 1));
        return new GateResult(RuleIds.RollbackPlaybookIncomplete, GateStatus.Fail, failure, new[] { relative });
    }

    internal static string ProjectRelative(string path, string projectDirectory)
    {
        var from = Path.GetFullPath(projectDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var relative = Uri.UnescapeDataString(new Uri(from).MakeRelativeUri(new Uri(Path.GetFullPath(path))).ToString());
        return relative.Replace('\\', '/');
    }

    private static string Normalize(string text) => Spaces.Replace(text.Trim().TrimEnd(':', '.').ToLowerInvariant(), " ");
}
