using System;
using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Tasks;

/// <summary>
/// Base of every ReleasePolicy task: turns engine findings into MSBuild diagnostics with a rule ID, file, line and
/// help link, applies ReleasePolicyMode, and guarantees no exception escapes as MSB4018 (it becomes RP9003 instead).
/// </summary>
public abstract class ReleasePolicyTask : Task
{
    /// <summary><c>Enforce</c> (policy findings are errors) or <c>Audit</c> (warnings). Set from $(ReleasePolicyMode).</summary>
    public string Mode { get; set; } = "Audit";

    /// <summary>The project being checked, used as the location of findings that have no file of their own.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>What the task is doing, for the RP9003 message if something unexpected happens.</summary>
    protected abstract string Activity { get; }

    public sealed override bool Execute()
    {
        try
        {
            if (!TryParseMode(out var enforce) && !ReportsEveryInvalidSetting)
            {
                return false;
            }

            Enforce = enforce;
            ExecuteCore();
        }
        catch (IO.OutputNotWrittenException ex)
        {
            // Expected enough to say what to do: a read-only obj folder, a folder where the file goes, a full disk.
            Report(new PolicyFinding(
                RuleIds.InternalFailure,
                FindingKind.InputError,
                $"ReleasePolicy could not write '{ex.Path}' while {Activity}: {ex.Message} Nothing was written there (the old content, if any, is unchanged). " +
                "Make sure the folder is writable and nothing else is in the way (a folder of that name, another process holding the file), then build again.",
                ex.Path));
        }
        catch (Exception ex)
        {
            Report(new PolicyFinding(
                RuleIds.InternalFailure,
                FindingKind.InputError,
                $"ReleasePolicy failed unexpectedly while {Activity}: {ex.GetType().Name}: {ex.Message} " +
                "Please report it with this message and the build log (-bl) at https://github.com/releasepolicy/releasepolicy/issues.",
                ProjectFile));
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// How many warnings or errors this run reported. The targets keep a task's stamp file out of date while this is
    /// non-zero, so findings are shown again on the next build instead of hiding behind an up-to-date check.
    /// </summary>
    [Output]
    public int ReportedFindingCount { get; set; }

    /// <summary>
    /// True for the settings check, which goes on after an invalid mode so that one build reports every invalid value;
    /// every other task stops there (it cannot know how to report its findings).
    /// </summary>
    protected virtual bool ReportsEveryInvalidSetting => false;

    /// <summary>True when policy findings fail the build.</summary>
    protected bool Enforce { get; private set; }

    /// <summary>
    /// Where this run's findings are kept, as logged, so that a later build whose inputs are unchanged shows them
    /// again with <see cref="ReplayReleasePolicyFindings"/> instead of running the check; optional. See
    /// <see cref="KeepFindingsForReplay"/>.
    /// </summary>
    public string? ReplayFile { get; set; }

    private List<LoggedFinding>? logged;
    private bool reportedInputError;

    protected abstract void ExecuteCore();

    /// <summary>
    /// True when this run need not be repeated until an input changes: it reported nothing, or (with a
    /// <see cref="ReplayFile"/>) it reported only policy findings, warnings and information, which are now kept in
    /// that file. An input error (an unreadable file, a bad setting) is never kept: the check runs again on the next
    /// build, and the replay file is deleted.
    /// </summary>
    protected bool KeepFindingsForReplay()
    {
        if (string.IsNullOrEmpty(ReplayFile))
        {
            return ReportedFindingCount == 0 && !Log.HasLoggedErrors;
        }

        if (reportedInputError)
        {
            IO.StampFile.Delete(ReplayFile!);
            return false;
        }

        IO.AtomicFile.WriteIfChanged(ReplayFile!, FindingReplay.Write(logged ?? new List<LoggedFinding>()));
        return true;
    }

    /// <summary>Logs a finding exactly as a check logged it (<see cref="ReplayReleasePolicyFindings"/>).</summary>
    private protected void LogFinding(LoggedFinding finding)
    {
        var helpLink = RuleHelpLink.For(finding.Code);
        switch (finding.Level)
        {
            case 'I':
                Log.LogMessage(
                    subcategory: null, code: finding.Code, helpKeyword: null, file: finding.File,
                    lineNumber: finding.Line, columnNumber: finding.Column, endLineNumber: 0, endColumnNumber: 0,
                    MessageImportance.High, finding.Message);
                break;
            case 'W':
                Log.LogWarning(
                    subcategory: null, warningCode: finding.Code, helpKeyword: null, helpLink: helpLink, file: finding.File,
                    lineNumber: finding.Line, columnNumber: finding.Column, endLineNumber: 0, endColumnNumber: 0,
                    finding.Message);
                break;
            default:
                Log.LogError(
                    subcategory: null, errorCode: finding.Code, helpKeyword: null, helpLink: helpLink, file: finding.File,
                    lineNumber: finding.Line, columnNumber: finding.Column, endLineNumber: 0, endColumnNumber: 0,
                    finding.Message);
                break;
        }
    }

    protected void Report(IEnumerable<PolicyFinding> findings)
    {
        foreach (var finding in findings)
        {
            Report(finding);
        }
    }

    protected void Report(PolicyFinding finding)
    {
        finding = WithVisibleText(finding);
        var file = finding.File ?? ProjectFile;
        if (finding.Kind != FindingKind.Information)
        {
            ReportedFindingCount++;
        }

        var level = finding.Kind switch
        {
            FindingKind.Information => 'I',
            FindingKind.Policy when !Enforce => 'W',
            FindingKind.Warning => 'W',
            _ => 'E',
        };
        reportedInputError |= finding.Kind == FindingKind.InputError;
        var entry = new LoggedFinding(level, finding.RuleId, file, finding.Line, finding.Column, finding.Message);
        (logged ??= new List<LoggedFinding>()).Add(entry);
        LogFinding(entry);
    }

    /// <summary>
    /// A value quoted in a message may hold a NUL or a bidi override (a property set from a pasted string, a file
    /// name): shown raw, it truncates or visually reorders the build log. Such characters are shown as \uXXXX.
    /// </summary>
    private static PolicyFinding WithVisibleText(PolicyFinding finding)
    {
        var message = finding.Message;
        var i = 0;
        while (i < message.Length && !Invisible(message[i]))
        {
            i++;
        }

        if (i == message.Length)
        {
            return finding;
        }

        var visible = new System.Text.StringBuilder(message.Length + 16).Append(message, 0, i);
        for (; i < message.Length; i++)
        {
            var c = message[i];
            if (Invisible(c))
            {
                visible.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                visible.Append(c);
            }
        }

        return new PolicyFinding(finding.RuleId, finding.Kind, visible.ToString(), finding.File, finding.Line, finding.Column);
    }

    private static bool Invisible(char c) =>
        (c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\u007F'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    private bool TryParseMode(out bool enforce)
    {
        enforce = string.Equals(Mode, "Enforce", StringComparison.OrdinalIgnoreCase);
        if (enforce || string.Equals(Mode, "Audit", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Report(new PolicyFinding(
            RuleIds.InvalidPolicyValue,
            FindingKind.InputError,
            $"ReleasePolicyMode is '{Mode}'. Allowed values: Enforce, Audit.",
            ProjectFile));
        return false;
    }
}
