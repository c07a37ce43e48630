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
        var fallback = syntax?.GetLocation() ?? Location.None;
        var positional = new List<AttributeArgumentSyntax>();
        if (syntax?.ArgumentList is { } arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals is null)
                {
                    positional.Add(argument);
                }
            }
        }

        // The flags are the last arguments (after RequirementType / negate), one argument each in the expanded form.
        var references = new List<FlagReference>(flags.Length);
        var first = positional.Count - flags.Length;
        for (var i = 0; i < flags.Length; i++)
        {
            var location = first >= 0 ? positional[first + i].Expression.GetLocation() : fallback;
            references.Add(new FlagReference(flags[i], location, field: null));
        }

        return references;
    }
}
