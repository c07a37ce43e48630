using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ReleasePolicy.Tasks.Tests.Infrastructure;

/// <summary>C# source compiled into a real assembly on disk, for the tests that read a public API from its metadata.</summary>
internal static class TestAssembly
{
    /// <returns>The full path of <c>{folder}/{assemblyName}.dll</c> inside <paramref name="directory"/>.</returns>
    public static string Compile(TempDirectory directory, string assemblyName, string source, string folder = "bin")
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var path = directory.Path($"{folder}/{assemblyName}.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }
}
