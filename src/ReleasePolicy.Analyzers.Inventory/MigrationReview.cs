using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// One migration as the inventory records it: the entry for the manifest's <c>migrations</c> and the findings the
/// migration rules report on it, each produced by the rule's own code (no second implementation of any rule).
/// </summary>
internal sealed class MigrationReview
{
    private MigrationReview(MigrationInventoryEntry entry, Location location, IReadOnlyList<ReviewedFinding> findings)
    {
        Entry = entry;
        Location = location;
        Findings = findings;
    }

    public MigrationInventoryEntry Entry { get; }

    /// <summary>The class's identifier, as the rules report RP1001 on it.</summary>
    public Location Location { get; }

    public IReadOnlyList<ReviewedFinding> Findings { get; }

    /// <summary>Every migration class declared in source, ordered by class name; empty without a migration framework.</summary>
    public static IReadOnlyList<MigrationReview> Of(Compilation compilation, CancellationToken cancellationToken)
    {
        if (MigrationSymbols.TryCreate(compilation) is not { } symbols)
        {
            return new MigrationReview[0];
        }

        var reviews = new List<MigrationReview>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var declaration in tree.GetRoot(cancellationToken).DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or ClassDeclarationSyntax).OfType<ClassDeclarationSyntax>())
            {
                if (declaration.BaseList is null)
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type
                    && seen.Add(type)
                    && symbols.GetMigrationClass(type) is { } migration)
                {
                    reviews.Add(Review(compilation, symbols, migration, cancellationToken));
                }
            }
        }

        reviews.Sort(static (a, b) => string.CompareOrdinal(a.Entry.ClassName, b.Entry.ClassName));
        return reviews;
    }

    private static MigrationReview Review(Compilation compilation, MigrationSymbols symbols, MigrationClass migration, CancellationToken cancellationToken)
    {
        var bodies = MigrationBodies.Read(compilation, symbols, migration, cancellationToken);
        var up = bodies.Get(migration.DeclaredUp) ?? MethodSchemaChanges.Empty;
        var diagnostics = new List<Diagnostic>();
        Add(diagnostics, MigrationWithoutRollbackAnalyzer.Diagnose(migration, cancellationToken));
        Add(diagnostics, DownBodyAnalyzer.Diagnose(migration, cancellationToken));
        if (RollbackPairing.AppliesTo(migration, cancellationToken))
        {
            diagnostics.AddRange(RollbackPairingAnalyzer.Diagnose(migration, bodies));
        }

        diagnostics.AddRange(DestructiveOperationAnalyzer.Diagnose(migration, up));
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

/// <summary>A rule's finding with the severity the build gives it.</summary>
internal sealed class ReviewedFinding
{
    public ReviewedFinding(Diagnostic diagnostic, string severity)
    {
        Diagnostic = diagnostic;
        Severity = severity;
    }

    public Diagnostic Diagnostic { get; }

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public string Severity { get; }
}
