using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// The severity the compiler gives a diagnostic in this compilation, for a diagnostic the inventory generator found
/// itself (a generator cannot ask the compiler): <c>.editorconfig</c> and global configs (which carry the mode's
/// preset), <c>/nowarn</c>, <c>/warnaserror</c> and <c>WarningsNotAsErrors</c>, and <c>#pragma warning</c>. Null when the
/// build shows nothing (suppressed, hidden or none). <c>[SuppressMessage]</c> is not read: such a finding is still
/// recorded in the manifest, which errs on the side of telling the release reviewer.
/// </summary>
internal static class ReportedSeverity
{
    public static string? Of(Diagnostic diagnostic, CompilationOptions options, CancellationToken cancellationToken)
    {
        var id = diagnostic.Id;
        var tree = diagnostic.Location.SourceTree;
        var report = ReportDiagnostic.Default;
        if (options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific == ReportDiagnostic.Suppress)
        {
            return null; // /nowarn wins over everything else
        }

        var treeOptions = options.SyntaxTreeOptionsProvider;
        if (treeOptions is not null
            && ((tree is not null && treeOptions.TryGetDiagnosticValue(tree, id, cancellationToken, out report))
                || treeOptions.TryGetGlobalDiagnosticValue(id, cancellationToken, out report)))
        {
            // From .editorconfig / .globalconfig.
        }
        else if (options.SpecificDiagnosticOptions.TryGetValue(id, out specific))
        {
            report = specific;
        }
        else
        {
            report = ReportDiagnostic.Default;
        }

        if (report == ReportDiagnostic.Default)
        {
            report = diagnostic.DefaultSeverity switch
            {
                DiagnosticSeverity.Error => ReportDiagnostic.Error,
                DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                DiagnosticSeverity.Info => ReportDiagnostic.Info,
                _ => ReportDiagnostic.Hidden,
            };
        }

        // TreatWarningsAsErrors, unless WarningsNotAsErrors named this rule (which puts a Warn in the specific options).
        if (report == ReportDiagnostic.Warn && options.GeneralDiagnosticOption == ReportDiagnostic.Error
            && !(options.SpecificDiagnosticOptions.TryGetValue(id, out specific) && specific == ReportDiagnostic.Warn))
        {
            report = ReportDiagnostic.Error;
        }
        else if (options.GeneralDiagnosticOption == ReportDiagnostic.Suppress && report is ReportDiagnostic.Warn or ReportDiagnostic.Info)
        {
            return null; // -nowarn without IDs
        }

        var severity = report switch
        {
            ReportDiagnostic.Error => "error",
            ReportDiagnostic.Warn => "warning",
            ReportDiagnostic.Info => "info",
            _ => null,
        };
        return severity is not null && tree is not null && IsDisabledByPragma(tree, diagnostic.Location.SourceSpan.Start, id, cancellationToken)
            ? null
            : severity;
    }

    /// <summary>The last <c>#pragma warning disable|restore</c> before the position that names the rule (or no rule) decides.</summary>
    private static bool IsDisabledByPragma(SyntaxTree tree, int position, string id, CancellationToken cancellationToken)
    {
        if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax root || !root.ContainsDirectives)
        {
            return false;
        }

        var disabled = false;
        for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart <= position; directive = directive.GetNextDirective())
        {
            if (directive is PragmaWarningDirectiveTriviaSyntax pragma
                && (pragma.ErrorCodes.Count == 0 || pragma.ErrorCodes.Any(code => code is IdentifierNameSyntax name && name.Identifier.ValueText == id)))
            {
                disabled = pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword);
            }
        }

        return disabled;
    }
}
