# Generates a realistic ASP.NET Core web project (source it, then call gen_webapp). Per domain unit, ten files:
# an entity, its contracts (records), a service interface and its implementation (DI, EF Core queries, structured and
# string-built logging, feature checks through IFeatureManager, exceptions with messages), an MVC controller ([ApiController],
# [FeatureGate] on some actions, ProblemDetails), minimal-API endpoints (MapGroup, Results.Problem, WithFeatureGate), a
# validator, an error catalogue, and an EF Core migration with its Designer part as `dotnet ef migrations add` scaffolds
# it. Plus Program.cs, the DbContext with its model configuration, the model snapshot, the flag constants,
# the DI registration and appsettings.json declaring the flags. References the sample's real packages
# (Microsoft.EntityFrameworkCore.Relational 10.0.15, Microsoft.FeatureManagement.AspNetCore 4.7.0).

_gen_nouns=(Order Invoice Customer Shipment Product Refund Payment Coupon Review Warehouse Supplier Basket Subscription
  Ticket Account Address Delivery Return Voucher Catalog Price Stock Carrier Claim Contract Quote Lead Campaign Store Loyalty)

# gen_webapp DIR NAME UNITS [SDK_VERSION] [EXTRA_ITEMS]: writes DIR/NAME.csproj and 10*UNITS+6 source files.
gen_webapp() {
  local dir="$1" name="$2" units="$3" sdk="${4:-}" extra="${5:-}"
  mkdir -p "$dir"/{Domain,Contracts,Services,Controllers,Endpoints,Validation,Errors,Migrations,Data}
  local sdkline=""; [ -n "$sdk" ] && sdkline="<Sdk Name=\"ReleasePolicy.Sdk\" Version=\"$sdk\" />"
  cat > "$dir/$name.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  $sdkline
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <RootNamespace>Contoso.$name</RootNamespace>
    <IsPackable>true</IsPackable>
    <Version>1.0.0</Version>
    <!-- Generated code: findings are expected and not the point of the benchmark. -->
    <NoWarn>\$(NoWarn);CS1591;CS8618</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore.Relational" Version="10.0.15" />
    <PackageReference Include="Microsoft.FeatureManagement.AspNetCore" Version="4.7.0" />
  </ItemGroup>
  $extra
</Project>
XML
  local ns="Contoso.$name" i n noun flag ts prev
  # The flags: one per noun, declared in appsettings.json as Microsoft.FeatureManagement reads them.
  {
    echo "namespace $ns;"; echo
    echo "/// <summary>The feature flags this service declares in appsettings.json under FeatureManagement.</summary>"
    echo "public static class FeatureFlags"; echo "{"
    for noun in "${_gen_nouns[@]}"; do
      echo "    public const string ${noun}V2 = \"${noun}V2\";"
      echo "    public const string ${noun}BulkExport = \"${noun}BulkExport\";"
    done
    echo "}"
  } > "$dir/FeatureFlags.cs"
  {
    echo '{'; echo '  "FeatureManagement": {'
    for noun in "${_gen_nouns[@]}"; do echo "    \"${noun}V2\": true,"; echo "    \"${noun}BulkExport\": false,"; done
    echo '    "Telemetry": true'; echo '  },'
    echo '  "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },'
    echo '  "AllowedHosts": "*"'; echo '}'
  } > "$dir/appsettings.json"
  cat > "$dir/Program.cs" <<CS
using $ns;
using $ns.Data;
using $ns.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.FeatureManagement;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<AppDbContext>();
builder.Services.AddFeatureManagement();
builder.Services.AddControllers();
builder.Services.AddProblemDetails();
builder.Services.AddDomainServices();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler(handler => handler.Run(async context =>
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        app.Logger.LogError(error, "Unhandled exception for {Path}", context.Request.Path);
        await Results.Problem(title: "Something went wrong", detail: "The request could not be completed. Try again later.", statusCode: 500).ExecuteAsync(context);
    }));
}

