namespace ReleasePolicy.Rules;

/// <summary>
/// Where a rule runs: a Roslyn analyzer (in the IDE and the compiler) or an MSBuild task. A closed set of instances
/// rather than an enum because the shared source cannot make an enum public in one assembly and internal in the other
/// (see PublicSurface.cs).
/// </summary>
sealed partial class RuleKind
{
    public static readonly RuleKind Analyzer = new("analyzer");
    public static readonly RuleKind Task = new("task");

    private RuleKind(string name) => Name = name;

    /// <summary>The kind as the docs and the product contract name it.</summary>
    public string Name { get; }

    public override string ToString() => Name;
}
