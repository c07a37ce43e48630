using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>
/// RP3005: an exception's message, stack trace, <c>ToString()</c>, inner exception or the exception object itself
/// reaching a response, problem details or another user-facing sink, and <c>UseDeveloperExceptionPage()</c>, unless a
/// development-only guard dominates it (<see cref="DevelopmentGuard"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionDetailsAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ExceptionDetailsInResponse,
        title: RuleCatalogue.ExceptionDetailsInResponse.Title,
        messageFormat: "Exception details ({0}) reach users through {1} outside a development-only guard; return a generic message with the trace identifier and log the exception",
        RuleCategories.Leaks,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Exception messages and stack traces name servers, files, queries and versions; outside development they belong in the logs, and the user gets a trace identifier to quote.",
        helpLinkUri: RuleCatalogue.ExceptionDetailsInResponse.HelpLink);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!LeakInventoryOption.WriterReportsRules(start.Options))
            {
                Register(start, record: null);
            }
        });
    }

    /// <summary>The rule's actions; given <paramref name="record"/>, they also hand it their diagnostics (the leak inventory, which then reports the rule: see <see cref="LeakInventoryOption"/>).</summary>
    internal static void Register(CompilationStartAnalysisContext start, System.Action<Diagnostic>? record)
    {
        if (UserFacingSinks.TryCreate(start.Compilation, start.Options) is not { } sinks || sinks.Exception is null)
        {
            return;
        }

        SinkOperations.Register(start, sinks, (operationContext, value, sink) => Analyze(new LeakInventoryOption.OperationReport(operationContext, record), value, sink, sinks));

        if (KnownTypes.Find(start.Compilation, "Microsoft.AspNetCore.Builder.DeveloperExceptionPageExtensions", "Microsoft.AspNetCore") is { } developerPage)
        {
            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (invocation.TargetMethod.Name == "UseDeveloperExceptionPage"
                        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, developerPage)
                        && !DevelopmentGuard.Dominates(invocation.Syntax))
                    {
                        new LeakInventoryOption.OperationReport(operationContext, record).Report(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), "the developer exception page", "UseDeveloperExceptionPage"));
                    }
                },
                OperationKind.Invocation);
        }
    }

    private static void Analyze(LeakInventoryOption.OperationReport report, IOperation value, string sink, UserFacingSinks sinks)
    {
        foreach (var detail in SinkValues.Read(value, sinks).ExceptionDetails)
        {
            if (!DevelopmentGuard.Dominates(detail.Syntax))
            {
                report.Report(Diagnostic.Create(Rule, detail.Syntax.GetLocation(), detail.Syntax.ToString(), sink));
            }
        }
    }
}
