// Minimal surface of Microsoft.EntityFrameworkCore.Relational that the migration rules look at.
// Compiled into every test's sources instead of referencing EF Core.
using System;

namespace Microsoft.EntityFrameworkCore
{
    public class DbContext
    {
    }

    public class ModelBuilder
    {
        public virtual ModelBuilder HasAnnotation(string annotation, object value) => this;
    }
}

namespace Microsoft.EntityFrameworkCore.Infrastructure
{
    /// <summary>What a scaffolded migration's .Designer.cs part puts on the class.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class DbContextAttribute : Attribute
    {
        public DbContextAttribute(Type contextType) { }
    }
}

namespace Microsoft.EntityFrameworkCore.Migrations
{
    public abstract class Migration
    {
        protected abstract void Up(MigrationBuilder migrationBuilder);

        protected virtual void Down(MigrationBuilder migrationBuilder)
        {
        }

        protected virtual void BuildTargetModel(Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder)
        {
        }
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class MigrationAttribute : Attribute
    {
        public MigrationAttribute(string id) { }
    }

    public class OperationBuilder
    {
        public OperationBuilder Annotation(string name, object value) => this;
    }

    public class ColumnsBuilder
    {
        public OperationBuilder Column<T>(string type = null, bool? unicode = null, int? maxLength = null, bool rowVersion = false, string name = null, bool nullable = false) => new OperationBuilder();
    }

    public class CreateTableBuilder<TColumns>
    {
        public OperationBuilder PrimaryKey(string name, Func<TColumns, object> columns) => new OperationBuilder();
        public OperationBuilder ForeignKey(string name, Func<TColumns, object> column, string principalTable, string principalColumn = null) => new OperationBuilder();
    }

    public class MigrationBuilder
    {
        public MigrationBuilder(string activeProvider) { }

        public virtual OperationBuilder EnsureSchema(string name) => new OperationBuilder();
        public virtual OperationBuilder DropSchema(string name) => new OperationBuilder();

        public virtual CreateTableBuilder<TColumns> CreateTable<TColumns>(string name, Func<ColumnsBuilder, TColumns> columns, string schema = null, Action<CreateTableBuilder<TColumns>> constraints = null, string comment = null) => new CreateTableBuilder<TColumns>();
        public virtual OperationBuilder DropTable(string name, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder RenameTable(string name, string schema = null, string newName = null, string newSchema = null) => new OperationBuilder();

        public virtual OperationBuilder AddColumn<T>(string name, string table, string type = null, bool? unicode = null, int? maxLength = null, bool rowVersion = false, string schema = null, bool nullable = false, object defaultValue = null) => new OperationBuilder();
        public virtual OperationBuilder AlterColumn<T>(string name, string table, string type = null, bool? unicode = null, int? maxLength = null, bool rowVersion = false, string schema = null, bool nullable = false, object defaultValue = null, string oldType = null, int? oldMaxLength = null, bool oldNullable = false) => new OperationBuilder();
        public virtual OperationBuilder DropColumn(string name, string table, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder RenameColumn(string name, string table, string newName, string schema = null) => new OperationBuilder();

        public virtual OperationBuilder CreateIndex(string name, string table, string column, string schema = null, bool unique = false, string filter = null) => new OperationBuilder();
        public virtual OperationBuilder CreateIndex(string name, string table, string[] columns, string schema = null, bool unique = false, string filter = null) => new OperationBuilder();
        public virtual OperationBuilder DropIndex(string name, string table = null, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder RenameIndex(string name, string newName, string table = null, string schema = null) => new OperationBuilder();

        public virtual OperationBuilder AddForeignKey(string name, string table, string column, string principalTable, string schema = null, string principalSchema = null, string principalColumn = null) => new OperationBuilder();
        public virtual OperationBuilder DropForeignKey(string name, string table, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder AddPrimaryKey(string name, string table, string column, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder DropPrimaryKey(string name, string table, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder AddUniqueConstraint(string name, string table, string column, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder DropUniqueConstraint(string name, string table, string schema = null) => new OperationBuilder();

        public virtual OperationBuilder InsertData(string table, string column, object value, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder InsertData(string table, string[] columns, object[] values, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder InsertData(string table, string[] columns, object[,] values, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder UpdateData(string table, string keyColumn, object keyValue, string column, object value, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder DeleteData(string table, string keyColumn, object keyValue, string schema = null) => new OperationBuilder();
        public virtual OperationBuilder Sql(string sql, bool suppressTransaction = false) => new OperationBuilder();
    }
}
