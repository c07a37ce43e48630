using System.Collections.Generic;

namespace ReleasePolicy.Analyzers.Migrations;

/// <summary>
/// What the migration rules read from an EF Core <c>MigrationBuilder</c> call's arguments, by parameter name: one
/// place for the bound reader (<see cref="SchemaChangeReader"/>, values from constants) and the syntax reader
/// (<see cref="ScaffoldedMigrationReader"/>, values from literals), so the two cannot read a call differently.
/// </summary>
internal sealed class EfCoreArguments
{
    /// <summary>The parameters whose values the rules read; any other argument is not looked at.</summary>
    public static readonly HashSet<string> Read = new()
    {
        "name", "table", "schema", "newName", "newSchema", "sql", "nullable", "oldNullable", "maxLength", "oldMaxLength",
    };

    private readonly SchemaChange change;
    private bool? nullable, oldNullable;
    private int? maxLength, oldMaxLength;

    public EfCoreArguments(SchemaChange change) => this.change = change;

    /// <summary>Takes one argument's value (null when it is not a constant).</summary>
    public void Add(string parameterName, object? value)
    {
        switch (parameterName)
        {
            case "name":
                change.Name = value as string;
                break;
            case "table":
                change.Table = value as string;
                break;
            case "schema":
                change.Schema = value as string;
                break;
            case "newName":
                change.NewName = value as string;
                break;
            case "newSchema":
                change.NewSchema = value as string;
                break;
            case "sql":
                change.SqlText = value as string;
                break;
            case "nullable":
                nullable = value as bool?;
                break;
            case "oldNullable":
                oldNullable = value as bool?;
                break;
            case "maxLength":
                maxLength = value as int?;
                break;
            case "oldMaxLength":
                oldMaxLength = value as int?;
                break;
        }
    }

    /// <summary>The facts that need several arguments: an AlterColumn that makes a column NOT NULL or narrows it.</summary>
    public SchemaChange Complete()
    {
        if (change.Kind == SchemaChangeKind.AlterColumn)
        {
            change.MakesColumnNotNullable = nullable == false && oldNullable == true;
            if (maxLength is { } newLength && oldMaxLength is { } oldLength && newLength < oldLength)
            {
                change.NarrowsMaxLength = (newLength, oldLength);
            }
        }

        return change;
    }
}