app.MapControllers();
app.MapDomainEndpoints();
app.Run();
CS
  {
    echo "using Microsoft.EntityFrameworkCore;"; echo "using $ns.Domain;"; echo
    echo "namespace $ns.Data;"; echo
    echo "public class AppDbContext : DbContext"; echo "{"
    echo "    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }"; echo
    for i in $(seq 1 "$units"); do n="${_gen_nouns[$((i % ${#_gen_nouns[@]}))]}$i"; echo "    public DbSet<$n> ${n}s => Set<$n>();"; done
    echo; echo "    protected override void OnModelCreating(ModelBuilder modelBuilder)"; echo "    {"
    for i in $(seq 1 "$units"); do
      n="${_gen_nouns[$((i % ${#_gen_nouns[@]}))]}$i"
      echo "        modelBuilder.Entity<$n>(b => { b.ToTable(\"$n\"); b.HasKey(x => x.Id); b.Property(x => x.Name).HasMaxLength(200).IsRequired(); b.Property(x => x.Amount).HasPrecision(18, 2); b.HasIndex(x => x.Reference).IsUnique(); });"
    done
    echo "    }"; echo "}"
  } > "$dir/Data/AppDbContext.cs"
  {
    echo "using $ns.Services;"; echo; echo "namespace $ns;"; echo
    echo "public static class ServiceRegistration"; echo "{"
    echo "    public static IServiceCollection AddDomainServices(this IServiceCollection services)"; echo "    {"
    for i in $(seq 1 "$units"); do n="${_gen_nouns[$((i % ${#_gen_nouns[@]}))]}$i"; echo "        services.AddScoped<I${n}Service, ${n}Service>();"; done
    echo "        return services;"; echo "    }"; echo "}"
  } > "$dir/ServiceRegistration.cs"
  {
    echo "namespace $ns.Endpoints;"; echo
    echo "public static class DomainEndpoints"; echo "{"
    echo "    public static IEndpointRouteBuilder MapDomainEndpoints(this IEndpointRouteBuilder app)"; echo "    {"
    for i in $(seq 1 "$units"); do n="${_gen_nouns[$((i % ${#_gen_nouns[@]}))]}$i"; echo "        app.Map${n}Endpoints();"; done
    echo "        return app;"; echo "    }"; echo "}"
  } > "$dir/Endpoints/DomainEndpoints.cs"

  for i in $(seq 1 "$units"); do
    noun="${_gen_nouns[$((i % ${#_gen_nouns[@]}))]}"; n="$noun$i"; flag="${noun}V2"
    ts="$(printf '2025%02d%02d%06d' $((i % 12 + 1)) $((i % 28 + 1)) "$i")"
    cat > "$dir/Domain/$n.cs" <<CS
namespace $ns.Domain;

public enum ${n}Status
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Archived,
}

/// <summary>A $noun as the $noun service stores it.</summary>
public class $n
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Reference { get; set; } = string.Empty;

    public ${n}Status Status { get; set; } = ${n}Status.Draft;

    public decimal Amount { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public bool IsEditable => Status is ${n}Status.Draft or ${n}Status.Submitted;

    public override string ToString() => \$"$n {Id} ({Reference}): {Status}";
}
CS
    cat > "$dir/Contracts/${n}Contracts.cs" <<CS
using System.ComponentModel.DataAnnotations;
using $ns.Domain;

namespace $ns.Contracts;

public sealed record Create${n}Request(
    [property: Required, StringLength(200)] string Name,
    [property: Required, RegularExpression("^[A-Z]{3}-[0-9]{6}\$")] string Reference,
    [property: Range(0, 1_000_000)] decimal Amount,
    string? Notes);

public sealed record Update${n}Request(string? Name, decimal? Amount, string? Notes, ${n}Status? Status);

public sealed record ${n}Response(int Id, string Name, string Reference, string Status, decimal Amount, string? Notes, DateTimeOffset CreatedAt)
{
    public static ${n}Response From($n entity) =>
        new(entity.Id, entity.Name, entity.Reference, entity.Status.ToString(), entity.Amount, entity.Notes, entity.CreatedAt);
}

