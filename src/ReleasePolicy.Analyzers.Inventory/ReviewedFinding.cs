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
}
