using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// Reads a NuGet package signature (<c>.signature.p7s</c>: CMS SignedData over a small text naming the hash of the
/// package without its signature) and checks what can be checked offline: the signature verifies with its
/// certificate's key, and the hash it signed is the package's.
/// </summary>
internal static class PackageSignatureReader
{
    private const string CommitmentTypeIndication = "1.2.840.113549.1.9.16.2.16";
    private const string ProofOfOrigin = "1.2.840.113549.1.9.16.6.1";
    private const string ProofOfReceipt = "1.2.840.113549.1.9.16.6.2";
    private const string SignatureTimestampToken = "1.2.840.113549.1.9.16.2.14";
    private const string ServiceIndexUrl = "1.3.6.1.4.1.311.84.2.1.1.1";
    private const string PackageOwners = "1.3.6.1.4.1.311.84.2.1.1.2";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string Sha512Oid = "2.16.840.1.101.3.4.2.3";

    /// <param name="signatureFile">The bytes of <c>.signature.p7s</c>.</param>
    /// <param name="contentSha256">SHA-256 of the package without its signature entry.</param>
    /// <param name="contentSha512">SHA-512 of the same bytes (the content hash restore records).</param>
    /// <param name="problem">Why the signature does not prove the package (RP4002), or null.</param>
    public static PackageSignature? Read(byte[] signatureFile, byte[] contentSha256, byte[] contentSha512, out string? problem)
    {
        problem = null;
        var cms = new SignedCms();
        try
        {
            cms.Decode(signatureFile);
        }
        catch (CryptographicException ex)
        {
            problem = $"its signature file .signature.p7s is not a valid signature ({ex.Message.TrimEnd('.')})";
            return null;
        }

        if (cms.SignerInfos.Count != 1)
        {
            problem = $"its signature file has {cms.SignerInfos.Count} primary signatures where NuGet allows exactly one";
            return null;
        }

        var signer = cms.SignerInfos[0];
        if (!SignedHashMatches(cms.ContentInfo.Content, contentSha256, contentSha512, out var hashProblem))
        {
            problem = hashProblem;
            return null;
        }

        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException ex)
        {
            problem = $"its {TypeOf(signer) ?? "primary"} signature in {PackageArchiveLayout.SignatureEntryName} does not verify with its certificate's key ({ex.Message.TrimEnd('.')})";
            return null;
        }

        PackageSignature? countersignature = null;
        foreach (SignerInfo counter in signer.CounterSignerInfos)
        {
            if (TypeOf(counter) != PackageSignature.RepositoryType)
            {
                continue;
            }

            try
            {
                counter.CheckSignature(verifySignatureOnly: true);
            }
            catch (CryptographicException ex)
            {
                problem = $"its repository countersignature in {PackageArchiveLayout.SignatureEntryName} does not verify with its certificate's key ({ex.Message.TrimEnd('.')})";
                return null;
            }

            countersignature = Describe(counter, PackageSignature.RepositoryType, null);
        }

        var type = TypeOf(signer);
        if (type is null)
        {
            problem = "its signature names no signature type (author or repository), so NuGet would reject it";
            return null;
        }

        return Describe(signer, type, countersignature);
    }

    private static PackageSignature Describe(SignerInfo signer, string type, PackageSignature? countersignature)
    {
        var certificate = signer.Certificate;
        var owners = new List<string>();
        string? serviceIndex = null;
        foreach (var attribute in signer.SignedAttributes)
        {
            var raw = attribute.Values.Count > 0 ? attribute.Values[0].RawData : null;
            if (raw is null)
            {
                continue;
            }

            try
            {
                if (attribute.Oid.Value == ServiceIndexUrl)
                {
                    serviceIndex = new AsnReader(raw, AsnEncodingRules.DER).ReadCharacterString(UniversalTagNumber.IA5String);
                }
                else if (attribute.Oid.Value == PackageOwners)
                {
                    var sequence = new AsnReader(raw, AsnEncodingRules.DER).ReadSequence();
                    while (sequence.HasData)
                    {
                        owners.Add(sequence.ReadCharacterString(UniversalTagNumber.UTF8String));
                    }
                }
            }
            catch (AsnContentException)
            {
                // A malformed optional attribute only loses the owners or the service index, not the verdict.
            }
        }

        var timestamped = false;
        foreach (var attribute in signer.UnsignedAttributes)
        {
            timestamped |= attribute.Oid.Value == SignatureTimestampToken;
        }

        return new PackageSignature(
            type,
            certificate?.Subject ?? "(no certificate)",
            certificate is null ? string.Empty : Fingerprint(certificate),
            timestamped,
            owners,
            serviceIndex,
            countersignature);
    }

    internal static string Fingerprint(X509Certificate2 certificate)
    {
        using var sha = SHA256.Create();
        return IO.Sha256Digest.ToHex(sha.ComputeHash(certificate.RawData)).ToUpperInvariant();
    }

    private static string? TypeOf(SignerInfo signer)
    {
        foreach (var attribute in signer.SignedAttributes)
        {
            if (attribute.Oid.Value != CommitmentTypeIndication || attribute.Values.Count == 0)
            {
                continue;
            }

            try
            {
                var oid = new AsnReader(attribute.Values[0].RawData, AsnEncodingRules.DER).ReadSequence().ReadObjectIdentifier();
                return oid == ProofOfOrigin ? PackageSignature.AuthorType : oid == ProofOfReceipt ? PackageSignature.RepositoryType : null;
            }
            catch (AsnContentException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The signed content is "Version:1", a blank line, then "&lt;hash OID&gt;-Hash:&lt;base64&gt;".</summary>
    private static bool SignedHashMatches(byte[] content, byte[] contentSha256, byte[] contentSha512, out string? problem)
    {
        problem = null;
        var text = Encoding.UTF8.GetString(content);
        foreach (var line in text.Split(new[] { "\r\n", "\n" }, StringSplitOptions.RemoveEmptyEntries))
        {
            var marker = line.IndexOf("-Hash:", StringComparison.Ordinal);
            if (marker <= 0)
            {
                continue;
            }

            var oid = line.Substring(0, marker);
            var expected = oid == Sha256Oid ? contentSha256 : oid == Sha512Oid ? contentSha512 : null;
            if (expected is null)
            {
                // NuGet allows SHA-384 too, but nuget.org and the signing tools write SHA-256; say so rather than guess.
                problem = $"its signature names its content with hash algorithm {oid}, which this check does not compute (SHA-256 and SHA-512 only)";
                return false;
            }

            if (line.Substring(marker + 6).Trim() != Convert.ToBase64String(expected))
            {
                problem = "its content is not the content its signature signed (the package was changed after signing)";
                return false;
            }

            return true;
        }

        problem = "its signature names no package hash";
        return false;
    }
}
