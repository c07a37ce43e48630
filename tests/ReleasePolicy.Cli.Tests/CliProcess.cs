using System.Diagnostics;
using System.Text;

namespace ReleasePolicy.Cli.Tests;

/// <summary>
/// Runs <c>release-policy</c> as a process of its own, for what <see cref="CliRun"/> (in-process, over string writers)
/// cannot show: the tool's own environment (NO_COLOR, a CI system's variables) and a real terminal. The terminal is a
/// pseudo-terminal from util-linux's script(1); where that is missing the tests that need it are skipped, saying so.
/// </summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private const string Script = "/usr/bin/script";

    public static bool HasTerminal => OperatingSystem.IsLinux() && File.Exists(Script);

    /// <summary>With the output redirected, as in a CI log. Variables set to null are removed from the tool's environment.</summary>
    public static CliRun Redirected(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Run(Tool(arguments), environment);

    /// <summary>On a terminal, as a developer runs it; what the terminal showed, escape codes and all, with '\n' line ends.</summary>
    public static CliRun InTerminal(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var command = string.Join(' ', Tool(arguments).Select(Quote));
        return Run([Script, "--quiet", "--return", "--command", command, "/dev/null"], new Dictionary<string, string?>(environment) { ["SHELL"] = "/bin/sh" });
    }

    private static string[] Tool(string[] arguments) =>
        [Dotnet(), "exec", typeof(ReleasePolicyCommand).Assembly.Location, .. arguments];

    /// <summary>The dotnet host the tests run on, so the tool runs on the same runtime.</summary>
    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    private static CliRun Run(string[] command, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        command.Skip(1).ToList().ForEach(start.ArgumentList.Add);

        // The machine running the tests may set NO_COLOR itself; only the test decides.
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"release-policy did not finish within {Timeout.TotalMinutes} minutes: {string.Join(' ', command)}");
        }

        process.WaitForExit();
        return new CliRun(process.ExitCode, output.Result.ReplaceLineEndings("\n"), error.Result.ReplaceLineEndings("\n"));
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''") + "'";
}
