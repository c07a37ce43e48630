using System.Diagnostics;
using System.Text;

namespace ReleasePolicy.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the real `dotnet` CLI the way a user's terminal or CI would, and captures what it prints.</summary>
internal static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The network unavailable to the build: an unroutable proxy for every HTTP(S) request the build process makes,
    /// so any attempt fails at once (restore first, then build with <c>--no-restore</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Offline { get; } = new Dictionary<string, string?>
    {
        ["HTTP_PROXY"] = "http://127.0.0.1:9",
        ["HTTPS_PROXY"] = "http://127.0.0.1:9",
        ["ALL_PROXY"] = "http://127.0.0.1:9",
        ["NO_PROXY"] = "",
    };

    /// <summary>What a build that tried the network prints: the proxy's address, socket errors, NuGet's NU1301, OSV's host.</summary>
    public static System.Text.RegularExpressions.Regex NetworkMessage { get; } = new(
        @"127\.0\.0\.1:9|No such host|Connection refused|network is unreachable|api\.osv\.dev|HttpRequestException|NU1301|service index",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Build servers outlive the build and would hold our output pipes open; each test build stands alone.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["UseSharedCompilation"] = "false";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["MSBuildSDKsPath"] = null;
        // A CI run of this suite must not leak its own identity into the manifests under test.
        foreach (var name in new[] { "GITHUB_ACTIONS", "GITHUB_RUN_ID", "GITHUB_REPOSITORY", "GITHUB_SERVER_URL", "GITHUB_REF_NAME", "GITHUB_HEAD_REF", "BUILD_BUILDID", "SYSTEM_COLLECTIONURI", "SYSTEM_TEAMPROJECT", "BUILD_SOURCEBRANCHNAME", "CI_PIPELINE_URL", "CI_COMMIT_REF_NAME", "SOURCE_DATE_EPOCH" })
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        var started = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {Timeout}.\n{output}");
        }

        process.WaitForExit();
        return new CommandResult("dotnet " + string.Join(' ', arguments), process.ExitCode, output.ToString(), started.Elapsed);
    }
}
