using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ReleasePolicy.Analyzers.Inventory;

/// <summary>
/// The severity the compiler gives a diagnostic in this compilation, for the inventory's record of a diagnostic a
/// writer computes with a rule's own code (an analyzer never sees how the compiler filters what it reports): <c>.editorconfig</c> and global configs (which carry the mode's
/// preset), <c>/nowarn</c>, <c>/warnaserror</c> and <c>WarningsNotAsErrors</c>, the warning level, and
/// <c>#pragma warning</c>. Null when the build shows nothing (suppressed, hidden or none). <c>[SuppressMessage]</c> is
/// not read: such a finding is still recorded in the manifest, which errs on the side of telling the release reviewer.
/// </summary>
internal static class ReportedSeverity
{
    public static string? Of(Diagnostic diagnostic, CompilationOptions options, CancellationToken cancellationToken)
    {
        // The order is the compiler's (CSharpDiagnosticFilter.GetDiagnosticReport): warning level, then the command
        // line's /nowarn:id, /warnaserror+:id and /warnaserror-:id (NoWarn, WarningsAsErrors, WarningsNotAsErrors),
        // then .editorconfig, then global configs, and /warnaserror (TreatWarningsAsErrors) last.
        if (diagnostic.WarningLevel > options.WarningLevel)
        {
            return null;
        }

        var id = diagnostic.Id;
        var tree = diagnostic.Location.SourceTree;
        var isSpecified = options.SpecificDiagnosticOptions.TryGetValue(id, out var report);

        // /warnaserror-:id is recorded as Default: the rule keeps its configured severity but is never raised to an error.
        var notAsError = isSpecified && report == ReportDiagnostic.Default;
        var treeOptions = options.SyntaxTreeOptionsProvider;
        if (treeOptions is not null && (!isSpecified || notAsError)
            && ((tree is not null && treeOptions.TryGetDiagnosticValue(tree, id, cancellationToken, out var configured))
                || treeOptions.TryGetGlobalDiagnosticValue(id, cancellationToken, out configured))
            && !(notAsError && diagnostic.DefaultSeverity == DiagnosticSeverity.Warning && configured == ReportDiagnostic.Error))
        {
            isSpecified = true;
            report = !notAsError && configured == ReportDiagnostic.Warn && options.GeneralDiagnosticOption == ReportDiagnostic.Error
                ? ReportDiagnostic.Error
                : configured;
        }

        if (!isSpecified)
        {
            report = diagnostic.Descriptor.IsEnabledByDefault ? ReportDiagnostic.Default : ReportDiagnostic.Suppress;
        }

        if (report == ReportDiagnostic.Default)
        {
            report = options.GeneralDiagnosticOption switch
            {
                ReportDiagnostic.Error when diagnostic.DefaultSeverity == DiagnosticSeverity.Warning && !isSpecified => ReportDiagnostic.Error,
                ReportDiagnostic.Suppress when diagnostic.DefaultSeverity is DiagnosticSeverity.Warning or DiagnosticSeverity.Info => ReportDiagnostic.Suppress,
                _ => diagnostic.DefaultSeverity switch
                {
                    DiagnosticSeverity.Error => ReportDiagnostic.Error,
                    DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                    DiagnosticSeverity.Info => ReportDiagnostic.Info,
                    _ => ReportDiagnostic.Hidden,
                },
            };
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
        if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax root || !root.ContainsDirectives
            || !HasPragmaBefore(tree.GetText(cancellationToken), position))
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

    // Walking the directives builds their structured trivia under a lock the whole compiler shares (a thread-time trace
    // on 400 migrations: 64 ms, mostly waiting for it), for files whose only directives are #nullable or #region. A
    // scan of the text before the diagnostic for "#pragma" decides first whether there is anything to walk.
    private static bool HasPragmaBefore(SourceText text, int position)
    {
        const string pragma = "pragma";
        var end = System.Math.Min(position, text.Length) - pragma.Length;
        for (var i = 0; i < end; i++)
        {
            if (text[i] != '#')
            {
                continue;
            }

            var j = i + 1;
            while (j < end && (text[j] == ' ' || text[j] == '\t'))
            {
                j++;
            }

            var k = 0;
            while (k < pragma.Length && text[j + k] == pragma[k])
            {
                k++;
            }

            if (k == pragma.Length)
            {
                return true;
            }
        }

        return false;
    }
}
