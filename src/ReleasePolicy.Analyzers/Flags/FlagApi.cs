using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// The flag APIs one compilation can see, recognised by shape so that the analyzers reference no flag library:
/// Microsoft.FeatureManagement's feature managers (<c>IsEnabledAsync</c>, <c>GetVariantAsync</c>), OpenFeature's
/// clients (<c>Get*ValueAsync</c> / <c>Get*DetailsAsync</c>, the first argument is the key), the check methods the
/// user names in <c>release_policy.flag_check_methods</c>, and the flag-requirement attributes. Resolved once per
/// compilation and shared by every flag rule.
/// </summary>
internal sealed class FlagApi
{
    public static readonly ImmutableArray<string> BuiltInRequirementAttributes = ImmutableArray.Create("RequiresFeature", "RequiresFeatureFlag", "FeatureGate");

    private static readonly string[] FeatureManagerTypes =
    {
        "Microsoft.FeatureManagement.IFeatureManager",
        "Microsoft.FeatureManagement.IFeatureManagerSnapshot",
        "Microsoft.FeatureManagement.IVariantFeatureManager",
        "Microsoft.FeatureManagement.IVariantFeatureManagerSnapshot",
        "Microsoft.FeatureManagement.FeatureManager",
        "Microsoft.FeatureManagement.VariantFeatureManagerExtensions",
    };

    private static readonly string[] OpenFeatureTypes = { "OpenFeature.IFeatureClient", "OpenFeature.FeatureClient" };

    private static readonly string[] OpenFeatureMethods =
    {
        "GetBooleanValueAsync", "GetBooleanDetailsAsync", "GetStringValueAsync", "GetStringDetailsAsync",
        "GetIntegerValueAsync", "GetIntegerDetailsAsync", "GetDoubleValueAsync", "GetDoubleDetailsAsync",
        "GetObjectValueAsync", "GetObjectDetailsAsync",
    };

    private const string EndpointFilterExtensionsName = "Microsoft.FeatureManagement.AspNetCore.FeatureGateEndpointFilterExtensions";

    private static readonly ConditionalWeakTable<Compilation, Resolution> Cache = new();

    private readonly Dictionary<string, List<(INamedTypeSymbol Type, string Method)>> checksByMethodName;
    private readonly HashSet<string> requirementAttributeNames;
    // The same names as attribute classes are named, with and without the suffix: looked up as they are, for every attribute of every member a use reaches.
    private readonly HashSet<string> requirementAttributeClassNames;

    private static readonly string[] TestFrameworkAssemblies = { "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "TUnit.Core" };

    private FlagApi(Dictionary<string, List<(INamedTypeSymbol, string)>> checksByMethodName, HashSet<string> requirementAttributeNames, INamedTypeSymbol? endpointFilterExtensions, bool isAspNetCore, bool isTestProject, FlagOptions options)
    {
        IsTestProject = isTestProject;
        this.checksByMethodName = checksByMethodName;
        this.requirementAttributeNames = requirementAttributeNames;
        requirementAttributeClassNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in requirementAttributeNames)
        {
            requirementAttributeClassNames.Add(name);
            requirementAttributeClassNames.Add(name + "Attribute");
        }

        EndpointFilterExtensions = endpointFilterExtensions;
        IsAspNetCore = isAspNetCore;
        Options = options;
    }

    public FlagOptions Options { get; }

    /// <summary>True for a test project (xUnit, NUnit, MSTest, TUnit), whose tests call flagged code directly on purpose.</summary>
    public bool IsTestProject { get; }

    /// <summary>Microsoft.FeatureManagement.AspNetCore's <c>WithFeatureGate</c> home, when referenced.</summary>
    public INamedTypeSymbol? EndpointFilterExtensions { get; }

    /// <summary>True when the compilation references ASP.NET Core, where blocking on a check holds a request thread.</summary>
    public bool IsAspNetCore { get; }

    /// <summary>
    /// Null when the compilation can see no flag API at all (no Microsoft.FeatureManagement, no OpenFeature, no
    /// configured check method that resolves): then no flag rule runs.
    /// </summary>
    public static FlagApi? TryCreate(Compilation compilation, AnalyzerOptions options) =>
        Cache.GetValue(compilation, c => new Resolution(Resolve(c, options))).Api;

    private static FlagApi? Resolve(Compilation compilation, AnalyzerOptions analyzerOptions)
    {
        var checks = new Dictionary<string, List<(INamedTypeSymbol, string)>>(StringComparer.Ordinal);
        void Add(INamedTypeSymbol? type, string method)
        {
            if (type is null)
            {
                return;
            }

            if (!checks.TryGetValue(method, out var list))
            {
                checks[method] = list = new List<(INamedTypeSymbol, string)>();
            }

            list.Add((type, method));
        }

        foreach (var name in FeatureManagerTypes)
        {
            var type = KnownTypes.Find(compilation, name, "Microsoft.FeatureManagement");
            Add(type, "IsEnabledAsync");
            Add(type, "GetVariantAsync");
        }

        foreach (var name in OpenFeatureTypes)
        {
            var type = KnownTypes.Find(compilation, name, "OpenFeature");
            foreach (var method in OpenFeatureMethods)
            {
                Add(type, method);
            }
        }

        var options = FlagOptions.Read(compilation, analyzerOptions.AnalyzerConfigOptionsProvider);
        foreach (var qualified in options.CheckMethods)
        {
            var dot = qualified.LastIndexOf('.');
            if (dot > 0 && dot < qualified.Length - 1)
            {
                Add(compilation.GetTypeByMetadataName(qualified.Substring(0, dot)), qualified.Substring(dot + 1));
            }
        }

        if (checks.Count == 0)
        {
            return null;
        }

        var attributeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in BuiltInRequirementAttributes)
        {
            attributeNames.Add(name);
        }

