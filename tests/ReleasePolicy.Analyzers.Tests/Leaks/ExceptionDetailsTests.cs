using Verify = ReleasePolicy.Analyzers.Tests.Leaks.LeakVerifier<ReleasePolicy.Analyzers.Leaks.ExceptionDetailsAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Leaks;

/// <summary>RP3005: exception details reaching a response, unless only development sees them.</summary>
public sealed class ExceptionDetailsTests
{
    [Fact]
    public async Task AnExceptionMessageReturnedFromAControllerIsRP3005()
    {
        await Verify.VerifyAsync("""
            using System;
            using Microsoft.AspNetCore.Mvc;

            public sealed class PaymentsController : ControllerBase
            {
                public IActionResult Charge(decimal amount)
                {
                    try
                    {
                        return Ok(amount);
                    }
                    catch (InvalidOperationException ex)
                    {
                        return Problem(detail: {|#0:ex.Message|}, title: "Payment failed");
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, new { error = $"Unexpected: {{|#1:ex.InnerException?.Message|}}", trace = {|#2:ex.StackTrace|} });
                    }
                }
            }
            """,
            Verify.Diagnostic("RP3005").WithLocation(0).WithArguments("ex.Message", "ControllerBase.Problem"),
            Verify.Diagnostic("RP3005").WithLocation(1).WithArguments("ex.InnerException?.Message", "ControllerBase.StatusCode"),
            Verify.Diagnostic("RP3005").WithLocation(2).WithArguments("ex.StackTrace", "ControllerBase.StatusCode"));
    }

    [Fact]
    public async Task AnExceptionHandlerWritingTheExceptionIsRP3005UnlessDevelopmentGuardsIt()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Hosting;

            public sealed class GlobalExceptionHandler : IExceptionHandler
            {
                private readonly IHostEnvironment _environment;

                public GlobalExceptionHandler(IHostEnvironment environment) => _environment = environment;

                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    var problem = new ProblemDetails { Title = "Something went wrong" };
                    if (_environment.IsDevelopment())
                    {
                        problem.Detail = exception.ToString();
                    }

                    problem.Detail = _environment.IsDevelopment() ? exception.Message : "See the logs with trace id " + httpContext.TraceIdentifier;
                    await httpContext.Response.WriteAsJsonAsync(problem, cancellationToken);
                    await httpContext.Response.WriteAsync({|RP3005:exception.ToString()|}, cancellationToken);
                    return true;
                }
            }

            public sealed class ErrorMiddleware
            {
                private readonly IWebHostEnvironment _env;

                public ErrorMiddleware(IWebHostEnvironment env) => _env = env;

                public async Task InvokeAsync(HttpContext context, Exception error)
                {
                    if (!_env.IsDevelopment())
                    {
                        await context.Response.WriteAsync("An error occurred.");
                        return;
                    }

                    await context.Response.WriteAsync(error.StackTrace ?? "");
                }
            }
            """);
    }

    [Fact]
    public async Task EnvironmentNameComparisonsAndIsEnvironmentGuardToo()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Hosting;

            public sealed class ErrorWriter(IWebHostEnvironment env)
            {
                public async Task WriteAsync(HttpContext context, Exception error)
                {
                    if (env.EnvironmentName == "Development")
                    {
                        await context.Response.WriteAsync(error.ToString());
                    }

                    if (env.IsEnvironment(Environments.Development))
                    {
                        await context.Response.WriteAsync(error.Message);
                    }

                    if (string.Equals(env.EnvironmentName, Environments.Development, StringComparison.OrdinalIgnoreCase))
                    {
                        await context.Response.WriteAsync(error.Message);
                    }

                    if (env.EnvironmentName != "Development")
                    {
                        await context.Response.WriteAsync("An error occurred.");
                        return;
                    }

                    await context.Response.WriteAsync(error.StackTrace ?? "");
                }

                public Task WriteInStagingAsync(HttpContext context, Exception error) =>
                    env.EnvironmentName == "Staging" ? context.Response.WriteAsync({|RP3005:error.Message|}) : Task.CompletedTask;
            }
            """);
    }

    [Fact]
    public async Task MinimalApiSetupWithAndWithoutTheGuard()
    {
        await Verify.VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Hosting;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    if (app.Environment.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    {|RP3005:app.UseDeveloperExceptionPage()|};

                    app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
                    {
                        var feature = (IExceptionHandlerFeature)context.RequestServices.GetService(typeof(IExceptionHandlerFeature))!;
                        await context.Response.WriteAsJsonAsync(new { message = {|RP3005:feature.Error.Message|} });
                    }));

                    var options = new ProblemDetailsOptions
                    {
                        CustomizeProblemDetails = ctx => ctx.ProblemDetails.Detail = {|RP3005:ctx.Exception?.ToString()|},
                    };
                    app.Run();
                }
            }
            """);
    }

    [Fact]
    public async Task TheExceptionObjectItselfInAResponseIsRP3005()
    {
        await Verify.VerifyAsync("""
            using System;
            using Microsoft.AspNetCore.Http;

            public static class Endpoints
            {
                public static IResult Import(Func<int> run)
                {
                    try
                    {
                        return Results.Ok(run());
                    }
                    catch (FormatException ex)
                    {
                        return Results.BadRequest(new { error = "The file is not valid CSV.", exception = {|RP3005:ex|} });
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LoggingAnExceptionOrReturningAGenericMessageIsFine()
    {
        await Verify.VerifyAsync("""
            using System;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class ReportsController : ControllerBase
            {
                public IActionResult Build()
                {
                    try
                    {
                        return Ok(1);
                    }
                    catch (Exception ex)
                    {
                        Console.Error.WriteLine(ex.ToString());
                        var type = ex.GetType().Name;
                        _ = type;
                        return Problem(detail: "The report could not be built. Quote trace id " + HttpContext.TraceIdentifier + " to support.");
                    }
                }
            }
            """);
    }
}
