using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.CodeFixes.Leaks;
using ReleasePolicy.Analyzers.Leaks;

namespace ReleasePolicy.Analyzers.Tests.Leaks;

/// <summary>The RP3005 code fix: a generic message with the request's trace identifier instead of the exception's details.</summary>
public sealed class HideExceptionDetailsFixerTests
{
    [Fact]
    public async Task InAControllerTheMessageQuotesHttpContextTraceIdentifier()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public sealed class PaymentsController : ControllerBase
            {
                public IActionResult Charge()
                {
                    try
                    {
                        return Ok(1);
                    }
                    catch (InvalidOperationException ex)
                    {
                        return Problem(detail: {|RP3005:ex.Message|}, title: "Payment failed");
                    }
                }
            }
            """,
            """
            using System;
            using Microsoft.AspNetCore.Mvc;

            public sealed class PaymentsController : ControllerBase
            {
                public IActionResult Charge()
                {
                    try
                    {
                        return Ok(1);
                    }
                    catch (InvalidOperationException ex)
                    {
                        return Problem(detail: "An unexpected error occurred. Trace id: " + HttpContext.TraceIdentifier, title: "Payment failed");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task InMiddlewareTheContextParameterIsUsedAndAnInterpolationHoleBecomesTheTraceIdentifier()
    {
        await VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            public static class ErrorWriter
            {
                public static Task Write(HttpContext context, Exception error) =>
                    context.Response.WriteAsync($"Request failed: {{|RP3005:error.Message|}}");
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            public static class ErrorWriter
            {
                public static Task Write(HttpContext context, Exception error) =>
                    context.Response.WriteAsync($"Request failed: {context.TraceIdentifier}");
            }
            """);
    }

    [Fact]
    public async Task WithoutAnHttpContextInScopeTheActivityIdIsUsed()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.AspNetCore.Http;

            public static class Endpoints
            {
                public static IResult Fail(Exception ex) => Results.Problem({|RP3005:ex.ToString()|});
            }
            """,
            """
            using System;
            using Microsoft.AspNetCore.Http;

            public static class Endpoints
            {
                public static IResult Fail(Exception ex) => Results.Problem("An unexpected error occurred. Trace id: " + System.Diagnostics.Activity.Current?.Id);
            }
            """);
    }

    private static Task VerifyAsync(string source, string fixedSource)
    {
        using var stream = typeof(HideExceptionDetailsFixerTests).Assembly.GetManifestResourceStream("Stubs.AspNetCoreStubs.cs")!;
        var stubs = new StreamReader(stream).ReadToEnd();
        var test = new CSharpCodeFixTest<ExceptionDetailsAnalyzer, HideExceptionDetailsFixer, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("AspNetCoreStubs.cs", stubs));
        test.FixedState.Sources.Add(("AspNetCoreStubs.cs", stubs));
        return test.RunAsync();
    }
}
