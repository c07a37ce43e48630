using System.Text.RegularExpressions;

namespace ReleasePolicy.EndToEnd.Tests.Infrastructure;

/// <summary>What a user sees after a `dotnet` command: the exit code, the text, and the diagnostics in it.</summary>
internal sealed partial class CommandResult(string command, int exitCode, string output, TimeSpan elapsed)
{
    public string Command { get; } = command;

    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;

    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>Every distinct diagnostic MSBuild printed (the console logger repeats them in its summary).</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics => field ??= ParseDiagnostics(Output);

    public IEnumerable<BuildDiagnostic> WithCode(string code) => Diagnostics.Where(d => d.Code == code);

    /// <summary>
    /// How often a task ran, from a detailed (-v:d) log. With -m the console logger prefixes a line with the node
    /// ("2>") whenever the output switches between projects, so a task line may carry that prefix. A task skipped
    /// by its condition did not run.
    /// </summary>
    public int TaskRuns(string task) =>
        Regex.Matches(Output, $@"^\s*(?:\d+(?::\d+)?>)?\s*Task ""{Regex.Escape(task)}""(?! skipped)", RegexOptions.Multiline).Count;

    public CommandResult ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"'{Command}' failed with exit code {ExitCode}:\n{Output}");
        Assert.DoesNotContain(Diagnostics, d => d.Code is "MSB4018" or "MSB4062" or "AD0001" or "MSB4036");
        return this;
    }

    public CommandResult ShouldFail()
    {
        Assert.True(ExitCode != 0, $"'{Command}' was expected to fail but succeeded:\n{Output}");
        Assert.DoesNotContain(Diagnostics, d => d.Code is "MSB4018" or "MSB4062" or "AD0001" or "MSB4036");
        return this;
    }

    public override string ToString() => $"{Command} (exit {ExitCode}, {Elapsed.TotalSeconds:0.0}s)\n{Output}";

    private static List<BuildDiagnostic> ParseDiagnostics(string output)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var diagnostics = new List<BuildDiagnostic>();
        foreach (var line in output.Split('\n'))
        {
            var match = DiagnosticLine().Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var diagnostic = new BuildDiagnostic(
                File: match.Groups["file"].Value.Trim(),
                Line: match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value) : 0,
                Severity: match.Groups["severity"].Value,
                Code: match.Groups["code"].Value,
                Message: match.Groups["message"].Value.Trim());
            if (seen.Add(diagnostic.ToString()))
            {
                diagnostics.Add(diagnostic);
            }
        }

        return diagnostics;
    }

    // "path/File.cs(12,5): warning RP1001: message [project.csproj]" and "path : error RP9002: message [project]",
    // optionally after the "1:7>" node prefix of detailed logs.
    [GeneratedRegex(@"^\s*(?:\d+(?::\d+)?>)?(?<file>[^\s].*?)(?:\((?<line>\d+)(?:,\d+)*\))?\s*:\s*(?<severity>warning|error|message)\s+(?<code>[A-Z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\]]*\])?$")]
    private static partial Regex DiagnosticLine();
}

internal sealed record BuildDiagnostic(string File, int Line, string Severity, string Code, string Message)
{
    public string FileName => Path.GetFileName(File);

    public override string ToString() => $"{File}({Line}): {Severity} {Code}: {Message}";
}
