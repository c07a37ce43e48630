using System;
using System.Collections.Generic;
using System.IO;
using ReleasePolicy.Diagnostics;

using ReleasePolicy.IO;

namespace ReleasePolicy.Migrations;

/// <summary>What pairing found: the migrations, the findings about names (RP1012, RP1013, RP9001, RP9002), and the
/// convention each set was checked with. RP1010 waits for the forward script's text, which may declare it
/// forward-only: see <see cref="PairedMigration.RollbackToAdd"/>.</summary>
public sealed class PairingResult
{
    internal PairingResult(List<PairedMigration> migrations, List<PolicyFinding> findings, List<ConventionChoice> conventions)
    {
        Migrations = migrations;
        Findings = findings;
        Conventions = conventions;
    }

    public IReadOnlyList<PairedMigration> Migrations { get; }

    public IReadOnlyList<PolicyFinding> Findings { get; }

    public IReadOnlyList<ConventionChoice> Conventions { get; }
}

/// <summary>
/// Pairs forward scripts with rollback scripts by name, one <see cref="MigrationScriptSet"/> at a time. It reads no
/// script: only a sqitch.plan, through the reader given. One pass over the names into a dictionary keyed by what
/// forward and rollback share (a version, a name); patterns are compiled once per set.
/// </summary>
public sealed class ScriptPairing
{
    private readonly ProjectPath _paths;
    private readonly Func<string, TextReader> _openPlan;

    /// <param name="projectDirectory">Paths in messages are relative to it.</param>
    /// <param name="openPlan">Opens a sqitch.plan; defaults to reading the file.</param>
    public ScriptPairing(string projectDirectory, Func<string, TextReader>? openPlan = null)
    {
        _paths = new ProjectPath(projectDirectory);
        _openPlan = openPlan ?? (path => new StreamReader(RegularFile.OpenRead(path)));
    }

    public PairingResult Pair(IEnumerable<MigrationScriptSet> sets)
    {
        var migrations = new List<PairedMigration>();
        var findings = new List<PolicyFinding>();
        var conventions = new List<ConventionChoice>();
        foreach (var set in sets)
        {
            var files = new string[set.Files.Count];
            for (var i = 0; i < files.Length; i++)
            {
                files[i] = Path.GetFullPath(set.Files[i]);
            }

            Array.Sort(files, StringComparer.Ordinal);
            var choice = ChooseConvention(set, files, findings);
            var convention = choice.Convention;
            if (convention == MigrationConvention.Sqitch)
            {
                new SqitchPairing(_paths, _openPlan, set.Name, migrations, findings).Pair(files);
            }
            else if (convention is not null)
            {
                var naming = Naming(convention.Value, set, findings);
                if (naming is not null)
                {
                    PairByName(set, naming, files, migrations, findings);
                }
                else
                {
                    choice.PatternsUnusable = true;
                }
            }

            // A set without files says so once, where it was expanded (a folder holding no script).
            if (files.Length > 0)
            {
                conventions.Add(choice);
            }
        }

        return new PairingResult(migrations, findings, conventions);
    }

    private ConventionChoice ChooseConvention(MigrationScriptSet set, string[] files, List<PolicyFinding> findings)
    {
        var patterns = set.ForwardPattern is null && set.RollbackPattern is null ? null
            : set.ForwardPattern is null ? "RollbackPattern"
            : set.RollbackPattern is null ? "ForwardPattern"
            : "ForwardPattern and RollbackPattern";
        MigrationConvention? convention;
        if (set.Convention is not null)
        {
            convention = MigrationConventionNames.Parse(set.Convention);
            if (convention is null)
            {
                findings.Add(MigrationFindings.UnknownConvention(set.Name, set.Convention));
            }
            else if (patterns is not null && convention != MigrationConvention.Custom)
            {
                findings.Add(MigrationFindings.PatternWithoutCustom(set.Name, convention.Value));
                convention = null;
            }

            return new ConventionChoice(set.Name, convention, ConventionSource.ConventionMetadata, set.Convention.Trim(), patterns);
        }

        if (patterns is not null)
        {
            return new ConventionChoice(set.Name, MigrationConvention.Custom, ConventionSource.Patterns, patterns);
        }

        convention = ConventionDetection.Detect(files, set.Extensions, out var evidence);
        return new ConventionChoice(
            set.Name, convention, ConventionSource.Detected, evidence: evidence is null ? null : _paths.Relative(evidence));
    }

    private static ScriptNaming? Naming(MigrationConvention convention, MigrationScriptSet set, List<PolicyFinding> findings)
    {
        switch (convention)
        {
            case MigrationConvention.Flyway:
                return FlywayNaming.Instance;
            case MigrationConvention.GolangMigrate:
                return GolangMigrateNaming.Instance;
            case MigrationConvention.Suffix:
                return SuffixNaming.Instance;
            default:
                var naming = CustomNaming.Create(set.Name, set.ForwardPattern, set.RollbackPattern, out var error);
                if (naming is null)
                {
                    findings.Add(MigrationFindings.InvalidPattern(error!));
                }

                return naming;
        }
    }

