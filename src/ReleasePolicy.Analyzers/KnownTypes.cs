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
}
