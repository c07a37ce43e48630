using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>A concrete migration class and the framework base it derives from.</summary>
internal sealed class MigrationClass
{
    private readonly MigrationSymbols _symbols;

    // Asked by several rules of one review; each is judged once per class.
    private Memo<IReadOnlyList<IMethodSymbol>> _upMethods;
    private Memo<IReadOnlyList<IMethodSymbol>> _downMethods;
    private Memo<ForwardOnlyDeclaration?> _forwardOnly;
    private Memo<DownProblem?> _downProblem;
    private Memo<bool> _inversesApply;
    private Memo<Location> _identifierLocation;

    public MigrationClass(MigrationSymbols symbols, INamedTypeSymbol type, INamedTypeSymbol frameworkBase, MigrationFramework framework, bool isAutoReversing)
    {
        _symbols = symbols;
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

    /// <summary>
    /// Accepted as it is in the team's <see cref="MigrationBaseline"/>: the rollback rules (RP1001-RP1004, RP1006,
    /// RP1007) do not report on it.
    /// </summary>
    public bool IsBaselined => _symbols.Baseline.Contains(this, _symbols);

    /// <summary>EF Core: the <c>[Migration("…")]</c> ID; FluentMigrator: the <c>[Migration(…)]</c> version; else the class name.</summary>
    public string ReadId(MigrationSymbols symbols)
    {
        var attributeType = Framework == MigrationFramework.EntityFrameworkCore
            ? symbols.EfCoreMigrationAttribute
            : symbols.FluentMigrationAttribute;
        if (attributeType is not null)
        {
            foreach (var attribute in Type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                    && attribute.ConstructorArguments.Length > 0
                    && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Primitive, Value: { } value }
                    && System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } id)
                {
                    return id;
                }
            }
        }

        return Type.Name;
    }

    /// <summary>The <c>Up</c> override declared by the migration class itself, if any.</summary>
    public IMethodSymbol? DeclaredUp => FindOverride(Type, "Up");

    /// <summary>The <c>Down</c> override declared by the migration class itself (in any partial part), if any.</summary>
    public IMethodSymbol? DeclaredDown => FindOverride(Type, "Down");

    /// <summary>
    /// The nearest <c>Down</c> override between the migration class and the framework base, or null when
    /// nothing below the framework overrides it.
    /// </summary>
    public IMethodSymbol? EffectiveDown => Effective("Down");

    /// <summary>The nearest <c>Up</c> override between the migration class and the framework base, or null.</summary>
    public IMethodSymbol? EffectiveUp => Effective("Up");

    /// <summary>
    /// The methods of the class whose bodies are its Up: the Up it declares, or, when a project base class implements
    /// Up as a template method (<c>public override void Up() =&gt; Apply();</c> with <c>protected abstract void
    /// Apply()</c>), the class's overrides of the methods that Up calls. Empty when neither exists.
    /// </summary>
    public IReadOnlyList<IMethodSymbol> UpMethods(CancellationToken cancellationToken) =>
        _upMethods.Get(() => BodyMethods(DeclaredUp, EffectiveUp, cancellationToken));

    /// <summary>The methods whose bodies are the class's Down, as <see cref="UpMethods"/> finds Up's.</summary>
    public IReadOnlyList<IMethodSymbol> DownMethods(CancellationToken cancellationToken) =>
        _downMethods.Get(() => BodyMethods(DeclaredDown, EffectiveDown, cancellationToken));

    /// <summary>The migration's forward-only declaration (<see cref="ForwardOnlyDeclaration.Find"/>), looked up once.</summary>
    internal ForwardOnlyDeclaration? ForwardOnly(Func<ForwardOnlyDeclaration?> find) => _forwardOnly.Get(find);

    /// <summary>Why Down cannot roll back (<see cref="Migrations.DownProblem.Find"/>), judged once.</summary>
    internal DownProblem? DownProblem(Func<DownProblem?> judge) => _downProblem.Get(judge);

    /// <summary>Whether RP1004 looks at the migration (<see cref="OperationInverses.AppliesTo"/>), judged once.</summary>
    internal bool InversesApply(Func<bool> judge) => _inversesApply.Get(judge);

    /// <summary>
    /// True where several analyzers each review the migration (the rule analyzers, in the IDE): the facts they share
    /// live in compilation-wide tables (<see cref="MigrationFacts"/>). False where the inventory writer is the only one.
    /// </summary>
    internal bool SharesFacts => _symbols.SharesFacts;

    private IMethodSymbol? Effective(string name)
    {
        for (var current = Type; current is not null && !IsFrameworkBase(current); current = current.BaseType)
        {
            var method = FindOverride(current, name);
            if (method is not null)
            {
                return method;
            }
        }

        return null;
    }

    private IReadOnlyList<IMethodSymbol> BodyMethods(IMethodSymbol? declared, IMethodSymbol? effective, CancellationToken cancellationToken)
    {
        if (declared is not null)
        {
            return new[] { declared };
        }

        if (effective is null)
        {
            return System.Array.Empty<IMethodSymbol>();
        }

        var result = new List<IMethodSymbol>();
        foreach (var name in MigrationFacts.TemplateCallsOf(effective, () => ReadTemplateCalls(effective, cancellationToken)))
        {
            foreach (var member in Type.GetMembers(name))
            {
                if (member is IMethodSymbol { IsOverride: true, IsStatic: false, MethodKind: MethodKind.Ordinary } method
                    && !result.Contains(method, SymbolEqualityComparer.Default))
                {
                    result.Add(method);
                }
            }
        }

        return result;
    }

    // The calls a base class's Up or Down makes on its own virtual or abstract methods, read from its syntax: Apply()
    // or this.Apply(), never base.Apply(). Read once per base method and compilation (MigrationFacts).
    private static string[] ReadTemplateCalls(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
            {
                continue;
            }

            SyntaxNode? body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
            if (body is null)
            {
                continue;
            }

            foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = invocation.Expression switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
                    _ => null,
                };
                if (name is not null
                    && !names.Contains(name)
                    && method.ContainingType.GetMembers(name).Any(member => member is IMethodSymbol { IsStatic: false } target && (target.IsAbstract || target.IsVirtual || target.IsOverride)))
                {
                    names.Add(name);
                }
            }
        }

        return names.ToArray();
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
    public Location GetIdentifierLocation(CancellationToken cancellationToken) =>
        _identifierLocation.Get(() => FindIdentifierLocation(cancellationToken));

    private Location FindIdentifierLocation(CancellationToken cancellationToken)
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
            foreach (var member in declaration.Members)
            {
                if (member is MethodDeclarationSyntax { Identifier.ValueText: "Up" or "Down" })
                {
                    return location;
                }
            }
        }

        return first ?? Type.Locations.FirstOrDefault() ?? Location.None;
    }

    internal bool IsFrameworkBase(INamedTypeSymbol type) =>
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
