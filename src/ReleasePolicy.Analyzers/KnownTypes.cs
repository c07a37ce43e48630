using System;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers;

/// <summary>
/// Finds a library's type where that library lives. <see cref="Compilation.GetTypeByMetadataName(string)"/> asks every
/// referenced assembly, so the first lookup of a name (and every lookup of a name no assembly has, such as OpenFeature's
/// client in a project without OpenFeature) reads the type tables of all of them: about a hundred milliseconds on a web
/// project's two hundred references, paid at the start of every compilation. The rules know which assemblies declare
/// the types they look for, so they ask the project's own assembly (where tests and users declare the shapes) and the
/// referenced assemblies whose names start with the library's name, and nothing else.
/// </summary>
internal static class KnownTypes
{
    /// <summary>
    /// The type named <paramref name="metadataName"/> in the compilation's own assembly or in a referenced assembly whose
    /// name starts with <paramref name="assemblyPrefix"/>; null when none declares it, or (as the compiler's lookup) when
    /// two referenced assemblies do.
    /// </summary>
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName, string assemblyPrefix)
    {
        if (compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
        {
            return own;
        }

        INamedTypeSymbol? found = null;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name.StartsWith(assemblyPrefix, StringComparison.Ordinal) && assembly.GetTypeByMetadataName(metadataName) is { } type)
            {
                if (found is not null)
                {
                    return null;
                }

                found = type;
            }
        }

        return found;
    }

    /// <summary>
    /// An assembly of .NET, ASP.NET Core or another Microsoft library (<c>System.*</c>, <c>Microsoft.*</c> but
    /// Microsoft.FeatureManagement, which declares <c>[FeatureGate]</c>): it declares none of a team's own types, so a
    /// search for a type the team names (a flag-requirement attribute, a <c>[FeatureFlags]</c> attribute) skips it
    /// rather than reading the type names of a web project's two hundred framework assemblies.
    /// </summary>
    public static bool IsPlatformAssembly(IAssemblySymbol assembly)
    {
        var name = assembly.Name;
        return name is "mscorlib" or "netstandard" or "System" or "WindowsBase"
            || name.StartsWith("System.", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.", StringComparison.Ordinal) && !name.StartsWith("Microsoft.FeatureManagement", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when the compilation's own code declares an attribute class with one of these simple names (from the
    /// declaration table's name index: a constants class that shares the name is not one), or a referenced assembly
    /// that is not the platform's declares a type with one of them (from its type names).
    /// </summary>
    public static bool AnyDeclaresAttribute(Compilation compilation, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Type))
            {
                for (var type = (symbol as INamedTypeSymbol)?.BaseType; type is not null; type = type.BaseType)
                {
                    if (type is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                    {
                        return true;
                    }
                }
            }
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (IsPlatformAssembly(assembly))
            {
                continue;
            }

            var typeNames = assembly.TypeNames;
            foreach (var name in names)
            {
                if (typeNames.Contains(name))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
