using System;
using System.Text.RegularExpressions;

namespace ReleasePolicy.Migrations;

/// <summary>
/// The item's own <c>ForwardPattern</c> / <c>RollbackPattern</c>: .NET regular expressions that must both define a
/// named group <c>(?&lt;id&gt;...)</c>; a forward and a rollback script with equal <c>id</c> values are a pair. A pattern
/// is matched against the file name, or against the project-relative path (with '/') when it contains a '/'.
/// A name matching both patterns is a rollback script, since forward patterns are usually the broader ones.
/// </summary>
internal sealed class CustomNaming : ScriptNaming
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _forward;
    private readonly Regex _rollback;
    private readonly bool _forwardOnPath;
    private readonly bool _rollbackOnPath;

    private CustomNaming(Regex forward, Regex rollback)
    {
        _forward = forward;
        _rollback = rollback;
        _forwardOnPath = forward.ToString().IndexOf('/') >= 0;
        _rollbackOnPath = rollback.ToString().IndexOf('/') >= 0;
    }

    public override MigrationConvention Convention => MigrationConvention.Custom;

    // The patterns are written for the real names, extension included.
    public override bool ReadsCanonicalNames => false;

    public override string ExpectedNames =>
        "a name matching ForwardPattern '" + _forward + "' or RollbackPattern '" + _rollback + "'";

    /// <summary>Compiles both patterns once per set; returns the reason (for RP9001) when they are unusable.</summary>
    public static CustomNaming? Create(string setName, string? forwardPattern, string? rollbackPattern, out string? error)
    {
        var forward = Compile(setName, "ForwardPattern", forwardPattern, out error);
        if (forward is null)
        {
            return null;
        }

        var rollback = Compile(setName, "RollbackPattern", rollbackPattern, out error);
        return rollback is null ? null : new CustomNaming(forward, rollback);
    }

    public override ScriptName Classify(string fileName, string relativePath, string relativeDirectory)
    {
        var rollback = _rollback.Match(_rollbackOnPath ? relativePath : fileName);
        if (rollback.Success)
        {
            var id = rollback.Groups["id"].Value;
            return new ScriptName(ScriptRole.Rollback, id, id, "id '" + id + "'", null);
        }

        var forward = _forward.Match(_forwardOnPath ? relativePath : fileName);
        if (forward.Success)
        {
            var id = forward.Groups["id"].Value;
            return new ScriptName(ScriptRole.Forward, id, id, "id '" + id + "'", null);
        }

        return ScriptName.Unrecognized;
    }

    public override string DescribePartner(ScriptName name, string relativeDirectory) =>
        name.Role == ScriptRole.Forward
            ? "a script whose name matches RollbackPattern '" + _rollback + "' with id '" + name.Id + "'"
            : "a script whose name matches ForwardPattern '" + _forward + "' with id '" + name.Id + "'";

    private static Regex? Compile(string setName, string metadata, string? pattern, out string? error)
    {
        var usage = $" Set ForwardPattern and RollbackPattern to .NET regular expressions with a named group (?<id>...) " +
            "that is equal in a forward script and its rollback script.";
        if (pattern is null)
        {
            error = $"ReleaseMigrationScripts '{setName}' uses Convention=\"Custom\" but has no {metadata}.{usage}";
            return null;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = $"ReleaseMigrationScripts '{setName}' has an invalid {metadata} '{pattern}': {ex.Message}{usage}";
            return null;
        }

        if (Array.IndexOf(regex.GetGroupNames(), "id") < 0)
        {
            error = $"ReleaseMigrationScripts '{setName}' has a {metadata} '{pattern}' without a named group (?<id>...).{usage}";
            return null;
        }

        error = null;
        return regex;
    }
}
