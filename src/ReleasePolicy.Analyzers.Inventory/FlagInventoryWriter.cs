using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReleasePolicy.Analyzers.Inventory;
using static ReleasePolicy.Analyzers.Inventory.InventoryText;
using Format = ReleasePolicy.Rules.InventoryFormat;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// Writes the feature-flag inventory for the release manifest's <c>featureFlags</c>: every flag the project declares
/// or references, where it is declared, how many places reference it, its expiry, and whether it has expired or is
/// undeclared; with the RP2001–RP2004 and RP2006 findings the build gives them. Written by the declaration rules' own code
/// (<see cref="FlagReferenceActions"/>, <see cref="FlagDeclarationAnalyzer.Check"/>), so the inventory and the
/// diagnostics never disagree. Where it runs it also reports those rules (and RP2005) to the build, and the rule
/// analyzers stand aside (<see cref="FlagInventoryOption"/>): one pass over the code, not one for the rules and a
/// second one for the inventory. Like the migration inventory (see <see cref="Migrations.MigrationInventoryWriter"/>
/// for why a file and not the compiler's error log), it runs only in command-line builds where the SDK gives it the
/// file option: projects that reference a flag library or list <c>ReleaseFeatureFlagSource</c> items.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlagInventoryWriter : DiagnosticAnalyzer
{
    /// <summary>The global option (set by the SDK) naming the file to write.</summary>
    public const string FileOption = FlagInventoryOption.Key;

    internal static DiagnosticDescriptor NotWrittenRule => InventoryFile.NotWrittenRule;

    /// <summary>The inventory's own diagnostic and every flag rule's: where the writer runs, it reports the rules (see <see cref="FlagInventoryOption"/>).</summary>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
        NotWrittenRule,
        FlagDeclarationAnalyzer.InventoryRule,
        FlagCheckAnalyzer.NonConstantKeyRule,
        FlagCheckAnalyzer.DiscardedRule,
        FlagCheckAnalyzer.NotAwaitedRule,
        UnguardedFlagRequirementAnalyzer.Rule,
        FlagDeclarationAnalyzer.UndeclaredRule,
        FlagDeclarationAnalyzer.UndeclaredWithSuggestionRule,
        FlagDeclarationAnalyzer.ExpiredRule,
        FlagDeclarationAnalyzer.UnreferencedRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None); // as the flag rules
        context.RegisterCompilationStartAction(start =>
        {
            if (!start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(FileOption, out var path) || string.IsNullOrWhiteSpace(path))
            {
                return;
            }

            var compilation = start.Compilation;
            FlagSources? sources = null;
            var usage = new FlagUsage();
            var diagnostics = new ConcurrentQueue<Diagnostic>();
            var today = DateTime.UtcNow.Date;
            Exception? failure = null;
            try
            {
                if (FlagApi.TryCreate(compilation, start.Options) is { } api)
                {
                    sources = FlagSources.Read(compilation, start.Options, api, start.CancellationToken);
                    today = FlagExpiry.ParseDate(api.Options.Today) ?? today;
                    var declared = sources;
                    // The rules' own actions, reported to the build as the rule analyzers would (they stand aside here)
                    // and recorded for the manifest: one pass for both.
                    void ReportAndRecord(OperationAnalysisContext operation, Diagnostic diagnostic)
                    {
                        diagnostics.Enqueue(diagnostic);
                        operation.ReportDiagnostic(diagnostic);
                    }

                    FlagCheckAnalyzer.Register(start, api, ReportAndRecord);
                    UnguardedFlagRequirementAnalyzer.Register(start, api, ReportAndRecord);
                    FlagReferenceActions.Register(start, api, reference =>
                    {
                        if (declared.HasSource)
                        {
                            var diagnostic = FlagDeclarationAnalyzer.Check(reference, declared, today, usage);
                            if (diagnostic is not null)
                            {
                                diagnostics.Enqueue(diagnostic);
                            }

                            return diagnostic;
                        }

                        if (reference.Flag is { } flag)
                        {
                            usage.AddReference(flag);
                        }

                        return null;
                    });
                }
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
                    if (failure is null && sources is { HasSource: true })
                    {
                        FlagDeclarationAnalyzer.ReportUnreferenced(end.ReportDiagnostic, end.Compilation, sources, usage, end.CancellationToken);
                    }

                    if (failure is null)
                    {
                        var entries = FlagEntry.Of(sources, usage, today);
                        foreach (var entry in entries)
                        {
                            end.ReportDiagnostic(entry.ToDiagnostic());
                        }

                        text = Render(entries, ReviewedFinding.All(diagnostics, compilation, end.CancellationToken));
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
                    end.ReportDiagnostic(Diagnostic.Create(NotWrittenRule, Location.None, path, error));
                }
            });
        });
    }

    private static string Render(List<FlagEntry> flags, List<ReviewedFinding> findings)
    {
        var text = Header();
        foreach (var flag in flags)
        {
            var line = new JsonLine(text, Format.FlagRecord)
                .String(Format.Name, flag.Name)
                .Number(Format.References, flag.References);
            if (flag.Expires is { } expires)
            {
                line.String(Format.Expires, FlagExpiry.Format(expires));
            }

            if (flag.Expired)
            {
                line.Boolean(Format.Expired, true);
            }

            if (flag.Undeclared)
            {
                line.Boolean(Format.Undeclared, true);
            }

            line.Location(flag.Location).End();
        }

        Findings(text, findings);
        new JsonLine(text, Format.EndRecord).Number(Format.MigrationCount, 0).Number(Format.FlagCount, flags.Count).Number(Format.FindingCount, findings.Count).End();
        return text.ToString();
    }
}
