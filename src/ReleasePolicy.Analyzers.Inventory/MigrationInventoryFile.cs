using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using ReleasePolicy.Analyzers.Inventory;
using static ReleasePolicy.Analyzers.Inventory.InventoryText;
using Format = ReleasePolicy.Rules.InventoryFormat;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>Renders the migration inventory: each migration, then the findings the migration rules report on it.</summary>
internal static class MigrationInventoryFile
{
    /// <param name="reviews">The migrations, each followed by its findings.</param>
    /// <param name="otherFindings">Findings on no single migration (a project base migration's RP1007), after them.</param>
    public static string Render(IReadOnlyList<MigrationReview> reviews, IReadOnlyList<ReviewedFinding>? otherFindings = null)
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
            findings += review.Findings.Count;
            Findings(text, review.Findings);
        }

        if (otherFindings is not null)
        {
            findings += otherFindings.Count;
            Findings(text, otherFindings);
        }

        new JsonLine(text, Format.EndRecord).Number(Format.MigrationCount, reviews.Count).Number(Format.FlagCount, 0).Number(Format.FindingCount, findings).End();
        return text.ToString();
    }
}
