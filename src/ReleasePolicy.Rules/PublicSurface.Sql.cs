// The SQL reader's public surface in the ReleasePolicy.Rules assembly (see PublicSurface.cs): the engine streams
// scripts through the lexer; the statements it classifies stay internal (the analyzers' business, and the tests').
namespace ReleasePolicy.Rules.Sql;

public sealed partial class SqlLexer;

public partial struct ForwardOnlyMarker;
