using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>
/// The string values of a <c>.resx</c> file (an additional file; the SDK adds the project's resx files): each
/// <c>&lt;data name="…"&gt;&lt;value&gt;…&lt;/value&gt;&lt;/data&gt;</c> without a <c>type</c>, with the location of
/// its value. A file that is not XML yields what was read before the error: a build cannot fail in an analyzer.
/// </summary>
internal static class ResourceStrings
{
    public static bool IsResx(AdditionalText file) => file.Path.EndsWith(".resx", StringComparison.OrdinalIgnoreCase);

    public static List<(string Name, string Value, Location Location)> Read(AdditionalText file, SourceText text)
    {
        var values = new List<(string, string, Location)>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            MaxCharactersInDocument = 64 * 1024 * 1024,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text.ToString()), settings);
            var lineInfo = (IXmlLineInfo)reader;
            string? name = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.Name == "data")
                {
                    name = reader.GetAttribute("type") is null && reader.GetAttribute("mimetype") is null ? reader.GetAttribute("name") : null;
                }
                else if (reader.Name == "value" && name is not null && !reader.IsEmptyElement && reader.Read() && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                {
                    var value = reader.Value;
                    values.Add((name, value, LocationOf(file, text, lineInfo.LineNumber, lineInfo.LinePosition, value.Length)));
                    name = null;
                }
            }
        }
        catch (XmlException)
        {
            // Not XML (or not any more): the values read so far are still checked.
        }

        return values;
    }

    private static Location LocationOf(AdditionalText file, SourceText text, int line, int column, int length)
    {
        if (line < 1 || line > text.Lines.Count)
        {
            return Location.None;
        }

        var start = Math.Min(text.Lines[line - 1].Start + Math.Max(column - 1, 0), text.Length);
        var span = new TextSpan(start, Math.Min(length, text.Length - start));
        return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }
}
