using ReleasePolicy.Rules.Leaks;

namespace ReleasePolicy.Rules.Tests.Leaks;

/// <summary>
/// The one leak detector, as the analyzers and the release-notes check call it: each text, what a user would be told
/// (the kind and the redacted text), and the many look-alikes that must stay quiet.
/// </summary>
public sealed class InternalIdentifierDetectorTests
{
    private static readonly LeakSettings Contoso = LeakSettings.Parse("corp.contoso.com; contoso.internal", "OPS;PAY", null);

    [Theory]
    // Internal suffixes, bare and in URLs.
    [InlineData("Could not reach db-primary.corp", "host", "db-primary.corp")]
    [InlineData("The order service (orders.internal) is down", "host", "orders.internal")]
    [InlineData("Try printer.local again", "host", "printer.local")]
    [InlineData("nas.lan:5000 refused the upload", "host", "nas.lan:5000")]
    [InlineData("Open wiki.intranet for help", "host", "wiki.intranet")]
    [InlineData("router.home.arpa did not answer", "host", "router.home.arpa")]
    [InlineData("Mail ops@build.internal", "host", "build.internal")]
    [InlineData("See http://sql01.corp/reports", "host", "http://sql01.corp")]
    [InlineData("See https://grafana.internal:3000/d/abc?orgId=1", "host", "https://grafana.internal:3000")]
    [InlineData("HTTP://SQL01.CORP/Reports", "host", "HTTP://SQL01.CORP")]
    [InlineData("Upload to https://files.Internal/upload", "host", "https://files.Internal")]
    // Single-label hosts, only in URLs.
    [InlineData("Browse to http://sql01/reports", "host", "http://sql01")]
    [InlineData("https://buildserver:8080/job/1", "host", "https://buildserver:8080")]
    [InlineData("\\\\fileserver is not it, but smb://fileserver/share is", "host", "smb://fileserver")]
    [InlineData("Redis at redis://cache:6379", "host", "redis://cache:6379")]
    // Private, loopback, link-local, CGNAT, unique-local addresses.
    [InlineData("Connection to 10.2.3.4:5432 failed", "IP", "10.2.3.4:5432")]
    [InlineData("Server 192.168.1.20 is unavailable", "IP", "192.168.1.20")]
    [InlineData("Proxy 172.16.0.1 rejected the call", "IP", "172.16.0.1")]
    [InlineData("Proxy 172.31.255.254 rejected the call", "IP", "172.31.255.254")]
    [InlineData("Bound to 127.0.0.1", "IP", "127.0.0.1")]
    [InlineData("metadata at 169.254.169.254", "IP", "169.254.169.254")]
    [InlineData("carrier NAT 100.64.1.2", "IP", "100.64.1.2")]
    [InlineData("carrier NAT 100.127.255.1", "IP", "100.127.255.1")]
    [InlineData("(10.0.0.1)", "IP", "10.0.0.1")]
    [InlineData("Host: 10.0.0.1.", "IP", "10.0.0.1")]
    [InlineData("upstream=10.1.1.1,8.8.8.8", "IP", "10.1.1.1")]
    [InlineData("https://10.20.30.40/api", "IP", "https://10.20.30.40")]
    [InlineData("http://192.168.0.10:8080/health", "IP", "http://192.168.0.10:8080")]
    [InlineData("Listening on ::1", "IP", "::1")]
    [InlineData("Peer fe80::1ff:fe23:4567:890a%eth0 left", "IP", "fe80::1ff:fe23:4567:890a%eth0")]
    [InlineData("Peer FE80::1 left", "IP", "FE80::1")]
    [InlineData("Node fd12:3456:789a:1::1 is down", "IP", "fd12:3456:789a:1::1")]
    [InlineData("Node fc00:0:0:0:0:0:0:1 is down", "IP", "fc00:0:0:0:0:0:0:1")]
    [InlineData("Call [fd00::10]:443 failed", "IP", "[fd00::10]:443")]
    [InlineData("mapped ::ffff:10.1.2.3 address", "IP", "::ffff:10.1.2.3")]
    [InlineData("http://[fd00::1]:8080/", "IP", "http://[fd00::1]:8080")]
    // Credentials, always redacted.
    [InlineData("Server=sql;Database=Orders;User Id=app;Password=Hunter2!;", "credential", "Password=***")]
    [InlineData("Host=db;Username=app;Pwd=s3cr3t", "credential", "Pwd=***")]
    [InlineData("Data Source=x;User ID=sa;password = 'a;b';", "credential", "password=***")]
    [InlineData("Endpoint=sb://bus.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=abc123=", "credential", "SharedAccessKey=***")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=Zm9vYmFy==;", "credential", "AccountKey=***")]
    [InlineData("Tenant=t;Client Secret=abc;", "credential", "Client Secret=***")]
    [InlineData("jdbc:sqlserver://db:1433;databaseName=orders;user=sa;password=P4ss", "credential", "password=***")]
    [InlineData("jdbc:mysql://db/orders?user=app&password=P4ss", "credential", "password=***")]
    [InlineData("postgres://app:S3cret@db.example.com:5432/orders", "credential", "postgres://app:***@db.example.com:5432")]
    [InlineData("amqp://guest:guest@rabbit.example.com", "credential", "amqp://guest:***@rabbit.example.com")]
    [InlineData("token ghp_1234567890abcdefghijklmnopqrstuvwxyz", "credential", "ghp_***")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "credential", "github_pat_***")]
    [InlineData("glpat-abcdefghij1234567890", "credential", "glpat-***")]
    [InlineData("xoxb-1234567890-abcdefghij", "credential", "xoxb-***")]
    [InlineData("key sk_live_abcdefghijklmnop1234", "credential", "sk_live_***")]
    [InlineData("AKIAABCDEFGHIJKLMNOP", "credential", "AKIA***")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIE", "credential", "-----BEGIN PRIVATE KEY-----***")]
    [InlineData("https://x.example.com/blob?sv=2020&sig=abc&api_key=k3y", "credential", "api_key=***")]
    // Ticket references: the organisation's keys.
    [InlineData("Fixes OPS-4211 on the checkout page", "ticket", "OPS-4211", true)]
    [InlineData("(PAY-7)", "ticket", "PAY-7", true)]
    [InlineData("See OPS-0012", "ticket", "OPS-0012", true)]
    // Ticket references: the fallback.
    [InlineData("Fixes OPS-4211 on the checkout page", "ticket", "OPS-4211")]
    [InlineData("Workaround for JIRA-12, see notes", "ticket", "JIRA-12")]
    [InlineData("[BILLING-991] refund failed", "ticket", "BILLING-991")]
    [InlineData("ref: ABC-123.", "ticket", "ABC-123")]
    // Debug references.
    [InlineData(@"Could not load C:\Users\jdoe\src\app\config.json", "debug path", @"C:\Users\jdoe\src\app\config.json")]
    [InlineData(@"Built from D:\a\1\s\src\Api", "debug path", @"D:\a\1\s\src\Api")]
    [InlineData(@"c:/users/jdoe/app", "debug path", @"c:/users/jdoe/app")]
    [InlineData(@"C:\agent\_work\3\s\out", "debug path", @"C:\agent\_work\3\s\out")]
    [InlineData("File /home/jdoe/app/settings.json missing", "debug path", "/home/jdoe/app/settings.json")]
    [InlineData("at /Users/jdoe/Projects/api", "debug path", "/Users/jdoe/Projects/api")]
    [InlineData("Artifact '/builds/group/project/out.zip'", "debug path", "/builds/group/project/out.zip")]
    [InlineData("path=/home/runner/work/api/api", "debug path", "/home/runner/work/api/api")]
    [InlineData("/var/lib/jenkins/workspace/api", "debug path", "/var/lib/jenkins/workspace/api")]
    [InlineData("Failed\n   at Contoso.Orders.OrderService.Place(Order order)\n", "debug path", "at Contoso.Orders.OrderService.Place(Order order)")]
    [InlineData("   at Api.Program.<Main>$(String[] args)", "debug path", "at Api.Program.<Main>$(String[] args)")]
    [InlineData("in OrderService.cs:line 42", "debug path", "OrderService.cs:line 42")]
    [InlineData("Open http://localhost:5000/swagger", "debug path", "http://localhost:5000")]
    [InlineData("Open https://LOCALHOST/", "debug path", "https://LOCALHOST")]
    [InlineData("Call http://127.0.0.1:8080/api", "debug path", "http://127.0.0.1:8080")]
    [InlineData("Call http://[::1]:5001/", "debug path", "http://[::1]:5001")]
    [InlineData("Running on localhost:7071", "debug path", "localhost:7071")]
    // The organisation's domains and their subdomains.
    [InlineData("Connect to db-primary.corp.contoso.com", "host", "db-primary.corp.contoso.com", true)]
    [InlineData("Connect to corp.contoso.com", "host", "corp.contoso.com", true)]
    [InlineData("See https://Wiki.Corp.Contoso.com/page", "host", "https://Wiki.Corp.Contoso.com", true)]
    [InlineData("billing.contoso.internal:8443", "host", "billing.contoso.internal:8443", true)]
    public void FindsTheLeakAndShowsItRedacted(string text, string category, string display, bool contoso = false)
    {
        var findings = InternalIdentifierDetector.Find(text, contoso ? Contoso : LeakSettings.Default);

        var finding = Assert.Single(findings, f => f.Kind.Category == category);
        Assert.Equal(display, finding.Display);
        Assert.Equal(category, finding.Kind.Category);
    }

    [Theory]
    // Reserved names and documentation ranges.
    [InlineData("Call https://api.example.com/orders")]
    [InlineData("Call http://example.org:8080/")]
    [InlineData("mail admin@example.net")]
    [InlineData("https://shop.test/cart")]
    [InlineData("https://app.localhost:5001/")]
    [InlineData("https://db.example/")]
    [InlineData("http://nothing.invalid/")]
    [InlineData("Connection to 192.0.2.10:5432 failed")]
    [InlineData("Connection to 198.51.100.7 failed")]
    [InlineData("Connection to 203.0.113.99 failed")]
    [InlineData("https://203.0.113.5/api")]
    [InlineData("Node 2001:db8::1 is down")]
    [InlineData("http://[2001:db8:85a3::8a2e:370:7334]/")]
    // Public addresses and things shaped like addresses.
    [InlineData("Resolver 8.8.8.8")]
    [InlineData("Peer 2606:4700:4700::1111")]
    [InlineData("Proxy 172.32.0.1 rejected the call")]
    [InlineData("Proxy 172.15.0.1 rejected the call")]
    [InlineData("carrier 100.128.0.1")]
    [InlineData("Listening on 0.0.0.0:80")]
    [InlineData("Version 10.0.0.1 is out")]
    [InlineData("Version=10.0.0.0, Culture=neutral")]
    [InlineData("Upgrade to v10.0.0.1")]
    [InlineData("build 10.0.19041.1")]
    [InlineData("Released 1.2.3")]
    [InlineData("10.0.0.1.2 is not an address")]
    [InlineData("999.168.1.1")]
    [InlineData("assembly 10.2.3.4-beta")]
    [InlineData("Meet at 10:30:00")]
    [InlineData("std::vector<int>")]
    [InlineData("Note:: read this")]
    [InlineData("MAC 00:1a:2b:3c:4d:5e")]
    [InlineData("Elapsed 00:00:01.234")]
    [InlineData("a:b")]
    // Namespaces, members and files that end like internal hosts.
    [InlineData("Contoso.Internal.Billing failed")]
    [InlineData("using Contoso.Internal;")]
    [InlineData("Call Settings.Local() first")]
    [InlineData("appsettings.local.json")]
    [InlineData("MyApp.Corp is a namespace")]
    [InlineData("the_db.corp_name")]
    [InlineData("{tenant}.corp")]
    [InlineData("$env.local")]
    [InlineData("src/app.local")]
    [InlineData("Use .local for mDNS")]
    [InlineData("internal corp local lan")]
    [InlineData("Ask at the front desk")]
    // Public and unconfigured domains.
    [InlineData("Visit https://contoso.com/support")]
    [InlineData("Visit https://learn.microsoft.com/dotnet")]
    [InlineData("Write to support@contoso.com")]
    [InlineData("file:///C:/temp/x.txt")]
    [InlineData("http://{host}/api")]
    [InlineData("https:// nowhere")]
    [InlineData("://sql01")]
    [InlineData("http://1234/")]
    // Credentials: placeholders, non-secret keys, prose.
    [InlineData("Server=sql;Database=Orders;Integrated Security=true;")]
    [InlineData("Server=sql;User Id=app;Password=;")]
    [InlineData("Server=sql;User Id=app;Password={password};")]
    [InlineData("Server=sql;User Id=app;Password=$(DbPassword);")]
    [InlineData("Server=sql;User Id=app;Password=${DB_PASSWORD};")]
    [InlineData("Server=sql;User Id=app;Password=%DB_PASSWORD%;")]
    [InlineData("Server=sql;User Id=app;Password=<password>;")]
    [InlineData("Server=sql;User Id=app;Password=***;")]
    [InlineData("Server=sql;User Id=app;Password=xxxx;")]
    [InlineData("Server=sql;Password=#{DbPassword}#;")]
    [InlineData("Server=sql;Password=password;")]
    [InlineData("Your password=strong means at least 12 characters")]
    [InlineData("PasswordPolicy=Strict;MinLength=12")]
    [InlineData("postgres://app@db.example.com/orders")]
    [InlineData("postgres://app:@db.example.com/orders")]
    [InlineData("postgres://app:{password}@db.example.com/orders")]
    [InlineData("ghp_short")]
    [InlineData("myghp_1234567890abcdefghijklmnopqrstuvwxyz")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("AKIA is a prefix")]
    [InlineData("sk_test_abcdefghijklmnop1234")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    [InlineData("-----BEGIN CERTIFICATE-----")]
    // Ticket look-alikes without configured keys.
    [InlineData("Fixes CVE-2024-1234")]
    [InlineData("Advisory GHSA-abcd-1234-efgh")]
    [InlineData("Advisory GHSA-2345-6789-abcd")]
    [InlineData("Encoding UTF-8 required")]
    [InlineData("Hash SHA-256 and SHA-1")]
    [InlineData("Dates in ISO-8601")]
    [InlineData("Per RFC-9110")]
    [InlineData("TLS-1 is off, HTTP-2 is on")]
    [InlineData("X-Request-Id header")]
    [InlineData("X-Rate-Limit-2 header")]
    [InlineData("CWE-79 and COVID-19")]
    [InlineData("AES-256 and RSA-2048")]
    [InlineData("ABC-1.2 released")]
    [InlineData("ABC-2024-01-15")]
    [InlineData("FY-2024 results")]
    [InlineData("ES-2015 syntax")]
    [InlineData("OPS-0 is not a ticket")]
    [InlineData("Ops-42 is lower case")]
    [InlineData("my-OPS-42")]
    [InlineData("OPS-42-beta")]
    [InlineData("A-1 and B-2")]
    [InlineData("VERYLONGKEYNAME-12")]
    [InlineData("Build 2024-05-01")]
    [InlineData("RP-3001 is ours")]
    [InlineData("Windows WIN-32")]
    [InlineData("ISBN-123456")]
    [InlineData("PCI-3 compliance")]
    [InlineData("NET-8 migration")]
    [InlineData("OPS-1234567 has too many digits")]
    // Debug look-alikes.
    [InlineData("Go to /home/index")]
    [InlineData("GET /users/42/orders")]
    [InlineData("https://contoso.com/home/jdoe/profile")]
    [InlineData("app/home/jdoe/x")]
    [InlineData(@"C:\Program Files\Contoso\app.exe")]
    [InlineData(@"C:\Windows\System32")]
    [InlineData(@"C:\Users")]
    [InlineData("Click at the bottom.")]
    [InlineData("We looked at Contoso.Orders.Place() yesterday")]
    [InlineData("localhost")]
    [InlineData("Only from localhost")]
    [InlineData("mylocalhost:5000")]
    [InlineData("Deadline:line 42")]
    [InlineData("readme.md:line 3")]
    [InlineData("")]
    [InlineData("OK")]
    public void StaysQuiet(string text)
    {
        Assert.Empty(InternalIdentifierDetector.Find(text));
    }

    [Theory]
    [InlineData("Fixes JIRA-12")]
    [InlineData("Fixes OPS-12a")]
    [InlineData("CVE-2024-1234")]
    [InlineData("Fixes ops-12")]
    public void WithTicketKeysOnlyThoseKeysAreTickets(string text)
    {
        Assert.Empty(InternalIdentifierDetector.Find(text, Contoso));
    }

    [Theory]
    [InlineData("Connect to db.contoso.com")]
    [InlineData("Connect to notcorp.contoso.com")]
    [InlineData("Connect to corp.contoso.com.evil.io")]
    [InlineData("Connect to https://contoso.com/")]
    public void AnOrganisationDomainCoversItselfAndItsSubdomainsOnly(string text)
    {
        Assert.Empty(InternalIdentifierDetector.Find(text, Contoso));
    }

    [Fact]
    public void FindingsAreInTextOrderWithTheirSpans()
    {
        const string text = "OPS-12: 10.0.0.5 via sql01.corp";

        var findings = InternalIdentifierDetector.Find(text, Contoso);

        Assert.Equal(new[] { "ticket", "IP", "host" }, findings.Select(f => f.Kind.Category));
        Assert.Equal(new[] { "OPS-12", "10.0.0.5", "sql01.corp" }, findings.Select(f => text.Substring(f.Start, f.Length)));
    }

    [Fact]
    public void AUrlWithCredentialsOnAnInternalHostIsBothAndShowsNoSecret()
    {
        var findings = InternalIdentifierDetector.Find("mongodb://admin:Tr0ub4dor@mongo.internal:27017/app");

        Assert.Equal(new[] { "RP3001", "RP3003" }, findings.Select(f => f.Kind.RuleId));
        Assert.All(findings, f => Assert.DoesNotContain("Tr0ub4dor", f.Display));
        Assert.All(findings, f => Assert.DoesNotContain("Tr0ub4dor", f.Value));
    }

    [Fact]
    public void AConnectionStringNamesItsHostAddressAndRedactedSecret()
    {
        var findings = InternalIdentifierDetector.Find("Server=10.1.2.3,1433;Database=x;User Id=sa;Password=Summer2024!");

        Assert.Equal(new[] { "private IP address '10.1.2.3'", "credential 'Password=***'" }, findings.Select(f => f.ToString()));
    }

    [Theory]
    [InlineData("sql01.corp")]
    [InlineData("SQL01.CORP")]
    public void AnAllowListedValueIsNotAFinding(string allowed)
    {
        var settings = LeakSettings.Parse(null, null, allowed + "; OPS-1");

        Assert.Empty(InternalIdentifierDetector.Find("Status page: sql01.corp (OPS-1)", settings));
        Assert.Single(InternalIdentifierDetector.Find("Status page: sql02.corp", settings));
    }

    [Fact]
    public void AStackTraceIsOneDebugReferencePerFrameLine()
    {
        const string trace = "System.InvalidOperationException: boom\n   at Contoso.A.B()\n   at Contoso.C.D(Int32 x) in C:\\Users\\me\\src\\D.cs:line 9\n";

        var findings = InternalIdentifierDetector.Find(trace);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Same(LeakKind.DebugReference, f.Kind));
    }

    [Theory]
    [InlineData("Hello")]
    [InlineData("The order was placed")]
    [InlineData("Ihr Auftrag wurde storniert")]
    public void ThePreCheckRejectsTextWithoutTheCharactersAFindingNeeds(string text)
    {
        Assert.False(InternalIdentifierDetector.MightContainLeak(text));
    }

    [Theory]
    [InlineData("System.String")]
    [InlineData("https://contoso.com/orders")]
    [InlineData("Contoso.Orders.Place")]
    [InlineData("2024-05-01")]
    public void TheCredentialPreCheckRejectsLiteralsWithoutASecretsCharacters(string text)
    {
        Assert.False(InternalIdentifierDetector.MightContainCredential(text));
    }

    [Theory]
    [InlineData("Server=sql;Password=Hunter2!;")]
    [InlineData("amqp://guest:guest@rabbit.example.com")]
    [InlineData("ghp_1234567890abcdefghijklmnopqrstuvwxyz")]
    [InlineData("glpat-abcdefghij1234567890")]
    [InlineData("xoxb-1234567890-abcdefghij")]
    [InlineData("AKIAABCDEFGHIJKLMNOP")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----")]
    public void TheCredentialPreCheckPassesEveryCredentialShape(string text)
    {
        Assert.True(InternalIdentifierDetector.MightContainCredential(text));
        Assert.Contains(InternalIdentifierDetector.Find(text), f => f.Kind == LeakKind.Credential);
    }

    [Fact]
    public void LongAndHostileTextIsScannedWithoutHanging()
    {
        var junk = string.Concat(Enumerable.Repeat("::::....----====////\\\\@@@@AKIA", 20_000)) + " sql01.corp";

        var findings = InternalIdentifierDetector.Find(junk);

        Assert.Equal("sql01.corp", Assert.Single(findings).Value);
    }

    [Fact]
    public void SettingsListsAcceptSemicolonsCommasAndSpaces()
    {
        var settings = LeakSettings.Parse(" Corp.Contoso.com.;*.contoso.internal ,", "ops, pay-", "a;b");

        Assert.Equal(new[] { "corp.contoso.com", "contoso.internal" }, settings.InternalDomains);
        Assert.Equal(new[] { "OPS", "PAY" }, settings.TicketKeys);
        Assert.Equal(new[] { "a", "b" }, settings.AllowList);
    }
}
