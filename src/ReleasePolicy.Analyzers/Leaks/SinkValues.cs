using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>A text that reaches a sink, as written: a literal, a constant, or an interpolation or concatenation whose holes are <c>{0}</c>.</summary>
internal readonly struct SinkText
{
    public SinkText(string text, Location location)
    {
        Text = text;
        Location = location;
    }

    public string Text { get; }

    public Location Location { get; }
}

/// <summary>
/// Reads what a value handed to a sink is made of: the texts in it (literals, constants, <c>const</c> fields,
/// interpolation and concatenation parts, both branches of <c>?:</c> and <c>??</c>, an anonymous object's or a DTO's
/// members, <c>string.Format</c> arguments) and the exception details in it (<c>ex.Message</c>, <c>ex.StackTrace</c>,
/// <c>ex.ToString()</c>, <c>ex.InnerException…</c>, the exception object itself).
/// </summary>
internal sealed class SinkValues
{
    private const int MaxDepth = 16;
    private const string Hole = "{0}";

    private static readonly HashSet<string> ExceptionDetailProperties = new() { "Message", "StackTrace", "InnerException", "Source", "TargetSite", "Data" };

    private readonly UserFacingSinks _sinks;

    private SinkValues(UserFacingSinks sinks) => _sinks = sinks;

    public List<SinkText> Texts { get; } = new();

    public List<IOperation> ExceptionDetails { get; } = new();

    public static SinkValues Read(IOperation value, UserFacingSinks sinks)
    {
        var values = new SinkValues(sinks);
        values.Collect(value, 0);
        return values;
    }

    private void Collect(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            Texts.Add(new SinkText(constant, operation.Syntax.GetLocation()));
            return;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                Collect(conversion.Operand, depth + 1);
                return;
            case IParenthesizedOperation parenthesized:
                Collect(parenthesized.Operand, depth + 1);
                return;
            case IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                var text = new StringBuilder();
                AppendText(operation, text, depth + 1);
                Texts.Add(new SinkText(text.ToString(), operation.Syntax.GetLocation()));
                return;
            case IConditionalOperation conditional:
                Collect(conditional.WhenTrue, depth + 1);
                Collect(conditional.WhenFalse, depth + 1);
                return;
            case ICoalesceOperation coalesce:
                Collect(coalesce.Value, depth + 1);
                Collect(coalesce.WhenNull, depth + 1);
                return;
            case IConditionalAccessOperation conditionalAccess:
                // ex.InnerException?.Message is one detail, reported on the whole expression.
                var before = ExceptionDetails.Count;
                Collect(conditionalAccess.WhenNotNull, depth + 1);
                if (ExceptionDetails.Count > before)
                {
                    ExceptionDetails.RemoveRange(before, ExceptionDetails.Count - before);
                    ExceptionDetails.Add(conditionalAccess);
                }

                return;
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    Collect(initializer is ISimpleAssignmentOperation assignment ? assignment.Value : initializer, depth + 1);
                }

                return;
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    Collect(argument.Value, depth + 1);
                }

                CollectInitializer(creation.Initializer, depth + 1);
                return;
            case IArrayCreationOperation array when array.Initializer is not null:
                foreach (var element in array.Initializer.ElementValues)
                {
                    Collect(element, depth + 1);
                }

                return;
            case IInvocationOperation invocation when IsExceptionToString(invocation):
                ExceptionDetails.Add(invocation);
                return;
            case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Format" or "Concat" or "Join" } } formatting:
                foreach (var argument in formatting.Arguments)
                {
                    Collect(argument.Value, depth + 1);
                }

                return;
            case IPropertyReferenceOperation property when IsExceptionDetail(property):
                ExceptionDetails.Add(property);
                return;
            case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                when IsException(operation.Type):
                ExceptionDetails.Add(operation);
                return;
        }
    }

    private void CollectInitializer(IObjectOrCollectionInitializerOperation? initializer, int depth)
    {
        if (initializer is null)
        {
            return;
        }

        foreach (var member in initializer.Initializers)
        {
            switch (member)
            {
                // A sink property (new ProblemDetails { Detail = ... }) is read where it is assigned, once.
                case ISimpleAssignmentOperation assignment when !(assignment.Target is IPropertyReferenceOperation target && _sinks.Describe(target.Property) is not null):
                    Collect(assignment.Value, depth);
                    break;
                case IInvocationOperation add:
                    foreach (var argument in add.Arguments)
                    {
                        Collect(argument.Value, depth);
                    }

                    break;
                case IMemberInitializerOperation nested:
                    CollectInitializer(nested.Initializer, depth);
                    break;
            }
        }
    }

    /// <summary>The text of an interpolation or concatenation: its constant parts, a <c>{0}</c> for every other hole.</summary>
    private void AppendText(IOperation operation, StringBuilder text, int depth)
    {
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            text.Append(constant);
            return;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string literal } })
                    {
                        text.Append(literal);
                    }
                    else if (part is IInterpolationOperation hole)
                    {
                        AppendHole(hole.Expression, text, depth);
                    }
                }

                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation when depth <= MaxDepth:
                AppendText(concatenation.LeftOperand, text, depth + 1);
                AppendText(concatenation.RightOperand, text, depth + 1);
                return;
            default:
                AppendHole(operation, text, depth);
                return;
        }
    }

    private void AppendHole(IOperation hole, StringBuilder text, int depth)
    {
        if (hole.ConstantValue is { HasValue: true, Value: string constant })
        {
            text.Append(constant);
            return;
        }

        text.Append(Hole);

        // A hole's own texts are not part of this text, but its exception details reach the sink all the same.
        var inner = new SinkValues(_sinks);
        inner.Collect(hole is IConversionOperation conversion ? conversion.Operand : hole, depth + 1);
        ExceptionDetails.AddRange(inner.ExceptionDetails);
    }

    private bool IsExceptionDetail(IPropertyReferenceOperation property) =>
        ExceptionDetailProperties.Contains(property.Property.Name) && IsException(property.Instance?.Type ?? property.Property.ContainingType);

    private bool IsExceptionToString(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == "ToString" && invocation.Arguments.Length == 0 && IsException(invocation.Instance?.Type);

    private bool IsException(ITypeSymbol? type)
    {
        if (_sinks.Exception is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _sinks.Exception))
            {
                return true;
            }
        }

        return false;
    }
}
