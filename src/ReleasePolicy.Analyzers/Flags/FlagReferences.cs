using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>One place the code names a flag: a check's key, a gate's or a requirement attribute's argument.</summary>
internal readonly struct FlagReference
{
    public FlagReference(string? flag, Location location, IFieldSymbol? field)
    {
        Flag = flag;
        Location = location;
        Field = field;
    }

    /// <summary>The flag name; null when the key is not a compile-time constant.</summary>
    public string? Flag { get; }

    public Location Location { get; }

    /// <summary>The constant or enum member the name was given as, if any.</summary>
    public IFieldSymbol? Field { get; }
}

/// <summary>Reads the flag names out of gates and requirement attributes, with the location of each name.</summary>
internal static class FlagReferences
{
    /// <summary>The flags <c>.WithFeatureGate(...)</c> requires on; none for a negated gate.</summary>
    public static IEnumerable<FlagReference> WithFeatureGateFlags(IInvocationOperation invocation)
    {
        var flags = new List<FlagReference>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (parameter.Type.SpecialType == SpecialType.System_Boolean)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: true })
                {
                    return System.Array.Empty<FlagReference>();
                }

                continue;
            }

            if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    flags.Add(new FlagReference(FlagKey.Resolve(element), element.Syntax.GetLocation(), FlagKey.Field(element)));
                }
            }
            else if (parameter.Type.SpecialType == SpecialType.System_String)
            {
                flags.Add(new FlagReference(FlagKey.Resolve(argument.Value), argument.Value.Syntax.GetLocation(), FlagKey.Field(argument.Value)));
            }
        }

        return flags;
    }

    /// <summary>The flags a requirement attribute names, read from its syntax; none for a negated gate.</summary>
    public static IEnumerable<FlagReference> AttributeFlags(AttributeSyntax attribute, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var flags = new List<FlagReference>();
        if (attribute.ArgumentList is null)
        {
            return flags;
        }

        foreach (var argument in attribute.ArgumentList.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            var field = model.GetSymbolInfo(argument.Expression, cancellationToken).Symbol as IFieldSymbol;
            if (field is { ContainingType.TypeKind: TypeKind.Enum })
            {
                if (field.ContainingType.Name != "RequirementType")
                {
                    flags.Add(new FlagReference(field.Name, argument.Expression.GetLocation(), field));
                }

                continue;
            }

            var constant = model.GetConstantValue(argument.Expression, cancellationToken);
            if (constant is { HasValue: true, Value: bool negate })
            {
                if (negate)
                {
                    return System.Array.Empty<FlagReference>();
                }

                continue;
            }

            if (constant is { HasValue: true, Value: string name })
            {
                flags.Add(new FlagReference(name, argument.Expression.GetLocation(), field is { HasConstantValue: true } ? field : null));
            }
        }

        return flags;
    }
}