    private void PairByName(
        MigrationScriptSet set, ScriptNaming naming, string[] files, List<PairedMigration> migrations, List<PolicyFinding> findings)
    {
        var setName = set.Name;
        var slots = new Dictionary<string, Slot>(files.Length, StringComparer.Ordinal);
        var order = new List<Slot>(files.Length);
        foreach (var file in files)
        {
            var fileName = Path.GetFileName(file);
            var extension = set.Extensions.Match(fileName);
            if (extension is null)
            {
                continue;
            }

            var script = new Script(file, _paths.Relative(file));
            ScriptName name;
            try
            {
                name = naming.ReadsCanonicalNames
                    ? naming.Classify(ScriptExtensions.Canonical(fileName, extension), script.Relative, script.Directory).InExtension(extension)
                    : naming.Classify(fileName, script.Relative, script.Directory);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException ex)
            {
                findings.Add(MigrationFindings.InvalidPattern(
                    $"ReleaseMigrationScripts '{setName}' has a pattern '{ex.Pattern}' that took too long on '{script.Relative}'. " +
                    "Simplify ForwardPattern and RollbackPattern."));
                return;
            }

            if (name.Role == ScriptRole.Unrecognized)
            {
                var expected = naming.ReadsCanonicalNames ? ScriptExtensions.InExtension(naming.ExpectedNames, extension) : naming.ExpectedNames;
                findings.Add(MigrationFindings.UnrecognizedName(file, script.Relative, setName, naming.Convention, expected));
                continue;
            }

            if (!slots.TryGetValue(name.Key, out var slot))
            {
                slot = new Slot(name);
                slots.Add(name.Key, slot);
                order.Add(slot);
            }

            var claimed = name.Role == ScriptRole.Rollback ? slot.Rollback : slot.Forward;
            if (claimed is not null)
            {
                // The first script (in path order) keeps the pairing; the second is reported once, as RP1013 only.
                findings.Add(MigrationFindings.DuplicateClaim(file, claimed.Relative, script.Relative, name.Claim));
                var reason = $"{name.Claim} is also claimed by '{claimed.Relative}'";
                migrations.Add(name.Role == ScriptRole.Rollback
                    ? new PairedMigration(name.Id, naming.Convention, PairingOutcome.OrphanRollback, null, file, reason: reason)
                    : new PairedMigration(name.Id, naming.Convention, Outcome(name.Role), file, null, reason: Join(name.Reason, reason)));
                continue;
            }

            if (name.Role == ScriptRole.Rollback)
            {
                slot.Rollback = script;
                slot.RollbackName = name;
            }
            else
            {
                slot.Forward = script;
                slot.Name = name;
            }
        }

        foreach (var slot in order)
        {
            migrations.Add(Complete(slot, naming, findings));
        }
    }

    private static PairedMigration Complete(Slot slot, ScriptNaming naming, List<PolicyFinding> findings)
    {
        var forward = slot.Forward;
        var rollback = slot.Rollback;
        if (forward is null)
        {
            var name = slot.RollbackName;
            findings.Add(MigrationFindings.OrphanRollback(rollback!.Path, rollback.Relative, naming.DescribePartner(name, rollback.Directory)));
            return new PairedMigration(name.Id, naming.Convention, PairingOutcome.OrphanRollback, null, rollback.Path);
        }

        if (slot.Name.Role == ScriptRole.ForwardOnly)
        {
            return new PairedMigration(slot.Name.Id, naming.Convention, PairingOutcome.ForwardOnly, forward.Path, null, reason: slot.Name.Reason);
        }

        if (rollback is null)
        {
            return new PairedMigration(
                slot.Name.Id, naming.Convention, PairingOutcome.MissingRollback, forward.Path, null,
                rollbackToAdd: naming.DescribePartner(slot.Name, forward.Directory),
                rollbackNotIncluded: OnDiskPartner(forward.Path, slot.Name));
        }

        return new PairedMigration(slot.Name.Id, naming.Convention, PairingOutcome.Paired, forward.Path, rollback.Path);
    }

    // The rollback the convention names, when it is on disk beside the forward script but outside every item.
    private static string? OnDiskPartner(string forward, ScriptName name)
    {
        if (name.PartnerFileName is null)
        {
            return null;
        }

        var partner = Path.Combine(Path.GetDirectoryName(forward)!, name.PartnerFileName);
        return File.Exists(partner) ? partner : null;
    }

    private static string Join(string? first, string second) => first is null ? second : first + "; " + second;

    private static PairingOutcome Outcome(ScriptRole role) =>
        role == ScriptRole.ForwardOnly ? PairingOutcome.ForwardOnly : PairingOutcome.MissingRollback;

    private sealed class Slot
    {
        public Slot(ScriptName name)
        {
            Name = name;
            RollbackName = name;
        }

        public ScriptName Name { get; set; }

        public ScriptName RollbackName { get; set; }

        public Script? Forward { get; set; }

        public Script? Rollback { get; set; }
    }
}

/// <summary>A script's full path with its project-relative path and folder (with a trailing '/').</summary>
internal sealed class Script
{
    public Script(string path, string relative)
    {
        Path = path;
        Relative = relative;
        var slash = relative.LastIndexOf('/');
        Directory = slash < 0 ? string.Empty : relative.Substring(0, slash + 1);
    }

    public string Path { get; }

    public string Relative { get; }

    public string Directory { get; }
}
