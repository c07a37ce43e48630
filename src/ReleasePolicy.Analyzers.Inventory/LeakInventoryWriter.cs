using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReleasePolicy.Analyzers.Inventory;
using static ReleasePolicy.Analyzers.Inventory.InventoryText;
using Format = ReleasePolicy.Rules.InventoryFormat;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>
/// Writes the leak inventory: the RP3001-RP3006 findings of a compilation with the severity the build gives them, for
/// the release manifest's <c>findings</c>. It registers the leak rules' own actions
/// (<see cref="UserFacingStringAnalyzer.Register"/>, <see cref="CredentialLiteralAnalyzer.Register"/>,
/// <see cref="ExceptionDetailsAnalyzer.Register"/>) with a recorder beside the build: it reports the rules and records
/// what it reports, so the manifest and the build never disagree, and the rule analyzers stand aside
/// (<see cref="LeakInventoryOption"/>), so every user-facing string is read once. The SDK gives it its file option only
/// in the compile of a pack or publish (see docs/manifest.md), never in the inner loop, a plain build or the IDE.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LeakInventoryWriter : DiagnosticAnalyzer
{
    /// <summary>The global option (set by the SDK) naming the file to write.</summary>
    public const string FileOption = LeakInventoryOption.Key;

    /// <summary>The inventory's own diagnostic and every leak rule's: where the writer runs, it reports the rules.</summary>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
        InventoryFile.NotWrittenRule,
        UserFacingStringAnalyzer.InternalHost,
        UserFacingStringAnalyzer.PrivateAddress,
        UserFacingStringAnalyzer.TicketReference,
        UserFacingStringAnalyzer.DebugReference,
        CredentialLiteralAnalyzer.Rule,
        ExceptionDetailsAnalyzer.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None); // as the leak rules
        context.RegisterCompilationStartAction(start =>
        {
            if (!start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(FileOption, out var path) || string.IsNullOrWhiteSpace(path))
            {
                return;
            }

            var compilation = start.Compilation;
            var diagnostics = new ConcurrentQueue<Diagnostic>();
            Exception? failure = null;
            try
            {
                UserFacingStringAnalyzer.Register(start, diagnostics.Enqueue);
                CredentialLiteralAnalyzer.Register(start, diagnostics.Enqueue);
                ExceptionDetailsAnalyzer.Register(start, diagnostics.Enqueue);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failure = ex; // never AD0001: the manifest task reports the recorded failure (RP9002)
            }

            start.RegisterCompilationEndAction(end =>
            {
                string text;
                try
                {
                    if (failure is null)
                    {
                        var findings = ReviewedFinding.All(diagnostics, compilation, end.CancellationToken);
                        var builder = Header();
                        Findings(builder, findings);
                        new JsonLine(builder, Format.EndRecord).Number(Format.MigrationCount, 0).Number(Format.FlagCount, 0).Number(Format.FindingCount, findings.Count).End();
                        text = builder.ToString();
                    }
                    else
                    {
                        text = RenderFailure(failure);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    text = RenderFailure(ex);
                }

                if (InventoryFile.Write(path.Trim(), text) is { } error)
                {
                    end.ReportDiagnostic(Diagnostic.Create(InventoryFile.NotWrittenRule, Location.None, path, error));
                }
            });
        });
    }
}
