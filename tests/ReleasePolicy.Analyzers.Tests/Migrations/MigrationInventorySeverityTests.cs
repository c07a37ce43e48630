using ReleasePolicy.Analyzers.Tests.Verification;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>
/// The severity of each finding in the migration inventory is the one the build gives it: analyzer config files
/// (the SDK's mode preset is a global config), <c>#pragma warning</c>, and the command-line options MSBuild passes for
/// TreatWarningsAsErrors, WarningsAsErrors, WarningsNotAsErrors and NoWarn. Every test also checks the inventory
/// against what the compiler itself reports for the same compilation.
/// </summary>
public sealed class MigrationInventorySeverityTests
{
    private const string Migrations = InventoryGeneratorRun.ProjectDirectory + "Data/Migrations/";
    private const string ReshapePath = Migrations + "20260501080000_ReshapeCustomers.cs";
    private const string EmailPath = Migrations + "20260502090000_AddCustomerEmail.cs";

    private const string AddressesNotDropped = "Migration 'ReshapeCustomers': Up creates table 'Addresses' but Down never drops it; add the inverse to Down, or declare the migration forward-only with a reason";
    private const string IndexNotDropped = "Migration 'ReshapeCustomers': Up creates index 'IX_Customers_Email' on 'Customers' but Down never drops it; add the inverse to Down, or declare the migration forward-only with a reason";
    private const string FaxDropped = "Up in migration 'ReshapeCustomers' drops column 'Fax' on 'Customers', which destroys data that Down cannot bring back; make sure the data is backed up or no longer needed";
    private const string NoDown = "Migration 'AddCustomerEmail' has no rollback: Down is not overridden; write Down to reverse Up, or declare the migration forward-only with a reason";

    /// <summary>Two RP1004 (lines 8 and 9) and one RP1005 (line 10).</summary>
    private static readonly SourceFile Reshape = new(ReshapePath, """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20260501080000_ReshapeCustomers")]
        public class ReshapeCustomers : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(name: "Addresses", columns: table => new { Id = table.Column<int>() });
                migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email");
                migrationBuilder.DropColumn(name: "Fax", table: "Customers");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<string>(name: "Fax", table: "Customers", nullable: true);
            }
        }
        """);

    /// <summary>RP1001 on line 4; its file sorts after <see cref="Reshape"/>'s.</summary>
    private static readonly SourceFile Email = new(EmailPath, """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20260502090000_AddCustomerEmail")]
        public class AddCustomerEmail : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder) =>
                migrationBuilder.AddColumn<string>(name: "Email", table: "Customers", nullable: true);
        }
        """);

    [Fact]
    public async Task WithoutConfigurationEachRuleHasItsDefaultSeverity()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync();

