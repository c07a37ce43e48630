using Microsoft.CodeAnalysis.Diagnostics;

namespace ReleasePolicy.Analyzers;

/// <summary>The global options by which the SDK asks an inventory writer for its file (one per inventory).</summary>
internal static class InventoryOption
{
    /// <summary>True when the global option <paramref name="key"/> names a file: that inventory's writer runs in this compilation.</summary>
    public static bool IsRequested(AnalyzerOptions options, string key) =>
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out var path) && !string.IsNullOrWhiteSpace(path);
}
