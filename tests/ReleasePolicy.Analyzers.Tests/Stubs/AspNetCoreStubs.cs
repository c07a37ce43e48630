// Minimal surface of ASP.NET Core (Microsoft.AspNetCore.App) that the leak rules look at, declared in the real
// namespaces with the real signatures. Compiled into the leak tests' sources instead of referencing the framework.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Extensions.Hosting
{
    public interface IHostEnvironment
    {
        string EnvironmentName { get; set; }
    }

    public static class HostEnvironmentEnvExtensions
    {
        public static bool IsDevelopment(this IHostEnvironment hostEnvironment) => hostEnvironment.EnvironmentName == "Development";

        public static bool IsEnvironment(this IHostEnvironment hostEnvironment, string environmentName) =>
            string.Equals(hostEnvironment.EnvironmentName, environmentName, StringComparison.OrdinalIgnoreCase);
    }

    public static class Environments
    {
        public static readonly string Development = "Development";
        public static readonly string Staging = "Staging";
        public static readonly string Production = "Production";
    }
}

namespace Microsoft.AspNetCore.Hosting
{
    public interface IWebHostEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
    }
}

namespace Microsoft.AspNetCore.Http
{
    public interface IResult
    {
        Task ExecuteAsync(HttpContext httpContext);
    }

    public delegate Task RequestDelegate(HttpContext context);

    public abstract class HttpContext
    {
        public abstract HttpResponse Response { get; }

        public abstract string TraceIdentifier { get; set; }

        public abstract IServiceProvider RequestServices { get; set; }
    }

    public abstract class HttpResponse
    {
        public abstract int StatusCode { get; set; }

        public abstract string? ContentType { get; set; }
    }

