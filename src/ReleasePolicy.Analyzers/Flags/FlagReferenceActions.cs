using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// The one walk that finds where a compilation names a flag: a check's key, <c>.WithFeatureGate(...)</c> and the
/// requirement attributes. The declaration rules (RP2002, RP2003, RP2005) and the flag inventory both register it.
/// <paramref name="onReference"/> returns the diagnostic to report for a reference, if any: no delegate (and no boxed
/// context) is made per reference, which a project checking flags from thousands of places would pay in garbage.
/// </summary>
internal static class FlagReferenceActions
{
    public static void Register(CompilationStartAnalysisContext start, FlagApi api, Func<FlagReference, Diagnostic?> onReference)
    {
        start.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (api.GetCheck(invocation) is { KeyArgument: { } key } check)
                {
                    if (onReference(new FlagReference(check.Flag, key.Value.Syntax.GetLocation(), FlagKey.Field(key.Value))) is { } diagnostic)
                    {
                        operation.ReportDiagnostic(diagnostic);
                    }
                }
                else if (api.IsWithFeatureGate(invocation))
                {
                    var references = FlagReferences.WithFeatureGateFlags(invocation);
                    for (var i = 0; i < references.Count; i++)
                    {
                        if (onReference(references[i]) is { } diagnostic)
                        {
                            operation.ReportDiagnostic(diagnostic);
                        }
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
                        var references = FlagReferences.AttributeFlags(attribute, symbol.CancellationToken);
                        for (var i = 0; i < references.Count; i++)
                        {
                            if (onReference(references[i]) is { } diagnostic)
                            {
                                symbol.ReportDiagnostic(diagnostic);
                            }
                        }
                    }
                }
            },
            SymbolKind.NamedType,
            SymbolKind.Method,
            SymbolKind.Property);
    }
}
