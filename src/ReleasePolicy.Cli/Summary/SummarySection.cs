using System.Collections.Generic;

namespace ReleasePolicy.Cli.Summary;

/// <summary>
/// One audience's part of a text or Markdown summary: a title, a headline, and labelled parts below it. Each audience
/// says what it shows once, here, and <see cref="SummaryWriter"/> renders it for the terminal or for Markdown, so both
/// formats always carry the same facts.
/// </summary>
internal sealed class SummarySection
{
    public SummarySection(string title, string headline)
    {
        Title = title;
        Headline = headline;
    }

    /// <summary><c>Operations</c>, <c>Security</c> or <c>Support</c>.</summary>
    public string Title { get; }

    /// <summary>The counts that sum the section up, in lower case after the title ("Support: user impact …").</summary>
    public string Headline { get; }

    public List<SummaryPart> Parts { get; } = new();

    /// <summary>Adds a part; <paramref name="label"/> null puts its items or table straight under the headline.</summary>
    public SummaryPart Add(string? label, string? text = null)
    {
        var part = new SummaryPart(label, text);
        Parts.Add(part);
        return part;
    }
}

/// <summary>A labelled fact ("Rollback playbook: docs/rollback.md") with, optionally, the items or the table behind it.</summary>
internal sealed class SummaryPart
{
    public SummaryPart(string? label, string? text)
    {
        Label = label;
        Text = text;
    }

    public string? Label { get; }

    public string? Text { get; }

    public List<SummaryItem> Items { get; } = new();

    /// <summary>Column headings and rows; null for no table.</summary>
    public (string[] Headers, List<string[]> Rows)? Table { get; private set; }

    public SummaryPart Item(string code, string text)
    {
        Items.Add(new SummaryItem(code, text));
        return this;
    }

    public SummaryPart WithTable(string[] headers, List<string[]> rows)
    {
        Table = (headers, rows);
        return this;
    }
}

/// <summary>One line of a list: what it is about (a rule, a migration, a package, a flag, a member) and what to know.</summary>
internal sealed class SummaryItem
{
    public SummaryItem(string code, string text)
    {
        Code = code;
        Text = text;
    }

    /// <summary>Shown as code in Markdown.</summary>
    public string Code { get; }

    public string Text { get; }
}
