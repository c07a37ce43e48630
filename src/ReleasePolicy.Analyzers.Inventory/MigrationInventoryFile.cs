using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Format = ReleasePolicy.Rules.MigrationInventoryFormat;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>Renders the inventory file (<see cref="Format"/>): deterministic, one JSON object per line.</summary>
internal static class MigrationInventoryFile
{
    public static string Render(IReadOnlyList<MigrationReview> reviews)
    {
        var text = Header();
        var findings = 0;
        foreach (var review in reviews)
        {
            var entry = review.Entry;
            var line = new JsonLine(text, Format.MigrationRecord)
                .String(Format.Id, entry.Id)
                .String(Format.Kind, entry.Kind)
                .String(Format.ClassName, entry.ClassName)
                .String(Format.Status, entry.Status);
            if (entry.Reason is not null)
            {
                line.String(Format.Reason, entry.Reason);
            }

            line.Boolean(Format.Destructive, entry.Destructive);
            if (entry.Migration.IsBaselined)
            {
                line.Boolean(Format.Baselined, true);
            }

            line.Location(review.Location).End();
            foreach (var finding in review.Findings)
            {
                findings++;
                new JsonLine(text, Format.FindingRecord)
                    .String(Format.Rule, finding.Diagnostic.Id)
                    .String(Format.Severity, finding.Severity)
                    .String(Format.Message, finding.Diagnostic.GetMessage(CultureInfo.InvariantCulture))
                    .Location(finding.Diagnostic.Location)
                    .End();
            }
        }

        new JsonLine(text, Format.EndRecord).Number(Format.MigrationCount, reviews.Count).Number(Format.FindingCount, findings).End();
        return text.ToString();
    }

    public static string RenderFailure(Exception exception)
    {
        var text = Header();
        new JsonLine(text, Format.FailureRecord)
            .String(Format.Message, $"{exception.GetType().Name}: {exception.Message}")
            .End();
        new JsonLine(text, Format.EndRecord).Number(Format.MigrationCount, 0).Number(Format.FindingCount, 0).End();
        return text.ToString();
    }

    private static StringBuilder Header() => new StringBuilder()
        .Append("// ").Append(Format.Title).Append(Format.Version.ToString(CultureInfo.InvariantCulture)).Append('\n')
        .Append("// Written by the ReleasePolicy analyzers during the compile, read by the SDK for the release manifest.\n");

    /// <summary>One record: <c>//{"name":{"field":value,...}}</c>.</summary>
    private sealed class JsonLine
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
            if (location.IsInSource)
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
