using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ReleasePolicy.Tasks.Tests.Infrastructure;

namespace ReleasePolicy.Tasks.Tests.Resilience;

/// <summary>Marks a class as the hostile-input cases of a task; <see cref="EveryTaskHasHostileInputCasesTests"/> checks every task has one.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class HostileInputsForAttribute : Attribute
{
    public HostileInputsForAttribute(Type task) => Task = task;

    public Type Task { get; }
}

/// <summary>A fact that needs Unix file types (named pipes, chmod): skipped on Windows, saying why.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Named pipes (mkfifo) and Unix permissions do not exist on Windows; the Linux and macOS runs cover this case.";
        }
    }
}

/// <summary>
/// A fact about a read-only folder (chmod 555). Root ignores permissions, so as root the folder is made immutable
/// instead (<c>chattr +i</c>, which root cannot write through either); when that is unavailable too the test is
/// skipped, saying why. Skipped on Windows.
/// </summary>
public sealed class ReadOnlyFolderFactAttribute : FactAttribute
{
    public ReadOnlyFolderFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "chmod 555 has no equivalent for folders on Windows (the read-only attribute does not stop creating files); the Linux run covers this case.";
        }
        else if (Hostile.RunningAsRoot && !Hostile.CanMakeImmutable.Value)
        {
            Skip = "The tests run as root (euid 0), which writes into a chmod 555 folder anyway, and 'chattr +i' (which root honours) is not available on this file system; run them as a normal user to cover this case.";
        }
    }
}

/// <summary>
/// Runs a task on hostile input the way the build would, and checks what the user would see: Execute never throws
/// and never hangs, one precise RP diagnostic located at the offending file, no MSB4018 or stack trace, and no
/// half-written output or stray temp file.
/// </summary>
internal static class Hostile
{
    private static readonly Regex StackTraceLine = new(@"^\s+at \S+\(.*\)", RegexOptions.Multiline);

    public static bool RunningAsRoot => !OperatingSystem.IsWindows() && geteuid() == 0;

    /// <summary>Runs Execute on another thread; a task that blocks (a fifo opened for reading) fails the test instead of hanging it.</summary>
    public static bool Execute(Microsoft.Build.Utilities.Task task, string? fifo = null)
    {
        var work = System.Threading.Tasks.Task.Run(task.Execute);
        if (!work.Wait(TimeSpan.FromSeconds(30)))
        {
            if (fifo is not null)
            {
                // Unblock a reader stuck opening the pipe so the test run itself can finish; never wait on it here.
                System.Threading.Tasks.Task.Run(() =>
                {
                    using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                }).Wait(TimeSpan.FromSeconds(5));
            }

            Assert.Fail($"{task.GetType().Name} blocked instead of failing fast{(fifo is null ? string.Empty : $" on the named pipe '{fifo}'")}.");
        }

        // Execute must turn every problem into a diagnostic: an exception here is what MSBuild reports as MSB4018.
        Assert.Null(work.Exception);
        return work.Result;
    }

    /// <summary>Runs the task (see <see cref="Execute"/>) and asserts it failed the build.</summary>
    public static void Fails(Microsoft.Build.Utilities.Task task, RecordingBuildEngine engine, string? fifo = null) =>
        Assert.False(Execute(task, fifo), $"{task.GetType().Name} succeeded:{Environment.NewLine}{engine}");

    /// <summary>Runs the task and asserts it passed the build.</summary>
    public static void Passes(Microsoft.Build.Utilities.Task task, RecordingBuildEngine engine, string? fifo = null) =>
        Assert.True(Execute(task, fifo), $"{task.GetType().Name} failed:{Environment.NewLine}{engine}");

    /// <summary>Exactly one error, with the code and file given, a line when given, and a message free of crash traces.</summary>
    public static RecordedDiagnostic AssertOneError(RecordingBuildEngine engine, string code, string file, int? line = null, params string[] says)
    {
        var errors = engine.Errors.ToList();
        Assert.True(errors.Count == 1, $"Expected exactly one error, got {errors.Count}:{Environment.NewLine}{engine}");
        var error = errors[0];
        AssertPrecise(error, engine);
        Assert.True(code == error.Code, $"Expected {code}:{Environment.NewLine}{engine}");
        Assert.True(file == error.File, $"Expected the error at '{file}':{Environment.NewLine}{engine}");
        if (line is { } expected)
        {
            Assert.True(expected == error.Line, $"Expected the error on line {expected}:{Environment.NewLine}{engine}");
        }

        foreach (var text in says)
        {
            Assert.True(error.Message.Contains(text, StringComparison.Ordinal), $"Expected the message to say '{text}':{Environment.NewLine}{engine}");
        }

        return error;
    }

