using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Inventory;

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

    /// <summary>The diagnostics the build shows (<see cref="ReportedSeverity"/>), each with its severity, in source order.</summary>
    public static List<ReviewedFinding> All(IEnumerable<Diagnostic> diagnostics, Compilation compilation, CancellationToken cancellationToken)
    {
        var findings = new List<ReviewedFinding>();
        foreach (var diagnostic in diagnostics)
        {
            if (ReportedSeverity.Of(diagnostic, compilation.Options, cancellationToken) is { } severity)
            {
                findings.Add(new ReviewedFinding(diagnostic, severity));
            }
        }

        // The queue's order is the analyzer driver's; the file's is the source's.
        return findings
            .OrderBy(f => f.Diagnostic.Location.GetLineSpan().Path, System.StringComparer.Ordinal)
            .ThenBy(f => f.Diagnostic.Location.SourceSpan.Start)
            .ThenBy(f => f.Diagnostic.Id, System.StringComparer.Ordinal)
            .ThenBy(f => f.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparer.Ordinal)
            .ToList();
    }
}
