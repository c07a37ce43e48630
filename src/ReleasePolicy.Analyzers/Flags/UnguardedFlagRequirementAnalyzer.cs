using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>RP2001: code that requires a flag is reached where no check of that flag guards it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnguardedFlagRequirementAnalyzer : DiagnosticAnalyzer
{
    internal const string FlagProperty = "Flag";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.UnguardedFlagRequirement,
        title: RuleCatalogue.UnguardedFlagRequirement.Title,
        messageFormat: "'{0}' requires feature flag '{1}', but no check of '{1}' guards this call; call it only where '{1}' is enabled, or declare that the caller requires '{1}'",
        RuleCategories.FeatureFlags,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A member marked with a flag-requirement attribute ([RequiresFeature], [RequiresFeatureFlag], [FeatureGate]) must only run when its flag is on. Check the same flag before the call, or mark the caller as requiring it.",
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
    /// same findings for the manifest). Test projects are left out here, as by the analyzer.
    /// </summary>
    internal static void Register(CompilationStartAnalysisContext start, FlagApi api, Action<OperationAnalysisContext, Diagnostic> report)
    {
        if (api.IsTestProject)
        {
            return;
        }

        var requirements = new FlagRequirement.Cache(api);
        var guard = new FlagGuard(api);
        start.RegisterOperationAction(
            operation => Analyze(operation, requirements, guard, report),
            OperationKind.Invocation,
            OperationKind.ObjectCreation);
    }

    private static void Analyze(OperationAnalysisContext context, FlagRequirement.Cache requirements, FlagGuard guard, Action<OperationAnalysisContext, Diagnostic> report)
    {
        var target = context.Operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };
        if (target is null || target.MethodKind == MethodKind.LocalFunction)
        {
            return;
        }

        var requirement = requirements.Of(target);
        if (requirement.IsEmpty)
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

        var member = target.MethodKind == MethodKind.Constructor ? target.ContainingType.Name : target.ContainingType.Name + "." + target.Name;
        report(context, Diagnostic.Create(
            Rule,
            context.Operation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FlagProperty, unguarded),
            member,
            unguarded));
    }
}
