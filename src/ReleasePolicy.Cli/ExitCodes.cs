namespace ReleasePolicy.Cli;

/// <summary>What CI branches on; documented in the README and in each command's help.</summary>
internal static class ExitCodes
{
    /// <summary>Everything checked holds.</summary>
    public const int Pass = 0;

    /// <summary>A policy check failed: a digest does not match, the risk is above the ceiling.</summary>
    public const int PolicyFailure = 1;

    /// <summary>Bad arguments, or an input that cannot be read: a missing file, broken JSON, an unknown schema version.</summary>
    public const int UsageOrInputError = 2;
}
