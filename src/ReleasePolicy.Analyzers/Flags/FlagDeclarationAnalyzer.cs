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
/// name), RP2003 (a flag past its declared expiry, still referenced) and RP2005 (a declared flag nothing references).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlagDeclarationAnalyzer : DiagnosticAnalyzer
{
    internal const string SuggestionProperty = "Suggestion";

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
        ImmutableArray.Create(UndeclaredRule, UndeclaredWithSuggestionRule, ExpiredRule, UnreferencedRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (FlagApi.TryCreate(start.Compilation, start.Options) is not { } api)
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
            var requirements = new FlagRequirement.Cache(api);

            start.RegisterOperationAction(
                operation =>
                {
                    var invocation = (IInvocationOperation)operation.Operation;
                    if (api.GetCheck(invocation) is { KeyArgument: { } key } check)
                    {
                        Check(operation.ReportDiagnostic, new FlagReference(check.Flag, key.Value.Syntax.GetLocation(), FlagKey.Field(key.Value)), sources, today, usage);
                    }
                    else if (api.IsWithFeatureGate(invocation))
                    {
                        foreach (var reference in FlagReferences.WithFeatureGateFlags(invocation))
                        {
                            Check(operation.ReportDiagnostic, reference, sources, today, usage);
                        }
                    }
                },
                OperationKind.Invocation);

            start.RegisterSyntaxNodeAction(
                node =>
                {
                    var attribute = (AttributeSyntax)node.Node;
                    if (node.SemanticModel.GetSymbolInfo(attribute, node.CancellationToken).Symbol is IMethodSymbol constructor
                        && api.IsRequirementAttribute(constructor.ContainingType.Name))
                    {
                        foreach (var reference in FlagReferences.AttributeFlags(attribute, node.SemanticModel, node.CancellationToken))
                        {
                            Check(node.ReportDiagnostic, reference, sources, today, usage);
                        }
                    }
                },
                SyntaxKind.Attribute);

            if (sources.Declared.Count == 0)
            {
                return;
            }

            // RP2005 counts a flag as used when its name is written anywhere (a wrapper's argument, a configuration
            // key such as "FeatureManagement:Beta", a view model) or its constant is read, not only when it is checked.
            start.RegisterSyntaxNodeAction(
                node => usage.AddLiteral(((LiteralExpressionSyntax)node.Node).Token.ValueText),
                SyntaxKind.StringLiteralExpression);
            start.RegisterOperationAction(
                operation =>
                {
                    if (((IFieldReferenceOperation)operation.Operation).Field is { HasConstantValue: true } field
                        && sources.ConstantsTypes.Contains(field.ContainingType))
                    {
                        usage.AddField(field);
                    }
                },
                OperationKind.FieldReference);
            start.RegisterCompilationEndAction(end => ReportUnreferenced(end, sources, usage));
        });
    }

    private static void Check(Action<Diagnostic> report, FlagReference reference, FlagSources sources, DateTime today, FlagUsage usage)
    {
        if (reference.Flag is not { } flag)
        {
            return; // RP2004's business.
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
            if (!declaredByConstant && sources.UnreadableFiles.Count == 0)
            {
                report(FlagNameSuggestion.Nearest(flag, sources.Names) is { } suggestion
                    ? Diagnostic.Create(UndeclaredWithSuggestionRule, reference.Location, ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion), flag, suggestion)
                    : Diagnostic.Create(UndeclaredRule, reference.Location, flag));
            }

            return;
        }

        if (declared.Expires is { } expires && FlagExpiry.IsExpired(expires, today))
        {
            report(Diagnostic.Create(ExpiredRule, reference.Location, declared.Name, FlagExpiry.Format(expires)));
        }
    }

    private static void ReportUnreferenced(CompilationAnalysisContext context, FlagSources sources, FlagUsage usage)
    {
        // A project that checks none of its flags is usually a host whose libraries check them: say nothing.
        if (!usage.HasReferences)
        {
            return;
        }

        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var flag in sources.Declared)
        {
            if (!usage.IsUsed(flag) && reported.Add(flag.Name))
            {
                context.ReportDiagnostic(Diagnostic.Create(UnreferencedRule, flag.Location, flag.Name));
            }
        }
    }

    /// <summary>What the compilation references, gathered concurrently for RP2005 at its end.</summary>
    private sealed class FlagUsage
    {
        private readonly ConcurrentDictionary<string, byte> references = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, int> literals = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<IFieldSymbol, byte> fields = new(SymbolEqualityComparer.Default);

        public bool HasReferences => !references.IsEmpty;

        public void AddReference(string flag) => references.TryAdd(flag, 0);

        public void AddField(IFieldSymbol field) => fields.TryAdd(field, 0);

        public void AddLiteral(string value)
        {
            if (value.Length == 0 || value.Length > 200)
            {
                return;
            }

            literals.AddOrUpdate(value, 1, (_, count) => count + 1);
            if (value.IndexOf(':') >= 0)
            {
                // A configuration key: "FeatureManagement:Beta:EnabledFor:0:Name" names Beta.
                foreach (var segment in value.Split(':'))
                {
                    if (segment.Length > 0)
                    {
                        literals.AddOrUpdate(segment, 1, (_, count) => count + 1);
                    }
                }
            }
        }

        public bool IsUsed(DeclaredFlag flag)
        {
            if (references.ContainsKey(flag.Name))
            {
                return true;
            }

            if (flag.Field is { } field)
            {
                // The constant's own initializer is one literal of its name.
                var ownLiteral = field.ContainingType.TypeKind == TypeKind.Enum ? 0 : 1;
                return fields.ContainsKey(field) || literals.TryGetValue(flag.Name, out var count) && count > ownLiteral;
            }

            return literals.ContainsKey(flag.Name);
        }
    }
}