        foreach (var name in options.RequirementAttributes)
        {
            // Accept "Namespace.RequiresBeta", "RequiresBeta" and "RequiresBetaAttribute" alike: attributes match by simple name.
            var simple = name.Substring(name.LastIndexOf('.') + 1);
            attributeNames.Add(simple.EndsWith("Attribute", StringComparison.Ordinal) ? simple.Substring(0, simple.Length - "Attribute".Length) : simple);
        }

        return new FlagApi(
            checks,
            attributeNames,
            KnownTypes.Find(compilation, EndpointFilterExtensionsName, "Microsoft.FeatureManagement"),
            KnownTypes.Find(compilation, "Microsoft.AspNetCore.Http.HttpContext", "Microsoft.AspNetCore") is not null,
            compilation.ReferencedAssemblyNames.Any(assembly => Array.IndexOf(TestFrameworkAssemblies, assembly.Name) >= 0),
            options);
    }

    /// <summary>The flag check <paramref name="invocation"/> makes, or null when it calls no flag API.</summary>
    public FlagCheck? GetCheck(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!checksByMethodName.TryGetValue(method.Name, out var candidates))
        {
            return null;
        }

        var containing = method.ContainingType?.OriginalDefinition;
        if (containing is null)
        {
            return null;
        }

        foreach (var (type, name) in candidates)
        {
            if (IsOrDerivesFrom(containing, type))
            {
                var key = KeyArgument(invocation);
                return new FlagCheck(type.Name + "." + name, invocation, key, IsBooleanCheck(method));
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="method"/> is itself a flag check (a wrapper the user registered, or an implementation).</summary>
    public bool IsCheckMethod(IMethodSymbol method)
    {
        if (!checksByMethodName.TryGetValue(method.Name, out var candidates) || method.ContainingType?.OriginalDefinition is not { } containing)
        {
            return false;
        }

        foreach (var (type, _) in candidates)
        {
            if (IsOrDerivesFrom(containing, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a flag-requirement attribute: one of the built-in names or a configured one, in any namespace.</summary>
    public bool IsRequirementAttribute(string? attributeClassName) =>
        attributeClassName is not null && requirementAttributeClassNames.Contains(attributeClassName);

    /// <summary>
    /// True when the project's own code declares a type named as a requirement attribute: read from the declaration
    /// table's name index, without binding any symbol or building the set of every type name in the project.
    /// </summary>
    public bool DeclaresRequirementAttribute(Compilation compilation)
    {
        foreach (var name in requirementAttributeNames)
        {
            if (compilation.ContainsSymbolsWithName(name + "Attribute", SymbolFilter.Type) || compilation.ContainsSymbolsWithName(name, SymbolFilter.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="assembly"/> declares a type named as a requirement attribute (<c>RequiresFeatureAttribute</c>,
    /// <c>FeatureGateAttribute</c>, a configured name): read from the assembly's type names, without binding any symbol.
    /// </summary>
    public bool DeclaresRequirementAttribute(IAssemblySymbol assembly)
    {
        if (KnownTypes.IsPlatformAssembly(assembly))
        {
            return false;
        }

        var typeNames = assembly.TypeNames;
        foreach (var name in requirementAttributeNames)
        {
            if (typeNames.Contains(name + "Attribute") || typeNames.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="invocation"/> is Microsoft.FeatureManagement's <c>WithFeatureGate</c>.</summary>
    public bool IsWithFeatureGate(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == "WithFeatureGate"
        && (EndpointFilterExtensions is null
            ? invocation.TargetMethod.ContainingType?.ToDisplayString() == EndpointFilterExtensionsName
            : SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, EndpointFilterExtensions));

    private static bool IsOrDerivesFrom(INamedTypeSymbol type, INamedTypeSymbol wanted)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, wanted))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, wanted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The argument that carries the key: the first string parameter (after an extension method's receiver).</summary>
    private static IArgumentOperation? KeyArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && !(parameter.Ordinal == 0 && invocation.TargetMethod.IsExtensionMethod)
                && parameter.Type.SpecialType == SpecialType.System_String)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>A check whose awaited result is the flag's on/off state: bool, Task&lt;bool&gt;, ValueTask&lt;bool&gt;.</summary>
    private static bool IsBooleanCheck(IMethodSymbol method)
    {
        var type = method.ReturnType;
        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return true;
        }

        return type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
            && task.TypeArguments[0].SpecialType == SpecialType.System_Boolean;
    }

    /// <summary>A box, because the cache cannot hold null for "no flag API here".</summary>
    private sealed class Resolution
    {
        public Resolution(FlagApi? api) => Api = api;

        public FlagApi? Api { get; }
    }
}

/// <summary>One call of a flag API: which API (for messages), the key argument, and whether it answers on/off.</summary>
internal sealed class FlagCheck
{
    public FlagCheck(string apiName, IInvocationOperation invocation, IArgumentOperation? keyArgument, bool isBoolean)
    {
        ApiName = apiName;
        Invocation = invocation;
        KeyArgument = keyArgument;
        IsBoolean = isBoolean;
        Flag = FlagKey.Resolve(keyArgument?.Value);
    }

    /// <summary>As messages name it: <c>IFeatureManager.IsEnabledAsync</c>.</summary>
    public string ApiName { get; }

    public IInvocationOperation Invocation { get; }

    public IArgumentOperation? KeyArgument { get; }

    public bool IsBoolean { get; }

    /// <summary>The flag name, or null when the key is not a compile-time constant.</summary>
    public string? Flag { get; }
}
