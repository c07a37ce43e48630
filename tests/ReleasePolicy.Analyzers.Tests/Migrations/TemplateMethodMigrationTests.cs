using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ReleasePolicy.Analyzers.Migrations;
using ReleasePolicy.Analyzers.Tests.Verification;

namespace ReleasePolicy.Analyzers.Tests.Migrations;

/// <summary>
/// Migrations whose project base class implements Up (and Down) as a template method calling an abstract method of
/// its own: the rules read the migration's override as its Up, as the framework runs it.
/// </summary>
public sealed class TemplateMethodMigrationTests
{
    private const string BaseClass = """
        using System;
        using FluentMigrator;

        namespace Contoso.Data.Migrations.Infrastructure
        {
            /// <summary>Every migration of the service: logs, then applies its own steps.</summary>
            public abstract class ServiceMigration : Migration
            {
                public override void Up()
                {
                    Console.WriteLine($"Applying {GetType().Name}");
                    Apply();
                }

                public override void Down() => throw new NotSupportedException("Restore from backup instead.");

                protected abstract void Apply();
            }

            public abstract class ReversibleServiceMigration : Migration
            {
                public override void Up() => this.Apply();

                public override void Down() => Revert();

                protected abstract void Apply();

                protected abstract void Revert();
            }
        }
        """;

    [Fact]
    public async Task DestructiveStepsInTheOverrideAreReported()
    {
        const string source = """
            using Contoso.Data.Migrations.Infrastructure;
            using FluentMigrator;

            namespace Contoso.Data.Migrations
            {
                [Migration(202403011200)]
                public class DropLegacyInvoices : ServiceMigration
                {
                    protected override void Apply()
                    {
                        {|#0:Delete.Table("LegacyInvoices")|};
                        {|#1:Delete.Column("FaxNumber").FromTable("Customers")|};
                    }
                }
            }
            """;

        await VerifyAsync<DestructiveOperationAnalyzer>(
            source,
            AnalyzerVerifier<DestructiveOperationAnalyzer>.Diagnostic("RP1005").WithLocation(0).WithLocation(1).WithArguments(
                "DropLegacyInvoices",
                "drops table 'LegacyInvoices' and drops column 'FaxNumber' on 'Customers'",
                ", which destroys data that Down cannot bring back; make sure the data is backed up or no longer needed"));
    }

    [Fact]
    public async Task TemplateDownIsPairedWithTemplateUp()
    {
        const string source = """
            using Contoso.Data.Migrations.Infrastructure;
            using FluentMigrator;

            namespace Contoso.Data.Migrations
            {
                [Migration(202403021200)]
                public class AddCustomerSegment : ReversibleServiceMigration
                {
                    protected override void Apply()
                    {
                        Alter.Table("Customers").AddColumn("Segment").AsString(32).Nullable();
                        {|#0:Create.Index("IX_Customers_Segment").OnTable("Customers").OnColumn("Segment")|};
                    }

                    protected override void Revert()
                    {
                        Delete.Column("Segment").FromTable("Customers");
                    }
                }
            }
            """;

        await VerifyAsync<DownReversesUpAnalyzer>(
            source,
            AnalyzerVerifier<DownReversesUpAnalyzer>.Diagnostic("RP1004").WithLocation(0).WithArguments(
                "AddCustomerSegment", "Up creates index 'IX_Customers_Segment' on 'Customers' but Down never drops it"));
    }

    [Fact]
    public async Task BaseCallToItsOwnImplementationIsNoTemplate()
    {
        const string source = """
            using FluentMigrator;

            public abstract class AuditedMigration : Migration
            {
                public override void Up() => base.ToString();

                public override void Down() { }
            }

            [Migration(7)]
            public class Quiet : AuditedMigration
            {
                public override string ToString() => "Quiet";
            }
            """;

        await VerifyAsync<DestructiveOperationAnalyzer>(source);
    }

    private static Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = AnalyzerVerifier<TAnalyzer>.Create(source, StubFrameworks.FluentMigrator, expected);
        test.TestState.Sources.Add(("ServiceMigration.cs", BaseClass));
        return test.RunAsync();
    }
}
