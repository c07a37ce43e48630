using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// RP2001: code that requires a flag is reached where no check of that flag guards it: called or created, a property or
/// indexer read or written, an event subscribed to, or a method taken as a delegate.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnguardedFlagRequirementAnalyzer : DiagnosticAnalyzer
{
    internal const string FlagProperty = "Flag";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.UnguardedFlagRequirement,
        title: RuleCatalogue.UnguardedFlagRequirement.Title,
        messageFormat: "'{0}' requires feature flag '{1}', but no check of '{1}' guards this use; use it only where '{1}' is enabled, or declare that the caller requires '{1}'",
        RuleCategories.FeatureFlags,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A member marked with a flag-requirement attribute ([RequiresFeature], [RequiresFeatureFlag], [FeatureGate]) must only run when its flag is on. Check the same flag before the call or use, or mark the caller as requiring it.",
        helpLinkUri: RuleCatalogue.UnguardedFlagRequirement.HelpLink);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Tests call flagged code directly on purpose; they are not a path to production.
            if (FlagInventoryOption.WriterReportsRules(start.Options) || FlagApi.TryCreate(start.Compilation, start.Options) is not { } api || api.IsTestProject)
            {
                return;
            }

            Register(start, api, (context, diagnostic) => context.ReportDiagnostic(diagnostic));
        });
    }

    /// <summary>
    /// The rule's action with <paramref name="report"/> in place of the build (the feature-flag inventory records the
    /// same findings for the manifest). Test projects are left out here, as by the analyzer, and so is a compilation
    /// in which no assembly declares a requirement attribute.
    /// </summary>
    internal static void Register(CompilationStartAnalysisContext start, FlagApi api, Action<OperationAnalysisContext, Diagnostic> report)
    {
        if (api.IsTestProject || FlagRequirement.Cache.Create(start.Compilation, api) is not { } requirements)
        {
            return;
        }

        var guard = new FlagGuard(api);
        start.RegisterOperationAction(
            operation => Analyze(operation, requirements, guard, report),
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.PropertyReference,
            OperationKind.EventReference,
            OperationKind.MethodReference);
    }

    private static void Analyze(OperationAnalysisContext context, FlagRequirement.Cache requirements, FlagGuard guard, Action<OperationAnalysisContext, Diagnostic> report)
    {
        if (Target(context.Operation) is not { } target)
        {
            return;
        }

        var requirement = requirements.Of(target);
        if (requirement.IsEmpty || !IsCall(context.Operation) && IsInsideDeclaringType(context.ContainingSymbol, target))
        {
            return;
        }

        // Any-of: a caller gated on one of the flags, or on an any-of gate among them, is enough.
        if (requirement.AnyOf && requirements.RequiresOneOf(context.ContainingSymbol, requirement.Flags))
        {
            return;
        }

        string? unguarded = null;
        foreach (var flag in requirement.Flags)
        {
            var guarded = requirements.Requires(context.ContainingSymbol, flag) || guard.IsGuarded(context.Operation, flag);
            if (guarded && requirement.AnyOf)
            {
                return;
            }

            if (!guarded)
            {
                unguarded ??= flag;
            }
        }

        if (unguarded is null)
        {
            return;
        }

        report(context, Diagnostic.Create(
            Rule,
            context.Operation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FlagProperty, unguarded),
            MemberName(target),
            unguarded));
    }

    /// <summary>
    /// The member the operation reaches: a call's method, a creation's constructor, a property or indexer read or
    /// written, an event subscribed to, a method taken as a delegate (<c>items.ForEach(wallet.Charge)</c>). None for a
    /// local function, and none for removing an event handler, which runs nothing of the event's.
    /// </summary>
    private static ISymbol? Target(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => NotLocal(invocation.TargetMethod),
        IObjectCreationOperation creation => creation.Constructor,
        IPropertyReferenceOperation property => property.Property,
        IEventReferenceOperation { Parent: IEventAssignmentOperation { Adds: false } } => null,
        IEventReferenceOperation subscription => subscription.Event,
        IMethodReferenceOperation method => NotLocal(method.Method),
        _ => null,
    };

    private static IMethodSymbol? NotLocal(IMethodSymbol method) => method.MethodKind == MethodKind.LocalFunction ? null : method;

    /// <summary>A call, now or later: a method taken as a delegate is called wherever the delegate goes (<c>app.MapPost("/pay", Pay)</c>).</summary>
    private static bool IsCall(IOperation operation) => operation is IInvocationOperation or IObjectCreationOperation or IMethodReferenceOperation;

    /// <summary>
    /// A property or event used inside the type that declares it (its constructor setting the property, its own
    /// getter, raising its own event) is the type's state, not a path into the flagged member from outside. Calls keep
    /// being checked there: a method calling its flagged sibling, or mapping it as an endpoint, is a path.
    /// </summary>
    private static bool IsInsideDeclaringType(ISymbol? containing, ISymbol target)
    {
        var declaring = target.ContainingType?.OriginalDefinition;
        for (var type = containing as INamedTypeSymbol ?? containing?.ContainingType; type is not null && declaring is not null; type = type.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>As messages name it: <c>WalletPayments.ChargeWithWallet</c>, <c>PriceList.this[]</c>, the type for a constructor.</summary>
    private static string MemberName(ISymbol target) =>
        target is IMethodSymbol { MethodKind: MethodKind.Constructor } ? target.ContainingType.Name : target.ContainingType.Name + "." + target.Name;
}
