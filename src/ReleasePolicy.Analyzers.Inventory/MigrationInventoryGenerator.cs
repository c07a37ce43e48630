using System;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// Writes the migration inventory: every EF Core / FluentMigrator migration with its rollback status, and what the
/// migration rules report about it, as a generated file that holds only comments (it adds nothing to the assembly).
/// </summary>
/// <remarks>
/// Why a generator: analyzers cannot write files, and the compiler's error log, the other way out, makes the compiler
/// run every info-level analyzer of every package (it skips them when no log is asked for), which doubled the compile
/// of large projects. Generators always run, and with <c>/generatedfilesout</c> the compiler writes their files where
/// the manifest task reads them. The SDK adds this assembly only to command-line builds of projects that reference a
/// migration framework, so the IDE never runs it; one pass over the compilation per build is all it costs.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class MigrationInventoryGenerator : IIncrementalGenerator
{
    /// <summary>The generated file's name; the SDK finds it under <c>ReleasePolicy.Analyzers.Inventory/&lt;this type&gt;/</c>.</summary>
    public const string HintName = "ReleasePolicy.MigrationInventory.g.cs";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inventory = context.CompilationProvider.Select(static (compilation, cancellationToken) =>
        {
            try
            {
                return MigrationInventoryFile.Render(MigrationReview.Of(compilation, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never a generator crash (CS8785) that leaves last build's file behind: the manifest task reports this.
                return MigrationInventoryFile.RenderFailure(ex);
            }
        });
        context.RegisterSourceOutput(inventory, static (output, text) => output.AddSource(HintName, text));
    }
}
