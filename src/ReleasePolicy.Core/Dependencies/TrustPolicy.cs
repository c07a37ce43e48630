using System;
using System.Collections.Generic;
using System.Linq;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// Who may sign the packages a release uses (RP4001, RP4003). Without any author or repository signer in the
/// project or nuget.config, the default is nuget.org's repository signature, with each certificate it has used.
/// </summary>
public sealed class TrustPolicy
{
    /// <summary>The nuget.org repository signing certificates (2018, 2021 and the 2024 rotation), SHA-256.</summary>
    public static readonly IReadOnlyList<string> NuGetOrgRepositoryCertificates = new[]
    {
        "0E5F38F57DC1BCC806D8494F4F90FBCEDD988B46760709CBEEC6F4219AA6157D",
        "5A2901D6ADA3D18260B9C6DFE2133C95D74B9EEF6AE0E5DC334C8454D1477DF4",
        "1F4B311D9ACC115C8DC8018B5A49E00FCE6DA8E2855F9F014CA6F34570BC482D",
    };

    private TrustPolicy(IReadOnlyList<TrustedSigner> signers, bool usesDefault)
    {
        Signers = signers;
        UsesDefault = usesDefault;
    }

    public IReadOnlyList<TrustedSigner> Signers { get; }

    /// <summary>No author or repository signer was configured, so nuget.org's repository signature is trusted.</summary>
    public bool UsesDefault { get; }

    public static TrustPolicy Create(IEnumerable<TrustedSigner> configured)
    {
        var signers = configured.ToList();
        var usesDefault = !signers.Any(s => s.Type != TrustedSigner.UnsignedType);
        if (usesDefault)
        {
            signers.Add(new TrustedSigner("nuget.org", PackageSignature.RepositoryType, NuGetOrgRepositoryCertificates, Array.Empty<string>(), null, "the default policy"));
        }

        return new TrustPolicy(signers, usesDefault);
    }

    /// <returns>Whether the package is trusted, with the reason, and the RP4001/RP4003 finding when it is not.</returns>
    internal bool Evaluate(PackageVerdict verdict, out string reason, out PolicyFinding? finding)
    {
        var package = verdict.Package;
        finding = null;
        if (verdict.Signature is null)
        {
            var allowed = Signers.FirstOrDefault(s => s.AllowsUnsigned(package.Id));
            if (allowed is not null)
            {
                reason = $"unsigned, allowed by {allowed.Source} '{allowed.Name}': {allowed.Justification}";
                return true;
            }

            reason = "unsigned";
            finding = new PolicyFinding(
                RuleIds.UnsignedPackage,
                FindingKind.Policy,
                $"Package '{package.Id}' {package.Version} is unsigned (no author or repository signature), so nothing proves who published it. " +
                "Take it from a feed that signs packages, or allow it with <TrustedSigner Include=\"" + package.Id + "\" Type=\"unsigned\" Justification=\"...\" />.",
                verdict.Folder);
            return false;
        }

        foreach (var signature in verdict.Signature.All())
        {
            var signer = Signers.FirstOrDefault(s => s.Trusts(signature));
            if (signer is not null)
            {
                reason = $"{signature.Type} signature trusted by {signer.Source} '{signer.Name}'";
                return true;
            }
        }

        var described = string.Join(" and ", verdict.Signature.All().Select(s => $"{s.Type}-signed by '{s.SignerSubject}' (certificate SHA-256 {s.CertificateSha256})"));
        var primary = verdict.Signature;
        reason = "signer not trusted";
        finding = new PolicyFinding(
            RuleIds.UntrustedPackageSigner,
            FindingKind.Policy,
            $"Package '{package.Id}' {package.Version} is {described}, and no trusted signer matches. " +
            $"If you trust it, add <TrustedSigner Include=\"{SignerName(primary.SignerSubject)}\" Type=\"{primary.Type}\" Fingerprint=\"{primary.CertificateSha256}\" /> " +
            "or a trustedSigners entry in nuget.config.",
            verdict.Folder);
        return false;
    }

    private static string SignerName(string subject)
    {
        var cn = subject.IndexOf("CN=", StringComparison.Ordinal);
        if (cn < 0)
        {
            return subject;
        }

        var end = subject.IndexOf(',', cn);
        return (end < 0 ? subject.Substring(cn + 3) : subject.Substring(cn + 3, end - cn - 3)).Trim('"', ' ');
    }
}