public sealed record ${n}Page(IReadOnlyList<${n}Response> Items, int Page, int PageSize, int Total);
CS
    cat > "$dir/Services/I${n}Service.cs" <<CS
using $ns.Contracts;

namespace $ns.Services;

public interface I${n}Service
{
    Task<${n}Response?> GetAsync(int id, CancellationToken cancellationToken = default);

    Task<${n}Page> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default);

    Task<${n}Response> CreateAsync(Create${n}Request request, CancellationToken cancellationToken = default);

    Task<${n}Response> UpdateAsync(int id, Update${n}Request request, CancellationToken cancellationToken = default);

    Task<string> ExportAsync(CancellationToken cancellationToken = default);
}
CS
    cat > "$dir/Services/${n}Service.cs" <<CS
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.FeatureManagement;
using $ns.Contracts;
using $ns.Data;
using $ns.Domain;
using $ns.Errors;
using $ns.Validation;

namespace $ns.Services;

public sealed class ${n}Service : I${n}Service
{
    private readonly AppDbContext _db;
    private readonly ILogger<${n}Service> _logger;
    private readonly IFeatureManager _features;
    private readonly TimeProvider _clock;

    public ${n}Service(AppDbContext db, ILogger<${n}Service> logger, IFeatureManager features, TimeProvider? clock = null)
    {
        _db = db;
        _logger = logger;
        _features = features;
        _clock = clock ?? TimeProvider.System;
    }

