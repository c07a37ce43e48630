using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Dependencies;

/// <summary>What one verification looks at; the MSBuild task and the CLI fill it from their own inputs.</summary>
public sealed class DependencyVerificationOptions
{
    public string AssetsFile { get; set; } = string.Empty;

    /// <summary>Where verdicts are cached between builds; null verifies everything every time.</summary>
    public string? CacheFile { get; set; }

    public string? ProjectFile { get; set; }

    public IReadOnlyList<TrustedSigner> TrustedSigners { get; set; } = Array.Empty<TrustedSigner>();

    public IReadOnlyList<string> VulnerabilityDatabases { get; set; } = Array.Empty<string>();

    public IReadOnlyList<VulnerabilitySuppression> Suppressions { get; set; } = Array.Empty<VulnerabilitySuppression>();

    public VulnerabilitySeverity BlockingSeverity { get; set; } = VulnerabilitySeverity.Critical;

    public bool RequireVulnerabilityData { get; set; }

    public int MaxDataAgeDays { get; set; } = 7;

    public DateTime Now { get; set; } = DateTime.UtcNow;

    /// <summary>Packages verified at once; the default uses every core.</summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;
}

/// <summary>Every package's verdict, trust and advisories, with the findings to report.</summary>
public sealed class DependencyVerificationResult
{
    public DependencyVerificationResult(IReadOnlyList<VerifiedDependency> dependencies, IReadOnlyList<VulnerabilityFinding> vulnerabilities, IReadOnlyList<PolicyFinding> findings, IReadOnlyList<string> inputFiles)
    {
        Dependencies = dependencies;
        Vulnerabilities = vulnerabilities;
        Findings = findings;
        InputFiles = inputFiles;
    }

    /// <summary>Every file the verdicts depend on (.nupkg, metadata, asset files, OSV files), for the build's up-to-date check.</summary>
    public IReadOnlyList<string> InputFiles { get; }

    public IReadOnlyList<VerifiedDependency> Dependencies { get; }

    public IReadOnlyList<VulnerabilityFinding> Vulnerabilities { get; }

    public IReadOnlyList<PolicyFinding> Findings { get; }

    /// <summary>False when the assets file could not be read: nothing was verified, so there is no report to write.</summary>
    public bool Verified { get; set; } = true;
}

public sealed class VerifiedDependency
{
    public VerifiedDependency(PackageVerdict verdict, bool trusted, string trust)
    {
        Verdict = verdict;
        Trusted = trusted;
        Trust = trust;
    }

    public PackageVerdict Verdict { get; }

    /// <summary>Intact and signed by a trusted signer (or an allowed unsigned package).</summary>
    public bool Trusted { get; }

    /// <summary>Why, in words: "repository signature trusted by the default policy 'nuget.org'".</summary>
    public string Trust { get; }
}

/// <summary>
/// The dependency gate (RP4001–RP4006): reads the assets file once, verifies every package in parallel (or takes
/// the cached verdict), applies the trust policy and the vulnerability data. Nothing here touches the network.
/// </summary>
public static class DependencyVerification
{
    /// <summary>One package; whatever goes wrong with it is its own finding, and every other package is still checked.</summary>
    private static PackageVerdict VerifyOne(LockedPackage package, PackageAssets assets, VerificationCache cache)
    {
        try
        {
            return PackageIntegrityCheck.Verify(package, assets.PackageFolders, cache, assets.FilePath);
        }
        catch (Exception ex)
        {
            return new PackageVerdict(package, null, null, new[]
            {
                new PolicyFinding(
                    RuleIds.InternalFailure,
                    FindingKind.InputError,
                    $"ReleasePolicy failed unexpectedly while verifying package '{package.Id}' {package.Version}: {ex.GetType().Name}: {ex.Message} " +
                    "Please report it with this message and the build log (-bl) at https://github.com/releasepolicy/releasepolicy/issues.",
                    assets.FilePath),
            }, fromCache: false);
        }
    }

    public static DependencyVerificationResult Run(DependencyVerificationOptions options)
    {
        var findings = new List<PolicyFinding>();
        var assets = PackageAssets.TryRead(options.AssetsFile, out var error);
        if (assets is null)
        {
            findings.Add(error!);
            return new DependencyVerificationResult(Array.Empty<VerifiedDependency>(), Array.Empty<VulnerabilityFinding>(), findings, Array.Empty<string>()) { Verified = false };
        }

        var cache = VerificationCache.Load(options.CacheFile);
        var verdicts = new PackageVerdict[assets.Packages.Count];
        Parallel.For(
            0,
            verdicts.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) },
            i => verdicts[i] = VerifyOne(assets.Packages[i], assets, cache));
        cache.Retain(assets.Packages.Select(p => p.Key));
        cache.Save(options.CacheFile);

        var policy = TrustPolicy.Create(options.TrustedSigners);
        var dependencies = new List<VerifiedDependency>();
        foreach (var verdict in verdicts)
        {
            findings.AddRange(verdict.Problems);
            if (!verdict.Intact)
            {
                dependencies.Add(new VerifiedDependency(verdict, false, "not verified: " + string.Join("; ", verdict.Problems.Select(p => p.RuleId))));
                continue;
            }

            var trusted = policy.Evaluate(verdict, out var reason, out var finding);
            if (finding is not null)
            {
                findings.Add(finding);
            }

            dependencies.Add(new VerifiedDependency(verdict, trusted, reason));
        }

        VulnerabilityDatabase? database = null;
        if (options.VulnerabilityDatabases.Count > 0)
        {
            database = VulnerabilityDatabase.Load(options.VulnerabilityDatabases, findings);
        }

        VulnerabilityCheck.CheckFreshness(database, options.RequireVulnerabilityData, options.MaxDataAgeDays, options.Now, options.ProjectFile, findings);
        var vulnerabilities = VulnerabilityCheck.Run(
            assets.Packages, database, assets.AuditEntries, options.Suppressions, options.BlockingSeverity, options.Now, options.ProjectFile, findings);
        var inputs = new List<string> { assets.FilePath };
        foreach (var verdict in verdicts.Where(v => v.Folder is not null))
        {
            inputs.AddRange(PackageIntegrityCheck.FilesOf(verdict.Package, verdict.Folder!));
        }

        inputs.AddRange(database?.Files ?? Array.Empty<string>());
        return new DependencyVerificationResult(dependencies, vulnerabilities, findings, inputs.Where(System.IO.File.Exists).ToList());
    }
}
