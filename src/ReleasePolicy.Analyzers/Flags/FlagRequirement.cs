using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// The flags a member needs, as its flag-requirement attributes (and its containing types') declare them:
/// <c>[RequiresFeature("Beta")]</c>, <c>[FeatureGate(MyFeatures.Beta)]</c>, <c>[FeatureGate(RequirementType.Any, "A", "B")]</c>.
/// A negated gate (<c>[FeatureGate(negate: true, "X")]</c>) requires the flag to be off, which no check can prove
/// on the caller's side, so it requires nothing here.
/// </summary>
internal sealed class FlagRequirement
{
    public static readonly FlagRequirement None = new(ImmutableArray<string>.Empty, anyOf: false, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<ImmutableArray<string>>.Empty);

    private FlagRequirement(ImmutableArray<string> flags, bool anyOf, ImmutableArray<string> attributeNames, ImmutableArray<string> guaranteed, ImmutableArray<ImmutableArray<string>> alternatives)
    {
        Flags = flags;
        AnyOf = anyOf;
        AttributeNames = attributeNames;
        Guaranteed = guaranteed;
        Alternatives = alternatives;
    }

    /// <summary>The required flags; empty when the member requires none.</summary>
    public ImmutableArray<string> Flags { get; }

    /// <summary>True when one enabled flag of <see cref="Flags"/> is enough (<c>RequirementType.Any</c>).</summary>
    public bool AnyOf { get; }

    /// <summary>The attribute names that declared the requirement, as written (for messages).</summary>
    public ImmutableArray<string> AttributeNames { get; }

    public bool IsEmpty => Flags.IsEmpty;

    /// <summary>
    /// The flags that are on wherever the member runs: those of its <c>RequirementType.All</c> attributes (and of an
    /// any-of gate with one flag). A <c>[FeatureGate(RequirementType.Any, "A", "B")]</c> guarantees neither A nor B.
    /// </summary>
    public ImmutableArray<string> Guaranteed { get; }

    /// <summary>The member's any-of gates of two flags or more: wherever it runs, at least one flag of each is on.</summary>
    public ImmutableArray<ImmutableArray<string>> Alternatives { get; }

