using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Gates;

/// <summary>One setting of an appsettings file: its key path (<c>Payments:RetryCount</c>), kind and line.</summary>
public sealed class ConfigurationKey
{
    public ConfigurationKey(string path, string kind, int line)
    {
        Path = path;
        Kind = kind;
        Line = line;
    }

    /// <summary>Segments joined with ':' as Microsoft.Extensions.Configuration spells them.</summary>
    public string Path { get; }

    /// <summary><c>object</c>, <c>array</c>, <c>string</c>, <c>number</c>, <c>boolean</c> or <c>null</c>.</summary>
    public string Kind { get; }

    public int Line { get; }
}

/// <summary>
/// An appsettings file read with <see cref="Utf8JsonReader"/>, so every key keeps its line. Arrays are values (their
/// elements are not compared); comments and trailing commas are allowed, as the configuration loader allows them.
/// </summary>
public sealed class ConfigurationFile
{
    private ConfigurationFile(string fullPath, IReadOnlyDictionary<string, ConfigurationKey> keys)
    {
        FullPath = fullPath;
        Keys = keys;
    }

    public string FullPath { get; }

    public string Name => System.IO.Path.GetFileName(FullPath);

    /// <summary>Every key path, case-insensitive like configuration keys.</summary>
    public IReadOnlyDictionary<string, ConfigurationKey> Keys { get; }

    public static ConfigurationFile? TryRead(string path, ICollection<PolicyFinding> findings)
    {
        byte[] bytes;
        try
        {
            bytes = IO.RegularFile.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            findings.Add(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, $"The configuration file '{path}' cannot be read: {IO.RegularFile.Explain(ex)}", path));
            return null;
        }

        var keys = new Dictionary<string, ConfigurationKey>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var stack = new List<string> { string.Empty };
            string? property = null;
            var lineStarts = LineStarts(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                findings.Add(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, $"The configuration file '{path}' is not a JSON object of settings.", path, line: 1));
                return null;
            }

            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject:
                        Add(keys, stack, property!, "object", Line(lineStarts, reader.TokenStartIndex));
                        stack.Add(property!);
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    case JsonTokenType.StartArray:
                        Add(keys, stack, property!, "array", Line(lineStarts, reader.TokenStartIndex));
                        reader.Skip();
                        property = null;
                        break;
                    default:
                        Add(keys, stack, property!, Kind(reader.TokenType), Line(lineStarts, reader.TokenStartIndex));
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            findings.Add(new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"The configuration file '{path}' is not valid JSON: {ex.Message} Fix the file (comments and trailing commas are fine, as in .NET configuration).",
                path,
                line: (int)(ex.LineNumber ?? 0) + 1,
                column: (int)(ex.BytePositionInLine ?? 0) + 1));
            return null;
        }
        return new ConfigurationFile(System.IO.Path.GetFullPath(path), keys);
    }

    private static void Add(Dictionary<string, ConfigurationKey> keys, List<string> stack, string property, string kind, int line)
    {
        var parts = new List<string>(stack.Count);
        for (var i = 1; i < stack.Count; i++)
        {
            parts.Add(stack[i]);
        }

        parts.Add(property);
        var path = string.Join(":", parts);
        keys[path] = new ConfigurationKey(path, kind, line);
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString().ToLowerInvariant(),
    };

    private static List<long> LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int Line(List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