        Assert.Equal(
            [
                new InventoryFinding("RP1004", "warning", AddressesNotDropped, ReshapePath, 8),
                new InventoryFinding("RP1004", "warning", IndexNotDropped, ReshapePath, 9),
                new InventoryFinding("RP1005", "info", FaxDropped, ReshapePath, 10),
                new InventoryFinding("RP1001", "warning", NoDown, EmailPath, 4),
            ],
            inventory.Findings);
    }

    [Fact]
    public async Task AGlobalConfigSetsTheSeverityAndNoneLeavesTheFindingOutButNotTheMigration()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync(configs:
        [
            ("/src/Orders.Api/release.globalconfig", """
                is_global = true
                dotnet_diagnostic.RP1001.severity = error
                dotnet_diagnostic.RP1005.severity = none
                """),
        ]);

        Assert.Equal(
            [
                new InventoryFinding("RP1004", "warning", AddressesNotDropped, ReshapePath, 8),
                new InventoryFinding("RP1004", "warning", IndexNotDropped, ReshapePath, 9),
                new InventoryFinding("RP1001", "error", NoDown, EmailPath, 4),
            ],
            inventory.Findings);
        Assert.True(Assert.Single(inventory.Migrations, m => m.ClassName == "ReshapeCustomers").Destructive);
    }

    [Fact]
    public async Task TheSdksEnforcePresetMakesTheRollbackRulesErrors()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync(configs: [Preset("Enforce")]);

        Assert.Equal(
            [
                new InventoryFinding("RP1004", "error", AddressesNotDropped, ReshapePath, 8),
                new InventoryFinding("RP1004", "error", IndexNotDropped, ReshapePath, 9),
                new InventoryFinding("RP1005", "info", FaxDropped, ReshapePath, 10),
                new InventoryFinding("RP1001", "error", NoDown, EmailPath, 4),
            ],
            inventory.Findings);
    }

    [Fact]
    public async Task AnEditorConfigSectionOverridesThePresetForTheFilesItMatches()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync(configs:
        [
            Preset("Enforce"),
            ("/src/Orders.Api/.editorconfig", """
                root = true

                [Data/Migrations/20260502*.cs]
                dotnet_diagnostic.RP1001.severity = suggestion
                """),
        ]);

        Assert.Equal(
            [
                new InventoryFinding("RP1004", "error", AddressesNotDropped, ReshapePath, 8),
                new InventoryFinding("RP1004", "error", IndexNotDropped, ReshapePath, 9),
                new InventoryFinding("RP1005", "info", FaxDropped, ReshapePath, 10),
                new InventoryFinding("RP1001", "info", NoDown, EmailPath, 4),
            ],
            inventory.Findings);
    }

    [Fact]
    public async Task PragmaWarningDisableRemovesThatFindingButTheMigrationStaysIncomplete()
    {
        var path = Migrations + "20260503100000_AddAuditLog.cs";
        var source = new SourceFile(path, """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20260503100000_AddAuditLog")]
            public class AddAuditLog : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            #pragma warning disable RP1004 // the audit log outlives a rollback on purpose
                    migrationBuilder.CreateTable(name: "AuditLog", columns: table => new { Id = table.Column<int>() });
            #pragma warning restore RP1004
                    migrationBuilder.CreateIndex(name: "IX_Orders_Date", table: "Orders", column: "Date");
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1");
            }
            """);

        var inventory = await GenerateAndCompareWithTheBuildAsync([source]);

        Assert.Equal(
            [new InventoryMigration(
                "20260503100000_AddAuditLog", "efcore", "AddAuditLog", "incomplete-rollback",
                "Up creates table 'AuditLog' but Down never drops it; Up creates index 'IX_Orders_Date' on 'Orders' but Down never drops it",
                false, path, 4)],
            inventory.Migrations);
        Assert.Equal(
            [new InventoryFinding("RP1004", "warning", "Migration 'AddAuditLog': Up creates index 'IX_Orders_Date' on 'Orders' but Down never drops it; add the inverse to Down, or declare the migration forward-only with a reason", path, 11)],
            inventory.Findings);
    }

    [Fact]
    public async Task PragmaWrittenWithSpacesAfterTheHashIsReadAndOtherDirectivesAreNot()
    {
        var spaced = Migrations + "20260505120000_DropFaxes.cs";
        var scaffolded = Migrations + "20260505130000_DropPagers.cs";
        var inventory = await GenerateAndCompareWithTheBuildAsync(
            [
                new SourceFile(spaced, """
                    using Microsoft.EntityFrameworkCore.Migrations;

                    #  pragma warning disable RP1001 // replaced by DropPagers' rollback
                    [Migration("20260505120000_DropFaxes")]
                    public class DropFaxes : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1");
                    }
                    """),
                new SourceFile(scaffolded, """
                    using Microsoft.EntityFrameworkCore.Migrations;

                    #nullable disable
                    #region Scaffolded
                    [Migration("20260505130000_DropPagers")]
                    public class DropPagers : Migration
                    {
                        // pragma warning disable RP1001 is only a comment
                        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1");
                    }
                    #endregion
                    """),
            ]);

        Assert.Equal(
            [new InventoryFinding("RP1001", "warning", "Migration 'DropPagers' has no rollback: Down is not overridden; write Down to reverse Up, or declare the migration forward-only with a reason", scaffolded, 6)],
            inventory.Findings);
    }

    [Fact]
    public async Task PragmaWarningDisableWithoutRulesSilencesEveryRuleThatFollows()
    {
        var path = Migrations + "20260504110000_Legacy.cs";
        var source = new SourceFile(path, """
            #pragma warning disable
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20260504110000_Legacy")]
            public class Legacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Faxes");
            }
            """);

        var inventory = await GenerateAndCompareWithTheBuildAsync([source], configs: [Preset("Enforce")]);

        Assert.Equal(
            [new InventoryMigration("20260504110000_Legacy", "efcore", "Legacy", "missing-rollback", "Down is not overridden", true, path, 5)],
            inventory.Migrations);
        Assert.Empty(inventory.Findings);
    }

    [Fact]
    public async Task TreatWarningsAsErrorsTurnsWarningsIntoErrorsButNotSuggestions()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync(commandLine: ["/warnaserror+"]);

        Assert.Equal(
            [
                new InventoryFinding("RP1004", "error", AddressesNotDropped, ReshapePath, 8),
                new InventoryFinding("RP1004", "error", IndexNotDropped, ReshapePath, 9),
                new InventoryFinding("RP1005", "info", FaxDropped, ReshapePath, 10),
                new InventoryFinding("RP1001", "error", NoDown, EmailPath, 4),
            ],
            inventory.Findings);
    }

    [Fact]
    public async Task TreatWarningsAsErrorsAlsoRaisesTheWarningsOfTheAuditPreset()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync(configs: [Preset("Audit")], commandLine: ["/warnaserror+"]);

        Assert.Equal(
            [("RP1004", "error"), ("RP1004", "error"), ("RP1005", "info"), ("RP1001", "error")],
            inventory.Findings.Select(f => (f.Rule, f.Severity)));
    }

    [Fact]
    public async Task WarningsNotAsErrorsKeepsThatRuleAWarning()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync(commandLine: ["/warnaserror+", "/warnaserror-:RP1004"]);

        Assert.Equal(
            [("RP1004", "warning"), ("RP1004", "warning"), ("RP1005", "info"), ("RP1001", "error")],
            inventory.Findings.Select(f => (f.Rule, f.Severity)));
    }

    [Fact]
    public async Task WarningsNotAsErrorsKeepsThatRuleAWarningUnderTheAuditPreset()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync(configs: [Preset("Audit")], commandLine: ["/warnaserror+", "/warnaserror-:RP1004"]);

        Assert.Equal(
            [("RP1004", "warning"), ("RP1004", "warning"), ("RP1005", "info"), ("RP1001", "error")],
            inventory.Findings.Select(f => (f.Rule, f.Severity)));
    }

    [Fact]
    public async Task WarningsAsErrorsForOneRuleMakesOnlyThatRuleAnError()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync(commandLine: ["/warnaserror+:RP1004"]);

        Assert.Equal(
            [("RP1004", "error"), ("RP1004", "error"), ("RP1005", "info"), ("RP1001", "warning")],
            inventory.Findings.Select(f => (f.Rule, f.Severity)));
    }

    [Fact]
    public async Task NoWarnRemovesTheFindingButNotTheMigration()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync(commandLine: ["/nowarn:RP1004"]);

        Assert.Equal(
            [
                new InventoryFinding("RP1005", "info", FaxDropped, ReshapePath, 10),
                new InventoryFinding("RP1001", "warning", NoDown, EmailPath, 4),
            ],
            inventory.Findings);
        Assert.Equal("incomplete-rollback", Assert.Single(inventory.Migrations, m => m.ClassName == "ReshapeCustomers").Status);
    }

    [Fact]
    public async Task NoWarnWinsOverTheEnforcePreset()
    {
        var inventory = await GenerateAndCompareWithTheBuildAsync(configs: [Preset("Enforce")], commandLine: ["/nowarn:RP1001;RP1005"]);

        Assert.Equal([("RP1004", "error"), ("RP1004", "error")], inventory.Findings.Select(f => (f.Rule, f.Severity)));
    }

    /// <summary>Option combinations where the precedence rules interact, each checked only against the compiler.</summary>
    [Theory]
    [InlineData("/nowarn:RP1001", "[*.cs]\ndotnet_diagnostic.RP1001.severity = error")]
    [InlineData("/warnaserror+:RP1001", "[*.cs]\ndotnet_diagnostic.RP1001.severity = suggestion")]
    [InlineData("/warnaserror+", "[*.cs]\ndotnet_diagnostic.RP1001.severity = warning")]
    [InlineData("/warnaserror+ /warnaserror-:RP1001", "[*.cs]\ndotnet_diagnostic.RP1001.severity = error")]
    [InlineData("/warnaserror+ /warnaserror-:RP1005", "[*.cs]\ndotnet_diagnostic.RP1005.severity = warning")]
    [InlineData("/nowarn:RP1005 /warnaserror+", "[*.cs]\ndotnet_diagnostic.RP1004.severity = none")]
    [InlineData("/warn:0", "[*.cs]\ndotnet_diagnostic.RP1004.severity = error")]
    [InlineData("/warnaserror-:RP1004", "[*.cs]\ndotnet_diagnostic.RP1004.severity = error")]
    [InlineData("/warnaserror+", "[Data/Migrations/20260502*.cs]\ndotnet_diagnostic.RP1001.severity = silent")]
    public async Task TheInventoryAgreesWithTheCompilerWhereOptionsAndEditorConfigMeet(string commandLine, string editorConfig)
    {
        await GenerateAndCompareWithTheBuildAsync(
            configs: [Preset("Audit"), ("/src/Orders.Api/.editorconfig", "root = true\n\n" + editorConfig + "\n")],
            commandLine: commandLine.Split(' '));
    }

    /// <summary>The project's migrations by default; fails unless the inventory's findings are exactly the build's.</summary>
    private static async Task<GeneratedInventory> GenerateAndCompareWithTheBuildAsync(
        SourceFile[]? sources = null,
        (string Path, string Text)[]? configs = null,
        string[]? commandLine = null)
    {
        var run = await InventoryGeneratorRun.CreateAsync(sources ?? [Reshape, Email], analyzerConfigs: configs, commandLine: commandLine);
        var inventory = run.Generate();

        Assert.Equal(await run.ReportedByTheCompilerAsync(), Sorted(inventory.Findings));
        return inventory with { Findings = Sorted(inventory.Findings) };
    }

    private static List<InventoryFinding> Sorted(IEnumerable<InventoryFinding> findings) =>
        findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList();

    /// <summary>The SDK's own severity preset for a mode, as the SDK passes it to the compiler.</summary>
    private static (string Path, string Text) Preset(string mode)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var preset = Path.Combine(directory.FullName, "src", "ReleasePolicy.Sdk", "build", $"ReleasePolicy.{mode}.globalconfig");
            if (File.Exists(preset))
            {
                return ("/sdk/build/ReleasePolicy." + mode + ".globalconfig", File.ReadAllText(preset));
            }
        }

        throw new InvalidOperationException($"ReleasePolicy.{mode}.globalconfig not found above " + AppContext.BaseDirectory);
    }
}
