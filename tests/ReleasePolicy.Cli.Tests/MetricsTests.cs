using System.Diagnostics;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Git;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Tests;

public sealed class MetricsTests : IDisposable
{
    private readonly ReleaseFiles _files = new();

    private static readonly DateTimeOffset May1 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Orders: 1.0.0 (May 1), 1.1.0 (May 8 10:00), hotfix 1.1.1 (May 9 16:00, 30 h later), 1.2.0 (May 15);
    /// Billing: 3.0.0 (May 2), 3.1.0 (May 16).
    /// </summary>
    private void WriteReleases(string? leadTimeCommit = null)
    {
        Directory.CreateDirectory(Path.Combine(_files.Folder, "orders"));
        _files.WritePackage(Release("Contoso.Orders.Api", "1.0.0", May1));
        _files.WriteManifest(Release("Contoso.Orders.Api", "1.1.0", May1.AddDays(7).AddHours(1)), "orders/1.1.0.release.json");
        _files.WriteManifest(Release("Contoso.Orders.Api", "1.1.1", May1.AddDays(8).AddHours(7), hotfix: true), "orders/1.1.1.release.json");
        Directory.CreateDirectory(Path.Combine(_files.Folder, "publish"));
        _files.WriteManifest(Release("Contoso.Orders.Api", "1.2.0", May1.AddDays(14), commit: leadTimeCommit), "publish/release-manifest.json");
        _files.WriteManifest(Release("Contoso.Billing", "3.0.0", May1.AddDays(1)), "billing-3.0.0.release.json");
        _files.WriteManifest(Release("Contoso.Billing", "3.1.0", May1.AddDays(15)), "billing-3.1.0.release.json");
    }

