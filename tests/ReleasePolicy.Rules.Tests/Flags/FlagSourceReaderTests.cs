namespace ReleasePolicy.Rules.Tests.Flags;

public sealed class FlagSourceReaderTests
{
    [Fact]
    public void DotNetSchemaDeclaresEachPropertyOfTheSection()
    {
        const string appsettings = """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "FeatureManagement": {
                "NewCheckout": true,
                "Beta": false,
                "DarkMode": "true",
                "Recommendations": {
                  "EnabledFor": [ { "Name": "Percentage", "Parameters": { "Value": 50 } } ]
                }
              }
            }
            """;

        var reading = FlagSourceReader.Read(appsettings);

        Assert.Null(reading.Error);
        Assert.True(reading.HasFlagSection);
        Assert.Equal(new[] { "NewCheckout", "Beta", "DarkMode", "Recommendations" }, reading.Flags.Select(flag => flag.Name));
        Assert.Equal(new[] { 4, 5, 6, 7 }, reading.Flags.Select(flag => flag.Line));
        Assert.Equal(6, reading.Flags[0].Column);
    }

    [Fact]
    public void MicrosoftSchemaDeclaresEachIdOfTheFeatureFlagsArrayWithItsExpiry()
    {
        const string appsettings = """
            {
              "feature_management": {
                "feature_flags": [
                  { "id": "NewCheckout", "enabled": true, "expires": "2026-10-01" },
                  {
                    "id": "Beta",
                    "enabled": true,
                    "conditions": { "client_filters": [ { "name": "Microsoft.Targeting" } ] }
                  }
                ]
              }
            }
            """;

        var reading = FlagSourceReader.Read(appsettings);

        Assert.Equal(new[] { "NewCheckout", "Beta" }, reading.Flags.Select(flag => flag.Name));
        Assert.Equal(new DateTime(2026, 10, 1), reading.Flags[0].Expires);
        Assert.Null(reading.Flags[1].Expires);
        Assert.Equal(6, reading.Flags[1].Line);
        // The location is the id's value, so a finding points at the name as written.
        Assert.Equal("Beta", appsettings.Substring(reading.Flags[1].NameStart, reading.Flags[1].NameLength));
    }

    [Fact]
    public void ExpiryBesideTheSettingsOfADotNetSchemaFlagIsRead()
    {
        var reading = FlagSourceReader.Read("""{ "FeatureManagement": { "Beta": { "EnabledFor": [], "Expires": "2026-03-31" } } }""");

        Assert.Equal(new DateTime(2026, 3, 31), Assert.Single(reading.Flags).Expires);
    }

    [Fact]
    public void AnExpiryThatIsNotADateIsKeptAsWrittenAndIsNoExpiry()
    {
        var flag = Assert.Single(FlagSourceReader.Read("""{ "feature_management": { "feature_flags": [ { "id": "Beta", "expires": "next sprint" } ] } }""").Flags);

        Assert.Null(flag.Expires);
        Assert.Equal("next sprint", flag.ExpiresText);
    }

