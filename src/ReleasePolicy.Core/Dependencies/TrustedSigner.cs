using System;
using System.Collections.Generic;
using System.Linq;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// One entry of the trust policy: an author or repository certificate (SHA-256 fingerprints; a repository may be
/// limited to package owners), or an unsigned package allowed by id with a justification. From a
/// <c>TrustedSigner</c> item or from <c>trustedSigners</c> in nuget.config.
/// </summary>
public sealed class TrustedSigner
{
    public const string UnsignedType = "unsigned";

    public TrustedSigner(string name, string type, IReadOnlyList<string> fingerprints, IReadOnlyList<string> owners, string? justification, string source)
    {
        Name = name;
        Type = type;
        Fingerprints = fingerprints.Select(f => f.Replace(":", string.Empty).ToUpperInvariant()).ToList();
        Owners = owners;
        Justification = justification;
        Source = source;
    }

    /// <summary>The signer's name; for <c>unsigned</c>, the package id (a trailing <c>*</c> matches a prefix).</summary>
    public string Name { get; }

    /// <summary><c>author</c>, <c>repository</c> or <c>unsigned</c>.</summary>
    public string Type { get; }

    public IReadOnlyList<string> Fingerprints { get; }

    public IReadOnlyList<string> Owners { get; }

    public string? Justification { get; }

    /// <summary>Where it was declared: "TrustedSigner item" or the nuget.config path.</summary>
    public string Source { get; }

    internal bool Trusts(PackageSignature signature) =>
        string.Equals(signature.Type, Type, StringComparison.OrdinalIgnoreCase)
        && Fingerprints.Contains(signature.CertificateSha256, StringComparer.OrdinalIgnoreCase)
        && (Owners.Count == 0 || signature.Owners.Any(owner => Owners.Contains(owner, StringComparer.OrdinalIgnoreCase)));

    internal bool AllowsUnsigned(string packageId) =>
        Type == UnsignedType
        && (Name.EndsWith("*", StringComparison.Ordinal)
            ? packageId.StartsWith(Name.Substring(0, Name.Length - 1), StringComparison.OrdinalIgnoreCase)
            : string.Equals(Name, packageId, StringComparison.OrdinalIgnoreCase));
}
