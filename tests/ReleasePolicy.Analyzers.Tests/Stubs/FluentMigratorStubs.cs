// Minimal surface of FluentMigrator that the migration rules look at.
// Compiled into every test's sources instead of referencing FluentMigrator.
using System;

namespace FluentMigrator
{
    public interface IMigration
    {
        void Up();
        void Down();
    }

    public abstract class MigrationBase : IMigration
    {
        public abstract void Up();
        public abstract void Down();

        public Builders.Create.ICreateExpressionRoot Create => null;
        public Builders.Delete.IDeleteExpressionRoot Delete => null;
        public Builders.Alter.IAlterExpressionRoot Alter => null;
        public Builders.Rename.IRenameExpressionRoot Rename => null;
        public Builders.Execute.IExecuteExpressionRoot Execute => null;
        public Builders.Insert.IInsertExpressionRoot Insert => null;
        public Builders.Update.IUpdateExpressionRoot Update => null;
    }

    public abstract class Migration : MigrationBase
    {
    }

    public abstract class AutoReversingMigration : MigrationBase
    {
        public sealed override void Down()
        {
        }
    }

    [AttributeUsage(AttributeTargets.Class)]
    public class MigrationAttribute : Attribute
    {
        public MigrationAttribute(long version) { }
    }
}

namespace FluentMigrator.Builders
{
    /// <summary>Stands in for FluentMigrator's many chained syntax interfaces.</summary>
    public interface IFluentSyntax
    {
        IFluentSyntax InSchema(string schemaName);
        IFluentSyntax WithColumn(string name);
        IFluentSyntax AddColumn(string name);
        IFluentSyntax AlterColumn(string name);
        IFluentSyntax Column(string name);
        IFluentSyntax OnTable(string name);
        IFluentSyntax FromTable(string name);
        IFluentSyntax ToTable(string name);
        IFluentSyntax ForeignColumn(string name);
        IFluentSyntax PrimaryColumn(string name);
        IFluentSyntax OnColumn(string name);
        IFluentSyntax To(string name);
        IFluentSyntax AsInt32();
        IFluentSyntax AsString();
        IFluentSyntax AsString(int size);
        IFluentSyntax Nullable();
        IFluentSyntax NotNullable();
        IFluentSyntax PrimaryKey();
        IFluentSyntax Identity();
        IFluentSyntax Ascending();
        IFluentSyntax Unique();
        IFluentSyntax Row(object dataAsAnonymousType);
        IFluentSyntax Set(object dataAsAnonymousType);
        IFluentSyntax Where(object dataAsAnonymousType);
        IFluentSyntax AllRows();
    }
}

namespace FluentMigrator.Builders.Create
{
    public interface ICreateExpressionRoot
    {
        IFluentSyntax Table(string tableName);
        IFluentSyntax Column(string columnName);
        IFluentSyntax Index(string indexName);
        IFluentSyntax ForeignKey(string foreignKeyName);
        IFluentSyntax PrimaryKey(string primaryKeyName);
        IFluentSyntax UniqueConstraint(string constraintName);
        IFluentSyntax Schema(string schemaName);
    }
}

namespace FluentMigrator.Builders.Delete
{
    public interface IDeleteExpressionRoot
    {
        IFluentSyntax Table(string tableName);
        IFluentSyntax Column(string columnName);
        IFluentSyntax Index(string indexName);
        IFluentSyntax ForeignKey(string foreignKeyName);
        IFluentSyntax PrimaryKey(string primaryKeyName);
        IFluentSyntax UniqueConstraint(string constraintName);
        IFluentSyntax Schema(string schemaName);
        IFluentSyntax FromTable(string tableName);
    }
}

namespace FluentMigrator.Builders.Alter
{
    public interface IAlterExpressionRoot
    {
        IFluentSyntax Table(string tableName);
        IFluentSyntax Column(string columnName);
    }
}

namespace FluentMigrator.Builders.Rename
{
    public interface IRenameExpressionRoot
    {
        IFluentSyntax Table(string oldName);
        IFluentSyntax Column(string oldName);
    }
}

namespace FluentMigrator.Builders.Execute
{
    public interface IExecuteExpressionRoot
    {
        void Sql(string sqlStatement);
        void Script(string pathToSqlScript);
        void EmbeddedScript(string embeddedSqlScriptName);
        void WithConnection(Action<object, object> operation);
    }
}

namespace FluentMigrator.Builders.Insert
{
    public interface IInsertExpressionRoot
    {
        IFluentSyntax IntoTable(string tableName);
    }
}

namespace FluentMigrator.Builders.Update
{
    public interface IUpdateExpressionRoot
    {
        IFluentSyntax Table(string tableName);
    }
}
