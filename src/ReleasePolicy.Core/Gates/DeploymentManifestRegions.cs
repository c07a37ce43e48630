using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReleasePolicy.Gates;

/// <summary>
/// A <c>ReleaseDeploymentManifest</c> item: a deployment file the release is deployed with (Helm values, a Kubernetes
/// manifest, an ARM or Bicep parameters file; YAML or JSON), the <c>RegionPath</c> to its region field, and optionally
/// the <c>DataClassification</c> of the data it deploys.
/// </summary>
public sealed class DeploymentManifestItem
{
    public DeploymentManifestItem(string path, string? regionPath, string? dataClassification)
    {
        Path = path;
        RegionPath = string.IsNullOrWhiteSpace(regionPath) ? null : regionPath!.Trim();
        DataClassification = string.IsNullOrWhiteSpace(dataClassification) ? null : dataClassification!.Trim();
    }

    /// <summary>Full path.</summary>
    public string Path { get; }

    /// <summary>
    /// Dot-separated keys; <c>[]</c> or <c>*</c> is every element of a list or every value of a map
    /// (<c>resources[].location</c>); a key with dots in it is quoted: <c>metadata.labels["topology.kubernetes.io/region"]</c>.
    /// </summary>
    public string? RegionPath { get; }

    public string? DataClassification { get; }
}

/// <summary>
/// RP5008's regions from deployment manifests: every value at <c>RegionPath</c> in every document of the file, with the
/// file and line it came from. A path that finds nothing, a value that is not a plain string and a file that cannot be
/// read are findings, never an empty list that would pass the gate.
/// </summary>
public static class DeploymentManifestRegions
{
    public static IReadOnlyList<DeploymentRegionItem> Read(IReadOnlyList<DeploymentManifestItem> manifests, string? projectFile, ICollection<PolicyFinding> findings, ICollection<string> filesRead)
    {
        var regions = new List<DeploymentRegionItem>();
        foreach (var manifest in manifests)
        {
            filesRead.Add(manifest.Path);
            if (manifest.RegionPath is null)
            {
                findings.Add(new PolicyFinding(
                    RuleIds.InvalidPolicyValue,
                    FindingKind.InputError,
                    $"ReleaseDeploymentManifest '{manifest.Path}' has no RegionPath, so no region can be read from it. Name the field: RegionPath=\"global.region\" (Helm values) or RegionPath=\"resources[].location\" (an ARM template).",
                    projectFile));
                continue;
            }

            string text;
            try
            {
                text = RegularFile.ReadAllText(manifest.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                findings.Add(new PolicyFinding(
                    RuleIds.UnreadableInput,
                    FindingKind.InputError,
                    $"ReleaseDeploymentManifest '{manifest.Path}' cannot be read: {RegularFile.Explain(e)}",
                    manifest.Path));
                continue;
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                findings.Add(new PolicyFinding(
                    RuleIds.UnreadableInput,
                    FindingKind.InputError,
                    $"ReleaseDeploymentManifest '{manifest.Path}' is not valid YAML or JSON at line {e.Start.Line}: {e.Message.TrimEnd('.')}. Fix the file, or remove the item.",
                    manifest.Path,
                    line: (int)Math.Max(1, e.Start.Line),
                    column: (int)Math.Max(1, e.Start.Column)));
                continue;
            }

            var segments = Segments(manifest.RegionPath);
            var found = new List<YamlNode>();
            foreach (var document in stream.Documents)
            {
                Walk(document.RootNode, segments, 0, found);
            }

            if (found.Count == 0)
            {
                findings.Add(new PolicyFinding(
                    RuleIds.InvalidPolicyValue,
                    FindingKind.InputError,
                    $"RegionPath '{manifest.RegionPath}' finds no value in ReleaseDeploymentManifest '{manifest.Path}', so the release's regions would go unchecked. Check the path against the file ('.' between keys, '[]' for every list element).",
                    manifest.Path,
                    line: 1,
                    column: 1));
                continue;
            }

            foreach (var node in found)
            {
                var line = (int)Math.Max(1, node.Start.Line);
                if (node is YamlScalarNode { Value: { Length: > 0 } value } && value.IndexOfAny(new[] { '[', '(', '$', '{', ' ' }) < 0)
                {
                    regions.Add(new DeploymentRegionItem(value, manifest.DataClassification, manifest.Path, line));
                }
                else
                {
                    findings.Add(new PolicyFinding(
                        RuleIds.InvalidPolicyValue,
                        FindingKind.InputError,
                        $"The value at RegionPath '{manifest.RegionPath}' in '{manifest.Path}' line {line} is not a region name ({Describe(node)}): an expression or a template is decided at deploy time, so the build cannot check it. Point RegionPath at a file with the resolved value (a parameters or values file), or declare <DeploymentRegion Include=\"…\" />.",
                        manifest.Path,
                        line: line,
                        column: (int)Math.Max(1, node.Start.Column)));
                }
            }
        }

        return regions;
    }

    /// <summary><c>a.b[].c</c>, <c>*</c> for every value, and <c>["key.with.dots"]</c> for keys such as Kubernetes labels.</summary>
    internal static IReadOnlyList<string> Segments(string path)
    {
        var segments = new List<string>();
        var current = new System.Text.StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                segments.Add(current.ToString());
                current.Clear();
            }
        }

        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.')
            {
                Flush();
            }
            else if (c == '[' && i + 1 < path.Length && path[i + 1] == ']')
            {
                Flush();
                segments.Add("[]");
                i++;
            }
            else if (c == '[' && i + 1 < path.Length && path[i + 1] is '"' or '\'')
            {
                Flush();
                var quote = path[i + 1];
                var end = path.IndexOf(quote, i + 2);
                end = end < 0 ? path.Length : end;
                segments.Add(path.Substring(i + 2, end - i - 2));
                i = Math.Min(path.Length, end + 1); // the closing quote; the ']' after it is skipped next
                if (i < path.Length && path[i] != ']')
                {
                    i--;
                }
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return segments;
    }

    private static void Walk(YamlNode node, IReadOnlyList<string> segments, int index, List<YamlNode> found)
    {
        if (index == segments.Count)
        {
            found.Add(node);
            return;
        }

        var segment = segments[index];
        var every = segment is "[]" or "*";
        switch (node)
        {
            case YamlSequenceNode sequence when every:
                foreach (var child in sequence.Children)
                {
                    Walk(child, segments, index + 1, found);
                }

                break;
            case YamlMappingNode mapping when every:
                foreach (var child in mapping.Children.Values)
                {
                    Walk(child, segments, index + 1, found);
                }

                break;
            case YamlMappingNode mapping:
                foreach (var pair in mapping.Children)
                {
                    if (pair.Key is YamlScalarNode { Value: { } key } && string.Equals(key, segment, StringComparison.Ordinal))
                    {
                        Walk(pair.Value, segments, index + 1, found);
                    }
                }

                break;
        }
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } value } => $"'{(value.Length > 60 ? value.Substring(0, 60) + "…" : value)}'",
        YamlScalarNode => "empty",
        YamlSequenceNode => "a list",
        _ => "a map",
    };
}
