using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using ReleasePolicy.Diagnostics;
using ReleasePolicy.Json;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// RP4002 for one package: the <c>.nupkg</c> in the packages folder still has the content hash restore recorded,
/// its signature (when it has one) verifies and signed this content, and every file the build takes from the
/// extracted folder is byte for byte the same entry of the <c>.nupkg</c>. Everything is streamed.
/// </summary>
internal static class PackageIntegrityCheck
{
    private const int MaxFilesNamed = 5;

    public static PackageVerdict Verify(LockedPackage package, IReadOnlyList<string> packageFolders, VerificationCache cache, string assetsFile)
    {
        var folder = packageFolders
            .Select(root => Path.Combine(root, package.Path.Replace('/', Path.DirectorySeparatorChar)))
            .FirstOrDefault(Directory.Exists);
        if (folder is null)
        {
            return Failed(package, null, new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"Package '{package.Id}' {package.Version} is not in any package folder restore used ({string.Join(", ", packageFolders)}), " +
                "so it cannot be verified. Run 'dotnet restore' again.",
                assetsFile));
        }

        var nupkg = NupkgPath(package, folder);
        var metadata = Path.Combine(folder, ".nupkg.metadata");
        if (!File.Exists(nupkg))
        {
            return Failed(package, folder, new PolicyFinding(
                RuleIds.UnreadableInput,
                FindingKind.InputError,
                $"'{nupkg}' is missing from the packages folder, so package '{package.Id}' {package.Version} and the files the build uses from " +
                $"'{folder}' cannot be verified. Delete that folder and run 'dotnet restore' so NuGet downloads and verifies it again.",
                nupkg));
        }

        var fingerprint = Fingerprint(package, folder, nupkg, metadata);
        if (cache.TryGet(package.Key, fingerprint, out var cachedSignature, out var wasSigned))
        {
            return new PackageVerdict(package, folder, wasSigned ? cachedSignature : null, Array.Empty<PolicyFinding>(), fromCache: true);
        }

        var problems = new List<PolicyFinding>();
        var expected = package.Sha512;
        var recorded = ReadMetadataHash(metadata, problems);
        if (expected is not null && recorded is not null && !string.Equals(expected, recorded, StringComparison.Ordinal))
        {
            problems.Add(Tampered(package, metadata, $"the contentHash in '{metadata}' differs from the sha512 restore recorded in project.assets.json"));
        }

        expected ??= recorded;
        PackageSignature? signature = null;
        try
        {
            IO.RegularFile.ThrowUnlessRegular(nupkg);
            using var stream = new FileStream(nupkg, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
            var layout = PackageArchiveLayout.Read(stream);
            var hash = PackageContentHash.Compute(stream, layout);
            if (expected is not null && !string.Equals(hash.Sha512, expected, StringComparison.Ordinal))
            {
                problems.Add(Tampered(package, nupkg, $"'{Path.GetFileName(nupkg)}' no longer has the SHA-512 content hash restore verified (project.assets.json)"));
            }

            stream.Position = 0;
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (layout.IsSigned)
            {
                signature = ReadSignature(archive, hash, package, nupkg, problems);
            }

            CompareExtractedFiles(package, folder, nupkg, archive, problems);
        }
        catch (Exception ex) when (ex is InvalidDataException || ex is EndOfStreamException || ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.Cryptography.CryptographicException)
        {
            problems.Add(Tampered(package, nupkg, $"'{nupkg}' is not a readable package ({ex.Message.TrimEnd('.')})"));
        }

        if (problems.Count == 0)
        {
            cache.Set(package.Key, fingerprint, signature);
        }

        return new PackageVerdict(package, folder, signature, problems, fromCache: false);
    }

    private static string NupkgPath(LockedPackage package, string folder)
    {
        var segments = package.Path.Split('/');
        return Path.Combine(folder, $"{segments[0]}.{segments[segments.Length - 1]}.nupkg");
    }

    /// <summary>The files a verdict depends on: the .nupkg, its metadata and every asset file.</summary>
    internal static IEnumerable<string> FilesOf(LockedPackage package, string folder)
    {
        yield return NupkgPath(package, folder);
        yield return Path.Combine(folder, ".nupkg.metadata");
        foreach (var asset in package.AssetFiles)
        {
            yield return Path.Combine(folder, asset.Replace('/', Path.DirectorySeparatorChar));
        }
    }

    private static PackageVerdict Failed(LockedPackage package, string? folder, PolicyFinding problem) =>
        new(package, folder, null, new[] { problem }, fromCache: false);

    private static PolicyFinding Tampered(LockedPackage package, string file, string what) => new(
        RuleIds.TamperedPackage,
        FindingKind.Policy,
        $"Package '{package.Id}' {package.Version} does not match what restore verified: {what}. " +
        $"Someone or something changed the packages folder: delete '{Path.GetDirectoryName(file)}' and run 'dotnet restore' so NuGet downloads and verifies it again.",
        file);

