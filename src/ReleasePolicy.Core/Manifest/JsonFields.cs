using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ReleasePolicy.Manifest;

/// <summary>
/// Reads typed values out of a parsed JSON file, naming the JSON path of whatever is the wrong shape. Fields a reader
/// does not know are ignored, so files written by a newer or other writer still read; a known field of the wrong type
/// is an error, since guessing would put wrong facts in front of a release manager.
/// </summary>
internal static class JsonFields
{
    public static JsonElement? Object(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw WrongKind(path + "." + name, value, "a JSON object");
        }

        return value;
    }

    /// <summary>The array's items with their JSON paths; an absent or null array is empty, <paramref name="absent"/> tells which.</summary>
    public static IReadOnlyList<(JsonElement Item, string Path)> Array(JsonElement parent, string name, string path, out bool absent)
    {
        absent = !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null;
        if (absent)
        {
            return System.Array.Empty<(JsonElement, string)>();
        }

        return Items(value, path + "." + name);
    }

    public static IReadOnlyList<(JsonElement Item, string Path)> Items(JsonElement array, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw WrongKind(path, array, "a JSON array");
        }

        var items = new List<(JsonElement, string)>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            items.Add((item, $"{path}[{index++}]"));
        }

        return items;
    }

    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongKind(path + "." + name, value, "a string");
        }

        return value.GetString();
    }

    public static string String(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) ?? throw new InvalidManifestDataException($"'{path}.{name}' is missing; it is required.");

    public static bool Boolean(JsonElement parent, string name, string path, bool absent = false)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return absent;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongKind(path + "." + name, value, "true or false"),
        };
    }

    public static int? OptionalInt(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw WrongKind(path + "." + name, value, "a whole number");
        }

        return number;
    }

    public static void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw WrongKind(path, element, "a JSON object");
        }
    }

    private static InvalidManifestDataException WrongKind(string path, JsonElement value, string expected) =>
        new($"'{path}' is {Describe(value.ValueKind)} where {expected} is expected.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "a JSON object",
        JsonValueKind.Array => "a JSON array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>A JSON file that parsed but does not have the shape its reader expects; turned into RP9002 at the reader's edge.</summary>
internal sealed class InvalidManifestDataException : Exception
{
    public InvalidManifestDataException(string message)
        : base(message)
    {
    }
}
