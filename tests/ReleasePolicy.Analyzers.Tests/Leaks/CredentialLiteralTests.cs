using Verify = ReleasePolicy.Analyzers.Tests.Leaks.LeakVerifier<ReleasePolicy.Analyzers.Leaks.CredentialLiteralAnalyzer>;

namespace ReleasePolicy.Analyzers.Tests.Leaks;

/// <summary>RP3003: a secret in any string literal, sink or not, shown redacted.</summary>
public sealed class CredentialLiteralTests
{
    [Fact]
    public async Task AConnectionStringWithAPasswordIsRP3003WithTheSecretRedacted()
    {
        await Verify.VerifyAsync(
            """
            public static class Database
            {
                public const string Orders = {|#0:"Server=sql01.corp;Database=Orders;User Id=app;Password=Winter2024!;"|};
            }
            """,
            Verify.Diagnostic("RP3003").WithLocation(0).WithArguments("'Password=***'"));
    }

    [Fact]
    public async Task UrlsWithUserInfoTokensAndInterpolationsAreRead()
    {
        await Verify.VerifyAsync(
            """
            using System;

            public sealed class Clients
            {
                private static readonly Uri Broker = new({|#0:"amqp://orders:S3cr3t@rabbit.internal:5672"|});

                public string GitHubToken { get; } = {|#1:"ghp_1234567890abcdefghijklmnopqrstuvwxyz"|};

                public string Raw(string database) => {|#2:$"Host=pg;Database={database};Username=app;Password=hunter2"|};

                public string Verbatim => {|#3:@"Data Source=.\SQLEXPRESS;User ID=sa;Pwd=P@ss"|};
            }
            """,
            Verify.Diagnostic("RP3003").WithLocation(0).WithArguments("'amqp://orders:***@rabbit.internal:5672'"),
            Verify.Diagnostic("RP3003").WithLocation(1).WithArguments("'ghp_***'"),
            Verify.Diagnostic("RP3003").WithLocation(2).WithArguments("'Password=***'"),
            Verify.Diagnostic("RP3003").WithLocation(3).WithArguments("'Pwd=***'"));
    }

    [Fact]
    public async Task PlaceholdersHolesAndIntegratedSecurityAreNotSecrets()
    {
        await Verify.VerifyAsync("""
            public static class Settings
            {
                public const string Trusted = "Server=sql;Database=Orders;Integrated Security=true;";
                public const string Template = "Server=sql;User Id=app;Password={0};";
                public const string Documented = "Server=sql;User Id=app;Password=<your password>;";
                public static string FromVault(string password) => $"Server=sql;User Id=app;Password={password};";
                public const string Label = "Password=";
                public const string Test = "AKIAIOSFODNN7EXAMPLE";
            }
            """);
    }

    [Fact]
    public async Task AnAllowListedLocalValueIsNotReported()
    {
        await Verify.VerifyAsync(
            """
            public static class LocalDev
            {
                public const string Emulator = "Server=localhost;User Id=sa;Password=Dev-Only-1;";
            }
            """,
            "release_policy.leak_allow_list = Password=Dev-Only-1\n");
    }
}
