using ReleasePolicy.Rules.Sql;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Migrations;

/// <summary>
/// The words of RP1010–RP1013 and of the migration RP9001/RP9002 findings, in one place so the rule pages in
/// docs/rules can repeat them. Script findings sit on line 1 of the script; paths in messages are project-relative.
/// </summary>
internal static class MigrationFindings
{
    public static PolicyFinding MissingRollback(string file, string script, string partner) => new(
        RuleIds.ForwardScriptWithoutRollback,
        FindingKind.Policy,
        $"Migration script '{script}' has no rollback script. Add {partner} that undoes it, " +
        $"or, if it is deliberately forward-only, say why in its leading comments: '-- {ForwardOnlyMarker.Text} <reason>'.",
        file,
        line: 1);

    public static PolicyFinding RollbackNotIncluded(string file, string script, string rollback) => new(
        RuleIds.ForwardScriptWithoutRollback,
        FindingKind.Policy,
        $"Migration script '{script}' has no rollback script among the ReleaseMigrationScripts: '{rollback}' exists but is not included. " +
        $"Include it (for example Include=\"{Folder(rollback)}\" takes its whole folder), or, if '{script}' is deliberately forward-only, " +
        $"say why in its leading comments: '-- {ForwardOnlyMarker.Text} <reason>'.",
        file,
        line: 1);

    public static PolicyFinding ForwardOnlyWithoutReason(string file, string script, string partner) => new(
        RuleIds.ForwardScriptWithoutRollback,
        FindingKind.Policy,
        $"Migration script '{script}' is declared forward-only without a reason. " +
        $"Say why after '{ForwardOnlyMarker.Text}', or add {partner} that undoes it.",
        file,
        line: 1);

    public static PolicyFinding EmptyRollback(string file, string rollback, string forward) => new(
        RuleIds.EmptyRollbackScript,
        FindingKind.Policy,
        $"Rollback script '{rollback}' is empty or contains only comments, so it cannot undo '{forward}'. " +
        $"Write the SQL that reverses '{forward}' in it.",
        file,
        line: 1);

    public static PolicyFinding OrphanRollback(string file, string rollback, string partner) => new(
        RuleIds.OrphanRollbackScript,
        FindingKind.Policy,
        $"Rollback script '{rollback}' has no forward script. Add {partner}, or delete the rollback script if its migration is gone.",
        file,
        line: 1);

    public static PolicyFinding DuplicateClaim(string file, string first, string second, string claim) => new(
        RuleIds.AmbiguousMigrationScript,
        FindingKind.Policy,
        $"Migration scripts '{first}' and '{second}' both claim {claim}. " +
        "Rename one of them so that every migration has one forward and at most one rollback script.",
        file,
        line: 1);

    public static PolicyFinding UnrecognizedName(string file, string script, string setName, MigrationConvention convention, string expected) => new(
        RuleIds.AmbiguousMigrationScript,
        FindingKind.Policy,
        $"Script '{script}' fits no {convention} name ({expected}), the convention of ReleaseMigrationScripts '{setName}'. " +
        "Rename it, or remove it from ReleaseMigrationScripts.",
        file,
        line: 1);

    public static PolicyFinding UnplannedSqitchScript(string file, string script, string plan, string change) => new(
        RuleIds.AmbiguousMigrationScript,
        FindingKind.Policy,
        $"Script '{script}' belongs to no change in '{plan}': the plan does not list '{change}'. " +
        "Add the change to the plan, or delete the script.",
        file,
        line: 1);

    public static PolicyFinding RepeatedSqitchChange(string file, int line, string plan, string change) => new(
        RuleIds.AmbiguousMigrationScript,
        FindingKind.Policy,
        $"'{plan}' lists change '{change}' twice without a tag between, so both claim 'deploy/{change}.sql'. " +
        "Tag the plan before reworking a change (sqitch tag, then sqitch rework), or remove the repeated line.",
        file,
        line);

