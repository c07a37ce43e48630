using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Format = ReleasePolicy.Rules.InventoryFormat;

namespace ReleasePolicy.Analyzers.Inventory;

/// <summary>How every inventory file is rendered (<see cref="Format"/>): deterministic, one JSON object per line.</summary>
internal static class InventoryText
{
    /// <summary>An inventory that records the writer's failure, which the manifest task reports (RP9002) rather than list less.</summary>
    public static string RenderFailure(System.Exception exception)
    {
        var text = Header();
        new JsonLine(text, Format.FailureRecord)
            .String(Format.Message, $"{exception.GetType().Name}: {exception.Message}")
            .End();
        new JsonLine(text, Format.EndRecord).Number(Format.MigrationCount, 0).Number(Format.FlagCount, 0).Number(Format.FindingCount, 0).End();
        return text.ToString();
    }

    /// <summary>One <c>finding</c> record per finding, with the message as the build shows it.</summary>
    public static void Findings(StringBuilder text, System.Collections.Generic.IEnumerable<ReviewedFinding> findings)
    {
        foreach (var finding in findings)
        {
            new JsonLine(text, Format.FindingRecord)
                .String(Format.Rule, finding.Diagnostic.Id)
                .String(Format.Severity, finding.Severity)
                .String(Format.Message, finding.Diagnostic.GetMessage(CultureInfo.InvariantCulture))
                .Location(finding.Diagnostic.Location)
                .End();
        }
    }

    /// <summary>The title line and the comment under it.</summary>
    public static StringBuilder Header() => new StringBuilder()
        .Append("// ").Append(Format.Title).Append(Format.Version.ToString(CultureInfo.InvariantCulture)).Append('\n')
        .Append("// Written by the ReleasePolicy analyzers during the compile, read by the SDK for the release manifest.\n");

    /// <summary>One record: <c>//{"name":{"field":value,...}}</c>.</summary>
    public sealed class JsonLine
    {
        private readonly StringBuilder _text;
        private bool _first = true;

        public JsonLine(StringBuilder text, string record)
        {
            _text = text;
            _text.Append(Format.LinePrefix).Append("{\"").Append(record).Append("\":{");
        }

        public JsonLine String(string name, string value)
        {
            Name(name);
            Quote(value);
            return this;
        }

        public JsonLine Number(string name, int value)
        {
            Name(name);
            _text.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonLine Boolean(string name, bool value)
        {
            Name(name);
            _text.Append(value ? "true" : "false");
            return this;
        }

        public JsonLine Location(Location location)
        {
            if (location.IsInSource || location.Kind == LocationKind.ExternalFile)
            {
                var span = location.GetLineSpan();
                String(Format.Path, span.Path);
                Number(Format.Line, span.StartLinePosition.Line + 1);
            }

            return this;
        }

        public void End() => _text.Append("}}\n");

        private void Name(string name)
        {
            if (!_first)
            {
                _text.Append(',');
            }

            _first = false;
            Quote(name);
            _text.Append(':');
        }

        private void Quote(string value)
        {
            _text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': _text.Append("\\\""); break;
                    case '\\': _text.Append("\\\\"); break;
                    case '\n': _text.Append("\\n"); break;
                    case '\r': _text.Append("\\r"); break;
                    case '\t': _text.Append("\\t"); break;
                    default:
                        if (c < ' ' || c is '\u2028' or '\u2029')
                        {
                            _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            _text.Append(c);
                        }

                        break;
                }
            }

            _text.Append('"');
        }
    }
}
