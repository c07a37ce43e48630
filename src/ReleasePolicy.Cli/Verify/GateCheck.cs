using System.Collections.Generic;
using System.Text.Json;

namespace ReleasePolicy.Cli.Verify;

/// <summary>
/// <c>verify --require-gates</c>: the manifest's <c>gates</c> section (id, status pass/fail/bypassed, reason), read from
/// the JSON itself so that the tool needs no typed model of a section the build's gate checks own. A release with no
/// recorded gate fails: "no gate ran" must not read as "every gate passed".
/// </summary>
internal static class GateCheck
{
    public static void Verify(JsonElement manifest, List<string> passed, List<string> failures)
    {
        if (!manifest.TryGetProperty("gates", out var gates) || gates.ValueKind != JsonValueKind.Array || gates.GetArrayLength() == 0)
        {
            failures.Add("The manifest records no release gates, and --require-gates needs them: pack with a ReleasePolicy.Sdk that checks gates, or drop --require-gates.");
            return;
        }

        foreach (var gate in gates.EnumerateArray())
        {
            var id = Text(gate, "id") ?? "(unnamed)";
            var status = Text(gate, "status") ?? "(no status)";
            var reason = Text(gate, "reason") is { Length: > 0 } r ? ": " + r : string.Empty;
            switch (status)
            {
                case "pass":
                    passed.Add(Sentence($"Gate {id} passed{reason}"));
                    break;
                case "bypassed":
                    passed.Add(Sentence($"Gate {id} was bypassed{reason}"));
                    break;
                default:
                    failures.Add(status == "fail" ? Sentence($"Gate {id} failed{reason}") : $"Gate {id} has status '{status}', which is not pass, fail or bypassed.");
                    break;
            }
        }
    }

    /// <summary>Ends the line with one full stop: the build's gate reasons are sentences already.</summary>
    private static string Sentence(string text) => text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";

    private static string? Text(JsonElement gate, string name) =>
        gate.ValueKind == JsonValueKind.Object && gate.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