    private static string? ReadMetadataHash(string metadata, List<PolicyFinding> problems)
    {
        if (!File.Exists(metadata))
        {
            return null;
        }

        using var document = JsonInputFile.TryParse(metadata, "The package metadata file", out var error);
        if (document is null)
        {
            problems.Add(error!);
            return null;
        }

        return document.RootElement.ValueKind == JsonValueKind.Object ? PackageAssets.StringProperty(document.RootElement, "contentHash") : null;
    }

    private static PackageSignature? ReadSignature(ZipArchive archive, PackageContentHash hash, LockedPackage package, string nupkg, List<PolicyFinding> problems)
    {
        var entry = archive.GetEntry(PackageArchiveLayout.SignatureEntryName);
        if (entry is null || entry.Length > 1 << 20)
        {
            problems.Add(Tampered(package, nupkg, "its signature entry cannot be read"));
            return null;
        }

        using var memory = new MemoryStream((int)entry.Length);
        using (var input = entry.Open())
        {
            input.CopyTo(memory);
        }

        var signature = PackageSignatureReader.Read(memory.ToArray(), hash.SignedContentSha256!, hash.Sha512Bytes, out var problem);
        if (problem is not null)
        {
            problems.Add(Tampered(package, nupkg, problem));
        }

        return signature;
    }

    private static void CompareExtractedFiles(LockedPackage package, string folder, string nupkg, ZipArchive archive, List<PolicyFinding> problems)
    {
        if (package.AssetFiles.Count == 0)
        {
            return;
        }

        // NuGet escapes some characters in entry names (a space is %20) and unescapes them when it extracts.
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in archive.Entries)
        {
            entries[Uri.UnescapeDataString(entry.FullName.Replace('\\', '/'))] = entry;
        }

        var changed = new List<string>();
        foreach (var asset in package.AssetFiles)
        {
            var extracted = Path.Combine(folder, asset.Replace('/', Path.DirectorySeparatorChar));
            if (!entries.TryGetValue(asset, out var entry))
            {
                changed.Add($"{asset} (not in the .nupkg)");
            }
            else if (!File.Exists(extracted))
            {
                changed.Add($"{asset} (missing from the extracted folder)");
            }
            else if (!SameContent(entry, extracted))
            {
                changed.Add(asset);
            }
        }

        if (changed.Count > 0)
        {
            var named = string.Join(", ", changed.Take(MaxFilesNamed)) + (changed.Count > MaxFilesNamed ? $" and {changed.Count - MaxFilesNamed} more" : string.Empty);
            var what = changed.Count == 1
                ? $"the file the build uses {named} in '{folder}' differs from the same file in '{Path.GetFileName(nupkg)}'"
                : $"{changed.Count} files the build uses in '{folder}' differ from the same files in '{Path.GetFileName(nupkg)}': {named}";
            problems.Add(new PolicyFinding(
                RuleIds.TamperedPackage,
                FindingKind.Policy,
                $"Package '{package.Id}' {package.Version} does not match what restore verified: {what}. " +
                $"Someone or something changed the packages folder: delete '{folder}' and run 'dotnet restore' so NuGet extracts and verifies it again.",
                Path.Combine(folder, changed[0].Split(' ')[0].Replace('/', Path.DirectorySeparatorChar))));
        }
    }

    /// <summary>Lengths first; then both streams, block by block.</summary>
    private static bool SameContent(ZipArchiveEntry entry, string path)
    {
        var info = new FileInfo(path);
        if (info.Length != entry.Length)
        {
            return false;
        }

        var left = new byte[1 << 15];
        var right = new byte[1 << 15];
        using var packed = entry.Open();
        IO.RegularFile.ThrowUnlessRegular(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        while (true)
        {
            var read = ReadFully(packed, left);
            var other = ReadFully(file, right);
            if (read != other)
            {
                return false;
            }

            if (read == 0)
            {
                return true;
            }

            for (var i = 0; i < read; i++)
            {
                if (left[i] != right[i])
                {
                    return false;
                }
            }
        }
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>What must not change for an earlier verdict to stand: the hash restore recorded and each file's size and time.</summary>
    private static string Fingerprint(LockedPackage package, string folder, string nupkg, string metadata)
    {
        var text = new StringBuilder();
        text.Append(folder).Append('|').Append(package.Sha512).Append('|');
        Append(text, nupkg);
        Append(text, metadata);
        foreach (var asset in package.AssetFiles)
        {
            text.Append(asset).Append('=');
            Append(text, Path.Combine(folder, asset.Replace('/', Path.DirectorySeparatorChar)));
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string path)
    {
        var info = new FileInfo(path);
        text.Append(info.Exists ? info.Length.ToString(CultureInfo.InvariantCulture) + "@" + info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) : "-").Append('|');
    }
}
