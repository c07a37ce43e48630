using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using ReleasePolicy.Gates;
using ReleasePolicy.IO;
using ReleasePolicy.Manifest;

namespace ReleasePolicy.Cli.Evidence;

/// <summary>What <c>release-policy evidence</c> wrote, and what it could not vouch for.</summary>
internal sealed class EvidencePackageResult
{
    public List<string> Written { get; } = new();

    public List<string> Problems { get; } = new();
}

/// <summary>
/// An auditor's evidence package from a release manifest: the manifest itself, every evidence file its
/// <c>compliance</c> section and its rollback playbook name (copied from the source folder and checked against the
/// recorded SHA-256), a self-contained <c>index.html</c>, and <c>SHA256SUMS</c> over all of them.
/// </summary>
internal static class EvidencePackage
{
    public const string ChecksumFile = "SHA256SUMS";

    /// <param name="manifestBytes">The manifest as released, copied byte for byte.</param>
    /// <param name="source">The folder the manifest's evidence paths are relative to: the project folder.</param>
    public static EvidencePackageResult Write(ReleaseManifest manifest, byte[] manifestBytes, string source, string output)
    {
        var result = new EvidencePackageResult();
        Directory.CreateDirectory(output);
        File.WriteAllBytes(Path.Combine(output, ReleaseManifest.FileName), manifestBytes);
        result.Written.Add(ReleaseManifest.FileName);

        var files = new List<(string Label, string Path, string Sha256)>();
        var gates = manifest.Gates;
        if (gates?.Rollback is { } rollback)
        {
            files.Add(("rollback playbook", rollback.Path, rollback.Sha256));
        }

        foreach (var control in gates?.Compliance ?? Array.Empty<ComplianceRecord>())
        {
            foreach (var evidence in control.Evidence.Where(e => e.Path is not null && e.Sha256 is not null))
            {
                files.Add(($"{control.Framework} {control.Control}".Trim(), evidence.Path!, evidence.Sha256!));
            }
        }

        var copied = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.GroupBy(f => f.Path, StringComparer.Ordinal).Select(g => g.First()))
        {
            var from = Path.GetFullPath(Path.Combine(source, file.Path));
            var relative = "evidence/" + Safe(file.Path);
            if (!File.Exists(from))
            {
                result.Problems.Add($"{file.Label}: '{file.Path}' was not found under '{source}' (give the project folder with --source).");
                continue;
            }

            var actual = Sha256Digest.OfFile(from);
            if (!string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                result.Problems.Add($"{file.Label}: '{file.Path}' has SHA-256 {actual}, and the manifest recorded {file.Sha256}: the file changed after the release.");
                continue;
            }

            var to = Path.Combine(output, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            copied[file.Path] = relative;
            result.Written.Add(relative);
        }

        File.WriteAllText(Path.Combine(output, "index.html"), Index(manifest, copied, result.Problems), new UTF8Encoding(false));
        result.Written.Add("index.html");

        var sums = new StringBuilder();
        foreach (var relative in result.Written.OrderBy(p => p, StringComparer.Ordinal))
        {
            sums.Append(Sha256Digest.OfFile(Path.Combine(output, relative.Replace('/', Path.DirectorySeparatorChar)))).Append("  ").Append(relative).Append('\n');
        }

        File.WriteAllText(Path.Combine(output, ChecksumFile), sums.ToString(), new UTF8Encoding(false));
        result.Written.Add(ChecksumFile);
        return result;
    }

    /// <summary>A path inside the package: no '..' climbing out of it, no rooted paths.</summary>
    private static string Safe(string path) =>
        string.Join("/", path.Replace('\\', '/').Split('/').Where(s => s.Length > 0 && s != "." ).Select(s => s == ".." ? "_up" : s));

    private static string Index(ReleaseManifest manifest, IReadOnlyDictionary<string, string> copied, IReadOnlyList<string> problems)
    {
        string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        var html = new StringBuilder();
        var title = $"{manifest.Package.Id} {manifest.Package.Version}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Release evidence: ").Append(E(title)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem}table{border-collapse:collapse;width:100%;margin-bottom:2rem}")
            .Append("th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}code{font-size:.85em;word-break:break-all}.fail{color:#b00020}.pass{color:#1b5e20}</style>\n</head>\n<body>\n")
            .Append("<h1>Release evidence: ").Append(E(title)).Append("</h1>\n<p>Commit <code>").Append(E(manifest.Package.Repository.Commit)).Append("</code>")
            .Append(manifest.Risk is { } risk ? $", risk {E(risk.Level)} ({risk.Score}/100)" : string.Empty)
            .Append(". The release manifest: <a href=\"").Append(ReleaseManifest.FileName).Append("\">").Append(ReleaseManifest.FileName).Append("</a>; checksums: <a href=\"").Append(ChecksumFile).Append("\">").Append(ChecksumFile).Append("</a>.</p>\n");
        if (problems.Count > 0)
        {
            html.Append("<h2 class=\"fail\">Evidence that could not be included</h2>\n<ul>\n");
            foreach (var problem in problems)
            {
                html.Append("<li>").Append(E(problem)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2>Compliance controls</h2>\n<table>\n<tr><th>Framework</th><th>Control</th><th>Evidence</th></tr>\n");
        foreach (var control in manifest.Gates?.Compliance ?? Array.Empty<ComplianceRecord>())
        {
            html.Append("<tr><td>").Append(E(control.Framework)).Append("</td><td>").Append(E(control.Control)).Append("</td><td>");
            foreach (var evidence in control.Evidence)
            {
                if (evidence.Path is { } path && copied.TryGetValue(path, out var link))
                {
                    html.Append("<a href=\"").Append(E(link)).Append("\">").Append(E(path)).Append("</a> <code>").Append(E(evidence.Sha256)).Append("</code><br>");
                }
                else
                {
                    html.Append(E(evidence.Reference)).Append(evidence.Path is null ? " (manifest section)" : " (not included)").Append("<br>");
                }
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Release gates</h2>\n<table>\n<tr><th>Gate</th><th>Status</th><th>Reason</th></tr>\n");
        foreach (var gate in manifest.Gates?.Gates ?? Array.Empty<GateResult>())
        {
            var css = gate.Status == GateStatus.Fail ? "fail" : "pass";
            html.Append("<tr><td>").Append(E(gate.Id)).Append("</td><td class=\"").Append(css).Append("\">").Append(E(gate.Status))
                .Append(gate.Severity is null ? string.Empty : " (" + E(gate.Severity) + ")").Append("</td><td>").Append(E(gate.Reason)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (manifest.Gates?.Rollback is { } rollback)
        {
            html.Append("<h2>Rollback playbook</h2>\n<p>");
            html.Append(copied.TryGetValue(rollback.Path, out var link) ? $"<a href=\"{E(link)}\">{E(rollback.Path)}</a>" : E(rollback.Path) + " (not included)");
            html.Append(" <code>").Append(E(rollback.Sha256)).Append("</code></p>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
