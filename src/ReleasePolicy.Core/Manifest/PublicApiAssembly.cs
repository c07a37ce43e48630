using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ReleasePolicy.Api;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Manifest;

/// <summary>
/// One entry of the manifest's <c>publicApi</c>: the public surface of one built assembly for one target framework, as
/// <see cref="PublicApiReader"/> reads it. The next release's <c>changes.publicApi</c> and RP5009 compare against it.
/// </summary>
public sealed class PublicApiAssembly
{
    public PublicApiAssembly(string assembly, string? targetFramework, IReadOnlyList<string> members)
    {
        Assembly = assembly;
        TargetFramework = targetFramework;
        Members = members;
    }

    /// <summary>The assembly's file name without extension.</summary>
    public string Assembly { get; }

    public string? TargetFramework { get; }

    /// <summary>Documentation IDs, sorted ordinally.</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>SHA-256 of the members, one per line: equal surfaces have equal hashes.</summary>
    public string Sha256
    {
        get
        {
            using var sha = SHA256.Create();
            var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("\n", Members)));
            return string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// Reads each built assembly (an item spec, with its target framework after a <c>|</c> when given as
    /// <c>path|net8.0</c>). An assembly that does not exist yet (a pack with --no-build of a project never built) is an RP9002 finding.
    /// </summary>
    public static IReadOnlyList<PublicApiAssembly> TryRead(IEnumerable<string> assemblies, ICollection<PolicyFinding> findings)
    {
        var result = new List<PublicApiAssembly>();
        foreach (var entry in assemblies)
        {
            var bar = entry.LastIndexOf('|');
            var path = bar < 0 ? entry : entry.Substring(0, bar);
            var framework = bar < 0 ? null : entry.Substring(bar + 1).Trim();
            if (!File.Exists(path))
            {
                findings.Add(new PolicyFinding(
                    RuleIds.UnreadableInput,
                    FindingKind.InputError,
                    Directory.Exists(path)
                        ? $"The built assembly '{path}' is a folder, not a file, so the release manifest cannot record its public API. Delete the folder and build the project again."
                        : $"The built assembly '{path}' was not found, so the release manifest cannot record its public API. Build the project before packing with --no-build.",
                    path));
                continue;
            }

            var members = PublicApiReader.TryRead(path, out var error);
            if (members is null)
            {
                findings.Add(error!);
                continue;
            }

            result.Add(new PublicApiAssembly(Path.GetFileNameWithoutExtension(path), string.IsNullOrEmpty(framework) ? null : framework, members));
        }

        return result
            .GroupBy(a => (a.Assembly, a.TargetFramework))
            .Select(g => g.First())
            .OrderBy(a => a.Assembly, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.TargetFramework, StringComparer.Ordinal)
            .ToList();
    }
}
