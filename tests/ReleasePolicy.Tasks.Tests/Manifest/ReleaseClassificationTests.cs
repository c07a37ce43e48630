namespace ReleasePolicy.Tasks.Tests.Manifest;

public sealed class ReleaseClassificationTests : IDisposable
{
    private readonly ManifestTestContext _context = new();

    [Fact]
    public void Without_release_properties_the_defaults_are_Standard_CustomerFacing_Internal_and_no_severity()
    {
        var release = _context.Generate().GetProperty("release");

        Assert.Equal("Standard", release.GetProperty("type").GetString());
        Assert.Equal("CustomerFacing", release.GetProperty("userImpact").GetString());
        Assert.Equal("Internal", release.GetProperty("dataSensitivity").GetString());
        Assert.False(release.TryGetProperty("hotfixSeverity", out _));
    }

    [Fact]
    public void Values_are_matched_ignoring_case_and_written_with_canonical_casing()
    {
        var release = _context.Generate(task =>
        {
            task.ReleaseType = "hotfix";
            task.ReleaseHotfixSeverity = "SEV1";
            task.ReleaseUserImpact = " internal ";
            task.ReleaseDataSensitivity = "pii";
        }).GetProperty("release");

        Assert.Equal(
            new[] { ("type", "Hotfix"), ("hotfixSeverity", "Sev1"), ("userImpact", "Internal"), ("dataSensitivity", "PII") },
            release.EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)));
    }

    [Theory]
    [InlineData("ReleaseType", "Emergency", "Standard, Hotfix")]
    [InlineData("ReleaseHotfixSeverity", "Sev5", "Sev1, Sev2, Sev3, Sev4")]
    [InlineData("ReleaseUserImpact", "External", "Internal, CustomerFacing")]
    [InlineData("ReleaseDataSensitivity", "Secret", "None, Internal, Confidential, PII, PHI, PCI")]
    public void An_invalid_value_is_RP9001_at_the_project_naming_the_property_and_the_allowed_values(string property, string value, string allowed)
    {
        var task = _context.CreateTask();
        typeof(GenerateReleaseManifest).GetProperty(property)!.SetValue(task, value);

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9001", error.Code);
        Assert.Equal($"{property} is '{value}'. Allowed values: {allowed}.", error.Message);
        Assert.Equal(_context.ProjectFile, error.File);
        Assert.Equal("https://github.com/releasepolicy/releasepolicy/blob/main/docs/rules/RP9001.md", error.HelpLink);
        Assert.False(File.Exists(_context.OutputFile));
    }

    [Fact]
    public void Every_invalid_value_is_reported_not_just_the_first()
    {
        var task = _context.CreateTask();
        task.ReleaseType = "Emergency";
        task.ReleaseUserImpact = "External";

        Assert.False(task.Execute());

        Assert.Equal(
            new[] { "ReleaseType is 'Emergency'. Allowed values: Standard, Hotfix.", "ReleaseUserImpact is 'External'. Allowed values: Internal, CustomerFacing." },
            _context.Engine.Errors.Select(e => e.Message));
    }

    [Fact]
    public void SOURCE_DATE_EPOCH_becomes_the_build_timestamp_in_UTC()
    {
        var build = _context.Generate(task => task.SourceDateEpoch = "1735732800").GetProperty("build");

        Assert.Equal("2025-01-01T12:00:00Z", build.GetProperty("timestamp").GetString());
    }

    [Fact]
    public void Without_SOURCE_DATE_EPOCH_there_is_no_timestamp_rather_than_the_clock()
    {
        var build = _context.Generate().GetProperty("build");

        Assert.False(build.TryGetProperty("timestamp", out _));
    }

    [Fact]
    public void A_SOURCE_DATE_EPOCH_that_is_not_whole_seconds_is_RP9001()
    {
        var task = _context.CreateTask();
        task.SourceDateEpoch = "2025-01-01";

        Assert.False(task.Execute());

        var error = Assert.Single(_context.Engine.Errors);
        Assert.Equal("RP9001", error.Code);
        Assert.StartsWith("SOURCE_DATE_EPOCH is '2025-01-01'. Allowed values: a whole number of seconds since 1970-01-01T00:00:00Z", error.Message);
    }

    [Fact]
    public void An_invalid_ReleasePolicyMode_is_RP9001_before_anything_is_written()
    {
        var task = _context.CreateTask();
        task.Mode = "Strict";

        Assert.False(task.Execute());

        Assert.Equal("ReleasePolicyMode is 'Strict'. Allowed values: Enforce, Audit.", Assert.Single(_context.Engine.Errors).Message);
        Assert.False(File.Exists(_context.OutputFile));
    }

    public void Dispose() => _context.Dispose();
}
