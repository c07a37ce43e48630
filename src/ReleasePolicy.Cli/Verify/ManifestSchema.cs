using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace ReleasePolicy.Cli.Verify;

/// <summary>
/// schema/release-manifest.schema.json, embedded in the tool, evaluated with JsonSchema.Net (draft 2020-12). The typed
/// reader accepts fields it does not know; the schema is the contract a manifest must meet, so verify checks both.
/// </summary>
internal static class ManifestSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>Every violation as "$.path: what is wrong", in document order, each once; empty when the document conforms.</summary>
    public static IReadOnlyList<string> Violations(JsonElement document)
    {
        var results = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var violations = new List<string>();
        Collect(results, violations);
        return violations;
    }

    /// <summary>
    /// Errors of failed nodes only: a branch of an <c>anyOf</c> that failed while another branch held is not a
    /// violation, and the hierarchy is what tells the two apart.
    /// </summary>
    private static void Collect(EvaluationResults node, List<string> violations)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var error in node.Errors ?? new Dictionary<string, string>())
        {
            var path = JsonPath(node.InstanceLocation.ToString());
            var line = error.Key == string.Empty || error.Key == "false"
                ? $"{path}: the schema allows no such field"
                : $"{path}: {error.Value} ({error.Key})";
            if (!violations.Contains(line, StringComparer.Ordinal))
            {
                violations.Add(line);
            }
        }

        foreach (var child in node.Details ?? (IReadOnlyList<EvaluationResults>)Array.Empty<EvaluationResults>())
        {
            Collect(child, violations);
        }
    }

    /// <summary>A JSON Pointer (<c>/dependencies/3/id</c>) as the JSON path the reader's messages use (<c>$.dependencies[3].id</c>).</summary>
    internal static string JsonPath(string pointer)
    {
        var path = new StringBuilder("$");
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            if (token.Length > 0 && token.All(char.IsDigit))
            {
                path.Append('[').Append(token).Append(']');
            }
            else if (token.Length > 0 && token.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                path.Append('.').Append(token);
            }
            else
            {
                path.Append("['").Append(token.Replace("'", "\\'")).Append("']");
            }
        }

        return path.ToString();
    }

    private static JsonSchema Load()
    {
        using var stream = typeof(ManifestSchema).Assembly.GetManifestResourceStream("release-manifest.schema.json")
            ?? throw new InvalidOperationException("The tool was built without its embedded release-manifest.schema.json.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return JsonSchema.FromText(reader.ReadToEnd());
    }
}
