using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// The one walk that finds where a compilation names a flag: a check's key, <c>.WithFeatureGate(...)</c> and the
/// requirement attributes. The declaration rules (RP2002, RP2003, RP2005) and the flag inventory both register it.
/// </summary>
internal static class FlagReferenceActions
{
    public static void Register(CompilationStartAnalysisContext start, FlagApi api, Action<Action<Diagnostic>, FlagReference> onReference)
    {
        start.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (api.GetCheck(invocation) is { KeyArgument: { } key } check)
                {
                    onReference(operation.ReportDiagnostic, new FlagReference(check.Flag, key.Value.Syntax.GetLocation(), FlagKey.Field(key.Value)));
                }
                else if (api.IsWithFeatureGate(invocation))
                {
                    foreach (var reference in FlagReferences.WithFeatureGateFlags(invocation))
                    {
                        onReference(operation.ReportDiagnostic, reference);
                    }
                }
            },
            OperationKind.Invocation);

        // Requirement attributes through the symbols' attribute data, which the compiler binds once anyway: binding
        // each attribute again through a semantic model in a syntax action cost seconds on a large web project.
        start.RegisterSymbolAction(
            symbol =>
            {
                foreach (var attribute in symbol.Symbol.GetAttributes())
                {
                    if (api.IsRequirementAttribute(attribute.AttributeClass?.Name))
                    {
                        foreach (var reference in FlagReferences.AttributeFlags(attribute, symbol.CancellationToken))
                        {
                            onReference(symbol.ReportDiagnostic, reference);
                        }
                    }
                }
            },
            SymbolKind.NamedType,
            SymbolKind.Method,
            SymbolKind.Property);
    }
}
