using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Migrations;

internal enum MigrationFramework
{
    EntityFrameworkCore,
    FluentMigrator,
}

/// <summary>
/// The migration framework types a compilation can see, resolved once per compilation by metadata name
/// so that the analyzers never depend on EF Core or FluentMigrator themselves.
/// </summary>
internal sealed class MigrationSymbols
{
    public const string EfCoreMigrationName = "Microsoft.EntityFrameworkCore.Migrations.Migration";
    public const string EfCoreMigrationBuilderName = "Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder";
    public const string FluentMigrationName = "FluentMigrator.Migration";
    public const string FluentAutoReversingMigrationName = "FluentMigrator.AutoReversingMigration";
    public const string EfCoreMigrationAttributeName = "Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute";
    public const string FluentMigrationAttributeName = "FluentMigrator.MigrationAttribute";

    private MigrationSymbols(
        INamedTypeSymbol? efCoreMigration,
        INamedTypeSymbol? efCoreMigrationBuilder,
        INamedTypeSymbol? fluentMigration,
        INamedTypeSymbol? fluentAutoReversingMigration,
        INamedTypeSymbol? efCoreMigrationAttribute,
        INamedTypeSymbol? fluentMigrationAttribute)
    {
        EfCoreMigration = efCoreMigration;
        EfCoreMigrationBuilder = efCoreMigrationBuilder;
        FluentMigration = fluentMigration;
        FluentAutoReversingMigration = fluentAutoReversingMigration;
        EfCoreMigrationAttribute = efCoreMigrationAttribute;
        FluentMigrationAttribute = fluentMigrationAttribute;
    }

    public INamedTypeSymbol? EfCoreMigration { get; }

    public INamedTypeSymbol? EfCoreMigrationBuilder { get; }

    public INamedTypeSymbol? FluentMigration { get; }

    public INamedTypeSymbol? FluentAutoReversingMigration { get; }

    /// <summary>EF Core's <c>[Migration("20260305141500_AddOrderNotes")]</c>, which holds the migration ID.</summary>
    public INamedTypeSymbol? EfCoreMigrationAttribute { get; }

    /// <summary>FluentMigrator's <c>[Migration(20260305141500)]</c>, which holds the version.</summary>
    public INamedTypeSymbol? FluentMigrationAttribute { get; }

    /// <summary>The migrations accepted as they are (<see cref="MigrationBaseline"/>), from the compilation's options.</summary>
    public MigrationBaseline Baseline { get; set; } = MigrationBaseline.Empty;

    /// <summary>
    /// Set by the rule analyzers, which each review every migration and share what they compute through
    /// <see cref="MigrationFacts"/>; the inventory writer, where it runs, is the only reviewer and keeps its facts on
    /// the migration (<see cref="MigrationClass"/>) instead, without a compilation-wide table's locks.
    /// </summary>
    public bool SharesFacts { get; set; }

    // Seven rules start on the same compilation; resolving their symbols once and sharing the result saves six rounds
    // of GetTypeByMetadataName. Keyed weakly, so the cache never keeps a compilation alive (as Roslyn's own analyzers do).
    private static readonly ConditionalWeakTable<Compilation, Resolution> Cache = new();

    // Where the frameworks' types live (EF Core's Migration in Microsoft.EntityFrameworkCore.Relational, FluentMigrator's
    // in FluentMigrator and FluentMigrator.Abstractions): only those assemblies are asked, see KnownTypes.
    private const string EfCore = "Microsoft.EntityFrameworkCore";
    private const string FluentMigrator = "FluentMigrator";

    /// <summary>
    /// Returns null when the compilation references neither EF Core nor FluentMigrator. Resolved once per compilation
    /// and shared by every migration rule.
    /// </summary>
    public static MigrationSymbols? TryCreate(Compilation compilation) =>
        Cache.GetValue(compilation, static c => new Resolution(Resolve(c))).Symbols;

    private static MigrationSymbols? Resolve(Compilation compilation)
    {
        var efCoreMigration = KnownTypes.Find(compilation, EfCoreMigrationName, EfCore);
        var fluentMigration = KnownTypes.Find(compilation, FluentMigrationName, FluentMigrator);
        var fluentAutoReversing = KnownTypes.Find(compilation, FluentAutoReversingMigrationName, FluentMigrator);
        if (efCoreMigration is null && fluentMigration is null && fluentAutoReversing is null)
        {
            return null;
        }

        return new MigrationSymbols(
            efCoreMigration,
            KnownTypes.Find(compilation, EfCoreMigrationBuilderName, EfCore),
            fluentMigration,
            fluentAutoReversing,
            KnownTypes.Find(compilation, EfCoreMigrationAttributeName, EfCore),
            KnownTypes.Find(compilation, FluentMigrationAttributeName, FluentMigrator));
    }

    /// <summary>
    /// Recognises a concrete migration class: a non-abstract class deriving, directly or through project base
    /// classes, from EF Core's or FluentMigrator's <c>Migration</c>.
    /// </summary>
    public MigrationClass? GetMigrationClass(INamedTypeSymbol? type)
    {
        if (type is null || type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic)
        {
            return null;
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            var definition = baseType.OriginalDefinition;
            if (EfCoreMigration is not null && SymbolEqualityComparer.Default.Equals(definition, EfCoreMigration))
            {
                return new MigrationClass(this, type, definition, MigrationFramework.EntityFrameworkCore, isAutoReversing: false);
            }

            if (FluentMigration is not null && SymbolEqualityComparer.Default.Equals(definition, FluentMigration))
            {
                return new MigrationClass(this, type, definition, MigrationFramework.FluentMigrator, isAutoReversing: false);
            }

            if (FluentAutoReversingMigration is not null && SymbolEqualityComparer.Default.Equals(definition, FluentAutoReversingMigration))
            {
                return new MigrationClass(this, type, definition, MigrationFramework.FluentMigrator, isAutoReversing: true);
            }
        }

        return null;
    }

    /// <summary>
    /// Recognises a project's own abstract base migration (declared in this compilation, deriving from EF Core's or
    /// FluentMigrator's <c>Migration</c>): where a family of migrations can be declared forward-only once.
    /// </summary>
    public bool IsProjectMigrationBase(INamedTypeSymbol? type)
    {
        if (type is null || type.TypeKind != TypeKind.Class || !type.IsAbstract || type.IsStatic || !type.Locations.Any(location => location.IsInSource))
        {
            return false;
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            var definition = baseType.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, EfCoreMigration)
                || SymbolEqualityComparer.Default.Equals(definition, FluentMigration)
                || SymbolEqualityComparer.Default.Equals(definition, FluentAutoReversingMigration))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A box, because the cache cannot hold null for "no migration framework here".</summary>
    private sealed class Resolution
    {
        public Resolution(MigrationSymbols? symbols) => Symbols = symbols;

        public MigrationSymbols? Symbols { get; }
    }
}
