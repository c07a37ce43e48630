using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Json;

/// <summary>
/// Parses a JSON input file once, turning every way it can fail into one RP9002 finding that names the file and,
/// for bad JSON, the line and position where it broke.
/// </summary>
internal static class JsonInputFile
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // Files written by tools, but people hand-edit them too; comments and trailing commas are no reason to fail.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <param name="path">The file to parse.</param>
    /// <param name="description">What the file is, in the user's words, e.g. "The NuGet assets file".</param>
    /// <returns>The parsed document (the caller disposes it), or <c>null</c> with <paramref name="error"/> set.</returns>
    public static JsonDocument? TryParse(string path, string description, out PolicyFinding? error)
    {
        error = null;
        try
        {
            IO.RegularFile.ThrowUnlessRegular(path);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 81920);
            return JsonDocument.Parse(stream, DocumentOptions);
        }
        catch (JsonException ex)
        {
            error = NotJson(path, description, ex);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
        {
            error = new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"{description} '{path}' cannot be read: {IO.RegularFile.Explain(ex)}",
                path);
        }

        return null;
    }

    /// <summary>Parses JSON already read into memory (a file inside a package); <paramref name="source"/> names it in errors.</summary>
    public static JsonDocument? TryParse(byte[] bytes, string source, string description, out PolicyFinding? error)
    {
        error = null;
        try
        {
            return JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException ex)
        {
            error = NotJson(source, description, ex);
            return null;
        }
    }

    /// <summary>A value as the file has it, on one line and cut at 100 characters, to quote in a message.</summary>
    public static string Quote(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            value.WriteTo(writer);
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        return text.Length <= 100 ? text : text.Substring(0, 100) + "…";
    }

    private static PolicyFinding NotJson(string path, string description, JsonException ex)
    {
        // JsonException counts from zero; editors and MSBuild count from one.
        var line = (int)(ex.LineNumber ?? 0) + 1;
        var position = (int)(ex.BytePositionInLine ?? 0) + 1;
        return new PolicyFinding(
            RuleIds.UnreadableInput,
            FindingKind.InputError,
            $"{description} '{path}' is not valid JSON at line {line}, byte position {position}: {Describe(ex)} " +
            "Regenerate the file or fix it by hand.",
            path,
            line,
            position);
    }

    /// <summary>The parser's own explanation without its zero-based "Path: … | LineNumber: …" suffix.</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        message = cut >= 0 ? message.Substring(0, cut) : message;
        message = message.TrimEnd();
        return message.EndsWith(".", StringComparison.Ordinal) ? message : message + ".";
    }
}
