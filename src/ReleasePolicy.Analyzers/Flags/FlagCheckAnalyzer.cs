using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// How a flag check is called: RP2004 (the key is not a compile-time constant) and RP2006 (the result is thrown
/// away, or a <c>Task&lt;bool&gt;</c> check is used without being awaited).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlagCheckAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor NonConstantKeyRule = new(
        RuleIds.NonConstantFlagKey,
        title: RuleCatalogue.NonConstantFlagKey.Title,
        messageFormat: "The flag key passed to '{0}' is not a compile-time constant; pass a constant, a nameof or a member of the flags type, so the flag can be checked against its sources",
        RuleCategories.FeatureFlags,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A computed flag key (concatenation, interpolation, a parameter) cannot be checked for typos, expiry or guards. Name flags with constants.",
        helpLinkUri: RuleCatalogue.NonConstantFlagKey.HelpLink);

    internal static readonly DiagnosticDescriptor DiscardedRule = new(
        RuleIds.DiscardedFlagCheck,
        title: RuleCatalogue.DiscardedFlagCheck.Title,
        messageFormat: "The result of '{0}' for flag '{1}' is thrown away, so nothing depends on the flag; use the result to guard the flagged code, or remove the check",
        RuleCategories.FeatureFlags,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A flag check whose result is discarded guards nothing.",
        helpLinkUri: RuleCatalogue.DiscardedFlagCheck.HelpLink);

    internal static readonly DiagnosticDescriptor NotAwaitedRule = new(
        RuleIds.DiscardedFlagCheck,
        title: RuleCatalogue.DiscardedFlagCheck.Title,
        messageFormat: "'{0}' for flag '{1}' is not awaited: {2}; await the check and test its result",
        RuleCategories.FeatureFlags,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A Task<bool> flag check tested with IsCompleted says nothing about the flag, and blocking on it holds a request thread.",
        helpLinkUri: RuleCatalogue.DiscardedFlagCheck.HelpLink);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NonConstantKeyRule, DiscardedRule, NotAwaitedRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!FlagInventoryOption.WriterReportsRules(start.Options) && FlagApi.TryCreate(start.Compilation, start.Options) is { } api)
            {
                Register(start, api, (context, diagnostic) => context.ReportDiagnostic(diagnostic));
            }
        });
    }

    /// <summary>
    /// The rules' actions with <paramref name="report"/> in place of the build: the analyzer reports to the compiler,
    /// the feature-flag inventory records the same findings for the manifest.
    /// </summary>
    internal static void Register(CompilationStartAnalysisContext start, FlagApi api, Action<OperationAnalysisContext, Diagnostic> report) =>
        start.RegisterOperationAction(operation => Analyze(operation, api, report), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, FlagApi api, Action<OperationAnalysisContext, Diagnostic> report)
    {
        if (api.GetCheck((IInvocationOperation)context.Operation) is not { } check)
        {
            return;
        }

        var key = check.KeyArgument;
        if (check.Flag is null && key is not null && !IsInsideCheckWrapper(context.ContainingSymbol, api))
        {
            report(context, Diagnostic.Create(NonConstantKeyRule, key.Value.Syntax.GetLocation(), check.ApiName));
        }

        var flag = check.Flag ?? key?.Value.Syntax.ToString() ?? "?";
        var (top, awaited) = Outermost(check.Invocation);
        if (IsDiscarded(top))
        {
            report(context, Diagnostic.Create(DiscardedRule, check.Invocation.Syntax.GetLocation(), check.ApiName, flag));
            return;
        }

        if (!awaited && check.IsBoolean && NotAwaitedUse(top, api) is { } problem)
        {
            report(context, Diagnostic.Create(NotAwaitedRule, check.Invocation.Syntax.GetLocation(), check.ApiName, flag, problem));
        }
    }

    /// <summary>A wrapper the user registered as a check method passes its own parameter on; that is the point of it.</summary>
    private static bool IsInsideCheckWrapper(ISymbol? containing, FlagApi api) =>
        containing is IMethodSymbol method && api.IsCheckMethod(method);

    /// <summary>The expression the check's value ends up as: through <c>.ConfigureAwait(...)</c>, <c>await</c> and conversions.</summary>
    private static (IOperation Top, bool Awaited) Outermost(IOperation check)
    {
        var current = check;
        var awaited = false;
        while (current.Parent is { } parent)
        {
            if (parent is IAwaitOperation)
            {
                awaited = true;
            }
            else if (!(parent is IConversionOperation
                || parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == current))
            {
                break;
            }

            current = parent;
        }

        return (current, awaited);
    }

    /// <summary><c>fm.IsEnabledAsync("X");</c>, <c>await fm.IsEnabledAsync("X");</c>, <c>_ = fm.IsEnabledAsync("X");</c>.</summary>
    private static bool IsDiscarded(IOperation top) =>
        top.Parent is IExpressionStatementOperation
        || top.Parent is ISimpleAssignmentOperation { Target: IDiscardOperation } discard && discard.Value == top && discard.Parent is IExpressionStatementOperation;

    /// <summary>What is wrong with a use of the un-awaited task, or null when it is used in a way that is fine (returned, passed on).</summary>
    private static string? NotAwaitedUse(IOperation top, FlagApi api)
    {
        if (Problem(top.Parent, top, api) is { } direct)
        {
            return direct;
        }

        // var pending = fm.IsEnabledAsync("X"); ... if (pending.IsCompleted) — unless the task is awaited somewhere.
        if (top.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } })
        {
            var root = top;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            string? problem = null;
            foreach (var descendant in root.Descendants())
            {
                if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    if (AwaitedOrPassedOn(reference))
                    {
                        return null;
                    }

                    problem ??= Problem(reference.Parent, reference, api);
                }
            }

            return problem;
        }

        return null;
    }

    private static bool AwaitedOrPassedOn(IOperation reference)
    {
        var current = reference;
        while (current.Parent is IConversionOperation or IArrayInitializerOperation or IArrayCreationOperation or IInvocationOperation { TargetMethod.Name: "ConfigureAwait" })
        {
            current = current.Parent;
        }

        return current.Parent is IAwaitOperation or IArgumentOperation or IReturnOperation;
    }

    private static string? Problem(IOperation? parent, IOperation task, FlagApi api) => parent switch
    {
        IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" } property when property.Instance == task =>
            $"'.{property.Property.Name}' tells whether the check finished, not whether the flag is on",
        IPropertyReferenceOperation { Property.Name: "Result" } property when property.Instance == task && api.IsAspNetCore =>
            "'.Result' blocks a request thread until the check finishes",
        IInvocationOperation { TargetMethod.Name: "GetAwaiter" } getAwaiter when getAwaiter.Instance == task && api.IsAspNetCore
            && getAwaiter.Parent is IInvocationOperation { TargetMethod.Name: "GetResult" } =>
            "'.GetAwaiter().GetResult()' blocks a request thread until the check finishes",
        IInvocationOperation { TargetMethod.Name: "Wait" } wait when wait.Instance == task && api.IsAspNetCore =>
            "'.Wait()' blocks a request thread until the check finishes",
        _ => null,
    };
}
