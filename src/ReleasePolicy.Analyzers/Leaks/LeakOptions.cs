using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReleasePolicy.Rules.Leaks;

namespace ReleasePolicy.Analyzers.Leaks;

/// <summary>
/// The detector's settings for a syntax tree: <c>release_policy.internal_domains</c>, <c>release_policy.ticket_keys</c>
/// and <c>release_policy.leak_allow_list</c> from <c>.editorconfig</c> (per folder), else the MSBuild properties
/// <c>ReleaseInternalDomains</c>, <c>ReleaseTicketKeys</c> and the <c>ReleaseLeakAllowList</c> items that the SDK makes
/// visible to the compiler (as <c>_Release…</c> properties with <c>,</c> between values, see ReleasePolicy.Leaks.targets). One instance per compilation; trees with the same values share one parsed <see cref="LeakSettings"/>.
/// </summary>
internal sealed class LeakOptions
{
    private const string DomainsKey = "release_policy.internal_domains";
    private const string TicketKeysKey = "release_policy.ticket_keys";
    private const string AllowListKey = "release_policy.leak_allow_list";

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly string? _domains;
    private readonly string? _ticketKeys;
    private readonly string? _allowList;
    private readonly ConcurrentDictionary<(string?, string?, string?), LeakSettings> _parsed = new();
    // Read once per tree (a lock-free lookup after that), not three option lookups and a three-string key per string
    // analysed. Many stripes: every tree adds its entry once, from every analysis thread, and a conditional weak table's
    // single add lock made them queue (a thread-time trace on 800 trees: 28 ms waiting). Held no longer than the
    // compilation's analysis, which owns this instance.
    private readonly ConcurrentDictionary<SyntaxTree, LeakSettings> _byTree = new(concurrencyLevel: 64, capacity: 64);
    private readonly System.Func<SyntaxTree, LeakSettings> _readTree;

    public LeakOptions(AnalyzerOptions options)
    {
        _provider = options.AnalyzerConfigOptionsProvider;
        var global = _provider.GlobalOptions;
        _domains = Read(global, DomainsKey) ?? Read(global, "build_property._ReleaseInternalDomains");
        _ticketKeys = Read(global, TicketKeysKey) ?? Read(global, "build_property._ReleaseTicketKeys");
        _allowList = Read(global, AllowListKey) ?? Read(global, "build_property._ReleaseLeakAllowList");
        _readTree = tree => For(_provider.GetOptions(tree));
    }

    public LeakSettings For(SyntaxTree tree) => _byTree.TryGetValue(tree, out var settings) ? settings : _byTree.GetOrAdd(tree, _readTree);

    public LeakSettings For(AdditionalText file) => For(_provider.GetOptions(file));

    private LeakSettings For(AnalyzerConfigOptions local)
    {
        var key = (Read(local, DomainsKey) ?? _domains, Read(local, TicketKeysKey) ?? _ticketKeys, Read(local, AllowListKey) ?? _allowList);
        return _parsed.GetOrAdd(key, k => LeakSettings.Parse(k.Item1, k.Item2, k.Item3));
    }

    private static string? Read(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
