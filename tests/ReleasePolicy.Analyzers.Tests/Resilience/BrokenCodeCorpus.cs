using ReleasePolicy.Analyzers.Tests.Verification;

namespace ReleasePolicy.Analyzers.Tests.Resilience;

/// <summary>One project of the corpus: its name says which seed, file and mutation it is (it is the theory's data).</summary>
internal sealed record CorpusItem(
    string Name,
    CorpusProfile Profile,
    IReadOnlyList<SourceFile> Sources,
    IReadOnlyList<SourceFile> AdditionalFiles);

/// <summary>
/// A theory row naming one corpus item. Not a string, whose display xUnit cuts at 50 characters: the whole name
/// (seed, file, mutation) is what a failure must show.
/// </summary>
public sealed class CorpusCase : Xunit.Abstractions.IXunitSerializable
{
    public CorpusCase()
    {
    }

    internal CorpusCase(string name) => Name = name;

    public string Name { get; private set; } = string.Empty;

    public void Deserialize(Xunit.Abstractions.IXunitSerializationInfo info) => Name = info.GetValue<string>(nameof(Name));

    public void Serialize(Xunit.Abstractions.IXunitSerializationInfo info) => info.AddValue(nameof(Name), Name);

    public override string ToString() => Name;
}

/// <summary>
/// The broken-code corpus: every seed as it is, every mutable file of every seed broken each way
/// <see cref="CorpusMutations"/> knows (the rest of its project intact, as in an editor), the seeds' additional files
/// broken (truncated JSON and .resx), and the <see cref="HostileShapes"/>.
/// </summary>
internal static class BrokenCodeCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusItem>> Items = new(Build);

    public static IReadOnlyDictionary<string, CorpusItem> ByName => Items.Value;

    /// <summary>The items, for <c>[MemberData]</c>: a failing row names the seed, the file and the mutation, in full.</summary>
    public static TheoryData<CorpusCase> Cases()
    {
        var data = new TheoryData<CorpusCase>();
        foreach (var name in ByName.Keys)
        {
            data.Add(new CorpusCase(name));
        }

        return data;
    }

    public static string PristineName(CorpusSeed seed) => $"{seed.Name}: pristine";

    private static IReadOnlyDictionary<string, CorpusItem> Build()
    {
        var items = new Dictionary<string, CorpusItem>(StringComparer.Ordinal);
        void Add(CorpusItem item) => items.Add(item.Name, item);

        foreach (var seed in CorpusSeeds.All)
        {
            var all = seed.Mutable.Concat(seed.Fixed).ToList();
            Add(new CorpusItem(PristineName(seed), seed.Profile, all, seed.AdditionalFiles));
            foreach (var file in seed.Mutable)
            {
                var others = all.Where(f => f != file).ToList();
                foreach (var (mutation, text) in CorpusMutations.All(file.Text))
                {
                    var broken = new List<SourceFile>(others) { file with { Text = text } };
                    Add(new CorpusItem($"{seed.Name}: {Relative(file)} {mutation}", seed.Profile, broken, seed.AdditionalFiles));
                }
            }

            foreach (var additional in seed.AdditionalFiles)
            {
                var rest = seed.AdditionalFiles.Where(f => f != additional).ToList();
                foreach (var fraction in new[] { 3, 2 })
                {
                    var cut = additional with { Text = additional.Text.Substring(0, additional.Text.Length / fraction) };
                    Add(new CorpusItem($"{seed.Name}: {Relative(additional)} truncated-to-1/{fraction}", seed.Profile, all, new List<SourceFile>(rest) { cut }));
                }

                var odd = additional with { Text = CorpusMutations.OddUnicode(additional.Text) };
                Add(new CorpusItem($"{seed.Name}: {Relative(additional)} odd-unicode", seed.Profile, all, new List<SourceFile>(rest) { odd }));
            }
        }

        foreach (var (name, profile, sources) in HostileShapes.All())
        {
            Add(new CorpusItem($"Hostile: {name}", profile, sources, Array.Empty<SourceFile>()));
        }

        return items;
    }

    private static string Relative(SourceFile file) =>
        file.Path.StartsWith(CorpusSeeds.ProjectDirectory, StringComparison.Ordinal) ? file.Path.Substring(CorpusSeeds.ProjectDirectory.Length) : file.Path;
}