    [Fact]
    public void SectionNamesAreMatchedIgnoringCaseAsConfigurationKeysAre()
    {
        var reading = FlagSourceReader.Read("""{ "featuremanagement": { "Beta": true }, "Feature_Management": { "FEATURE_FLAGS": [ { "id": "Gamma" } ] } }""");

        Assert.Equal(new[] { "Beta", "Gamma" }, reading.Flags.Select(flag => flag.Name));
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAcceptedAsTheConfigurationProviderAcceptsThem()
    {
        const string appsettings = """
            // Development settings
            {
              /* flags for the checkout team */
              "FeatureManagement": {
                "NewCheckout": true, // rolled out to everyone
                "Beta": false,
              },
            }
            """;

        var reading = FlagSourceReader.Read(appsettings);

        Assert.Null(reading.Error);
        Assert.Equal(new[] { "NewCheckout", "Beta" }, reading.Flags.Select(flag => flag.Name));
    }

    [Fact]
    public void DuplicateNamesInAnotherCaseAreOneFlagAndTheFirstWins()
    {
        var reading = FlagSourceReader.Read("""{ "FeatureManagement": { "Beta": true, "beta": false, "BETA": true } }""");

        var flag = Assert.Single(reading.Flags);
        Assert.Equal("Beta", flag.Name);
    }

    [Theory]
    [InlineData("""{ "FeatureManagement": true }""")]
    [InlineData("""{ "FeatureManagement": [ "Beta" ] }""")]
    [InlineData("""{ "FeatureManagement": "Beta" }""")]
    public void ASectionOfTheWrongTypeDeclaresNothing(string appsettings)
    {
        var reading = FlagSourceReader.Read(appsettings);

        Assert.Null(reading.Error);
        Assert.False(reading.HasFlagSection);
        Assert.Empty(reading.Flags);
    }

    [Fact]
    public void ValuesThatAreNotFlagSettingsAreNotFlags()
    {
        var reading = FlagSourceReader.Read("""{ "FeatureManagement": { "Beta": true, "Count": 3, "List": [ 1 ], "Nothing": null, "feature_flags": { "id": "X" } } }""");

        Assert.Equal(new[] { "Beta" }, reading.Flags.Select(flag => flag.Name));
    }

    [Fact]
    public void FeatureFlagsItemsWithoutAStringIdAreSkipped()
    {
        var reading = FlagSourceReader.Read("""{ "feature_management": { "feature_flags": [ { "enabled": true }, { "id": 7 }, "Beta", { "id": "" }, { "id": "Gamma" } ] } }""");

        Assert.Equal(new[] { "Gamma" }, reading.Flags.Select(flag => flag.Name));
    }

    [Fact]
    public void AnEmptySectionIsAFlagSectionWithNoFlags()
    {
        var reading = FlagSourceReader.Read("""{ "FeatureManagement": { } }""");

        Assert.True(reading.HasFlagSection);
        Assert.Empty(reading.Flags);
    }

    [Fact]
    public void AFileWithoutAFlagSectionDeclaresNothing()
    {
        var reading = FlagSourceReader.Read("""{ "ConnectionStrings": { "Default": "Server=." } }""");

        Assert.False(reading.HasFlagSection);
        Assert.Empty(reading.Flags);
    }

    [Theory]
    [InlineData("{\n  \"FeatureManagement\": {\n    \"Beta\": true\n", 4, "the file ends inside an object")]
    [InlineData("{\n  \"FeatureManagement\": {\n    \"Beta\" true\n  }\n}", 3, "expected ':' after the property name \"Beta\"")]
    [InlineData("{\n  \"FeatureManagement\": { \"Beta\": tru }\n}", 2, "unexpected text, expected a value")]
    [InlineData("{ \"FeatureManagement\": { \"Beta\": \"yes }\n}", 1, "a string is not closed before the end of the line")]
    [InlineData("", 1, "the file is empty")]
    [InlineData("{ } { }", 1, "unexpected text after the end of the JSON document")]
    [InlineData("{ /* never closed", 1, "a /* comment is not closed")]
    [InlineData("{ 'Beta': true }", 1, "expected a property name in double quotes")]
    public void TextThatIsNotJsonIsAnErrorWithItsLine(string text, int line, string message)
    {
        var reading = FlagSourceReader.Read(text);

        Assert.NotNull(reading.Error);
        Assert.Equal(line, reading.Error.Line);
        Assert.StartsWith(message, reading.Error.Message);
        Assert.Empty(reading.Flags);
    }

    [Fact]
    public void NestingDeeperThanAnyConfigurationIsAnErrorNotAStackOverflow()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);

        var reading = FlagSourceReader.Read(text);

        Assert.Equal("nested too deeply", reading.Error?.Message);
    }

    [Fact]
    public void ALeadingByteOrderMarkAndEscapesAreRead()
    {
        var reading = FlagSourceReader.Read("\uFEFF{ \"FeatureManagement\": { \"New\\u0043heckout\": true } }");

        Assert.Equal("NewCheckout", Assert.Single(reading.Flags).Name);
    }

    [Fact]
    public void LinesAreCountedAcrossWindowsLineEndings()
    {
        var reading = FlagSourceReader.Read("{\r\n  \"FeatureManagement\": {\r\n    \"Beta\": true\r\n  }\r\n}");

        Assert.Equal(3, Assert.Single(reading.Flags).Line);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void LinesAndColumnsOfManyFlagsInBothSectionsAreWhereTheNamesAre(string newline)
    {
        // Two sections and the schema's array, in file order, with the line breaks Windows, Unix and old Mac editors write.
        var lines = new List<string> { "{", "  \"FeatureManagement\": {" };
        for (var i = 0; i < 300; i++)
        {
            lines.Add(i % 3 == 0 ? $"    \"Flag{i}\": true," : $"      \"Flag{i}\": {{ \"EnabledFor\": [ {{ \"Name\": \"Percentage\" }} ] }},");
        }

        lines.Add("    \"feature_flags\": [ { \"id\": \"FromArray\", \"enabled\": true } ]");
        lines.Add("  },");
        lines.Add("  \"feature_management\": {");
        lines.Add("     \"Snake\": false");
        lines.Add("  }");
        lines.Add("}");
        var text = string.Join(newline, lines);

        var reading = FlagSourceReader.Read(text);

        Assert.Null(reading.Error);
        Assert.Equal(302, reading.Flags.Count);
        foreach (var flag in reading.Flags)
        {
            var line = lines.FindIndex(l => l.Contains($"\"{flag.Name}\"", StringComparison.Ordinal));
            Assert.Equal(line + 1, flag.Line);
            Assert.Equal(lines[line].IndexOf(flag.Name, StringComparison.Ordinal) + 1, flag.Column);
        }
    }
}
