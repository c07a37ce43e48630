using System.Collections.Generic;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Dependencies;

/// <summary>What the integrity check found for one package: its signature, if any, and every problem (RP4002, RP9002).</summary>
public sealed class PackageVerdict
{
    public PackageVerdict(LockedPackage package, string? folder, PackageSignature? signature, IReadOnlyList<PolicyFinding> problems, bool fromCache)
    {
        Package = package;
        Folder = folder;
        Signature = signature;
        Problems = problems;
        FromCache = fromCache;
    }

    public LockedPackage Package { get; }

    /// <summary>The extracted folder, or null when no package folder has it.</summary>
    public string? Folder { get; }

    public PackageSignature? Signature { get; }

    public IReadOnlyList<PolicyFinding> Problems { get; }

    /// <summary>An earlier build verified the same bytes (see <see cref="VerificationCache"/>).</summary>
    public bool FromCache { get; }

    public bool Intact => Problems.Count == 0;
}
