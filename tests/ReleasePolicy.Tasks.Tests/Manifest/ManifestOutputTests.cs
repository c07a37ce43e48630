using System.Text;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>The manifest file as CI sees it: exact bytes, stable across runs, written only when it changes.</summary>
public sealed class ManifestOutputTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    [Fact]
    public void A_fully_described_release_produces_exactly_this_manifest()
    {
        var assets = _context.Directory.WriteFile("src/Orders.Api/obj/project.assets.json", ProjectAssetsFixtures.TwoFrameworks);
        var migrations = _context.Directory.WriteFile("src/Orders.Api/obj/releasepolicy/migrations.json", """
            [{"id":"V1__create_audit_log","kind":"sql","convention":"flyway","forward":{"path":"db/migrations/V1__create_audit_log.sql","sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},"rollback":null,"status":"missing-rollback","destructive":false}]
            """);
        _context.Environment["GITHUB_SERVER_URL"] = "https://github.com";
        _context.Environment["GITHUB_REPOSITORY"] = "contoso/orders";
        _context.Environment["GITHUB_RUN_ID"] = "9876543210";

        _context.Generate(task => Describe(task, assets, migrations));

        var expected = ManifestAssert.Lf("""
            {
              "schemaVersion": 1,
              "package": {
                "id": "Contoso.Orders.Api",
                "version": "2.4.0",
                "repository": {
                  "url": "https://github.com/contoso/orders",
                  "commit": "0123456789abcdef0123456789abcdef01234567",
                  "branch": "release/2.4"
                }
              },
              "build": {
                "configuration": "Release",
                "targetFrameworks": [
                  "net10.0",
                  "net8.0"
                ],
                "sdkVersion": "10.0.100",
                "timestamp": "2025-01-01T12:00:00Z",
                "ciRun": "https://github.com/contoso/orders/actions/runs/9876543210"
              },
              "release": {
                "type": "Hotfix",
                "hotfixSeverity": "Sev2",
                "userImpact": "Internal",
                "dataSensitivity": "PII"
              },
              "risk": {
                "score": 45,
                "level": "medium",
                "factors": [
                  {
                    "id": "migrations-without-rollback",
                    "weight": 20,
                    "evidence": [
                      "V1__create_audit_log: missing-rollback (db/migrations/V1__create_audit_log.sql)"
                    ]
                  },
                  {
                    "id": "data-sensitivity",
                    "weight": 15,
                    "evidence": [
                      "ReleaseDataSensitivity=PII"
                    ]
                  },
                  {
                    "id": "hotfix",
                    "weight": 10,
                    "evidence": [
                      "ReleaseType=Hotfix (Sev2)"
                    ]
                  }
                ]
              },
              "migrations": [
                {
                  "id": "V1__create_audit_log",
                  "kind": "sql",
                  "convention": "flyway",
                  "forward": {
                    "path": "db/migrations/V1__create_audit_log.sql",
                    "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                  },
                  "rollback": null,
                  "status": "missing-rollback",
                  "destructive": false
                }
              ],
              "dependencies": [
            """);
        var text = _context.ReadManifestText();
        Assert.StartsWith(expected, text);
        Assert.EndsWith("  ]\n}\n", text);
    }

    [Fact]
    public void The_file_is_UTF8_without_BOM_with_LF_newlines_and_a_trailing_newline()
    {
        _context.Generate(task => task.PackageId = "Contoso.Orders");

        var bytes = File.ReadAllBytes(_context.OutputFile);
        Assert.Equal((byte)'{', bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.Equal((byte)'}', bytes[^2]);
        Assert.Contains("\n  \"package\": {\n    \"id\": \"Contoso.Orders\"\n  },\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Two_runs_with_the_same_inputs_give_identical_bytes_and_the_second_does_not_touch_the_file()
    {
        var assets = _context.Directory.WriteFile("src/Orders.Api/obj/project.assets.json", ProjectAssetsFixtures.TwoFrameworks);
        _context.Generate(task => Describe(task, assets, migrations: null));
        var first = File.ReadAllBytes(_context.OutputFile);
        var longAgo = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_context.OutputFile, longAgo);

        _context.Generate(task => Describe(task, assets, migrations: null));

        Assert.Equal(first, File.ReadAllBytes(_context.OutputFile));
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(_context.OutputFile));
    }

    [Fact]
    public void A_changed_input_rewrites_the_file()
    {
        _context.Generate(task => task.PackageVersion = "2.4.0");
        var longAgo = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_context.OutputFile, longAgo);

        var manifest = _context.Generate(task => task.PackageVersion = "2.4.1");

        Assert.Equal("2.4.1", manifest.GetProperty("package").GetProperty("version").GetString());
        Assert.NotEqual(longAgo, File.GetLastWriteTimeUtc(_context.OutputFile));
    }

    [Fact]
    public void Paths_with_spaces_and_non_ASCII_characters_work_and_names_stay_readable()
    {
        using var context = new ManifestTestContext("Orders Ünïcode");
        var git = GitTestRepository.Init(context.Directory.FullPath, branch: "feature/zürich");
        var commit = git.Commit("Ünïcode commit", "docs/Read Me Ü.md");
        var assets = context.Directory.WriteFile("src/Orders.Api/obj/project.assets.json", ProjectAssetsFixtures.TwoFrameworks);
        var migrations = context.Directory.WriteFile("src/Orders.Api/obj/release policy/migrations ü.json", """[{"id":"V1__Bestellungen_Größe","kind":"sql","convention":"flyway","forward":{"path":"db/V1__Bestellungen_Größe.sql","sha256":null},"rollback":null,"status":"missing-rollback","destructive":false}]""");

        var manifest = context.Generate(task =>
        {
            task.PackageId = "Contoso.Bestellungen.Größe";
            task.ProjectAssetsFile = assets;
            task.MigrationsReportFile = migrations;
        });

        Assert.Equal("feature/zürich", manifest.GetProperty("package").GetProperty("repository").GetProperty("branch").GetString());
        Assert.Equal(commit, manifest.GetProperty("package").GetProperty("repository").GetProperty("commit").GetString());
        Assert.Equal(6, manifest.GetProperty("dependencies").GetArrayLength());
        var text = context.ReadManifestText();
        Assert.Contains("\"id\": \"Contoso.Bestellungen.Größe\"", text);
        Assert.Contains("\"id\": \"V1__Bestellungen_Größe\"", text);
    }

    [Fact]
    public void Target_frameworks_keep_the_declared_order_without_blanks_or_duplicates()
    {
        var build = _context.Generate(task => task.TargetFrameworks = " net8.0 ;;net10.0;net472;NET8.0;").GetProperty("build");

        Assert.Equal(new[] { "net8.0", "net10.0", "net472" }, build.GetProperty("targetFrameworks").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("GitHub", "https://github.com/contoso/orders/actions/runs/42")]
    [InlineData("Azure", "https://dev.azure.com/contoso/Orders%20Platform/_build/results?buildId=42")]
    [InlineData("GitLab", "https://gitlab.example.com/contoso/orders/-/pipelines/42")]
    public void The_CI_run_links_to_the_pipeline_that_built_the_release(string ci, string url)
    {
        var variables = ci switch
        {
            "GitHub" => new Dictionary<string, string> { ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "contoso/orders", ["GITHUB_RUN_ID"] = "42" },
            "Azure" => new Dictionary<string, string> { ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/contoso/", ["SYSTEM_TEAMPROJECT"] = "Orders Platform", ["BUILD_BUILDID"] = "42" },
            _ => new Dictionary<string, string> { ["CI_PIPELINE_URL"] = "https://gitlab.example.com/contoso/orders/-/pipelines/42" },
        };
        foreach (var (name, value) in variables)
        {
            _context.Environment[name] = value;
        }

        var build = _context.Generate().GetProperty("build");

        Assert.Equal(url, build.GetProperty("ciRun").GetString());
    }

    [Fact]
    public void Outside_CI_there_is_no_ciRun()
    {
        var build = _context.Generate().GetProperty("build");

        Assert.False(build.TryGetProperty("ciRun", out _));
    }

    private static void Describe(GenerateReleaseManifest task, string assets, string? migrations)
    {
        task.Mode = "Enforce";
        task.PackageId = "Contoso.Orders.Api";
        task.PackageVersion = "2.4.0";
        task.RepositoryUrl = "https://github.com/contoso/orders";
        task.RepositoryCommit = "0123456789abcdef0123456789abcdef01234567";
        task.RepositoryBranch = "release/2.4";
        task.Configuration = "Release";
        task.TargetFrameworks = "net10.0;net8.0";
        task.SdkVersion = "10.0.100";
        task.ProjectAssetsFile = assets;
        task.ReleaseType = "Hotfix";
        task.ReleaseHotfixSeverity = "Sev2";
        task.ReleaseUserImpact = "Internal";
        task.ReleaseDataSensitivity = "PII";
        task.SourceDateEpoch = "1735732800";
        task.MigrationsReportFile = migrations;
    }

    public void Dispose() => _context.Dispose();
}