    [Fact]
    public void Metrics_per_package_and_overall_with_their_samples()
    {
        WriteReleases();

        var run = CliRun.Of("metrics", _files.Folder, "--repository", _files.Folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            Contoso.Billing
              Releases: 2 (0 hotfixes) (2 with a build timestamp)
              Deployment frequency: 0.5 per week (2 releases over 14 d)
              Change failure rate: 0% (0 of 2 releases followed by a hotfix)
              Time to restore: unknown (n=0 failed releases with both build times)
              Lead time: unknown (n=0 releases with a known commit time)

            Contoso.Orders.Api
              Releases: 4 (1 hotfix) (4 with a build timestamp)
              Deployment frequency: 1.5 per week (4 releases over 14 d)
              Change failure rate: 25% (1 of 4 releases followed by a hotfix)
              Time to restore: median 30 h, mean 30 h (n=1 failed releases with both build times)
              Lead time: unknown (n=0 releases with a known commit time)
              failed: Contoso.Orders.Api 1.1.0, restored by hotfix 1.1.1 after 30 h

            all packages
              Releases: 6 (1 hotfix) (6 with a build timestamp)
              Deployment frequency: 2.3 per week (6 releases over 15 d)
              Change failure rate: 16.7% (1 of 6 releases followed by a hotfix)
              Time to restore: median 30 h, mean 30 h (n=1 failed releases with both build times)
              Lead time: unknown (n=0 releases with a known commit time)
              failed: Contoso.Orders.Api 1.1.0, restored by hotfix 1.1.1 after 30 h


            """,
            run.Output);
    }

    [Fact]
    public void A_package_and_its_sidecar_count_as_one_release()
    {
        _files.WritePackage(Release("Contoso.Orders.Api", "1.0.0", May1));

        var run = CliRun.Of("metrics", _files.Folder, "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var scope = Assert.Single(json.RootElement.GetProperty("scopes").EnumerateArray());
        Assert.Equal(1, scope.GetProperty("releases").GetInt32());
        Assert.Equal(JsonValueKind.Null, scope.GetProperty("deploymentFrequency").GetProperty("perWeek").ValueKind);
    }

    [Fact]
    public void Lead_time_comes_from_the_commit_time_in_the_repository()
    {
        var commit = CommitAt(May1.AddDays(14).AddHours(-3));
        Assert.Equal(May1.AddDays(14).AddHours(-3), GitCommitTime.Read(_files.Folder, commit));
        WriteReleases(leadTimeCommit: commit);

        var run = CliRun.Of("metrics", _files.Folder, "--repository", _files.Folder, "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var orders = json.RootElement.GetProperty("scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "Contoso.Orders.Api");
        Assert.Equal(3, orders.GetProperty("leadTime").GetProperty("medianHours").GetDouble());
        Assert.Equal(1, orders.GetProperty("leadTime").GetProperty("sample").GetInt32());
        Assert.Equal(0.25, orders.GetProperty("changeFailureRate").GetProperty("rate").GetDouble());
        Assert.Equal(30, orders.GetProperty("changeFailureRate").GetProperty("failures")[0].GetProperty("restoreHours").GetDouble());
    }

    [Fact]
    public void The_html_page_is_self_contained_with_svg_charts()
    {
        WriteReleases(leadTimeCommit: CommitAt(May1.AddDays(13)));
        var page = Path.Combine(_files.Folder, "..", Path.GetFileName(_files.Folder) + "-metrics.html");

        try
        {
            var run = CliRun.Of("metrics", _files.Folder, "--repository", _files.Folder, "--html", page);

            Assert.Equal(0, run.ExitCode);
            var html = File.ReadAllText(page);
            Assert.Equal(html, CliRun.Of("metrics", _files.Folder, "--repository", _files.Folder, "--format", "html").Output);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("<h3>Releases per week (hotfixes in red)</h3>", html);
            Assert.Contains("<h3>Lead time per release (hours)</h3>", html);
            Assert.Contains("<h3>Time to restore per failed release (hours)</h3>", html);
            Assert.Contains("<rect class=\"hotfix\"", html);
            // Billing: releases per week only (no known commit time, no failure); Orders and overall: lead time and time to restore too.
            Assert.Equal(1 + 3 + 3, html.Split("<svg ").Length - 1);
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("<link", html);
            Assert.DoesNotContain("://", html);
        }
        finally
        {
            File.Delete(page);
        }
    }

    [SkippableFact]
    public void The_html_page_renders_in_headless_Chromium_with_every_chart_and_no_network()
    {
        var chromium = HeadlessChromium.Find();
        Skip.If(chromium is null, "Chromium is not installed here (.ci/run installs Debian's chromium; RELEASEPOLICY_CHROMIUM names another).");
        WriteReleases(leadTimeCommit: CommitAt(May1.AddDays(13)));
        var page = Path.Combine(_files.Folder, "..", Path.GetFileName(_files.Folder) + "-metrics.html");
        var shot = Path.ChangeExtension(page, ".png");
        var blank = Path.ChangeExtension(page, ".blank.png");

        try
        {
            Assert.Equal(0, CliRun.Of("metrics", _files.Folder, "--repository", _files.Folder, "--html", page).ExitCode);

            // The DOM the browser built: every chart survived parsing as SVG, with its bars and its hotfix bar.
            var dom = HeadlessChromium.DumpDom(chromium!, page);
            Assert.Equal(1 + 3 + 3, dom.Split("<svg ").Length - 1);
            Assert.Contains("<rect class=\"hotfix\"", dom);
            Assert.Contains("Time to restore per failed release (hours)", dom);

            // Rendered: a screenshot of the page holds far more than one of an empty page of the same size.
            HeadlessChromium.Screenshot(chromium!, new Uri(page).AbsoluteUri, shot, 1280, 2400);
            HeadlessChromium.Screenshot(chromium!, "about:blank", blank, 1280, 2400);
            Assert.Equal((1280, 2400), HeadlessChromium.PngSize(shot));
            Assert.True(new FileInfo(shot).Length > 3 * new FileInfo(blank).Length, $"the page's screenshot ({new FileInfo(shot).Length} bytes) is not much more than a blank page's ({new FileInfo(blank).Length} bytes)");
        }
        finally
        {
            File.Delete(page);
            File.Delete(shot);
            File.Delete(blank);
        }
    }

    [Fact]
    public void Without_build_timestamps_releases_are_ordered_by_version_and_time_based_metrics_are_unknown()
    {
        _files.WriteManifest(ReleaseFiles.Release("1.10.0"), "a.release.json");
        _files.WriteManifest(ReleaseFiles.Release("1.9.0"), "b.release.json");
        _files.WriteManifest(Undated(Release("Contoso.Orders.Api", "1.9.1", May1, hotfix: true)), "c.release.json");

        var run = CliRun.Of("metrics", _files.Folder, "--repository", _files.Folder, "--format", "markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("| Deployment frequency | unknown | needs two releases with a build timestamp |", run.Output);
        Assert.Contains("| Change failure rate | 33.3% | 1 of 3 releases followed by a hotfix |", run.Output);
        Assert.Contains("| failed release | Contoso.Orders.Api 1.9.0 | hotfix 1.9.1 |", run.Output);
        Assert.Contains("| Time to restore | unknown | n=0 failed releases with both build times |", run.Output);
    }

    [Fact]
    public void An_empty_folder_and_a_broken_manifest_are_exit_2()
    {
        var empty = CliRun.Of("metrics", _files.Folder);
        File.WriteAllText(Path.Combine(_files.Folder, "broken.release.json"), "{ \"schemaVersion\": 1, ");
        var broken = CliRun.Of("metrics", _files.Folder);

        Assert.Equal((2, $"error: no release manifests (*.release.json, release-manifest.json, .nupkg) were found in '{_files.Folder}'.\n"), (empty.ExitCode, empty.Error));
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("broken.release.json", broken.Error);
    }

    private static ReleaseManifest Release(string id, string version, DateTimeOffset built, bool hotfix = false, string? commit = null) =>
        new(
            new ManifestPackage(id, version, new GitRepositoryInfo("https://github.com/contoso/orders", commit ?? "0123456789abcdef0123456789abcdef01234567", "main")),
            new ManifestBuild("Release", ["net8.0"], "10.0.100", built, null),
            ReleaseClassification.TryCreate(hotfix ? "Hotfix" : "Standard", hotfix ? "Sev2" : null, null, null, null, new List<PolicyFinding>())!,
            ManifestMigrations.None,
            [],
            []);

    private static ReleaseManifest Undated(ReleaseManifest manifest) =>
        new(manifest.Package, new ManifestBuild("Release", ["net8.0"], "10.0.100", null, null), manifest.Release, manifest.Migrations, manifest.Dependencies, manifest.Findings);

    /// <summary>A real commit in a repository at the release folder, committed at <paramref name="time"/>.</summary>
    private string CommitAt(DateTimeOffset time)
    {
        var stamp = time.ToUnixTimeSeconds() + " +0000";
        Git(stamp, "init", "-q");
        File.WriteAllText(Path.Combine(_files.Folder, "README.md"), "orders\n");
        Git(stamp, "add", "README.md");
        Git(stamp, "-c", "user.name=Release Tester", "-c", "user.email=tester@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "Release 1.2.0");
        return Git(stamp, "rev-parse", "HEAD");
    }

    private string Git(string date, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _files.Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(_files.Folder, "no-global-gitconfig");
        start.Environment["GIT_COMMITTER_DATE"] = date;
        start.Environment["GIT_AUTHOR_DATE"] = date;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }

    public void Dispose() => _files.Dispose();
}