    /// <summary>No RP9003 (an unexpected failure), no MSB code, no stack trace; the help link points at the rule page.</summary>
    public static void AssertPrecise(RecordedDiagnostic diagnostic, RecordingBuildEngine engine)
    {
        Assert.False(diagnostic.Message.Contains("failed unexpectedly", StringComparison.Ordinal), $"An unexpected failure (RP9003) instead of a precise diagnostic:{Environment.NewLine}{engine}");
        Assert.StartsWith("RP", diagnostic.Code);
        Assert.DoesNotContain("MSB4018", diagnostic.Message);
        Assert.DoesNotMatch(StackTraceLine, diagnostic.Message);
        Assert.DoesNotContain("Exception:", diagnostic.Message);
        Assert.EndsWith($"{diagnostic.Code}.md", diagnostic.HelpLink);
    }

    /// <summary>Every error and warning is precise (see <see cref="AssertPrecise"/>).</summary>
    public static void AssertAllPrecise(RecordingBuildEngine engine)
    {
        foreach (var diagnostic in engine.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Message))
        {
            AssertPrecise(diagnostic, engine);
        }
    }

    /// <summary>No temp file of an interrupted atomic write is left anywhere under <paramref name="folder"/>.</summary>
    public static void AssertNoStrayTempFiles(string folder)
    {
        if (Directory.Exists(folder))
        {
            Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories));
        }
    }

    public static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A symbolic link to a file that does not exist.</summary>
    public static string MakeDanglingLink(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, Path.Combine(Path.GetDirectoryName(path)!, "gone-" + Guid.NewGuid().ToString("N")));
        return path;
    }

    /// <summary>The first half of a file's bytes, as a download or a copy cut off by a full disk leaves it.</summary>
    public static void Truncate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }

    public static byte[] RandomBytes(int length, int seed = 15)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A billion laughs: ten levels of ten entity references, a gigabyte of text if a parser expanded them.</summary>
    public static string EntityBomb(string root) =>
        "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n <!ENTITY lol \"lol\">\n" +
        string.Concat(Enumerable.Range(1, 9).Select(i => $" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">\n")) +
        "]>\n<" + root + ">&lol9;</" + root + ">\n";

    /// <summary>True when this process can make a folder immutable with chattr +i (root on ext4, xfs, btrfs, tmpfs…).</summary>
    public static readonly Lazy<bool> CanMakeImmutable = new(() =>
    {
        var probe = Path.Combine(Path.GetTempPath(), "ReleasePolicy.Tests", "chattr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            if (!Chattr("+i", probe))
            {
                return false;
            }

            try
            {
                File.WriteAllText(Path.Combine(probe, "x"), "x");
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }
            catch (IOException)
            {
                return true;
            }
            finally
            {
                Chattr("-i", probe);
            }
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    });

    /// <summary>Makes a folder read-only (chmod 555; as root, chattr +i) until disposed.</summary>
    public static IDisposable ReadOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("chmod is Unix only; the test should have been skipped.");
        }

        Directory.CreateDirectory(folder);
        if (RunningAsRoot)
        {
            Assert.True(Chattr("+i", folder), $"chattr +i '{folder}' failed.");
            return new Restore(folder, mode: null);
        }

        var before = File.GetUnixFileMode(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return new Restore(folder, before);
    }

    private static bool Chattr(string change, string path)
    {
        try
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", new[] { change, path }) { UseShellExecute = false, RedirectStandardError = true })!;
            chattr.WaitForExit();
            return chattr.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no chattr on this machine
        }
    }

    [DllImport("libc")]
    private static extern uint geteuid();

    private sealed class Restore(string folder, UnixFileMode? mode) : IDisposable
    {
        public void Dispose()
        {
            if (mode is null)
            {
                Chattr("-i", folder);
            }
            else if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, mode.Value);
            }
        }
    }
}
