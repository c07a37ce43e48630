using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// The <c>trustedSigners</c> of the effective nuget.config: the files from the project folder up to the root, then
/// the user's, nearest first, as NuGet merges them (a <c>&lt;clear /&gt;</c> drops what farther files say). Only
/// SHA-256 fingerprints are read; NuGet also allows SHA-384/512 ones, which are skipped.
/// </summary>
public static class NuGetConfigTrustedSigners
{
    private static readonly string[] FileNames = { "nuget.config", "NuGet.config", "NuGet.Config" };

    /// <summary>The nuget.config files NuGet merges for the project, nearest first, then the user's: inputs of the check.</summary>
    public static List<string> ConfigFiles(string projectDirectory, string? userConfig)
    {
        var files = new List<string>();
        for (var directory = new DirectoryInfo(projectDirectory); directory is not null; directory = directory.Parent)
        {
            var found = FileNames.Select(name => Path.Combine(directory.FullName, name)).FirstOrDefault(File.Exists);
            if (found is not null)
            {
                files.Add(found);
            }
        }

        if (!string.IsNullOrEmpty(userConfig) && File.Exists(userConfig) && !files.Contains(userConfig!, StringComparer.Ordinal))
        {
            files.Add(userConfig!);
        }

        return files;
    }

    public static IReadOnlyList<TrustedSigner> Read(string projectDirectory, string? userConfig, List<PolicyFinding> errors)
    {
        var files = ConfigFiles(projectDirectory, userConfig);
        var signers = new List<TrustedSigner>();
        foreach (var file in files)
        {
            XElement? section;
            try
            {
                // No DTD processing: a nuget.config never needs one, and an entity bomb must not be expanded.
                IO.RegularFile.ThrowUnlessRegular(file);
                using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                section = XDocument.Load(reader).Root?.Element("trustedSigners");
            }
            catch (Exception ex) when (ex is XmlException || ex is IOException || ex is UnauthorizedAccessException)
            {
                var why = ex is XmlException && ex.Message.IndexOf("DTD", StringComparison.Ordinal) >= 0
                    ? "it declares a DTD (<!DOCTYPE>), which ReleasePolicy never processes (it could expand entities without limit or read other files), and a nuget.config never needs one. Remove the DOCTYPE."
                    : ex is XmlException ? ex.Message + " Fix the XML, or remove the file." : IO.RegularFile.Explain(ex);
                errors.Add(new PolicyFinding(
                    RuleIds.UnreadableInput,
                    FindingKind.InputError,
                    $"The NuGet configuration '{file}' cannot be read for its trustedSigners: {why}",
                    file,
                    (ex as XmlException)?.LineNumber ?? 0,
                    (ex as XmlException)?.LinePosition ?? 0));
                continue;
            }

            if (section is null)
            {
                continue;
            }

            foreach (var element in section.Elements())
            {
                var type = element.Name.LocalName;
                if (type != PackageSignature.AuthorType && type != PackageSignature.RepositoryType)
                {
                    continue;
                }

                var fingerprints = element.Elements("certificate")
                    .Where(c => string.Equals((string?)c.Attribute("hashAlgorithm") ?? "SHA256", "SHA256", StringComparison.OrdinalIgnoreCase))
                    .Select(c => (string?)c.Attribute("fingerprint"))
                    .Where(f => !string.IsNullOrWhiteSpace(f))
                    .Select(f => f!.Trim())
                    .ToList();
                var owners = SettingList.Split(element.Element("owners")?.Value);
                signers.Add(new TrustedSigner((string?)element.Attribute("name") ?? type, type, fingerprints, owners, null, file));
            }

            if (section.Element("clear") is not null)
            {
                break;
            }
        }

        return signers;
    }

    /// <summary>Where NuGet keeps the user's configuration on this machine.</summary>
    public static string? UserConfigPath()
    {
        var appData = Environment.GetEnvironmentVariable("APPDATA");
        if (Path.DirectorySeparatorChar == '\\' && !string.IsNullOrEmpty(appData))
        {
            return Path.Combine(appData, "NuGet", "NuGet.Config");
        }

        var home = Environment.GetEnvironmentVariable("HOME");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".nuget", "NuGet", "NuGet.Config");
    }
}
