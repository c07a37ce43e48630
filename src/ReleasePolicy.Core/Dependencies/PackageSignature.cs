using System.Collections.Generic;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// A package's primary signature (author or repository) and its repository countersignature, as read from
/// <c>.signature.p7s</c>. The signature itself is verified against its certificate's key and the package's content;
/// the certificate chain, revocation and the timestamp token are not checked, because that needs the network.
/// </summary>
public sealed class PackageSignature
{
    public PackageSignature(
        string type,
        string signerSubject,
        string certificateSha256,
        bool timestamped,
        IReadOnlyList<string> owners,
        string? serviceIndex,
        PackageSignature? repositoryCountersignature)
    {
        Type = type;
        SignerSubject = signerSubject;
        CertificateSha256 = certificateSha256;
        Timestamped = timestamped;
        Owners = owners;
        ServiceIndex = serviceIndex;
        RepositoryCountersignature = repositoryCountersignature;
    }

    public const string AuthorType = "author";
    public const string RepositoryType = "repository";

    /// <summary>What is and is not proved offline, said the same way in messages, the report and the manifest.</summary>
    public const string OfflineStatus = "signature verified; certificate chain, revocation and timestamp not checked (offline)";

    /// <summary><c>author</c> or <c>repository</c>.</summary>
    public string Type { get; }

    public string SignerSubject { get; }

    /// <summary>The SHA-256 fingerprint of the signing certificate, uppercase hex as NuGet writes it.</summary>
    public string CertificateSha256 { get; }

    /// <summary>The signature carries an RFC 3161 timestamp token (present; not validated offline).</summary>
    public bool Timestamped { get; }

    /// <summary>A repository signature's <c>nuget-package-owners</c>.</summary>
    public IReadOnlyList<string> Owners { get; }

    /// <summary>A repository signature's <c>nuget-v3-service-index-url</c>.</summary>
    public string? ServiceIndex { get; }

    public PackageSignature? RepositoryCountersignature { get; }

    /// <summary>Every signature in the file: the primary one, then the countersignature.</summary>
    public IEnumerable<PackageSignature> All()
    {
        yield return this;
        if (RepositoryCountersignature is not null)
        {
            yield return RepositoryCountersignature;
        }
    }
}
