using System.Diagnostics;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>
/// Creates real repositories with the git CLI, isolated from the machine's global and system git configuration,
/// so tests see exactly the files git writes (loose refs, packed-refs, worktree .git files).
/// </summary>
internal sealed class GitTestRepository
{
    private GitTestRepository(string workingDirectory) => WorkingDirectory = workingDirectory;

    public string WorkingDirectory { get; }

    /// <summary><c>git init -b &lt;branch&gt;</c> with a local identity; no commits yet.</summary>
    public static GitTestRepository Init(string directory, string branch = "main")
    {
        Directory.CreateDirectory(directory);
        var repository = new GitTestRepository(directory);
        repository.Git("init", "-q", "-b", branch);
        repository.Git("config", "user.name", "Release Tester");
        repository.Git("config", "user.email", "release.tester@example.com");
        repository.Git("config", "commit.gpgsign", "false");
        return repository;
    }

    /// <summary>A repository or worktree git already created, e.g. by <c>git worktree add</c>.</summary>
    public static GitTestRepository Open(string directory) => new(directory);

    /// <summary>Writes a file and commits it; returns the new commit's full ID as git reports it.</summary>
    public string Commit(string message, string file = "README.md")
    {
        var path = Path.Combine(WorkingDirectory, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path, message + "\n");
        Git("add", "--", file);
        Git("commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    /// <summary>Runs git in <see cref="WorkingDirectory"/> and returns its trimmed standard output; fails the test on a non-zero exit.</summary>
    public string Git(params string[] arguments) => Run(WorkingDirectory, arguments);

    public static string Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the developer's or agent's git configuration (default branch, hooks, signing) out of the test.
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(workingDirectory, "no-global-gitconfig");
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(" ", arguments)} failed ({process.ExitCode}): {error}");
        }

        return output.Result.Trim();
    }
}
