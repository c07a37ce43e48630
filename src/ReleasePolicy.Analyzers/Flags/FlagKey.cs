using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// The flag name an expression stands for, when the compiler knows it: a string constant (a literal, a <c>const</c>
/// such as <c>Flags.NewCheckout</c>, a <c>nameof</c>), or an enum member, which Microsoft.FeatureManagement turns
/// into its name (<c>[FeatureGate(MyFeatures.Beta)]</c>, <c>MyFeatures.Beta.ToString()</c>).
/// </summary>
internal static class FlagKey
{
    public static string? Resolve(IOperation? operation)
    {
        operation = Unwrap(operation);
        if (operation is null)
        {
            return null;
        }

        if (EnumMember(operation) is { } member)
        {
            return member.Name;
        }

        if (operation is IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance }
            && EnumMember(Unwrap(instance)) is { } toStringMember)
        {
            return toStringMember.Name;
        }

        return operation.ConstantValue is { HasValue: true, Value: string name } ? name : null;
    }

    /// <summary>The field that declares the key, when it is a field (a constant or an enum member).</summary>
    public static IFieldSymbol? Field(IOperation? operation)
    {
        operation = Unwrap(operation);
        if (operation is IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance })
        {
            operation = Unwrap(instance);
        }

        return operation is IFieldReferenceOperation { Field: { HasConstantValue: true } field } ? field : null;
    }

    private static IFieldSymbol? EnumMember(IOperation? operation) =>
        operation is IFieldReferenceOperation { Field: { HasConstantValue: true, ContainingType.TypeKind: TypeKind.Enum } field } ? field : null;

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
