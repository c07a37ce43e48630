using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>
/// Flag names against the project's flag sources: RP2002 (a name no source declares, with the nearest declared
/// name), RP2003 (a flag past its declared expiry, still referenced), RP2005 (a declared flag nothing references) and
/// RP2000, hidden: one diagnostic per flag with what the release manifest's <c>featureFlags</c> records of it (where it
/// is declared, how many places reference it, its expiry), for tools that read diagnostics. The build's manifest comes
/// from the flag inventory file (<see cref="FlagInventoryOption"/>), which says the same from the same code (<see cref="FlagEntry"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlagDeclarationAnalyzer : DiagnosticAnalyzer
{
    internal const string SuggestionProperty = "Suggestion";
    internal const string InventoryNameProperty = "Name";
    internal const string InventoryReferencesProperty = "References";
    internal const string InventoryDeclaredInProperty = "DeclaredIn";
    internal const string InventoryLineProperty = "Line";
    internal const string InventoryExpiresProperty = "Expires";
    internal const string InventoryExpiredProperty = "Expired";
    internal const string InventoryUndeclaredProperty = "Undeclared";

    internal static readonly DiagnosticDescriptor InventoryRule = new(
        RuleIds.FlagInventory,
        title: RuleCatalogue.FlagInventory.Title,
        messageFormat: "Feature flag '{0}': {1}",
        RuleCategories.FeatureFlags,
        DiagnosticSeverity.Hidden,
        isEnabledByDefault: true,
        description: "The flag inventory: one entry per flag the project declares or references, as the release manifest's featureFlags records it.",
        helpLinkUri: RuleCatalogue.FlagInventory.HelpLink,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    internal static readonly DiagnosticDescriptor UndeclaredRule = new(
        RuleIds.UndeclaredFlag,
        title: RuleCatalogue.UndeclaredFlag.Title,
        messageFormat: "Feature flag '{0}' is not declared in any flag source; declare it in appsettings.json under FeatureManagement, or fix the name",
        RuleCategories.FeatureFlags,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A flag that no source declares evaluates to false at run time, silently. Declare it, or correct the name.",
        helpLinkUri: RuleCatalogue.UndeclaredFlag.HelpLink);

    internal static readonly DiagnosticDescriptor UndeclaredWithSuggestionRule = new(
        RuleIds.UndeclaredFlag,
        title: RuleCatalogue.UndeclaredFlag.Title,
        messageFormat: "Feature flag '{0}' is not declared in any flag source; did you mean '{1}'?",
        RuleCategories.FeatureFlags,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A flag that no source declares evaluates to false at run time, silently. Declare it, or correct the name.",
        helpLinkUri: RuleCatalogue.UndeclaredFlag.HelpLink);

    internal static readonly DiagnosticDescriptor ExpiredRule = new(
        RuleIds.ExpiredFlag,
        title: RuleCatalogue.ExpiredFlag.Title,
        messageFormat: "Feature flag '{0}' expired on {1} and is still referenced here; remove the flag and the code path it no longer needs, or extend its expiry",
        RuleCategories.FeatureFlags,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A flag past its declared expiry is debt: remove it with the code it guards, or move the date with a reason.",
        helpLinkUri: RuleCatalogue.ExpiredFlag.HelpLink);

    internal static readonly DiagnosticDescriptor UnreferencedRule = new(
        RuleIds.UnreferencedFlag,
        title: RuleCatalogue.UnreferencedFlag.Title,
        messageFormat: "Feature flag '{0}' is declared but nothing in this project references it; remove the declaration if the flag is gone",
        RuleCategories.FeatureFlags,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A declared flag that no code checks is a leftover, or is checked somewhere this compilation cannot see.",
        helpLinkUri: RuleCatalogue.UnreferencedFlag.HelpLink,
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
        ImmutableArray.Create(InventoryRule, UndeclaredRule, UndeclaredWithSuggestionRule, ExpiredRule, UnreferencedRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (FlagInventoryOption.WriterReportsRules(start.Options) || FlagApi.TryCreate(start.Compilation, start.Options) is not { } api)
            {
                return;
            }

            var sources = FlagSources.Read(start.Compilation, start.Options, api, start.CancellationToken);
            if (!sources.HasSource)
            {
                return; // With no flag source at all, no name can be called undeclared and nothing is declared.
            }

            var today = FlagExpiry.ParseDate(api.Options.Today) ?? DateTime.UtcNow.Date;
            var usage = new FlagUsage();

            FlagReferenceActions.Register(start, api, reference => Check(reference, sources, today, usage));
            start.RegisterCompilationEndAction(end =>
            {
                ReportUnreferenced(end.ReportDiagnostic, end.Compilation, sources, usage, end.CancellationToken);
                ReportInventory(end.ReportDiagnostic, sources, usage, today);
            });
        });
    }

    /// <summary>
    /// RP2002 or RP2003 for one reference (a name is either undeclared or declared, so at most one), which is counted in
    /// <paramref name="usage"/>; the flag inventory reports through it too.
    /// </summary>
    internal static Diagnostic? Check(FlagReference reference, FlagSources sources, DateTime today, FlagUsage usage)
    {
        if (reference.Flag is not { } flag)
        {
            return null; // RP2004's business.
        }

        usage.AddReference(flag);
        if (reference.Field is { } field)
        {
            usage.AddField(field);
        }

        var declared = sources.Find(flag);
        if (declared is null)
        {
            // A constant of a flag constants type declares itself; a file that could not be read may declare anything.
            var declaredByConstant = reference.Field is { } constant && sources.ConstantsTypes.Contains(constant.ContainingType);
            if (declaredByConstant || sources.UnreadableFiles.Count > 0)
            {
                return null;
            }

            return FlagNameSuggestion.Nearest(flag, sources.Names) is { } suggestion
                ? Diagnostic.Create(UndeclaredWithSuggestionRule, reference.Location, ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion), flag, suggestion)
                : Diagnostic.Create(UndeclaredRule, reference.Location, flag);
        }

        return declared.Expires is { } expires && FlagExpiry.IsExpired(expires, today)
            ? Diagnostic.Create(ExpiredRule, reference.Location, declared.Name, FlagExpiry.Format(expires))
            : null;
    }

    /// <summary>RP2000 at the end of the compilation: one per flag declared or referenced.</summary>
    internal static void ReportInventory(Action<Diagnostic> report, FlagSources? sources, FlagUsage usage, DateTime today)
    {
        foreach (var entry in FlagEntry.Of(sources, usage, today))
        {
            report(entry.ToDiagnostic());
        }
    }

    /// <summary>RP2005 at the end of the compilation, from the references counted in <paramref name="usage"/>.</summary>
    internal static void ReportUnreferenced(Action<Diagnostic> report, Compilation compilation, FlagSources sources, FlagUsage usage, System.Threading.CancellationToken cancellationToken)
    {
        if (sources.Declared.Count == 0)
        {
            return;
        }

        // A project that checks none of its flags is usually a host whose libraries check them: say nothing.
        if (!usage.HasReferences)
        {
            return;
        }

        var candidates = sources.Declared.Where(flag => !usage.IsChecked(flag)).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        // A flag is also used when its name is written anywhere in the code (a wrapper's argument, a configuration key
        // such as "FeatureManagement:Beta:EnabledFor", its constant): one pass over the text, only when a declared
        // flag is left unchecked, is far cheaper than an action on every literal and field reference.
        var words = CodeWords.Count(compilation, candidates.Select(flag => flag.Field?.Name ?? flag.Name), cancellationToken);
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var flag in candidates)
        {
            if (!IsWritten(flag, words, cancellationToken) && reported.Add(flag.Name))
            {
                report(Diagnostic.Create(UnreferencedRule, flag.Location, flag.Name));
            }
        }
    }

    private static bool IsWritten(DeclaredFlag flag, Dictionary<string, int> words, System.Threading.CancellationToken cancellationToken)
    {
        if (flag.Field is not { } field)
        {
            return words.TryGetValue(flag.Name, out var written) && written > 0;
        }

        // A constant's own declaration writes its name (and usually its value) once; any other occurrence uses it.
        var own = 0;
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken).ToString();
            own += CodeWords.Occurrences(declaration, field.Name);
        }

        return words.TryGetValue(field.Name, out var count) && count > own;
    }
}
