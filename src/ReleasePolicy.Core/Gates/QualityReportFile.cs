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
            findings.Add(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, $"'{path}' was not found; it should be {format}. Check the path, or run the tests before packing.", path));
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
            findings.Add(new PolicyFinding(RuleIds.UnreadableInput, FindingKind.InputError, $"'{path}' cannot be read: {ex.Message}", path));
            return false;
        }
    }
}
