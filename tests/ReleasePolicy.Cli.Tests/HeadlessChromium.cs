using System.Diagnostics;

namespace ReleasePolicy.Cli.Tests;

/// <summary>
/// Debian's Chromium, headless, the way the machine's browser tests start it: no sandbox (root), no GPU, and none of
/// the background connections a closed network refuses, with a profile of its own that is deleted afterwards.
/// `.ci/run` installs it; where it is not installed the tests that need it are skipped, saying so.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The browser's path (RELEASEPOLICY_CHROMIUM, else the usual install locations), or null.</summary>
    public static string? Find() =>
        new[] { Environment.GetEnvironmentVariable("RELEASEPOLICY_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    /// <summary>The page's DOM as the browser built it from <paramref name="page"/>.</summary>
    public static string DumpDom(string chromium, string page) => Run(chromium, "--dump-dom", new Uri(page).AbsoluteUri);

    /// <summary>A PNG screenshot of <paramref name="url"/> at the given window size, written to <paramref name="png"/>.</summary>
    public static void Screenshot(string chromium, string url, string png, int width, int height) =>
        Run(chromium, $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", url);

    private static string Run(string chromium, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("releasepolicy-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", $"--user-data-dir={profile.FullName}",
            }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within {Timeout.TotalMinutes} minutes: {string.Join(' ', arguments)}");
            }

            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {errors.Result}");
            return output.Result;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>The width and height in a PNG's IHDR chunk.</summary>
    public static (int Width, int Height) PngSize(string png)
    {
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 24 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', $"{png} is not a PNG");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
