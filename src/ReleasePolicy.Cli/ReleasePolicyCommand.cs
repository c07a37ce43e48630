using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ReleasePolicy.Cli.Diff;
using ReleasePolicy.Cli.Evidence;
using ReleasePolicy.Cli.Metrics;
using ReleasePolicy.Cli.Sarif;
using ReleasePolicy.Cli.Summary;
using ReleasePolicy.Cli.Trend;
using ReleasePolicy.Cli.Verify;
using ReleasePolicy.Git;
using ReleasePolicy.Risk;

namespace ReleasePolicy.Cli;

/// <summary>
/// <c>release-policy</c>: the commands, their options and exit codes (0 pass, 1 policy failure, 2 usage or input
/// error). Output and error writers are parameters so tests run the commands in-process.
/// </summary>
internal static class ReleasePolicyCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ParseResult? parsed = null;
        try
        {
            var root = Build(output, error);
            parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var parseError in parsed.Errors)
                {
                    error.WriteLine("error: " + parseError.Message);
                }

                error.WriteLine("Run 'release-policy --help' for usage.");
                return ExitCodes.UsageOrInputError;
            }

            // A command's exception comes to the handlers below: System.CommandLine's own prints the stack trace and exits 1.
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            error.WriteLine("error: " + OneLine(ex.Message));
            return ExitCodes.UsageOrInputError;
        }
        catch (Exception ex)
        {
            error.WriteLine(Unexpected(parsed, ex));
            return ExitCodes.UsageOrInputError;
        }
    }

    /// <summary>
    /// What a command did not foresee, in one line a CI log can show: the command, its inputs and what went wrong, never a
    /// stack trace. An input ReleasePolicy did not write is the likely cause, so it is an input error (exit 2).
    /// </summary>
    private static string Unexpected(ParseResult? parsed, Exception ex)
    {
        var command = parsed?.CommandResult;
        var name = command is null || command.Command is RootCommand ? "release-policy" : "release-policy " + command.Command.Name;
        var inputs = command is null
            ? new List<string>()
            : command.Command.Arguments.SelectMany(argument => command.GetResult(argument)?.Tokens.Select(token => "'" + token.Value + "'") ?? Enumerable.Empty<string>()).ToList();
        var on = inputs.Count == 0 ? string.Empty : " on " + string.Join(", ", inputs);
        return $"error: {name} could not finish{on}: {OneLine(ex.Message).TrimEnd('.')} ({ex.GetType().Name}). "
            + "Check that each input is a file ReleasePolicy wrote and nothing changed it; if so, please report this at https://github.com/releasepolicy/releasepolicy/issues.";
    }

    private static string OneLine(string message) => string.Join(" ", message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()));

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "Verify, summarise and compare ReleasePolicy release manifests in CI. Exit codes: 0 pass, 1 policy failure, 2 usage or input error.")
        {
            VerifyCommand(output, error),
            SummaryCommand(output, error),
            DiffCommand(output, error),
            TrendCommand(output, error),
            MetricsCommand(output, error),
            EvidenceCommand(output, error),
        };
        return root;
    }

    private static Command VerifyCommand(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("nupkg-or-manifest") { Description = "A .nupkg (checked against the .release.json sidecar beside it), a sidecar, or a release manifest." };
        var maxRisk = new Option<string?>("--max-risk") { Description = "Fail when the recorded risk level is above this one." };
        maxRisk.AcceptOnlyFromAmong(RiskLevels.All.ToArray());
        var requireGates = new Option<bool>("--require-gates") { Description = "Fail when the manifest records no release gates, or any gate failed." };
        var command = new Command("verify", "Check that a release is what its manifest says: conforms to the schema, digests match, risk within the ceiling, gates passed. Exit 0 pass, 1 a check failed, 2 unreadable input.")
        {
            path,
            maxRisk,
            requireGates,
        };
        command.SetAction(parse =>
        {
            var result = ReleaseVerification.Run(parse.GetValue(path)!, parse.GetValue(maxRisk), error, parse.GetValue(requireGates));
            foreach (var line in result.Passed)
            {
                output.WriteLine("ok: " + line);
            }

            foreach (var line in result.Failures)
            {
                output.WriteLine("FAILED: " + line);
            }

            if (result.ExitCode != ExitCodes.UsageOrInputError)
            {
                output.WriteLine(result.ExitCode == ExitCodes.Pass ? "Verified." : $"Verification failed: {result.Failures.Count} problem(s).");
            }

            return result.ExitCode;
        });
        return command;
    }

    private static Command SummaryCommand(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("manifest") { Description = "A release manifest, a sidecar, or a .nupkg that contains one." };
        var format = FormatOption("sarif");
        var projectPath = new Option<string?>("--project-path")
        {
            Description = "With --format sarif, for a manifest whose findings are relative to the project (built outside a git repository, or by an older ReleasePolicy): "
                + "the project's folder relative to the repository root, put before each finding's path. Not needed when the manifest records package.repository.projectPath.",
        };
        var audience = new Option<string>("--audience") { Description = "Whose sections to show.", DefaultValueFactory = _ => Audience.All };
        audience.AcceptOnlyFromAmong(Audience.Names);
        var command = new Command("summary", "Summarise a release for operations, security or support, as text, Markdown (for $GITHUB_STEP_SUMMARY) or JSON; or its findings as SARIF 2.1.0 for code scanning.")
        {
            path,
            format,
            audience,
            projectPath,
        };
        command.SetAction(parse =>
        {
            var manifest = ManifestInput.Read(parse.GetValue(path)!, error);
            if (manifest is null)
            {
                return ExitCodes.UsageOrInputError;
            }

            var who = parse.GetValue(audience)!;
            switch (parse.GetValue(format))
            {
                case "markdown":
                    SummaryWriter.Markdown(output, manifest, who);
                    break;
                case "json":
                    SummaryWriter.Json(output, manifest, who);
                    break;
                case "sarif":
                    if (parse.GetValue(projectPath) is not null && manifest.Package.Repository.ProjectPath is { } recorded)
                    {
                        error.WriteLine($"note: --project-path was ignored: the manifest's findings are already relative to the repository root (it records the project at '{recorded}').");
                    }

                    SarifWriter.Write(output, manifest, parse.GetValue(projectPath));
                    break;
                default:
                    SummaryWriter.Text(Terminal.Over(output, Terminal.IsInteractive(output)), manifest, who);
                    break;
            }

            return ExitCodes.Pass;
        });
        return command;
    }

    private static Command DiffCommand(TextWriter output, TextWriter error)
    {
        var before = new Argument<string>("old") { Description = "The previous release's manifest, sidecar or .nupkg." };
        var after = new Argument<string>("new") { Description = "This release's manifest, sidecar or .nupkg." };
        var format = FormatOption();
        var command = new Command("diff", "What changed between two releases: dependencies added, removed and updated, migrations, findings and risk.")
        {
            before,
            after,
            format,
        };
        command.SetAction(parse =>
        {
            var old = ManifestInput.Read(parse.GetValue(before)!, error);
            var current = ManifestInput.Read(parse.GetValue(after)!, error);
            if (old is null || current is null)
            {
                return ExitCodes.UsageOrInputError;
            }

            var comparison = ReleaseComparison.Of(old, current);
            if (parse.GetValue(format) == "json")
            {
                DiffWriter.Json(output, comparison);
            }
            else
            {
                DiffWriter.Text(output, comparison, markdown: parse.GetValue(format) == "markdown");
            }

            return ExitCodes.Pass;
        });
        return command;
    }

    private static Command TrendCommand(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("manifests") { Description = "Release manifests, sidecars or .nupkg files, or folders of *.release.json sidecars.", Arity = ArgumentArity.OneOrMore };
        var markdown = new Option<bool>("--markdown") { Description = "A Markdown table instead of text columns." };
        var command = new Command("trend", "Several releases side by side, oldest first: risk, migrations, dependencies, findings, hotfixes.")
        {
            paths,
            markdown,
        };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(paths)!.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.release.json").OrderBy(f => f, StringComparer.Ordinal).ToArray() : new[] { p }).ToList();
            if (files.Count == 0)
            {
                error.WriteLine("error: no *.release.json manifests were found in the folders given.");
                return ExitCodes.UsageOrInputError;
            }

            var releases = files.Select(f => ManifestInput.Read(f, error)).ToList();
            if (releases.Any(r => r is null))
            {
                return ExitCodes.UsageOrInputError;
            }

            TrendWriter.Write(output, releases!, parse.GetValue(markdown));
            return ExitCodes.Pass;
        });
        return command;
    }

    private static Command EvidenceCommand(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("manifest") { Description = "A release manifest, a sidecar, or a .nupkg that contains one." };
        var outputDirectory = new Option<string>("--output", "-o") { Description = "The folder to write the evidence package to.", Required = true };
        var source = new Option<string>("--source") { Description = "The project folder the manifest's evidence paths are relative to (default: the current folder).", DefaultValueFactory = _ => "." };
        var command = new Command("evidence", "Write an auditor's evidence package: the manifest, every evidence file (checked against its recorded SHA-256), index.html and SHA256SUMS. Exit 1 when evidence is missing or changed.")
        {
            path,
            outputDirectory,
            source,
        };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(path)!;
            var manifest = ManifestInput.Read(input, error);
            if (manifest is null)
            {
                return ExitCodes.UsageOrInputError;
            }

            var bytes = ReleasePolicy.Manifest.PackageManifestEntry.IsPackage(input)
                ? ReleasePolicy.Manifest.PackageManifestEntry.TryRead(input, out _)!
                : File.ReadAllBytes(input);
            var result = EvidencePackage.Write(manifest, bytes, Path.GetFullPath(parse.GetValue(source)!), Path.GetFullPath(parse.GetValue(outputDirectory)!));
            foreach (var file in result.Written)
            {
                output.WriteLine("wrote: " + file);
            }

            foreach (var problem in result.Problems)
            {
                output.WriteLine("FAILED: " + problem);
            }

            return result.Problems.Count == 0 ? ExitCodes.Pass : ExitCodes.PolicyFailure;
        });
        return command;
    }

    private static Command MetricsCommand(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Description = "A folder of releases: *.release.json sidecars, release-manifest.json files and .nupkg packages, in any subfolder." };
        var format = FormatOption("html");
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML page with trend charts (inline SVG, no scripts, no network) to this file." };
        var repository = new Option<string?>("--repository") { Description = "The git repository the releases were built from, for lead time (commit time -> build time). Default: the current directory's." };
        var command = new Command("metrics", "DORA-style release metrics from a folder of manifests: deployment frequency, change failure rate (a hotfix following a release), time to restore, lead time; per package and overall, with sample sizes.")
        {
            folder,
            format,
            html,
            repository,
        };
        command.SetAction(parse =>
        {
            var releases = ReleaseFolder.Read(parse.GetValue(folder)!, error);
            if (releases is null)
            {
                return ExitCodes.UsageOrInputError;
            }

            if (releases.Count == 0)
            {
                error.WriteLine($"error: no release manifests (*.release.json, release-manifest.json, .nupkg) were found in '{parse.GetValue(folder)}'.");
                return ExitCodes.UsageOrInputError;
            }

            var gitStart = parse.GetValue(repository) ?? Directory.GetCurrentDirectory();
            var metrics = ReleaseMetrics.Compute(releases, m => GitCommitTime.Read(gitStart, m.Package.Repository.Commit!));
            if (parse.GetValue(format) == "json")
            {
                MetricsWriter.Json(output, metrics);
            }
            else if (parse.GetValue(format) == "html")
            {
                output.Write(MetricsPage.Render(metrics));
            }
            else
            {
                MetricsWriter.Text(output, metrics, markdown: parse.GetValue(format) == "markdown");
            }

            if (parse.GetValue(html) is { } page)
            {
                MetricsPage.Write(page, metrics);
            }

            return ExitCodes.Pass;
        });
        return command;
    }

    private static Option<string> FormatOption(params string[] more)
    {
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(new[] { "text", "markdown", "json" }.Concat(more).ToArray());
        return format;
    }
}
