using System;
using System.IO;
using ReleasePolicy.DocGen;

// Writes the files the rule catalogue generates, only where they changed.
// Usage: dotnet run --project build/ReleasePolicy.DocGen [repository root]
try
{
    var root = args.Length > 0 ? Path.GetFullPath(args[0]) : GeneratedDocs.FindRepositoryRoot(Directory.GetCurrentDirectory());
    var changed = 0;
    foreach (var file in GeneratedDocs.Render(root))
    {
        if (GeneratedDocs.ReadCommitted(root, file.Path) != file.Content)
        {
            File.WriteAllText(Path.Combine(root, file.Path), file.Content);
            Console.WriteLine("updated " + file.Path);
            changed++;
        }
    }

    Console.WriteLine(changed == 0 ? "Generated docs and presets are up to date." : $"{changed} file(s) updated; review and commit them.");
    return 0;
}
catch (GeneratedDocsException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
