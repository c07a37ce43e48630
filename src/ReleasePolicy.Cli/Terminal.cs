using System;
using System.IO;
using Spectre.Console;

namespace ReleasePolicy.Cli;

/// <summary>
/// Spectre.Console over the command's output writer: colour only for an interactive terminal without NO_COLOR, and
/// plain text (no escape codes) when the output is redirected, as in CI logs and tests, or NO_COLOR is set.
/// </summary>
internal static class Terminal
{
    public static IAnsiConsole Over(TextWriter output, bool interactive)
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive && !noColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,

            // Spectre's CI enrichers (GitHub Actions and Azure Pipelines among them) turn ANSI on whatever the output is
            // and whether NO_COLOR is set; the terminal and NO_COLOR alone decide here.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        if (!interactive)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    /// <summary>True when the writer is the process's own console and it is not redirected.</summary>
    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
}
