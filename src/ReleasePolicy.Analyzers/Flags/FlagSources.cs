using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>A flag as one source declares it, with the location a finding about the declaration points at.</summary>
internal sealed class DeclaredFlag
{
    public DeclaredFlag(string name, Location location, DateTime? expires, IFieldSymbol? field)
    {
        Name = name;
        Location = location;
        Expires = expires;
        Field = field;
    }

    public string Name { get; }

    /// <summary>The name's line in <c>appsettings.json</c> or a flags file, or the constant's declaration.</summary>
    public Location Location { get; }

    public DateTime? Expires { get; }

    /// <summary>The constant or enum member that declares the flag, for a flag constants type.</summary>
    public IFieldSymbol? Field { get; }
}

/// <summary>
/// Every flag the project declares: the <c>FeatureManagement</c> / <c>feature_management</c> sections of its
/// <c>appsettings*.json</c> and of the flags files listed as <c>ReleaseFeatureFlagSource</c> (both reach the
/// analyzers as additional files, added by the SDK), and the constants of flag constants types (marked with a
/// <c>[FeatureFlags]</c>-named attribute or listed in <c>release_policy.flag_constants_types</c>).
/// </summary>
internal sealed class FlagSources
{
    public const string FlagSourceMetadata = "build_metadata.AdditionalFiles.ReleasePolicyFlagSource";

    private static readonly ConditionalWeakTable<AdditionalText, FileReading> Readings = new();

    private readonly Dictionary<string, DeclaredFlag> byName;

    private FlagSources(List<DeclaredFlag> declared, HashSet<INamedTypeSymbol> constantsTypes, bool hasSource, List<string> unreadable)
    {
        Declared = declared;
        ConstantsTypes = constantsTypes;
        HasSource = hasSource;
        UnreadableFiles = unreadable;
        byName = new Dictionary<string, DeclaredFlag>(StringComparer.OrdinalIgnoreCase);
        foreach (var flag in declared)
        {
            if (!byName.ContainsKey(flag.Name))
            {
                byName.Add(flag.Name, flag);
            }
        }
    }

    /// <summary>Every declaration, in source order (files first, then constants types); a name may appear in several sources.</summary>
    public IReadOnlyList<DeclaredFlag> Declared { get; }

    public HashSet<INamedTypeSymbol> ConstantsTypes { get; }

    /// <summary>True when the project has at least one flag source; without one, no name can be called undeclared.</summary>
    public bool HasSource { get; }

    /// <summary>Flag source files that are not JSON: a name they may declare is unknown, so none is called undeclared.</summary>
    public IReadOnlyList<string> UnreadableFiles { get; }

    public IEnumerable<string> Names => byName.Keys;

    /// <summary>The first declaration of a name, ignoring case as configuration keys do.</summary>
    public DeclaredFlag? Find(string name) => byName.TryGetValue(name, out var flag) ? flag : null;

