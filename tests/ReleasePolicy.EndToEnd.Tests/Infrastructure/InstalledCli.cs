using System.Diagnostics;
using System.Text;

namespace ReleasePolicy.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The <c>release-policy</c> dotnet tool as CI gets it: ReleasePolicy.Cli packed from this checkout under the SDK's
/// run version into the run's feed, then installed with <c>dotnet tool install --tool-path --add-source</c>, once per
/// test run (only when a test asks for it).
/// </summary>
internal sealed class InstalledCli
{
    private static readonly Lazy<InstalledCli> Instance = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private InstalledCli(string toolPath) => ToolPath = toolPath;

    public static InstalledCli Current => Instance.Value;

    /// <summary>The folder <c>--tool-path</c> installed into; the command is <c>release-policy</c> in it.</summary>
    public string ToolPath { get; }

    private static InstalledCli Install()
    {
        var sdk = PackedSdk.Current;
        var cliPackages = Path.Combine(sdk.PackagesFolder, "releasepolicy.cli");
        if (Directory.Exists(cliPackages))
        {
            Directory.Delete(cliPackages, recursive: true);
        }

        DotNet.Run(sdk.RepositoryRoot, new Dictionary<string, string?>(), "pack", Path.Combine(sdk.RepositoryRoot, "src/ReleasePolicy.Cli/ReleasePolicy.Cli.csproj"), "-c", "Release", "-o", sdk.Feed, $"-p:Version={sdk.Version}", "-nologo")
            .ShouldSucceed();

        // A folder of its own with a NuGet.config naming no source: the tool comes from --add-source alone.
        var installRoot = Path.Combine(sdk.RunRoot, "cli");
        Directory.CreateDirectory(installRoot);
        File.WriteAllText(Path.Combine(installRoot, "NuGet.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");
        var toolPath = Path.Combine(installRoot, "tools");
        DotNet.Run(installRoot, sdk.Environment, "tool", "install", "ReleasePolicy.Cli", "--version", sdk.Version, "--tool-path", toolPath, "--add-source", sdk.Feed)
            .ShouldSucceed();
        return new InstalledCli(toolPath);
    }

    /// <summary>Runs <c>release-policy</c> with redirected output, as in a CI log (no colour, no terminal).</summary>
    public ToolRun Run(string workingDirectory, params string[] arguments)
    {
        var command = Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "release-policy.exe" : "release-policy");
        var startInfo = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        arguments.ToList().ForEach(startInfo.ArgumentList.Add);

        // The tool's apphost finds the runtime the test host runs on.
        var dotnet = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(dotnet))
        {
            startInfo.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(dotnet);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"release-policy {string.Join(' ', arguments)} did not finish in {Timeout}.");
        }

        process.WaitForExit();
        return new ToolRun(process.ExitCode, output.Result.ReplaceLineEndings("\n"), error.Result.ReplaceLineEndings("\n"));
    }
}

/// <summary>What one <c>release-policy</c> run printed, and its exit code.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
