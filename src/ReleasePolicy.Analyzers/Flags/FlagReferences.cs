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
    public static IReadOnlyList<FlagReference> WithFeatureGateFlags(IInvocationOperation invocation)
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

    /// <summary>
    /// The flags a requirement attribute names, each located at its argument: from the bound attribute data, with the
    /// argument syntax found by position (a <c>params</c> array's elements are the trailing positional arguments).
    /// None for a negated gate.
    /// </summary>
    public static IReadOnlyList<FlagReference> AttributeFlags(AttributeData attribute, System.Threading.CancellationToken cancellationToken)
    {
        var (flags, _) = FlagRequirement.FromAttribute(attribute);
        if (flags.IsEmpty)
        {
            return System.Array.Empty<FlagReference>();
        }

        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var arguments = syntax?.ArgumentList?.Arguments ?? default;
        // In an attribute, the positional arguments come before the named (Property = value) ones.
        var positional = 0;
        while (positional < arguments.Count && arguments[positional].NameEquals is null)
        {
            positional++;
        }

        // The flags are the last positional arguments (after RequirementType / negate), one argument each in the expanded form.
        var references = new List<FlagReference>(flags.Length);
        var first = positional - flags.Length;
        var fallback = first >= 0 ? null : syntax?.GetLocation() ?? Location.None;
        for (var i = 0; i < flags.Length; i++)
        {
            var location = fallback ?? arguments[first + i].Expression.GetLocation();
            references.Add(new FlagReference(flags[i], location, field: null));
        }

        return references;
    }
}
