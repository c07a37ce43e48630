using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>
/// The operations that hand a value to a user-facing sink: a call or constructor (each argument a user sees) and an
/// assignment to a sink property (<c>problem.Detail = …</c>, also in an object initializer).
/// </summary>
internal static class SinkOperations
{
    public static void Register(CompilationStartAnalysisContext context, UserFacingSinks sinks, Action<OperationAnalysisContext, IOperation, string> analyzeValue)
    {
        context.RegisterOperationAction(
            operationContext =>
            {
                var operation = operationContext.Operation;
                var (method, arguments) = operation switch
                {
                    IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                    IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                    _ => (null, default),
                };
                if (sinks.Describe(method) is not { } sink)
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    if (UserFacingSinks.IsShown(argument) && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        analyzeValue(operationContext, argument.Value, sink);
                    }
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);

        context.RegisterOperationAction(
            operationContext =>
            {
                var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                if (assignment.Target is IPropertyReferenceOperation property && sinks.Describe(property.Property) is { } sink)
                {
                    analyzeValue(operationContext, assignment.Value, sink);
                }
            },
            OperationKind.SimpleAssignment);
    }
}
