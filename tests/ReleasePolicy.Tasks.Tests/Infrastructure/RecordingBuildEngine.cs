using System.Collections;
using Microsoft.Build.Framework;

namespace ReleasePolicy.Tasks.Tests.Infrastructure;

/// <summary>What a task logged, as a user would see it in the build output.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
    Message,
}

/// <summary>One logged error, warning or message with its code and location.</summary>
public sealed record RecordedDiagnostic(
    DiagnosticSeverity Severity,
    string? Code,
    string Message,
    string? File,
    int Line,
    int Column,
    string? HelpLink)
{
    public override string ToString() => $"{Severity} {Code} {File}({Line},{Column}): {Message}";
}

/// <summary>
/// A build engine for running a task in a test: records every error, warning and message (with code, file, line,
/// column and help link) instead of printing it, so a test can assert on exactly what the user would see.
/// </summary>
public sealed class RecordingBuildEngine : IBuildEngine
{
    private readonly List<RecordedDiagnostic> _diagnostics = new();

    public IReadOnlyList<RecordedDiagnostic> Diagnostics => _diagnostics;

    public IEnumerable<RecordedDiagnostic> Errors => _diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<RecordedDiagnostic> Warnings => _diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    public IEnumerable<RecordedDiagnostic> Messages => _diagnostics.Where(d => d.Severity == DiagnosticSeverity.Message);

    /// <summary>The codes of all errors and warnings, in the order logged; handy for one-line assertions.</summary>
    public IEnumerable<string?> ErrorAndWarningCodes =>
        _diagnostics.Where(d => d.Severity != DiagnosticSeverity.Message).Select(d => d.Code);

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => string.Empty;

    public void LogErrorEvent(BuildErrorEventArgs e) =>
        _diagnostics.Add(new RecordedDiagnostic(
            DiagnosticSeverity.Error, e.Code, e.Message ?? string.Empty, e.File, e.LineNumber, e.ColumnNumber, e.HelpLink));

    public void LogWarningEvent(BuildWarningEventArgs e) =>
        _diagnostics.Add(new RecordedDiagnostic(
            DiagnosticSeverity.Warning, e.Code, e.Message ?? string.Empty, e.File, e.LineNumber, e.ColumnNumber, e.HelpLink));

    public void LogMessageEvent(BuildMessageEventArgs e) =>
        _diagnostics.Add(new RecordedDiagnostic(
            DiagnosticSeverity.Message, e.Code, e.Message ?? string.Empty, e.File, e.LineNumber, e.ColumnNumber, HelpLink: null));

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("ReleasePolicy tasks never build other projects.");

    /// <summary>Every diagnostic on its own line, for assertion failure messages.</summary>
    public override string ToString() => string.Join(Environment.NewLine, _diagnostics);
}
