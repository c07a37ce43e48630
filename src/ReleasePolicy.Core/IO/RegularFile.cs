using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ReleasePolicy.IO;

/// <summary>
/// Opens only regular files. Opening a named pipe (fifo) for reading blocks until something writes to it, so a fifo
/// named <c>V1__init.sql</c> or <c>.git/HEAD</c> would hang the build forever; a device or socket is no script
/// either. .NET reports all of them as <see cref="FileAttributes.Normal"/>, so on Unix the file type comes from
/// <c>stat</c>, through the runtime's own native shim (the same call <see cref="FileInfo"/> makes).
/// </summary>
internal static class RegularFile
{
    /// <summary>True when <paramref name="path"/> (after following symbolic links) is a regular file.</summary>
    public static bool Is(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (Path.DirectorySeparatorChar == '\\')
        {
            return (File.GetAttributes(path) & FileAttributes.Device) == 0;
        }

        return UnixFileType(path) is not { } type || type == RegularType;
    }

    /// <summary>Opens a regular file for reading; throws <see cref="NotRegularFileException"/> for anything else.</summary>
    public static FileStream OpenRead(string path, int bufferSize = 4096, FileOptions options = FileOptions.None)
    {
        ThrowUnlessRegular(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
    }

    /// <summary>
    /// An existing file that is not regular is an <see cref="IOException"/>, as any unreadable file is; so is a folder
    /// (which .NET otherwise reports as "access denied", sending the user after permissions).
    /// </summary>
    public static void ThrowUnlessRegular(string path)
    {
        if (File.Exists(path) && !Is(path))
        {
            throw new NotRegularFileException(path);
        }

        if (Directory.Exists(path))
        {
            throw new IOException($"'{path}' is a folder, not a file.");
        }

#if NET
        // A link to nothing: say so, rather than "could not find" a file the user can see in the folder listing.
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target && LinkLeadsNowhere(info))
        {
            throw new IOException($"'{path}' is a symbolic link to '{target}', which does not exist.");
        }
#endif
    }

    /// <summary>
    /// Why an input could not be read, and what to do about it, for the RP9002 message: the exception's message, then
    /// "replace it" for something that is no file, or "check it" for a file that is there but unreadable.
    /// </summary>
    public static string Explain(Exception ex) =>
        ex.Message.TrimEnd() + (ex is NotRegularFileException || ex.Message.EndsWith("is a folder, not a file.", StringComparison.Ordinal) || ex.Message.EndsWith("which does not exist.", StringComparison.Ordinal)
            ? " Put the file itself there (not a folder, a named pipe or a device), or point the setting at the right path."
            : " Check that it exists and that the build may read it, then build again.");

#if NET
    private static bool LinkLeadsNowhere(FileInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true };
        }
        catch (IOException)
        {
            return true; // a cycle of links (ELOOP) leads nowhere either
        }
    }
#endif

    /// <summary><see cref="File.ReadAllBytes"/> for a regular file only: a named pipe never blocks the build.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        ThrowUnlessRegular(path);
        return File.ReadAllBytes(path);
    }

    /// <summary><see cref="File.ReadAllText(string)"/> for a regular file only.</summary>
    public static string ReadAllText(string path)
    {
        ThrowUnlessRegular(path);
        return File.ReadAllText(path);
    }

    /// <summary><see cref="File.ReadAllLines(string)"/> for a regular file only.</summary>
    public static string[] ReadAllLines(string path)
    {
        ThrowUnlessRegular(path);
        return File.ReadAllLines(path);
    }

    private const int TypeMask = 0xF000; // S_IFMT, the same on Linux and macOS
    private const int RegularType = 0x8000; // S_IFREG

    // Null when the type cannot be learnt (no native shim): then the file is treated as regular, as before.
    private static int? UnixFileType(string path)
    {
        try
        {
            // SystemNative_Stat fills the runtime's FileStatus: int Flags, int Mode, then fields this check ignores.
            var status = new byte[256];
            return Stat(path, status) == 0 ? BitConverter.ToInt32(status, 4) & TypeMask : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is BadImageFormatException)
        {
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Stat(string path, byte[] status);
}

/// <summary>A path that exists but is a named pipe, device or socket, so ReleasePolicy does not open it.</summary>
internal sealed class NotRegularFileException : IOException
{
    public NotRegularFileException(string path)
        : base($"'{path}' is not a regular file (it is a named pipe, device or socket), so it was skipped rather than read.")
    {
        Path = path;
    }

    public string Path { get; }
}
