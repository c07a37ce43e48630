using System;

namespace ReleasePolicy.Cli;

internal static class Program
{
    private static int Main(string[] args) => ReleasePolicyCommand.Run(args, Console.Out, Console.Error);
}