    public async Task<${n}Response?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        if (id <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, "The $noun id must be positive.");
        }

        var entity = await _db.${n}s.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (entity is null)
        {
            _logger.LogInformation("$noun {Id} was not found", id);
            return null;
        }

        return ${n}Response.From(entity);
    }

    public async Task<${n}Page> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = _db.${n}s.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            query = query.Where(x => x.Name.ToLower().Contains(term) || x.Reference.StartsWith(term.ToUpper()));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(x => x.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => ${n}Response.From(x)).ToListAsync(cancellationToken);
        _logger.LogDebug("Listed " + items.Count + " of " + total + " ${noun}s for '" + search + "'");
        return new ${n}Page(items, page, pageSize, total);
    }

    public async Task<${n}Response> CreateAsync(Create${n}Request request, CancellationToken cancellationToken = default)
    {
        var errors = ${n}Validator.Validate(request);
        if (errors.Count > 0)
        {
            throw new ${n}ValidationException(errors);
        }

        if (await _db.${n}s.AnyAsync(x => x.Reference == request.Reference, cancellationToken))
        {
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, ${n}Errors.DuplicateReference, request.Reference));
        }

        var entity = new $n
        {
            Name = request.Name.Trim(),
            Reference = request.Reference,
            Amount = request.Amount,
            Notes = request.Notes,
            CreatedAt = _clock.GetUtcNow(),
            Status = await _features.IsEnabledAsync(FeatureFlags.$flag) ? ${n}Status.Submitted : ${n}Status.Draft,
        };
        _db.${n}s.Add(entity);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            _logger.LogError(ex, "Could not save $noun {Reference}: {Message}", request.Reference, ex.InnerException?.Message ?? ex.Message);
            throw new InvalidOperationException(\$"The $noun '{request.Reference}' could not be saved. Try again in a few minutes.", ex);
        }

        _logger.LogInformation("Created $noun {Id} ({Reference}) with amount {Amount}", entity.Id, entity.Reference, entity.Amount);
        return ${n}Response.From(entity);
    }

    public async Task<${n}Response> UpdateAsync(int id, Update${n}Request request, CancellationToken cancellationToken = default)
    {
        var entity = await _db.${n}s.FindAsync(new object[] { id }, cancellationToken)
            ?? throw new KeyNotFoundException(string.Format(CultureInfo.InvariantCulture, ${n}Errors.NotFound, id));
        if (!entity.IsEditable)
        {
            throw new InvalidOperationException(\$"$noun {id} is {entity.Status} and can no longer be changed.");
        }

        if (request.Name is { Length: > 0 } name) entity.Name = name.Trim();
        if (request.Amount is { } amount) entity.Amount = amount;
        if (request.Notes is not null) entity.Notes = request.Notes.Length == 0 ? null : request.Notes;
        if (request.Status is { } status) entity.Status = status;
        entity.UpdatedAt = _clock.GetUtcNow();
        await _db.SaveChangesAsync(cancellationToken);
        _logger.LogInformation(string.Format("Updated $noun {0} to status {1}", id, entity.Status));
        return ${n}Response.From(entity);
    }

    public async Task<string> ExportAsync(CancellationToken cancellationToken = default)
    {
        if (!await _features.IsEnabledAsync(FeatureFlags.${noun}BulkExport))
        {
            throw new NotSupportedException("Bulk export of ${noun}s is not enabled for this tenant.");
        }

        var csv = new StringBuilder();
        csv.AppendLine("id,name,reference,status,amount,created");
        await foreach (var x in _db.${n}s.AsNoTracking().OrderBy(x => x.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.Append(x.Id).Append(',').Append('"').Append(x.Name.Replace("\"", "\"\"")).Append('"').Append(',')
               .Append(x.Reference).Append(',').Append(x.Status).Append(',')
               .Append(x.Amount.ToString(CultureInfo.InvariantCulture)).Append(',')
               .AppendLine(x.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        }

        return csv.ToString();
    }
}
CS
    cat > "$dir/Controllers/${n}Controller.cs" <<CS
using Microsoft.AspNetCore.Mvc;
using Microsoft.FeatureManagement.Mvc;
using $ns.Contracts;
using $ns.Errors;
using $ns.Services;

namespace $ns.Controllers;

[ApiController]
[Route("api/${noun,,}s-$i")]
public sealed class ${n}Controller : ControllerBase
{
    private readonly I${n}Service _service;
    private readonly ILogger<${n}Controller> _logger;

    public ${n}Controller(I${n}Service service, ILogger<${n}Controller> logger)
    {
        _service = service;
        _logger = logger;
    }

    [HttpGet("{id:int}")]
    [ProducesResponseType<${n}Response>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(int id, CancellationToken cancellationToken)
    {
        var item = await _service.GetAsync(id, cancellationToken);
        return item is null
            ? Problem(title: "$noun not found", detail: \$"There is no $noun with id {id}.", statusCode: StatusCodes.Status404NotFound)
            : Ok(item);
    }

    [HttpGet]
    public Task<${n}Page> List([FromQuery] string? search, [FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default) =>
        _service.ListAsync(search, page, pageSize, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Create(Create${n}Request request, CancellationToken cancellationToken)
    {
        try
        {
            var created = await _service.CreateAsync(request, cancellationToken);
            return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
        }
        catch (${n}ValidationException ex)
        {
            return ValidationProblem(new ValidationProblemDetails(ex.Errors) { Title = "The $noun is not valid", Detail = "Fix the fields listed in errors and send the request again." });
        }
        catch (InvalidOperationException ex)
        {
            _logger.LogWarning(ex, "Rejected $noun {Reference}", request.Reference);
            return Problem(title: "The $noun could not be created", detail: ex.Message, statusCode: StatusCodes.Status409Conflict, type: "https://docs.example.com/errors/conflict");
        }
    }

    [HttpPut("{id:int}")]
    [FeatureGate(FeatureFlags.$flag)]
    public async Task<IActionResult> Update(int id, Update${n}Request request, CancellationToken cancellationToken)
    {
        try
        {
            return Ok(await _service.UpdateAsync(id, request, cancellationToken));
        }
        catch (KeyNotFoundException ex)
        {
            return Problem(title: "$noun not found", detail: ex.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (InvalidOperationException ex)
        {
            var problem = ${n}Errors.Conflict(id, ex.Message);
            return Conflict(problem);
        }
    }

    [HttpGet("export")]
    [FeatureGate(FeatureFlags.${noun}BulkExport)]
    public async Task<IActionResult> Export(CancellationToken cancellationToken) =>
        File(System.Text.Encoding.UTF8.GetBytes(await _service.ExportAsync(cancellationToken)), "text/csv", "${noun,,}s-$i.csv");
}
CS
    cat > "$dir/Endpoints/${n}Endpoints.cs" <<CS
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.AspNetCore;
using $ns.Contracts;
using $ns.Services;

namespace $ns.Endpoints;

public static class ${n}Endpoints
{
    public static IEndpointRouteBuilder Map${n}Endpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v2/${noun,,}s-$i").WithTags("$noun");

        group.MapGet("/{id:int}", async Task<Results<Ok<${n}Response>, ProblemHttpResult>> (int id, I${n}Service service, CancellationToken cancellationToken) =>
            await service.GetAsync(id, cancellationToken) is { } item
                ? TypedResults.Ok(item)
                : TypedResults.Problem(title: "$noun not found", detail: \$"There is no $noun {id}.", statusCode: 404));

        group.MapPost("/", async (Create${n}Request request, I${n}Service service, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            try
            {
                var created = await service.CreateAsync(request, cancellationToken);
                return Results.Created(\$"/v2/${noun,,}s-$i/{created.Id}", created);
            }
            catch (InvalidOperationException ex)
            {
                loggers.CreateLogger("${n}Endpoints").LogWarning(ex, "Create failed for {Reference}", request.Reference);
                return Results.Problem(title: "The $noun could not be created", detail: ex.Message, statusCode: 409,
                    extensions: new Dictionary<string, object?> { ["reference"] = request.Reference, ["retryAfterSeconds"] = 30 });
            }
        });

        group.MapGet("/export", async (I${n}Service service, CancellationToken cancellationToken) =>
            Results.Text(await service.ExportAsync(cancellationToken), "text/csv"))
            .WithFeatureGate(FeatureFlags.${noun}BulkExport);

        group.MapGet("/preview", async (IFeatureManager features, I${n}Service service, CancellationToken cancellationToken) =>
            await features.IsEnabledAsync(FeatureFlags.$flag)
                ? Results.Ok(await service.ListAsync(null, 1, 10, cancellationToken))
                : Results.Problem(title: "Preview is off", detail: "The $noun preview is not available yet.", statusCode: 404));

        return app;
    }
}
CS
    cat > "$dir/Validation/${n}Validator.cs" <<CS
using System.Text.RegularExpressions;
using $ns.Contracts;

namespace $ns.Validation;

public static partial class ${n}Validator
{
    private static readonly string[] ForbiddenWords = { "test", "dummy", "sample" };

    [GeneratedRegex("^[A-Z]{3}-[0-9]{6}\$")]
    private static partial Regex ReferencePattern();

    public static Dictionary<string, string[]> Validate(Create${n}Request request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = new[] { "The name is required." };
        }
        else if (request.Name.Length > 200)
        {
            errors["name"] = new[] { \$"The name is {request.Name.Length} characters long; at most 200 are allowed." };
        }
        else if (ForbiddenWords.Any(w => request.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            errors["name"] = new[] { "The name may not contain test, dummy or sample." };
        }

        if (!ReferencePattern().IsMatch(request.Reference ?? string.Empty))
        {
            errors["reference"] = new[] { "The reference must look like ABC-123456 (three capitals, a dash, six digits)." };
        }

        if (request.Amount < 0)
        {
            errors["amount"] = new[] { "The amount cannot be negative." };
        }

        if (request.Notes is { Length: > 4000 })
        {
            errors["notes"] = new[] { "Notes are limited to 4000 characters; attach a document for longer text." };
        }

        return errors;
    }
}
CS
    cat > "$dir/Errors/${n}Errors.cs" <<CS
using Microsoft.AspNetCore.Mvc;

namespace $ns.Errors;

public static class ${n}Errors
{
    public const string NotFound = "There is no $noun with id {0}.";
    public const string DuplicateReference = "A $noun with reference {0} already exists; use another reference or update the existing one.";

    public static ProblemDetails Conflict(int id, string reason) => new()
    {
        Title = "The $noun cannot be changed",
        Detail = reason,
        Status = StatusCodes.Status409Conflict,
        Type = "https://docs.example.com/errors/${noun,,}-conflict",
        Extensions = { ["id"] = id, ["support"] = "https://support.example.com/contact" },
    };
}

public sealed class ${n}ValidationException : Exception
{
    public ${n}ValidationException(Dictionary<string, string[]> errors)
        : base(\$"The $noun is not valid: {string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(" ", e.Value)))}")
    {
        Errors = errors;
    }

    public Dictionary<string, string[]> Errors { get; }
}
CS
    cat > "$dir/Migrations/${ts}_Add$n.cs" <<CS
using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace $ns.Migrations
{
    /// <inheritdoc />
    public partial class Add$n : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "$n",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_$n", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_${n}_Reference",
                table: "$n",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "$n");
        }
    }
}
CS
    {
      cat <<CS
// <auto-generated />
using System;
using $ns.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

#nullable disable

namespace $ns.Migrations
{
    [DbContext(typeof(AppDbContext))]
    [Migration("${ts}_Add$n")]
    partial class Add$n
    {
        /// <inheritdoc />
        protected override void BuildTargetModel(ModelBuilder modelBuilder)
        {
#pragma warning disable 612, 618
            modelBuilder
                .HasAnnotation("ProductVersion", "10.0.15")
                .HasAnnotation("Relational:MaxIdentifierLength", 128);
CS
      # The model after this migration: here the last eight entities (a real Designer holds the whole model).
      for prev in $(seq $(( i > 8 ? i - 7 : 1 )) "$i"); do _gen_entity_model "$ns" "${_gen_nouns[$((prev % ${#_gen_nouns[@]}))]}$prev"; done
      cat <<CS
#pragma warning restore 612, 618
        }
    }
}
CS
    } > "$dir/Migrations/${ts}_Add$n.Designer.cs"
  done
  {
    cat <<CS
// <auto-generated />
using System;
using $ns.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

#nullable disable

namespace $ns.Migrations
{
    [DbContext(typeof(AppDbContext))]
    partial class AppDbContextModelSnapshot : ModelSnapshot
    {
        protected override void BuildModel(ModelBuilder modelBuilder)
        {
#pragma warning disable 612, 618
            modelBuilder
                .HasAnnotation("ProductVersion", "10.0.15")
                .HasAnnotation("Relational:MaxIdentifierLength", 128);
CS
    for i in $(seq 1 "$units"); do _gen_entity_model "$ns" "${_gen_nouns[$((i % ${#_gen_nouns[@]}))]}$i"; done
    cat <<CS
#pragma warning restore 612, 618
        }
    }
}
CS
  } > "$dir/Migrations/AppDbContextModelSnapshot.cs"
}

# One entity of a scaffolded model, as BuildTargetModel and BuildModel write it.
_gen_entity_model() {
  cat <<CS

            modelBuilder.Entity("$1.Domain.$2", b =>
                {
                    b.Property<int>("Id")
                        .ValueGeneratedOnAdd()
                        .HasColumnType("int");

                    b.Property<decimal>("Amount")
                        .HasPrecision(18, 2)
                        .HasColumnType("decimal(18,2)");

                    b.Property<DateTimeOffset>("CreatedAt")
                        .HasColumnType("datetimeoffset");

                    b.Property<string>("Name")
                        .IsRequired()
                        .HasMaxLength(200)
                        .HasColumnType("nvarchar(200)");

                    b.Property<string>("Notes")
                        .HasColumnType("nvarchar(max)");

                    b.Property<string>("Reference")
                        .IsRequired()
                        .HasColumnType("nvarchar(450)");

                    b.Property<int>("Status")
                        .HasColumnType("int");

                    b.Property<DateTimeOffset?>("UpdatedAt")
                        .HasColumnType("datetimeoffset");

                    b.HasKey("Id");

                    b.HasIndex("Reference")
                        .IsUnique();

                    b.ToTable("$2");
                });
CS
}