    /// <summary>True when the flag is on wherever this member runs (so its body is guarded for it).</summary>
    public bool Guarantees(string flag) => Guaranteed.Contains(flag, System.StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True when wherever this member runs, one of <paramref name="flags"/> is on: it guarantees one of them, or one
    /// of its any-of gates names only flags among them (<c>[FeatureGate(Any, "A", "B")]</c> calling a member that
    /// needs any of A, B and C).
    /// </summary>
    public bool GuaranteesOneOf(ImmutableArray<string> flags)
    {
        foreach (var flag in flags)
        {
            if (Guarantees(flag))
            {
                return true;
            }
        }

        foreach (var alternative in Alternatives)
        {
            if (alternative.All(flag => flags.Contains(flag, System.StringComparer.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The flags one requirement attribute names, in order; empty for a negated gate.</summary>
    public static (ImmutableArray<string> Flags, bool AnyOf) FromAttribute(AttributeData attribute)
    {
        // The common forms, [RequiresFeature("Beta")] and [FeatureGate(Flags.Beta)] (a params array of one), without a builder.
        if (attribute.ConstructorArguments.Length == 1 && SingleName(attribute.ConstructorArguments[0]) is { } single)
        {
            return (ImmutableArray.Create(single), false);
        }

        var flags = ImmutableArray.CreateBuilder<string>();
        var anyOf = false;
        var constructor = attribute.AttributeConstructor;
        for (var i = 0; i < attribute.ConstructorArguments.Length; i++)
        {
            var argument = attribute.ConstructorArguments[i];
            var parameterType = constructor is not null && i < constructor.Parameters.Length ? constructor.Parameters[i].Type : argument.Type;
            if (argument.Kind == TypedConstantKind.Primitive && argument.Value is bool negate)
            {
                if (negate)
                {
                    return (ImmutableArray<string>.Empty, false);
                }

                continue;
            }

            if (argument.Kind == TypedConstantKind.Enum && parameterType?.Name == "RequirementType")
            {
                anyOf = EnumMemberName(argument) == "Any";
                continue;
            }

            if (argument.Kind == TypedConstantKind.Array)
            {
                foreach (var element in argument.Values)
                {
                    AddFlag(element, flags);
                }
            }
            else
            {
                AddFlag(argument, flags);
            }
        }

        return (flags.ToImmutable(), anyOf);
    }

    private static string? SingleName(TypedConstant argument)
    {
        if (argument.Kind == TypedConstantKind.Array && argument.Values.Length == 1)
        {
            argument = argument.Values[0];
        }

        return argument.Kind == TypedConstantKind.Primitive && argument.Value is string name && name.Length > 0 ? name : null;
    }

    private static void AddFlag(TypedConstant value, ImmutableArray<string>.Builder flags)
    {
        if (value.Kind == TypedConstantKind.Enum && EnumMemberName(value) is { } member)
        {
            flags.Add(member);
        }
        else if (value.Kind == TypedConstantKind.Primitive && value.Value is string name && name.Length > 0)
        {
            flags.Add(name);
        }
    }

    private static string? EnumMemberName(TypedConstant value)
    {
        if (value.Type is not INamedTypeSymbol enumType)
        {
            return null;
        }

        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value.Value))
            {
                return field.Name;
            }
        }

        return null;
    }

    /// <summary>Requirements per symbol, computed once per compilation.</summary>
    internal sealed class Cache
    {
        private readonly FlagApi api;
        private readonly IAssemblySymbol source;
        private readonly HashSet<string> declaringAssemblies;
        // Striped wider than the default (one lock per core; analyzers may not read the machine): every analysis thread adds the members it meets, and on
        // a busy two-core build a thread descheduled while holding one of two locks stalls the others.
        private const int Stripes = 32;

        private readonly ConcurrentDictionary<ISymbol, FlagRequirement> bySymbol = new(Stripes, 64, SymbolEqualityComparer.Default);
        // The referenced assemblies whose members may apply a requirement attribute, found once: usually one or two (the
        // flag library, a team's shared library), so a use compares its assembly with each by reference, without a lookup.
        private readonly IAssemblySymbol[] mayRequire;
        private readonly Func<ISymbol, FlagRequirement> readFactory;

        private Cache(FlagApi api, Compilation compilation, HashSet<string> declaringAssemblies)
        {
            this.api = api;
            source = compilation.Assembly;
            this.declaringAssemblies = declaringAssemblies;
            var may = new List<IAssemblySymbol>();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (MayRequire(assembly))
                {
                    may.Add(assembly);
                }
            }

            mayRequire = may.ToArray();
            readFactory = Read;
        }

        /// <summary>
        /// Null when neither the project nor any assembly it references declares a requirement attribute type: then
        /// nothing in the compilation can require a flag.
        /// </summary>
        public static Cache? Create(Compilation compilation, FlagApi api)
        {
            var declaring = new HashSet<string>(System.StringComparer.Ordinal);
            // The assembly's simple name, not its identity: the identity of a source assembly binds its attributes.
            if (api.DeclaresRequirementAttribute(compilation))
            {
                declaring.Add(compilation.Assembly.Name);
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (api.DeclaresRequirementAttribute(assembly))
                {
                    declaring.Add(assembly.Name);
                }
            }

            return declaring.Count == 0 ? null : new Cache(api, compilation, declaring);
        }

        /// <summary>What calling <paramref name="symbol"/> requires: its own attributes and its containing types'.</summary>
        public FlagRequirement Of(ISymbol symbol)
        {
            // The project's own members first, without a lookup: most uses call them.
            if (symbol.ContainingAssembly is { } assembly && !ReferenceEquals(assembly, source) && !IsOneOf(assembly, mayRequire))
            {
                return None;
            }

            // Most members carry no requirement attribute, which their attributes (kept on the symbol once bound, as the
            // compiler binds them anyway) say without a dictionary entry per member; only the flagged ones are remembered.
            var definition = symbol.OriginalDefinition;
            if (!HasRequirementAttribute(definition))
            {
                return None;
            }

            return bySymbol.TryGetValue(definition, out var known) ? known : bySymbol.GetOrAdd(definition, readFactory);
        }

        private static bool IsOneOf(IAssemblySymbol assembly, IAssemblySymbol[] assemblies)
        {
            foreach (var candidate in assemblies)
            {
                if (ReferenceEquals(candidate, assembly))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <see cref="Read"/> would find a requirement attribute on the symbol or the types it reads.</summary>
        private bool HasRequirementAttribute(ISymbol symbol)
        {
            for (var current = symbol; current is not null && current is not INamespaceSymbol; current = current is IMethodSymbol { MethodKind: MethodKind.Constructor } ? null : current.ContainingType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (api.IsRequirementAttribute(attribute.AttributeClass?.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// An assembly can apply a requirement attribute only when it declares one or references an assembly that does:
        /// the framework's members are never read for attributes (decoding their attributes is the expensive part).
        /// </summary>
        private bool MayRequire(IAssemblySymbol assembly)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, source) || declaringAssemblies.Contains(assembly.Name))
            {
                return true;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (declaringAssemblies.Contains(referenced.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True when code in <paramref name="member"/> runs only where <paramref name="flag"/> is on: the member, an
        /// accessor's property, or a containing type requires it (an MVC action or controller with <c>[FeatureGate]</c>).
        /// </summary>
        public bool Requires(ISymbol? member, string flag)
        {
            for (var current = member; current is not null && current is not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (Of(current).Guarantees(flag))
                {
                    return true;
                }

                if (current is IMethodSymbol { AssociatedSymbol: { } property } && Of(property).Guarantees(flag))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when code in <paramref name="member"/> runs only where one of <paramref name="flags"/> is on (the
        /// member, an accessor's property, or a containing type), for a use of a member that needs any one of them.
        /// </summary>
        public bool RequiresOneOf(ISymbol? member, ImmutableArray<string> flags)
        {
            for (var current = member; current is not null && current is not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (Of(current).GuaranteesOneOf(flags)
                    || current is IMethodSymbol { AssociatedSymbol: { } property } && Of(property).GuaranteesOneOf(flags))
                {
                    return true;
                }
            }

            return false;
        }

        private FlagRequirement Read(ISymbol symbol)
        {
            List<string>? all = null;
            List<ImmutableArray<string>>? alternatives = null;
            List<string>? names = null;
            // A type's requirement covers calling its members, not creating it: registering or constructing a flagged
            // service in the composition root runs none of its flagged behaviour.
            for (var current = symbol; current is not null && current is not INamespaceSymbol; current = current is IMethodSymbol { MethodKind: MethodKind.Constructor } ? null : current.ContainingType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (!api.IsRequirementAttribute(attribute.AttributeClass?.Name))
                    {
                        continue;
                    }

                    var (required, any) = FromAttribute(attribute);
                    if (required.IsEmpty)
                    {
                        continue;
                    }

                    if (any && required.Length > 1)
                    {
                        (alternatives ??= new List<ImmutableArray<string>>()).Add(required);
                    }
                    else
                    {
                        (all ??= new List<string>()).AddRange(required);
                    }

                    (names ??= new List<string>()).Add(attribute.AttributeClass!.Name);
                }
            }

            if (names is null)
            {
                return None;
            }

            // The common case, one attribute naming one flag: one array for both, no de-duplication.
            if (alternatives is null && all is { Count: 1 } && names.Count == 1)
            {
                var flag = ImmutableArray.Create(all[0]);
                return new FlagRequirement(flag, anyOf: false, ImmutableArray.Create(names[0]), flag, ImmutableArray<ImmutableArray<string>>.Empty);
            }

            // What a use needs: every flag of the all-of attributes; where there are none, one flag of the any-of
            // gates (of several, any one of their flags: never stricter than the attributes say).
            var guaranteed = all is null ? ImmutableArray<string>.Empty : all.Distinct(System.StringComparer.OrdinalIgnoreCase).ToImmutableArray();
            var groups = alternatives is null ? ImmutableArray<ImmutableArray<string>>.Empty : alternatives.ToImmutableArray();
            return guaranteed.IsEmpty
                ? new FlagRequirement(groups.SelectMany(g => g).Distinct(System.StringComparer.OrdinalIgnoreCase).ToImmutableArray(), anyOf: true, names.ToImmutableArray(), guaranteed, groups)
                : new FlagRequirement(guaranteed, anyOf: false, names.ToImmutableArray(), guaranteed, groups);
        }
    }
}
