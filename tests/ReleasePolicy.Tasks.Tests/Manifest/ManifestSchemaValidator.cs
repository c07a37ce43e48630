using System.Text.Json;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>
/// Validates what the tasks write against schema/release-manifest.schema.json with a real JSON Schema validator:
/// JsonSchema.Net (draft 2020-12), through the same evaluation <c>release-policy verify</c> runs, so a manifest the
/// tests accept is one CI accepts. Returns every violation as "json-path: problem".
/// </summary>
internal static class ManifestSchemaValidator
{
    /// <param name="schemaRoot">The repository's schema file; it must be the one the tool embeds.</param>
    public static IReadOnlyList<string> Validate(JsonElement schemaRoot, JsonElement instance)
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schemaRoot.GetProperty("$schema").GetString());
        return ReleasePolicy.Cli.Verify.ManifestSchema.Violations(instance);
    }
}
