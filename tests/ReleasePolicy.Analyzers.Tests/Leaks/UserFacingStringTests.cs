using Verify = ReleasePolicy.Analyzers.Tests.Leaks.LeakVerifier<ReleasePolicy.Analyzers.Leaks.UserFacingStringAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Leaks;

/// <summary>RP3001, RP3002, RP3004, RP3006: internal identifiers in strings that reach a user, and only there.</summary>
public sealed class UserFacingStringTests
{
    [Fact]
    public async Task AControllerErrorNamingTheDatabaseHostIsRP3001()
    {
        await Verify.VerifyAsync("""
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("orders")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult Get(int id)
                {
                    if (id <= 0)
                    {
                        return BadRequest({|RP3001:"Order lookup failed on db-primary.corp"|});
                    }

                    return Problem(detail: {|RP3002:"Could not reach 10.2.3.4:5432"|}, title: "Orders are unavailable");
                }
            }
            """);
    }

    [Fact]
    public async Task MinimalApiResultsInterpolationsAndConstantsAreRead()
    {
        await Verify.VerifyAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            internal static class Messages
            {
                public const string Outage = "Payments are down, see OPS-4211";
            }

            public static class OrderEndpoints
            {
                private const string Support = "Ask on http://helpdesk/ for help";

                public static void Map(WebApplication app)
                {
                    app.MapGet("/orders/{id}", (int id) => Results.NotFound(new { error = {|RP3006:$"Order {id} not found in C:\\Users\\build\\orders.db"|} }));
                    app.MapGet("/pay", () => Results.Problem({|RP3004:Messages.Outage|}));
                    app.MapGet("/help", () => TypedResults.BadRequest({|RP3001:Support|}));
                    app.MapGet("/health", () => Results.Text({|RP3001:"Upstream " + "cache.internal" + " is slow"|}, "text/plain"));
                }
            }
            """);
    }

    [Fact]
    public async Task ProblemDetailsPropertiesResponseWritesAndValidationMessagesAreSinks()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed class MaintenanceMiddleware
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    context.Response.StatusCode = 503;
                    await context.Response.WriteAsync({|RP3001:"Maintenance on build01.corp until 02:00"|});
                    await context.Response.WriteAsJsonAsync(new ProblemDetails { Title = "Down", Detail = {|RP3002:"Node fd00::10 is draining"|} });
                }
            }

            public sealed class Order : IValidatableObject
            {
                public int Quantity { get; set; }

                public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
                {
                    if (Quantity > 100)
                    {
                        yield return new ValidationResult({|RP3004:"Limit raised in PAY-77 is 100"|});
                    }
                }
            }

            public sealed class CartController : Controller
            {
                public IActionResult Add(int quantity)
                {
                    ModelState.AddModelError("quantity", {|RP3006:"See http://localhost:5000/limits"|});
                    var problem = new ValidationProblemDetails();
                    problem.Detail = {|RP3001:"Rules live on rules.intranet"|};
                    return StatusCode(400, problem);
                }
            }
            """);
    }

    [Fact]
    public async Task AValidationAttributesErrorMessageIsASink()
    {
        await Verify.VerifyAsync("""
            using System.ComponentModel.DataAnnotations;

            public sealed class OrderRequest
            {
                [Range(1, 100, ErrorMessage = {|RP3004:"At most 100 items (limit set in PAY-77)"|})]
                public int Quantity { get; set; }

                [Required(ErrorMessage = "The delivery address is required")]
                [StringLength(200, ErrorMessage = "At most 200 characters")]
                public string Address { get; set; } = "";
            }
            """);
    }

    [Fact]
    public async Task LocalizedResourcesAreUserFacingAndReportedOnTheResxLine()
    {
        const string resx = """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
              <data name="OrderNotFound" xml:space="preserve">
                <value>The order could not be found.</value>
              </data>
              <data name="Outage" xml:space="preserve">
                <value>Payments are down (db-primary.corp, 10.0.0.5)</value>
              </data>
              <data name="Logo" type="System.Resources.ResXFileRef, System.Windows.Forms">
                <value>logo.corp.png;System.Byte[]</value>
              </data>
            </root>
            """;

        await Verify.VerifyAsync(
            "public static class Program { }",
            null,
            new[] { ("/0/Resources/Strings.resx", resx), ("/0/Resources/Broken.resx", "<root><data name=\"A\"><value>db.corp</value></data><unclosed>") },
            Verify.Diagnostic("RP3001").WithSpan("/0/Resources/Broken.resx", 1, 29, 1, 36).WithArguments("'db.corp'", "resource 'A' in Broken.resx"),
            Verify.Diagnostic("RP3001").WithSpan("/0/Resources/Strings.resx", 8, 12, 8, 57).WithArguments("'db-primary.corp'", "resource 'Outage' in Strings.resx"),
            Verify.Diagnostic("RP3002").WithSpan("/0/Resources/Strings.resx", 8, 12, 8, 57).WithArguments("'10.0.0.5'", "resource 'Outage' in Strings.resx"));
    }

    [Fact]
    public async Task StringsThatNeverReachAUserAreNotRead()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Net;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public static class NetworkConstants
            {
                public static readonly string[] PrivateRanges = { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fd00::/8" };
                public const string Database = "Server=db-primary.corp;Database=Orders";
            }

            public sealed class SsrfGuard
            {
                public bool IsBlocked(Uri uri) => uri.Host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase) || uri.Host == "169.254.169.254";
            }

            public sealed class OrdersController : ControllerBase
            {
                public IActionResult Get(int id)
                {
                    Console.WriteLine("Looking up order on db-primary.corp (OPS-4211)");
                    var host = "sql01.corp";
                    _ = host;
                    return BadRequest("The order could not be found. See https://status.example.com or CVE-2024-1234.");
                }

                public IActionResult Health() => Content("ok", "text/plain; charset=utf-8");

                public IActionResult Key()
                {
                    ModelState.AddModelError("Address.Line1", "The first line of the address is required");
                    return ValidationProblem();
                }
            }
            """);
    }

    [Fact]
    public async Task OneDiagnosticPerStringAndKindListsWhatItFound()
    {
        await Verify.VerifyAsync("""
            using Microsoft.AspNetCore.Http;

            public static class Status
            {
                public static IResult Get() => Results.Content({|#0:"Replicas sql01.corp and sql02.corp, primary at 10.0.0.5"|});
            }
            """,
            Verify.Diagnostic("RP3001").WithLocation(0).WithArguments("'sql01.corp', 'sql02.corp'", "Results.Content"),
            Verify.Diagnostic("RP3002").WithLocation(0).WithArguments("'10.0.0.5'", "Results.Content"));
    }

    [Fact]
    public async Task OrganisationDomainsAndTicketKeysComeFromTheAnalyzerConfig()
    {
        await Verify.VerifyAsync(
            """
            using Microsoft.AspNetCore.Http;

            public static class Status
            {
                public static IResult Down() => Results.Problem({|RP3001:"Try billing.contoso.com later"|});

                public static IResult Ticket() => Results.Problem({|RP3004:"Tracked as PAY-12"|});

                public static IResult NotATicket() => Results.Problem("Tracked as JIRA-12");

                public static IResult Allowed() => Results.Problem("Status on status.corp");
            }
            """,
            "release_policy.internal_domains = contoso.com\nrelease_policy.ticket_keys = PAY\nrelease_policy.leak_allow_list = status.corp\n");
    }

    [Fact]
    public async Task MSBuildPropertiesAreTheFallback()
    {
        await Verify.VerifyAsync(
            """
            using Microsoft.AspNetCore.Http;

            public static class Status
            {
                public static IResult Down() => Results.Problem({|RP3001:"Try db.corp.fabrikam.net later"|});
            }
            """,
            "build_property._ReleaseInternalDomains = corp.fabrikam.net,fabrikam.internal\n");
    }

    [Fact]
    public async Task SinksTheUserNamesAreSinks()
    {
        await Verify.VerifyAsync(
            """
            using System;

            namespace Contoso.Api
            {
                public sealed class ErrorResponse
                {
                    public static ErrorResponse Create(string message) => new();

                    public static ErrorResponse Log(string message) => new();
                }

                public sealed class ApiException : Exception
                {
                    public ApiException(string message) : base(message) { }
                }

                public static class Orders
                {
                    public static ErrorResponse Fail() => ErrorResponse.Create({|RP3001:"Queue mq.internal is full"|});

                    public static ErrorResponse Note() => ErrorResponse.Log("Queue mq.internal is full");

                    public static Exception Throw() => new ApiException({|RP3002:"Gateway 192.168.4.1 refused"|});
                }
            }
            """,
            "release_policy.user_facing_sinks = Contoso.Api.ErrorResponse.Create, Contoso.Api.ApiException\n");
    }

    [Fact]
    public async Task CodeThatDoesNotCompileIsReadWithoutFailing()
    {
        await Verify.VerifyAsync(
            """
            using Microsoft.AspNetCore.Http;

            public static class Broken
            {
                public static IResult Get()
                {
                    var retries = {|CS0103:missing|};
                    return Results.Problem({|RP3001:"Down on db.corp"|});
                }

                public static IResult Other() => Results.{|CS0117:Nope|}("db.corp");
            }
            """);
    }

    [Fact]
    public async Task AProjectWithoutAspNetCoreHasNoSinksButTheUsersOwn()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<ReleasePolicy.Analyzers.Leaks.UserFacingStringAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = """
                public static class Program
                {
                    public static string Greeting() => "Hello from sql01.corp";
                }
                """,
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80,
        };

        await test.RunAsync();
    }
}
