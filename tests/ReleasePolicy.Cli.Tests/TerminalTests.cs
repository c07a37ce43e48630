namespace ReleasePolicy.Cli.Tests;

/// <summary>
/// Colour in the text output: on a terminal, and never with NO_COLOR (https://no-color.org) or when the output is
/// redirected, as in a CI log. The tool runs as its own process here, since only a process has a terminal and an environment.
/// </summary>
public sealed class TerminalTests : IDisposable
{
    private const string Escape = "\u001b[";

    private readonly ReleaseFiles _files = new();

    [SkippableFact]
    public void The_text_summary_is_bold_on_a_terminal_and_has_no_escape_codes_with_NO_COLOR()
    {
        Skip.IfNot(CliProcess.HasTerminal, "No pseudo-terminal here: the test needs Linux and util-linux script(1).");
        var manifest = _files.WriteManifest(ReleaseFiles.Release("2.4.0"));

        // TERM=ansi: a terminal Spectre.Console colours for, whose terminfo asks for no keypad mode (the runtime would write that escape).
        var coloured = CliProcess.InTerminal(new Dictionary<string, string?> { ["TERM"] = "ansi" }, "summary", manifest);
        var plain = CliProcess.InTerminal(new Dictionary<string, string?> { ["TERM"] = "ansi", ["NO_COLOR"] = "1" }, "summary", manifest);

        Assert.Equal(0, coloured.ExitCode);
        Assert.StartsWith("\u001b[1mContoso.Orders.Api 2.4.0\u001b[0m\n", coloured.Output);
        Assert.Equal(0, plain.ExitCode);
        Assert.StartsWith("Contoso.Orders.Api 2.4.0\n", plain.Output);
        Assert.DoesNotContain(Escape, plain.Output);
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true")]
    [InlineData("TF_BUILD", "True")]
    [InlineData("GITLAB_CI", "true")]
    public void The_text_summary_in_a_CI_log_has_no_escape_codes_whatever_the_CI_system(string variable, string value)
    {
        var manifest = _files.WriteManifest(ReleaseFiles.Release("2.4.0"));

        var redirected = CliProcess.Redirected(new Dictionary<string, string?> { [variable] = value }, "summary", manifest);
        var noColor = CliProcess.Redirected(new Dictionary<string, string?> { [variable] = value, ["NO_COLOR"] = "1" }, "summary", manifest);

        Assert.Equal((0, 0), (redirected.ExitCode, noColor.ExitCode));
        Assert.StartsWith("Contoso.Orders.Api 2.4.0\n", redirected.Output);
        Assert.DoesNotContain(Escape, redirected.Output);
        Assert.DoesNotContain(Escape, noColor.Output);
    }

    public void Dispose() => _files.Dispose();
}
