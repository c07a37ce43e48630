namespace ReleasePolicy.Rules;

/// <summary>
/// How loudly a rule reports, with the spellings each output needs. A closed set of instances rather than an enum
/// because the shared source cannot make an enum public in one assembly and internal in the other (see PublicSurface.cs).
/// </summary>
sealed partial class RuleSeverity
{
    /// <summary>Not shown to users; data for the release manifest (the compiler still logs it when raised).</summary>
    public static readonly RuleSeverity Hidden = new("Hidden", "silent");

    /// <summary>Shown, never fails a build: an IDE suggestion, an MSBuild message.</summary>
    public static readonly RuleSeverity Info = new("Info", "suggestion");

    public static readonly RuleSeverity Warning = new("Warning", "warning");

    public static readonly RuleSeverity Error = new("Error", "error");

    private RuleSeverity(string name, string editorConfigValue)
    {
        Name = name;
        EditorConfigValue = editorConfigValue;
    }

    /// <summary>As Roslyn's DiagnosticSeverity and the AnalyzerReleases files spell it.</summary>
    public string Name { get; }

    /// <summary>As .editorconfig and .globalconfig spell it: <c>dotnet_diagnostic.RPnnnn.severity = value</c>.</summary>
    public string EditorConfigValue { get; }

    public override string ToString() => Name;
}
