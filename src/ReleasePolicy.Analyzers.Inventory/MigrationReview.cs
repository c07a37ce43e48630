using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using ReleasePolicy.Analyzers.Inventory;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// One migration as the inventory records it: the entry for the manifest's <c>migrations</c> and the findings the
/// migration rules report on it, each produced by the rule's own code (no second implementation of any rule).
/// </summary>
internal sealed class MigrationReview
{
    private MigrationReview(MigrationInventoryEntry entry, Location location, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ReviewedFinding> findings)
    {
        Entry = entry;
        Location = location;
        Diagnostics = diagnostics;
        Findings = findings;
    }

    public MigrationInventoryEntry Entry { get; }

    /// <summary>The class's identifier, as the rules report RP1001 on it.</summary>
    public Location Location { get; }

    /// <summary>Everything the migration rules report on the migration, for the writer to report to the build.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The diagnostics the build shows, with their severity, for the inventory.</summary>
    public IReadOnlyList<ReviewedFinding> Findings { get; }

    /// <summary>Reviews one migration from the bodies the analyzer collected for it.</summary>
    public static MigrationReview Create(Compilation compilation, MigrationSymbols symbols, MigrationClass migration, MigrationBodies bodies, CancellationToken cancellationToken)
    {
        var up = bodies.Get(migration.DeclaredUp) ?? MethodSchemaChanges.Empty;
        var diagnostics = new List<Diagnostic>();
        Add(diagnostics, MigrationWithoutRollbackAnalyzer.Diagnose(migration, cancellationToken));
        Add(diagnostics, DownBodyAnalyzer.Diagnose(migration, cancellationToken));
        if (OperationInverses.AppliesTo(migration, cancellationToken))
        {
            diagnostics.AddRange(DownReversesUpAnalyzer.Diagnose(migration, bodies, cancellationToken));
        }

        Add(diagnostics, DestructiveOperationAnalyzer.Diagnose(migration, bodies, cancellationToken));
        diagnostics.AddRange(AutoReversingMigrationAnalyzer.Diagnose(migration, up));
        Add(diagnostics, ForwardOnlyReasonAnalyzer.Diagnose(migration, cancellationToken));

        var findings = new List<ReviewedFinding>();
        foreach (var diagnostic in diagnostics)
        {
            if (ReportedSeverity.Of(diagnostic, compilation.Options, cancellationToken) is { } severity)
            {
                findings.Add(new ReviewedFinding(diagnostic, severity));
            }
        }

        return new MigrationReview(
            MigrationInventoryEntry.Create(migration, symbols, bodies, cancellationToken),
            migration.GetIdentifierLocation(cancellationToken),
            diagnostics,
            findings);
    }

    private static void Add(List<Diagnostic> diagnostics, Diagnostic? diagnostic)
    {
        if (diagnostic is not null)
        {
            diagnostics.Add(diagnostic);
        }
    }
}
