using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>The flags the compilation checks, gates or requires, gathered concurrently for RP2005 and the flag inventory at the compilation's end.</summary>
internal sealed class FlagUsage
{
    private readonly ConcurrentDictionary<string, int> references = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<IFieldSymbol, byte> fields = new(SymbolEqualityComparer.Default);

    public bool HasReferences => !references.IsEmpty;

    public void AddReference(string flag) => references.AddOrUpdate(flag, 1, (_, count) => count + 1);

    /// <summary>How many places check, gate or require the flag (names compared ignoring case, as configuration keys are).</summary>
    public int ReferenceCount(string flag) => references.TryGetValue(flag, out var count) ? count : 0;

    /// <summary>Each referenced name, as the first reference wrote it.</summary>
    public System.Collections.Generic.ICollection<string> ReferencedNames => references.Keys;

    public void AddField(IFieldSymbol field) => fields.TryAdd(field, 0);

    public bool IsChecked(DeclaredFlag flag) =>
        references.ContainsKey(flag.Name) || flag.Field is { } field && fields.ContainsKey(field);
}
