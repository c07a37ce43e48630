using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ReleasePolicy.DocGen;

/// <summary>
/// Every file the catalogue generates, rendered from the catalogue and the hand-written parts of the committed files.
/// Rendering reads but never writes, so the drift test and the tool share it.
/// </summary>
public static class GeneratedDocs
{
    public const string RegenerateCommand = "dotnet run --project build/ReleasePolicy.DocGen";

    public const string ReadmePath = "README.md";

    public static string RulePagePath(PolicyRule rule) => "docs/rules/" + rule.Id + ".md";

    public static string PresetPath(string mode) => "src/ReleasePolicy.Sdk/build/ReleasePolicy." + mode + ".globalconfig";

    /// <summary>Renders every generated file; throws <see cref="GeneratedDocsException"/> when a hand-written part is missing.</summary>
    public static IReadOnlyList<GeneratedFile> Render(string repositoryRoot)
    {
        var files = new List<GeneratedFile>
        {
            new(ReadmePath, ReadmeRuleTable.Apply(ReadCommitted(repositoryRoot, ReadmePath), RuleCatalogue.All)),
        };
        files.AddRange(RuleCatalogue.All.Select(rule =>
            new GeneratedFile(RulePagePath(rule), RulePageHeader.Apply(ReadCommitted(repositoryRoot, RulePagePath(rule)), rule))));
        files.AddRange(SeverityPreset.Modes.Select(mode =>
            new GeneratedFile(PresetPath(mode), SeverityPreset.Render(mode, RuleCatalogue.All))));
        return files;
    }

    /// <summary>The committed text with '\n' line ends, so a checkout with CRLF compares equal.</summary>
    public static string ReadCommitted(string repositoryRoot, string path)
    {
        var fullPath = Path.Combine(repositoryRoot, path);
        if (!File.Exists(fullPath))
        {
            throw new GeneratedDocsException($"{path} is missing. Write it (a rule page starts with '# RPnnnn: <title>'), then run {RegenerateCommand}.");
        }

        return File.ReadAllText(fullPath).Replace("\r\n", "\n");
    }

    /// <summary>The folder above <paramref name="start"/> that holds ReleasePolicy.slnx.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReleasePolicy.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new GeneratedDocsException("ReleasePolicy.slnx not found above " + start + "; run from inside the repository.");
    }
}

/// <summary>A committed file lacks the part the generator fills in or keeps; the message says what to do.</summary>
public sealed class GeneratedDocsException : Exception
{
    public GeneratedDocsException(string message)
        : base(message)
    {
    }
}
