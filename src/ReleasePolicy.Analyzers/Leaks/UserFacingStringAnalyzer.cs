using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReleasePolicy.Rules.Leaks;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>
/// RP3001, RP3002, RP3004, RP3006: an internal host, a private address, a ticket reference or a debug reference in a
/// string that reaches a user (see <see cref="UserFacingSinks"/>). Strings that go nowhere near a user (a list of
/// private ranges in an SSRF guard, a log message, a constant only compared against) are not read at all.
/// One diagnostic per string and kind, listing what it found.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UserFacingStringAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor InternalHost = Rule(
        RuleIds.InternalHostInUserFacingString,
        RuleCatalogue.InternalHostInUserFacingString,
        "Internal host {0} reaches users through {1}; show a public name or a generic message, and keep the host in the logs");

    internal static readonly DiagnosticDescriptor PrivateAddress = Rule(
        RuleIds.PrivateAddressInUserFacingString,
        RuleCatalogue.PrivateAddressInUserFacingString,
        "Private IP address {0} reaches users through {1}; show a generic message, and keep the address in the logs");

    internal static readonly DiagnosticDescriptor TicketReference = Rule(
        RuleIds.TicketReferenceInUserFacingString,
        RuleCatalogue.TicketReferenceInUserFacingString,
        "Internal ticket reference {0} reaches users through {1}; say what changed in the user's words instead");

    internal static readonly DiagnosticDescriptor DebugReference = Rule(
        RuleIds.DebugReferenceInUserFacingString,
        RuleCatalogue.DebugReferenceInUserFacingString,
        "Debug reference {0} reaches users through {1}; remove the path, stack trace or localhost address from the message");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(InternalHost, PrivateAddress, TicketReference, DebugReference);

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

    /// <summary>The rules' actions; given <paramref name="record"/>, they also hand it their diagnostics (the leak inventory, which then reports the rule: see <see cref="LeakInventoryOption"/>).</summary>
    internal static void Register(CompilationStartAnalysisContext start, Action<Diagnostic>? record)
    {
        var options = new LeakOptions(start.Options);

        // Localized resources reach users whatever the framework.
        start.RegisterAdditionalFileAction(fileContext => AnalyzeResources(LeakInventoryOption.ReportAnd(fileContext.ReportDiagnostic, record), fileContext.AdditionalFile, options, fileContext.CancellationToken));

        if (UserFacingSinks.TryCreate(start.Compilation, start.Options) is not { } sinks)
        {
            return;
        }

        SinkOperations.Register(start, sinks, (operationContext, value, sink) => Analyze(new LeakInventoryOption.OperationReport(operationContext, record), value, sink, sinks, options));
    }

    private static void Analyze(LeakInventoryOption.OperationReport report, IOperation value, string sink, UserFacingSinks sinks, LeakOptions options)
    {
        var read = SinkValues.Read(value, sinks);
        if (read.Texts.Count == 0)
        {
            return;
        }

        var settings = options.For(value.Syntax.SyntaxTree);
        foreach (var text in read.Texts)
        {
            var findings = InternalIdentifierDetector.Find(text.Text, settings);
            if (findings.Count == 0)
            {
                continue;
            }

            Report(report, InternalHost, LeakKind.InternalHost, findings, text, sink);
            Report(report, PrivateAddress, LeakKind.PrivateAddress, findings, text, sink);
            Report(report, TicketReference, LeakKind.TicketReference, findings, text, sink);
            Report(report, DebugReference, LeakKind.DebugReference, findings, text, sink);
        }
    }

    private static void AnalyzeResources(Action<Diagnostic> report, AdditionalText file, LeakOptions options, System.Threading.CancellationToken cancellationToken)
    {
        if (!ResourceStrings.IsResx(file) || file.GetText(cancellationToken) is not { } text)
        {
            return;
        }

        var settings = options.For(file);
        var fileName = System.IO.Path.GetFileName(file.Path);
        foreach (var (name, value, location) in ResourceStrings.Read(file, text))
        {
            var findings = InternalIdentifierDetector.Find(value, settings);
            var sink = "resource '" + name + "' in " + fileName;
            foreach (var (descriptor, kind) in new[] { (InternalHost, LeakKind.InternalHost), (PrivateAddress, LeakKind.PrivateAddress), (TicketReference, LeakKind.TicketReference), (DebugReference, LeakKind.DebugReference) })
            {
                if (InternalIdentifierDetector.Contains(findings, kind))
                {
                    report(Diagnostic.Create(descriptor, location, LeakMessages.List(findings.Where(f => f.Kind == kind)), sink));
                }
            }
        }
    }

    private static void Report(LeakInventoryOption.OperationReport report, DiagnosticDescriptor descriptor, LeakKind kind, System.Collections.Generic.IReadOnlyList<LeakFinding> findings, SinkText text, string sink)
    {
        if (InternalIdentifierDetector.Contains(findings, kind))
        {
            report.Report(Diagnostic.Create(descriptor, text.Location, LeakMessages.List(findings.Where(f => f.Kind == kind)), sink));
        }
    }

    private static DiagnosticDescriptor Rule(string id, PolicyRule rule, string message) => new(
        id,
        title: rule.Title,
        messageFormat: message,
        RuleCategories.Leaks,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A string that reaches a user (an HTTP result, problem details, a response write, a validation message) must not name the organisation's internal systems.",
        helpLinkUri: rule.HelpLink);
}
