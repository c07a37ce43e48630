using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>A concrete migration class and the framework base it derives from.</summary>
internal sealed class MigrationClass
{
    public MigrationClass(INamedTypeSymbol type, INamedTypeSymbol frameworkBase, MigrationFramework framework, bool isAutoReversing)
    {
        Type = type;
        FrameworkBase = frameworkBase;
        Framework = framework;
        IsAutoReversing = isAutoReversing;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>EF Core's or FluentMigrator's own base class (never a project base class).</summary>
    public INamedTypeSymbol FrameworkBase { get; }

    public MigrationFramework Framework { get; }

    /// <summary>True for FluentMigrator's <c>AutoReversingMigration</c>, whose Down is derived from Up.</summary>
    public bool IsAutoReversing { get; }

    /// <summary>The <c>Up</c> override declared by the migration class itself, if any.</summary>
    public IMethodSymbol? DeclaredUp => FindOverride(Type, "Up");

    /// <summary>The <c>Down</c> override declared by the migration class itself (in any partial part), if any.</summary>
    public IMethodSymbol? DeclaredDown => FindOverride(Type, "Down");

    /// <summary>
    /// The nearest <c>Down</c> override between the migration class and the framework base, or null when
    /// nothing below the framework overrides it.
    /// </summary>
    public IMethodSymbol? EffectiveDown
    {
        get
        {
            for (var current = Type; current is not null && !IsFrameworkBase(current); current = current.BaseType)
            {
                var down = FindOverride(current, "Down");
                if (down is not null)
                {
                    return down;
                }
            }

            return null;
        }
    }

    /// <summary>True when the framework's own Down is abstract, so a missing override is already a compiler error.</summary>
    public bool FrameworkDownIsAbstract
    {
        get
        {
            for (var current = FrameworkBase; current is not null; current = current.BaseType)
            {
                var down = current.GetMembers("Down").OfType<IMethodSymbol>().FirstOrDefault(m => !m.IsStatic);
                if (down is not null)
                {
                    return down.IsAbstract;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The identifier of the class declaration to report on: the part that declares Up or Down when the class is
    /// partial (EF Core puts the other part in a generated .Designer.cs file), otherwise the first declaration.
    /// </summary>
    public Location GetIdentifierLocation(CancellationToken cancellationToken)
    {
        Location? first = null;
        foreach (var reference in Type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            var location = declaration.Identifier.GetLocation();
            first ??= location;
            if (declaration.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText is "Up" or "Down"))
            {
                return location;
            }
        }

        return first ?? Type.Locations.FirstOrDefault() ?? Location.None;
    }

    private bool IsFrameworkBase(INamedTypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, FrameworkBase);

    private static IMethodSymbol? FindOverride(INamedTypeSymbol type, string name)
    {
        // The override modifier is enough: code that does not compile (an unresolved MigrationBuilder) must not
        // make a written Down look missing.
        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol { IsOverride: true, IsStatic: false, MethodKind: MethodKind.Ordinary } method)
            {
                return method;
            }
        }

        return null;
    }
}
