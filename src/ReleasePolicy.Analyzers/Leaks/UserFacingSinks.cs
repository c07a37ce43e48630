using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReleasePolicy.Rules.Leaks;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>
/// Where a string reaches a user, resolved once per compilation: ASP.NET Core's <c>Results</c> / <c>TypedResults</c>
/// helpers, <c>ControllerBase</c>'s result helpers, <c>ProblemDetails.Title/Detail</c>, validation problem errors,
/// <c>HttpResponse.WriteAsync</c> / <c>WriteAsJsonAsync</c>, <c>ModelState.AddModelError</c>, <c>ValidationResult</c>,
/// a validation attribute's <c>ErrorMessage</c>,
/// <c>BadHttpRequestException</c>, and the sinks named in <c>release_policy.user_facing_sinks</c> (a method,
/// <c>Contoso.Api.ErrorResponse.Create</c>, or a type whose constructors are sinks, <c>Contoso.Api.ApiException</c>).
/// </summary>
internal sealed class UserFacingSinks
{
    public const string UserSinksKey = "release_policy.user_facing_sinks";

    private static readonly ImmutableHashSet<string> ResultsHelpers = ImmutableHashSet.Create(
        "Problem", "ValidationProblem", "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "Content", "Text", "Json");

    private static readonly ImmutableHashSet<string> ControllerHelpers = ImmutableHashSet.Create(
        "BadRequest", "NotFound", "Problem", "Content", "StatusCode", "ValidationProblem", "Conflict", "UnprocessableEntity");

    // Arguments of a sink that never reach the user as text.
    private static readonly ImmutableHashSet<string> NotShownParameters = ImmutableHashSet.Create(
        "contentType", "contentEncoding", "statusCode", "key", "cancellationToken", "options", "memberNames");

    private readonly HashSet<INamedTypeSymbol> _resultTypes = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol? _controllerBase;
    // ASP.NET Core's types live in its Microsoft.AspNetCore.* assemblies: only those are asked (KnownTypes).
    private const string AspNetCore = "Microsoft.AspNetCore";

    private readonly INamedTypeSymbol? _problemDetails;
    private readonly INamedTypeSymbol? _validationProblemDetails;
    private readonly INamedTypeSymbol? _validationAttribute;
    private readonly HashSet<IMethodSymbol> _methods = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _exceptionTypes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, HashSet<string>> _userMethods = new(SymbolEqualityComparer.Default);

    private UserFacingSinks(Compilation compilation, IEnumerable<string> userSinks)
    {
        foreach (var name in new[] { "Microsoft.AspNetCore.Http.Results", "Microsoft.AspNetCore.Http.TypedResults" })
        {
            if (KnownTypes.Find(compilation, name, AspNetCore) is { } type)
            {
                _resultTypes.Add(type);
            }
        }

        _controllerBase = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase", AspNetCore);
        _problemDetails = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.ProblemDetails", AspNetCore);
        _validationProblemDetails = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Http.HttpValidationProblemDetails", AspNetCore);
        _validationAttribute = KnownTypes.Find(compilation, "System.ComponentModel.DataAnnotations.ValidationAttribute", "System.ComponentModel");
        AddMethods(compilation, "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions", "WriteAsync");
        AddMethods(compilation, "Microsoft.AspNetCore.Http.HttpResponseJsonExtensions", "WriteAsJsonAsync");
        AddMethods(compilation, "Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary", "AddModelError");
        AddConstructors(compilation, "System.ComponentModel.DataAnnotations.ValidationResult", "System.ComponentModel");
        AddConstructors(compilation, "Microsoft.AspNetCore.Http.BadHttpRequestException", AspNetCore);
        Exception = compilation.ObjectType.ContainingAssembly.GetTypeByMetadataName("System.Exception") ?? compilation.GetTypeByMetadataName("System.Exception");

        foreach (var sink in userSinks)
        {
            if (compilation.GetTypeByMetadataName(sink) is { } type)
            {
                _exceptionTypes.Add(type);
                continue;
            }

            var dot = sink.LastIndexOf('.');
            if (dot > 0 && compilation.GetTypeByMetadataName(sink.Substring(0, dot)) is { } containing)
            {
                if (!_userMethods.TryGetValue(containing, out var names))
                {
                    _userMethods[containing] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.Add(sink.Substring(dot + 1));
            }
        }
    }

    public INamedTypeSymbol? Exception { get; }

    private bool IsEmpty =>
        _resultTypes.Count == 0 && _controllerBase is null && _problemDetails is null && _methods.Count == 0
        && _exceptionTypes.Count == 0 && _userMethods.Count == 0;

    /// <summary>The sinks of this compilation, or null when it has none (then no leak rule that needs a sink runs).</summary>
    public static UserFacingSinks? TryCreate(Compilation compilation, AnalyzerOptions options)
    {
        // A compilation-wide setting, from a global config or any .editorconfig section that covers a source file.
        var provider = options.AnalyzerConfigOptionsProvider;
        var configured = new HashSet<string>(StringComparer.Ordinal);
        if (provider.GlobalOptions.TryGetValue(UserSinksKey, out var global))
        {
            configured.UnionWith(SettingList.Split(global));
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.GetOptions(tree).TryGetValue(UserSinksKey, out var local))
            {
                configured.UnionWith(SettingList.Split(local));
            }
        }

        var sinks = new UserFacingSinks(compilation, configured);
        return sinks.IsEmpty ? null : sinks;
    }

    /// <summary>
    /// The sink an invocation or object creation calls, as a message names it (<c>Results.Problem</c>); null when it is none.
    /// </summary>
    public string? Describe(IMethodSymbol? method)
    {
        if (method is null)
        {
            return null;
        }

        var original = method.OriginalDefinition;
        var containing = original.ContainingType;
        if (containing is null)
        {
            return null;
        }

        if (method.MethodKind == MethodKind.Constructor)
        {
            return _methods.Contains(original) || _exceptionTypes.Contains(containing) ? "new " + containing.Name : null;
        }

        if (_resultTypes.Contains(containing) && ResultsHelpers.Contains(original.Name))
        {
            return containing.Name + "." + original.Name;
        }

        if (_controllerBase is not null && ControllerHelpers.Contains(original.Name) && SymbolEqualityComparer.Default.Equals(containing, _controllerBase))
        {
            return "ControllerBase." + original.Name;
        }

        if (_methods.Contains(original))
        {
            // As the code reads: response.WriteAsync, ModelState.AddModelError.
            var receiver = original.IsExtensionMethod ? original.Parameters[0].Type.Name : containing.Name == "ModelStateDictionary" ? "ModelState" : containing.Name;
            return receiver + "." + original.Name;
        }

        if (_userMethods.TryGetValue(containing, out var names) && names.Contains(original.Name))
        {
            return containing.Name + "." + original.Name;
        }

        return null;
    }

    /// <summary>True for an argument whose value a user sees; a content type or a model-state key is not text they read.</summary>
    public static bool IsShown(IArgumentOperation argument) =>
        argument.Parameter is not { } parameter || !NotShownParameters.Contains(parameter.Name);

    /// <summary>The property sink an assignment target is (<c>ProblemDetails.Detail</c>), or null.</summary>
    public string? Describe(IPropertySymbol? property)
    {
        if (property is null)
        {
            return null;
        }

        var containing = property.OriginalDefinition.ContainingType;
        if (_problemDetails is not null && SymbolEqualityComparer.Default.Equals(containing, _problemDetails)
            && (property.Name == "Title" || property.Name == "Detail"))
        {
            return "ProblemDetails." + property.Name;
        }

        if (_validationProblemDetails is not null && SymbolEqualityComparer.Default.Equals(containing, _validationProblemDetails) && property.Name == "Errors")
        {
            return "ValidationProblemDetails.Errors";
        }

        // [Range(1, 10, ErrorMessage = "...")]: the message a validation failure shows.
        if (_validationAttribute is not null && SymbolEqualityComparer.Default.Equals(containing, _validationAttribute) && property.Name == "ErrorMessage")
        {
            return "ValidationAttribute.ErrorMessage";
        }

        return null;
    }

    private void AddMethods(Compilation compilation, string typeName, string methodName)
    {
        if (KnownTypes.Find(compilation, typeName, AspNetCore) is { } type)
        {
            foreach (var member in type.GetMembers(methodName))
            {
                if (member is IMethodSymbol method)
                {
                    _methods.Add(method);
                }
            }
        }
    }

    private void AddConstructors(Compilation compilation, string typeName, string assemblyPrefix)
    {
        if (KnownTypes.Find(compilation, typeName, assemblyPrefix) is { } type)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                _methods.Add(constructor);
            }
        }
    }
}