    public static FlagSources Read(Compilation compilation, AnalyzerOptions options, FlagApi api, CancellationToken cancellationToken)
    {
        var declared = new List<DeclaredFlag>();
        var unreadable = new List<string>();
        var hasSource = false;
        foreach (var file in options.AdditionalFiles)
        {
            if (!IsFlagSource(file, options.AnalyzerConfigOptionsProvider))
            {
                continue;
            }

            var reading = Readings.GetValue(file, f => FileReading.Read(f, cancellationToken));
            if (reading.Error is not null)
            {
                hasSource = true;
                unreadable.Add(file.Path);
                continue;
            }

            if (reading.Source is not { } source || reading.Text is not { } text)
            {
                continue;
            }

            hasSource |= source.HasFlagSection;
            foreach (var flag in source.Flags)
            {
                var span = new TextSpan(flag.NameStart, flag.NameLength);
                declared.Add(new DeclaredFlag(flag.Name, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)), flag.Expires, field: null));
            }
        }

        var constantsTypes = FindConstantsTypes(compilation, api, cancellationToken);
        foreach (var type in constantsTypes.OrderBy(t => t.ToDisplayString(), StringComparer.Ordinal))
        {
            hasSource = true;
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && !field.IsImplicitlyDeclared
                    && (type.TypeKind == TypeKind.Enum ? field.Name : field.ConstantValue as string) is { Length: > 0 } name)
                {
                    declared.Add(new DeclaredFlag(name, field.Locations.FirstOrDefault() ?? Location.None, ExpiryOf(field), field));
                }
            }
        }

        return new FlagSources(declared, constantsTypes, hasSource, unreadable);
    }

    /// <summary><c>appsettings.json</c>, <c>appsettings.Production.json</c>, or a file the project lists as <c>ReleaseFeatureFlagSource</c>.</summary>
    private static bool IsFlagSource(AdditionalText file, AnalyzerConfigOptionsProvider provider)
    {
        var path = file.Path;
        var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
        if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return provider.GetOptions(file).TryGetValue(FlagSourceMetadata, out var value)
            && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Types marked <c>[FeatureFlags]</c> (found from the syntax of type declarations only, never method bodies) and
    /// the types named in <c>release_policy.flag_constants_types</c>.
    /// </summary>
    private static HashSet<INamedTypeSymbol> FindConstantsTypes(Compilation compilation, FlagApi api, CancellationToken cancellationToken)
    {
        var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in api.Options.ConstantsTypes)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                types.Add(type);
            }
        }

        // Marking a type [FeatureFlags] needs an attribute type of that name: without one, no declaration is read.
        if (!KnownTypes.AnyDeclaresAttribute(compilation, "FeatureFlagsAttribute", "FeatureFlags"))
        {
            return types;
        }

        var candidateNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is BaseTypeDeclarationSyntax declaration && HasFeatureFlagsAttribute(declaration.AttributeLists))
                {
                    candidateNames.Add(declaration.Identifier.ValueText);
                }
            }
        }

        if (candidateNames.Count > 0)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(candidateNames.Contains, SymbolFilter.Type, cancellationToken))
            {
                if (symbol is INamedTypeSymbol type && type.GetAttributes().Any(a => a.AttributeClass?.Name is "FeatureFlags" or "FeatureFlagsAttribute"))
                {
                    types.Add(type);
                }
            }
        }

        return types;
    }

    private static bool HasFeatureFlagsAttribute(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                if (name is "FeatureFlags" or "FeatureFlagsAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// An expiry on a flag constant: <c>[FlagExpires("2026-10-01")]</c> (or <c>[Expires(...)]</c>), or an attribute
    /// argument named <c>expires</c> (<c>[FeatureFlag(Expires = "2026-10-01")]</c>).
    /// </summary>
    private static DateTime? ExpiryOf(IFieldSymbol field)
    {
        foreach (var attribute in field.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "FlagExpires" or "FlagExpiresAttribute" or "Expires" or "ExpiresAttribute"
                && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string text)
            {
                return FlagExpiry.ParseDate(text);
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (string.Equals(named.Key, "Expires", StringComparison.OrdinalIgnoreCase) && named.Value.Value is string namedText)
                {
                    return FlagExpiry.ParseDate(namedText);
                }
            }

            var parameters = attribute.AttributeConstructor?.Parameters ?? default;
            for (var i = 0; !parameters.IsDefault && i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
            {
                if (string.Equals(parameters[i].Name, "expires", StringComparison.OrdinalIgnoreCase) && attribute.ConstructorArguments[i].Value is string argument)
                {
                    return FlagExpiry.ParseDate(argument);
                }
            }
        }

        return null;
    }

    /// <summary>One additional file's text and what it declares, read once per file version.</summary>
    private sealed class FileReading
    {
        private FileReading(SourceText? text, FlagSourceReading? source, ConfigurationJsonError? error)
        {
            Text = text;
            Source = source;
            Error = error;
        }

        public SourceText? Text { get; }

        public FlagSourceReading? Source { get; }

        public ConfigurationJsonError? Error { get; }

        public static FileReading Read(AdditionalText file, CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                return new FileReading(null, null, null);
            }

            var source = FlagSourceReader.Read(text.ToString());
            return new FileReading(text, source, source.Error);
        }
    }
}
