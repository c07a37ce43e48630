using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Gates;

/// <summary>
/// Reads the XML reports the quality gates use (TRX test results, Cobertura coverage) with an <see cref="XmlReader"/>
/// that never resolves DTDs or external entities. A truncated file, or one whose root is not what the format starts
/// with, is one RP9002 finding that names the file, the format expected and where it broke.
/// </summary>
internal static class QualityReportFile
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// <param name="root">The root element's local name: <c>TestRun</c> or <c>coverage</c>.</param>
    /// <param name="format">The format in the user's words: "a TRX test results file".</param>
    /// <param name="visit">Called for every element, with the reader on its start tag.</param>
    public static bool TryRead(string path, string root, string format, Action<XmlReader> visit, ICollection<PolicyFinding> findings)
    {
        if (!File.Exists(path))
        {
            findings.Add(new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                Directory.Exists(path)
                    ? $"'{path}' is a folder; it should be {format}. Point the item at the file in it."
                    : $"'{path}' was not found; it should be {format}. Check the path, or run the tests before packing.",
                path));
            return false;
        }

        try
        {
            IO.RegularFile.ThrowUnlessRegular(path);
            using var reader = XmlReader.Create(path, Settings);
            var first = true;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (first && reader.LocalName != root)
                {
                    var info = (IXmlLineInfo)reader;
                    findings.Add(new PolicyFinding(
                        RuleIds.UnreadableInput,
                        FindingKind.InputError,
                        $"'{path}' is not {format}: it starts with <{reader.LocalName}>, and {format} starts with <{root}>.",
                        path,
                        info.LineNumber,
                        info.LinePosition));
                    return false;
                }

                first = false;
                visit(reader);
            }

            if (first)
            {
                findings.Add(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, $"'{path}' is empty; it should be {format}.", path));
                return false;
            }

            return true;
        }
        catch (XmlException ex) when (ex.Message.IndexOf("DTD", StringComparison.Ordinal) >= 0)
        {
            // DtdProcessing.Prohibit: an entity bomb or an external entity is never expanded. Say so, not "set DtdProcessing".
            var line = ex.LineNumber > 0 ? ex.LineNumber : DoctypeLine(path);
            findings.Add(new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"'{path}' declares a DTD (<!DOCTYPE>), which ReleasePolicy never processes: it could expand entities without limit or read other files, " +
                $"and {format} never needs one. Regenerate the file with the tool that writes it, or remove the DOCTYPE.",
                path,
                line,
                line > 0 ? 1 : 0));
            return false;
        }
        catch (XmlException ex)
        {
            findings.Add(new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"'{path}' is not {format} that can be read: {ex.Message} A truncated file is usually a test run that was cut short; run the tests again.",
                path,
                ex.LineNumber,
                ex.LinePosition));
            return false;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            findings.Add(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, $"'{path}' cannot be read: {IO.RegularFile.Explain(ex)}", path));
            return false;
        }
    }

    // The reader reports no position for a prohibited DTD; the DOCTYPE is near the top, so look for it there.
    private static int DoctypeLine(string path)
    {
        try
        {
            using var reader = new StreamReader(IO.RegularFile.OpenRead(path));
            var buffer = new char[64 * 1024];
            var text = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
            var at = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
            return at < 0 ? 0 : 1 + text.Substring(0, at).Split('\n').Length - 1;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