    public static PolicyFinding MissingSqitchScript(string file, int line, string plan, string change, string deploy) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"'{plan}' lists change '{change}', but its deploy script '{deploy}' does not exist. " +
        "Add the deploy script and its revert script, or remove the change from the plan.",
        file,
        line);

    public static PolicyFinding SqitchScriptNotIncluded(string file, int line, string plan, string change, string deploy, string setName) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"'{plan}' lists change '{change}', and its deploy script '{deploy}' exists but is not included in ReleaseMigrationScripts '{setName}'. " +
        $"Include the folder that holds sqitch.plan, deploy/ and revert/ (Include=\"{Folder(plan)}\"), or remove the change from the plan.",
        file,
        line);

    public static PolicyFinding SqitchScriptNotAFile(string file, int line, string plan, string change, string deploy, string what) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"'{plan}' lists change '{change}', but its deploy script '{deploy}' is {what}, not a script file. " +
        "Replace it with the deploy script, or remove the change from the plan.",
        file,
        line);

    public static PolicyFinding UnreadableSqitchLine(string file, int line, string plan, string problem) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"'{plan}' line {line} cannot be read as a sqitch plan line: {problem}. " +
        "Fix the line (sqitch.plan is a text file: 'name [dependencies] timestamp planner <email> # note'), or regenerate it with sqitch.",
        file,
        line);

    public static PolicyFinding NoSqitchPlan(string setName) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"ReleaseMigrationScripts '{setName}' uses Convention=\"Sqitch\" but contains no sqitch.plan. " +
        "Include the folder that holds sqitch.plan, deploy/ and revert/.");

    public static PolicyFinding Unreadable(string file, string script, string reason) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"Cannot read migration script '{script}': {reason}",
        file);

    public static PolicyFinding UnknownConvention(string setName, string value) => new(
        RuleIds.InvalidPolicyValue,
        FindingKind.InputError,
        $"ReleaseMigrationScripts '{setName}' has Convention=\"{value}\". Allowed values: {MigrationConventionNames.AllowedValues}.");

    public static PolicyFinding PatternWithoutCustom(string setName, MigrationConvention convention) => new(
        RuleIds.InvalidPolicyValue,
        FindingKind.InputError,
        $"ReleaseMigrationScripts '{setName}' has Convention=\"{convention}\" and a ForwardPattern or RollbackPattern; " +
        "the patterns are only used with Convention=\"Custom\". Remove them, or set Convention=\"Custom\".");

    public static PolicyFinding InvalidPattern(string message) => new(
        RuleIds.InvalidPolicyValue, FindingKind.InputError, message);

    public static PolicyFinding ForwardOnlyMetadataWithoutReason(string include) => new(
        RuleIds.InvalidPolicyValue,
        FindingKind.InputError,
        $"ReleaseMigrationScripts item '{include}' has ForwardOnly=\"true\", which is not a reason. Write why its scripts have no rollback " +
        "(for example ForwardOnly=\"append-only audit history; restore from the nightly backup\"); the manifest records it for each script.");

    public static PolicyFinding InvalidScriptExtensions(string include, string value, string invalid) => new(
        RuleIds.InvalidPolicyValue,
        FindingKind.InputError,
        $"ReleaseMigrationScripts item '{include}' has ScriptExtensions=\"{value}\": '{invalid}' is not a file extension. " +
        $"List extensions separated by ';', with or without the dot and without wildcards (for example ScriptExtensions=\".sql;.pgsql\"), " +
        $"or remove the metadata to use the default {ScriptExtensions.DefaultValue}.");

    /// <summary>Not a finding: the build message (normal importance) for a folder that holds no script at all.</summary>
    public static string NoScript(string name, ScriptExtensions extensions) =>
        $"ReleasePolicy: {name} contains no migration script ({extensions.Globs}), so nothing in it is checked. " +
        "If its scripts have another extension, list it in the item's ScriptExtensions metadata.";

    private static string Folder(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? "." : relativePath.Substring(0, slash);
    }
}
