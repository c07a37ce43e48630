using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// The flag rules' settings, read once per compilation from <c>.editorconfig</c> / global config keys. A list key
/// may be set in the global config or under any section of an <c>.editorconfig</c>; the values are combined, since a
/// flag API or attribute is one for the whole project.
/// </summary>
internal sealed class FlagOptions
{
    public const string CheckMethodsKey = "release_policy.flag_check_methods";
    public const string RequirementAttributesKey = "release_policy.flag_requirement_attributes";
    public const string ConstantsTypesKey = "release_policy.flag_constants_types";
    public const string TodayKey = "release_policy.today";
    public const string NowProperty = "build_property.ReleasePolicyNow";

    private FlagOptions(IReadOnlyList<string> checkMethods, IReadOnlyList<string> requirementAttributes, IReadOnlyList<string> constantsTypes, string? today)
    {
        CheckMethods = checkMethods;
        RequirementAttributes = requirementAttributes;
        ConstantsTypes = constantsTypes;
        Today = today;
    }

    /// <summary>Fully qualified <c>Namespace.Type.Method</c> names of the user's own flag checks.</summary>
    public IReadOnlyList<string> CheckMethods { get; }

    /// <summary>Attribute names that declare a flag requirement, beside the built-in ones.</summary>
    public IReadOnlyList<string> RequirementAttributes { get; }

    /// <summary>Metadata names of types whose constants declare flags.</summary>
    public IReadOnlyList<string> ConstantsTypes { get; }

    /// <summary>The clock override as written (<c>release_policy.today</c>, else <c>ReleasePolicyNow</c>).</summary>
    public string? Today { get; }

    public static FlagOptions Read(Compilation compilation, AnalyzerConfigOptionsProvider provider)
    {
        var checkMethods = new List<string>();
        var attributes = new List<string>();
        var constantsTypes = new List<string>();
        string? today = null;

        void ReadFrom(AnalyzerConfigOptions options)
        {
            AddList(options, CheckMethodsKey, checkMethods);
            AddList(options, RequirementAttributesKey, attributes);
            AddList(options, ConstantsTypesKey, constantsTypes);
            if (today is null && options.TryGetValue(TodayKey, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                today = value;
            }
        }

        ReadFrom(provider.GlobalOptions);
        foreach (var tree in compilation.SyntaxTrees)
        {
            ReadFrom(provider.GetOptions(tree));
        }

        if (today is null && provider.GlobalOptions.TryGetValue(NowProperty, out var now) && !string.IsNullOrWhiteSpace(now))
        {
            today = now;
        }

        return new FlagOptions(checkMethods, attributes, constantsTypes, today);
    }

    private static void AddList(AnalyzerConfigOptions options, string key, List<string> into)
    {
        if (!options.TryGetValue(key, out var value) || value is null)
        {
            return;
        }

        foreach (var name in SettingList.Split(value))
        {
            if (!into.Contains(name))
            {
                into.Add(name);
            }
        }
    }
}