    public static class HttpResponseWritingExtensions
    {
        public static Task WriteAsync(this HttpResponse response, string text, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public static class HttpResponseJsonExtensions
    {
        public static Task WriteAsJsonAsync<TValue>(this HttpResponse response, TValue value, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public class BadHttpRequestException : System.IO.IOException
    {
        public BadHttpRequestException(string message) : base(message) { }

        public BadHttpRequestException(string message, int statusCode) : base(message) { }
    }

    public class HttpValidationProblemDetails : Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        public IDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();
    }

    public sealed class ProblemDetailsContext
    {
        public HttpContext HttpContext { get; init; } = null!;

        public Microsoft.AspNetCore.Mvc.ProblemDetails ProblemDetails { get; init; } = new();

        public Exception? Exception { get; init; }
    }

    public class ProblemDetailsOptions
    {
        public Action<ProblemDetailsContext>? CustomizeProblemDetails { get; set; }
    }

    public static class Results
    {
        public static IResult Problem(string? detail = null, string? instance = null, int? statusCode = null, string? title = null, string? type = null, IDictionary<string, object?>? extensions = null) => null!;

        public static IResult Problem(Microsoft.AspNetCore.Mvc.ProblemDetails problemDetails) => null!;

        public static IResult ValidationProblem(IDictionary<string, string[]> errors, string? detail = null, string? instance = null, int? statusCode = null, string? title = null, string? type = null, IDictionary<string, object?>? extensions = null) => null!;

        public static IResult BadRequest(object? error = null) => null!;

        public static IResult NotFound(object? value = null) => null!;

        public static IResult Conflict(object? error = null) => null!;

        public static IResult UnprocessableEntity(object? error = null) => null!;

        public static IResult Ok(object? value = null) => null!;

        public static IResult Content(string? content, string? contentType = null, System.Text.Encoding? contentEncoding = null, int? statusCode = null) => null!;

        public static IResult Text(string? content, string? contentType = null, System.Text.Encoding? contentEncoding = null, int? statusCode = null) => null!;

        public static IResult Json(object? data, System.Text.Json.JsonSerializerOptions? options = null, string? contentType = null, int? statusCode = null) => null!;
    }

    public static class TypedResults
    {
        public static IResult Problem(string? detail = null, string? instance = null, int? statusCode = null, string? title = null, string? type = null, IDictionary<string, object?>? extensions = null) => null!;

        public static IResult BadRequest<TValue>(TValue? error) => null!;

        public static IResult NotFound<TValue>(TValue? value) => null!;

        public static IResult Ok<TValue>(TValue? value) => null!;
    }
}

namespace Microsoft.AspNetCore.Routing
{
    public interface IEndpointRouteBuilder
    {
    }
}

namespace Microsoft.AspNetCore.Builder
{
    using Microsoft.AspNetCore.Http;

    public interface IApplicationBuilder
    {
    }

    public sealed class WebApplication : IApplicationBuilder, Microsoft.AspNetCore.Routing.IEndpointRouteBuilder
    {
        public Microsoft.AspNetCore.Hosting.IWebHostEnvironment Environment { get; } = null!;

        public static WebApplicationBuilder CreateBuilder(string[] args) => new();

        public void Run() { }
    }

    public sealed class WebApplicationBuilder
    {
        public Microsoft.AspNetCore.Hosting.IWebHostEnvironment Environment { get; } = null!;

        public WebApplication Build() => new();
    }

    public static class EndpointRouteBuilderExtensions
    {
        public static IEndpointConventionBuilder MapGet(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => null!;

        public static IEndpointConventionBuilder MapPost(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => null!;
    }

    public interface IEndpointConventionBuilder
    {
    }

    public static class DeveloperExceptionPageExtensions
    {
        public static IApplicationBuilder UseDeveloperExceptionPage(this IApplicationBuilder app) => app;
    }

    public static class ExceptionHandlerExtensions
    {
        public static IApplicationBuilder UseExceptionHandler(this IApplicationBuilder app, Action<IApplicationBuilder> configure) => app;

        public static IApplicationBuilder UseExceptionHandler(this IApplicationBuilder app, string errorHandlingPath) => app;
    }

    public static class RunExtensions
    {
        public static void Run(this IApplicationBuilder app, RequestDelegate handler) { }
    }
}

namespace Microsoft.AspNetCore.Diagnostics
{
    using Microsoft.AspNetCore.Http;

    public interface IExceptionHandlerFeature
    {
        Exception Error { get; }
    }

    public interface IExceptionHandler
    {
        ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken);
    }
}

namespace Microsoft.AspNetCore.Mvc
{
    using Microsoft.AspNetCore.Http;

    public class ProblemDetails
    {
        public string? Type { get; set; }

        public string? Title { get; set; }

        public int? Status { get; set; }

        public string? Detail { get; set; }

        public string? Instance { get; set; }

        public IDictionary<string, object?> Extensions { get; set; } = new Dictionary<string, object?>();
    }

    public class ValidationProblemDetails : HttpValidationProblemDetails
    {
    }

    public interface IActionResult
    {
    }

    public class ActionResult : IActionResult
    {
    }

    public class ObjectResult : ActionResult
    {
        public ObjectResult(object? value) { }
    }

    public class ContentResult : ActionResult
    {
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly)]
    public sealed class ApiControllerAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class RouteAttribute : Attribute
    {
        public RouteAttribute(string template) { }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpGetAttribute : Attribute
    {
        public HttpGetAttribute() { }

        public HttpGetAttribute(string template) { }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpPostAttribute : Attribute
    {
        public HttpPostAttribute() { }

        public HttpPostAttribute(string template) { }
    }

    public abstract class ControllerBase
    {
        public HttpContext HttpContext { get; set; } = null!;

        public Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState { get; } = new();

        public virtual ObjectResult Ok(object? value) => new(value);

        public virtual ObjectResult BadRequest(object? error) => new(error);

        public virtual ObjectResult NotFound(object? value) => new(value);

        public virtual ObjectResult Conflict(object? error) => new(error);

        public virtual ObjectResult UnprocessableEntity(object? error) => new(error);

        public virtual ObjectResult StatusCode(int statusCode, object? value) => new(value);

        public virtual ActionResult StatusCode(int statusCode) => new();

        public virtual ContentResult Content(string content) => new();

        public virtual ContentResult Content(string content, string contentType) => new();

        public virtual ObjectResult Problem(string? detail = null, string? instance = null, int? statusCode = null, string? title = null, string? type = null) => new(null);

        public virtual ActionResult ValidationProblem(string? detail = null, string? instance = null, int? statusCode = null, string? title = null, string? type = null) => new();
    }

    public abstract class Controller : ControllerBase
    {
    }
}

namespace Microsoft.AspNetCore.Mvc.ModelBinding
{
    public class ModelStateDictionary
    {
        public bool IsValid => true;

        public void AddModelError(string key, string errorMessage) { }
    }
}
