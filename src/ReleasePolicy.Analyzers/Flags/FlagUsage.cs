using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ReleasePolicy.Analyzers.Flags;

/// <summary>The flags the compilation checks, gates or requires, gathered concurrently for RP2005 and the flag inventory at the compilation's end.</summary>
/// <remarks>
/// Counted without locks: a project checks a few dozen flags from thousands of places at once, and a dictionary update
/// per reference made the analysis threads queue on the same few locks (a thread-time trace of the compiler on the
/// 2,000-file feature-flags project: 70 ms waiting in <c>AddOrUpdate</c>). A flag's counter is added once, then
/// incremented in place. The field set is sized for the same reason.
/// </remarks>
internal sealed class FlagUsage
{
    private const int Stripes = 32;

    private readonly ConcurrentDictionary<string, StrongBox<int>> references = new(Stripes, 64, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<IFieldSymbol, byte> fields = new(Stripes, 64, SymbolEqualityComparer.Default);

    public bool HasReferences => !references.IsEmpty;

    public void AddReference(string flag)
    {
        if (!references.TryGetValue(flag, out var count))
        {
            count = references.GetOrAdd(flag, static _ => new StrongBox<int>());
        }

        Interlocked.Increment(ref count.Value);
    }

    /// <summary>How many places check, gate or require the flag (names compared ignoring case, as configuration keys are).</summary>
    public int ReferenceCount(string flag) => references.TryGetValue(flag, out var count) ? Volatile.Read(ref count.Value) : 0;

    /// <summary>Each referenced name, as the first reference wrote it.</summary>
    public System.Collections.Generic.ICollection<string> ReferencedNames => references.Keys;

    public void AddField(IFieldSymbol field)
    {
        if (!fields.ContainsKey(field))
        {
            fields.TryAdd(field, 0);
        }
    }

    public bool IsChecked(DeclaredFlag flag) =>
        references.ContainsKey(flag.Name) || flag.Field is { } field && fields.ContainsKey(field);
}
