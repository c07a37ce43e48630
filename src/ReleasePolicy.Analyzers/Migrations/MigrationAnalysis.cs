using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// How every migration rule starts on a compilation: nothing at all unless it references EF Core or FluentMigrator,
/// nothing either where the migration inventory writer reports the rules itself (<see cref="MigrationInventoryOption"/>),
/// and otherwise the rule's actions, registered with the symbols resolved once per compilation.
/// </summary>
internal static class MigrationAnalysis
{
    public static void RegisterForMigrations(AnalysisContext context, Action<CompilationStartAnalysisContext, MigrationSymbols> register) =>
        context.RegisterCompilationStartAction(compilationContext =>
        {
            if (!MigrationInventoryOption.WriterReportsRules(compilationContext.Options)
                && MigrationSymbols.TryCreate(compilationContext.Compilation) is { } symbols)
            {
                // Every rule reads the same options of the same compilation: the value is the same whoever sets it.
                symbols.Baseline = MigrationBaseline.Read(compilationContext.Options);
                symbols.SharesFacts = true;
                register(compilationContext, symbols);
            }
        });
}
