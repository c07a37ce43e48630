using System.Text.Json;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>
/// Validates what the tasks write against schema/release-manifest.schema.json with a real JSON Schema validator:
/// JsonSchema.Net (draft 2020-12), through the same evaluation <c>release-policy verify</c> runs, so a manifest the
/// tests accept is one CI accepts. Returns every violation as "json-path: problem".
/// </summary>
internal static class ManifestSchemaValidator
{
    private static readonly Lazy<JsonElement> Schema = new(ManifestSchemaTests.LoadSchema);

    /// <param name="schemaRoot">The repository's schema file; it must be the one the tool embeds.</param>
    public static IReadOnlyList<string> Validate(JsonElement schemaRoot, JsonElement instance)
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schemaRoot.GetProperty("$schema").GetString());
        return ReleasePolicy.Cli.Verify.ManifestSchema.Violations(instance);
    }

    /// <summary>Fails the test with every violation when <paramref name="instance"/> does not satisfy the repository's schema.</summary>
    /// <param name="source">The manifest file, for the failure message.</param>
    public static void AssertValid(JsonElement instance, string source)
    {
        var violations = Validate(Schema.Value, instance);
        if (violations.Count > 0)
        {
            Assert.Fail($"The manifest '{source}' does not satisfy schema/release-manifest.schema.json:\n" + string.Join("\n", violations));
        }
    }
}
