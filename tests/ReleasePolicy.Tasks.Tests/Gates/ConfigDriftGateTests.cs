using ReleasePolicy.Diagnostics;
using ReleasePolicy.Gates;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Gates;

/// <summary>RP5007: appsettings.json against each environment file, and environments against each other, with file and line.</summary>
public sealed class ConfigDriftGateTests : IDisposable
{
    private const string Base = """
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Payments": {
            "RetryCount": 3,
            "Endpoint": "https://payments.example.com"
          }
        }
        """;

    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_key_staging_sets_that_production_lacks_is_reported_on_its_line_in_staging()
    {
        _project.WriteFile("appsettings.json", Base);
        _project.WriteFile("appsettings.Staging.json", "{\n  // staging only\n  \"Payments\": {\n    \"Timeout\": \"00:00:30\"\n  }\n}\n");
        _project.WriteFile("appsettings.Production.json", "{\n  \"Payments\": { \"RetryCount\": 5 }\n}\n");
        var findings = new List<PolicyFinding>();

        var gate = Check(findings, out var drift);

        Assert.Equal(GateStatus.Fail, gate!.Status);
        var finding = Assert.Single(findings);
        Assert.Equal(("RP5007", _project.Path("appsettings.Staging.json"), 4), (finding.RuleId, finding.File, finding.Line));
        Assert.Equal(
            "Configuration drift: 'Payments:Timeout' is set in appsettings.Staging.json (line 4) but missing from appsettings.Production.json and from appsettings.json, " +
            "so Production runs without it. Add it to appsettings.Production.json (or to appsettings.json for every environment), or allow the difference with <ReleaseConfigDriftIgnore Include=\"Payments:Timeout\" />.",
            finding.Message);
        var row = Assert.Single(drift);
        Assert.Equal(("Payments:Timeout", "missing", "appsettings.Staging.json", 4, "appsettings.Production.json"), (row.Key, row.Kind, row.File, row.Line, row.Other));
    }

    [Fact]
    public void A_value_of_another_type_than_in_appsettings_json_is_drift_and_null_is_not()
    {
        _project.WriteFile("appsettings.json", Base);
        _project.WriteFile("appsettings.Production.json", "{\n  \"Payments\": {\n    \"RetryCount\": \"5\",\n    \"Endpoint\": null\n  }\n}\n");
        var findings = new List<PolicyFinding>();

        Check(findings, out _);

        var finding = Assert.Single(findings);
        Assert.Equal(3, finding.Line);
        Assert.StartsWith("Configuration drift: 'Payments:RetryCount' is a string in appsettings.Production.json (line 3) and a number in appsettings.json (line 4). Give it the same type in both", finding.Message);
    }

    [Fact]
    public void Keys_meant_to_differ_are_allowed_with_wildcards_and_Development_is_not_compared()
    {
        _project.WriteFile("appsettings.json", Base);
        _project.WriteFile("appsettings.Development.json", "{ \"DeveloperTools\": { \"Enabled\": true } }");
        _project.WriteFile("appsettings.Staging.json", "{ \"Diagnostics\": { \"TraceSampling\": 1.0 } }");
        _project.WriteFile("appsettings.Production.json", "{ \"Payments\": { \"RetryCount\": 5 } }");
        var findings = new List<PolicyFinding>();

        var gate = ConfigDriftGate.Check(_project.FullPath, new[] { "diagnostics:*" }, findings, new List<string>(), out _);

        Assert.Equal(GateStatus.Pass, gate!.Status);
        Assert.Empty(findings);
        Assert.Equal(new[] { "appsettings.json", "appsettings.Production.json", "appsettings.Staging.json" }, gate.Evidence);
    }

    [Fact]
    public void Without_environment_files_there_is_no_gate()
    {
        _project.WriteFile("appsettings.json", Base);

        Assert.Null(Check(new List<PolicyFinding>(), out _));
    }

    [Fact]
    public void Broken_JSON_is_RP9002_with_the_line_where_it_broke()
    {
        _project.WriteFile("appsettings.json", Base);
        var production = _project.WriteFile("appsettings.Production.json", "{\n  \"Payments\": {\n    \"RetryCount\": 5,,\n  }\n}\n");
        var findings = new List<PolicyFinding>();

        Check(findings, out _);

        var finding = Assert.Single(findings);
        Assert.Equal(("RP9002", production, 3), (finding.RuleId, finding.File, finding.Line));
        Assert.StartsWith($"The configuration file '{production}' is not valid JSON: ", finding.Message);
    }

    private GateResult? Check(List<PolicyFinding> findings, out IReadOnlyList<ConfigDrift> drift) =>
        ConfigDriftGate.Check(_project.FullPath, Array.Empty<string>(), findings, new List<string>(), out drift);
}
