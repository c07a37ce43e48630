using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ReleasePolicy.Rules;

/// <summary>
/// A JSON value as .NET configuration reads it, with the offset of every object member's name so that a finding can
/// point at the line that declares it.
/// </summary>
sealed partial class ConfigurationJsonValue
{
    internal ConfigurationJsonValue(ConfigurationJsonKind kind, string? text, IReadOnlyList<ConfigurationJsonMember>? members, IReadOnlyList<ConfigurationJsonValue>? items, int start = 0, int length = 0)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Text = text;
        Members = members ?? System.Array.Empty<ConfigurationJsonMember>();
        Items = items ?? System.Array.Empty<ConfigurationJsonValue>();
    }

    public ConfigurationJsonKind Kind { get; }

    /// <summary>Offset of a string's first character inside the quotes (of other values, of the value).</summary>
    public int Start { get; }

    /// <summary>Length of a string as written between the quotes (of other values, 0).</summary>
    public int Length { get; }

    /// <summary>A string's value, a number's or literal's source text; null for objects and arrays.</summary>
    public string? Text { get; }

    public IReadOnlyList<ConfigurationJsonMember> Members { get; }

    public IReadOnlyList<ConfigurationJsonValue> Items { get; }

    /// <summary>The first member with this name, ignoring case as .NET configuration keys do.</summary>
    public ConfigurationJsonMember? Member(string name)
    {
        foreach (var member in Members)
        {
            if (string.Equals(member.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        return null;
    }
}

sealed partial class ConfigurationJsonMember
{
    internal ConfigurationJsonMember(string name, int nameStart, int nameLength, ConfigurationJsonValue value)
    {
        Name = name;
        NameStart = nameStart;
        NameLength = nameLength;
        Value = value;
    }

    public string Name { get; }

    /// <summary>Offset of the name's first character (inside the quotes) in the text.</summary>
    public int NameStart { get; }

    /// <summary>Length of the name as written between the quotes.</summary>
    public int NameLength { get; }

    public ConfigurationJsonValue Value { get; }
}

/// <summary>A closed set of kinds rather than an enum, for the same reason as <see cref="RuleKind"/>.</summary>
sealed partial class ConfigurationJsonKind
{
    public static readonly ConfigurationJsonKind Object = new("object");
    public static readonly ConfigurationJsonKind Array = new("array");
    public static readonly ConfigurationJsonKind String = new("string");
    public static readonly ConfigurationJsonKind Number = new("number");
    public static readonly ConfigurationJsonKind True = new("true");
    public static readonly ConfigurationJsonKind False = new("false");
    public static readonly ConfigurationJsonKind Null = new("null");

    private ConfigurationJsonKind(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}

/// <summary>Where and why a JSON text could not be read: a 1-based line and column and what was expected.</summary>
sealed partial class ConfigurationJsonError
{
    internal ConfigurationJsonError(int line, int column, string message)
    {
        Line = line;
        Column = column;
        Message = message;
    }

    public int Line { get; }

    public int Column { get; }

    public string Message { get; }

    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

/// <summary>
/// Reads JSON the way .NET configuration files are written: <c>//</c> and <c>/* */</c> comments and trailing commas
/// are accepted (the configuration JSON provider accepts them); anything else that is not JSON, truncated text
/// included, is an error with its line. No dependency, no IO: the analyzers compile it in, and it never throws.
/// </summary>
static partial class ConfigurationJson
{
    // Deep enough for any configuration file, shallow enough that a hostile file cannot exhaust the stack.
    private const int MaxDepth = 128;

    public static ConfigurationJsonValue? Parse(string text, out ConfigurationJsonError? error)
    {
        var reader = new Reader(text);
        var value = reader.ReadDocument();
        error = reader.Error;
        return error is null ? value : null;
    }

    /// <summary>The 1-based line and column of an offset, counting \n, \r\n and \r as line breaks.</summary>
    public static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private sealed class Reader
    {
        private readonly string text;
        private int position;

        public Reader(string text) => this.text = text;

        public ConfigurationJsonError? Error { get; private set; }

        public ConfigurationJsonValue? ReadDocument()
        {
            // A byte order mark that survived decoding is not content.
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                position = 1;
            }

            SkipTrivia();
            if (position >= text.Length)
            {
                return Fail("the file is empty, expected a JSON object");
            }

            var value = ReadValue(0);
            if (value is null)
            {
                return null;
            }

            SkipTrivia();
            return position < text.Length ? Fail("unexpected text after the end of the JSON document") : value;
        }

        private ConfigurationJsonValue? ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                return Fail("nested too deeply");
            }

            SkipTrivia();
            if (position >= text.Length)
            {
                return Fail("the file ends where a value was expected");
            }

            switch (text[position])
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    var start = position + 1;
                    return ReadString(out var end) is { } s ? new ConfigurationJsonValue(ConfigurationJsonKind.String, s, null, null, start, end - start) : null;
                case 't':
                    return ReadLiteral("true", ConfigurationJsonKind.True);
                case 'f':
                    return ReadLiteral("false", ConfigurationJsonKind.False);
                case 'n':
                    return ReadLiteral("null", ConfigurationJsonKind.Null);
                default:
                    return text[position] == '-' || char.IsDigit(text[position]) ? ReadNumber() : Fail($"unexpected character '{text[position]}'");
            }
        }

        private ConfigurationJsonValue? ReadObject(int depth)
        {
            position++; // {
            var members = new List<ConfigurationJsonMember>();
            while (true)
            {
                SkipTrivia();
                if (position >= text.Length)
                {
                    return Fail("the file ends inside an object, expected '}'");
                }

                if (text[position] == '}')
                {
                    position++;
                    return new ConfigurationJsonValue(ConfigurationJsonKind.Object, null, members, null);
                }

                if (text[position] != '"')
                {
                    return Fail("expected a property name in double quotes");
                }

                var nameStart = position + 1;
                if (ReadString(out var nameEnd) is not { } name)
                {
                    return null;
                }

                SkipTrivia();
                if (position >= text.Length || text[position] != ':')
                {
                    return Fail($"expected ':' after the property name \"{name}\"");
                }

                position++;
                if (ReadValue(depth + 1) is not { } value)
                {
                    return null;
                }

                members.Add(new ConfigurationJsonMember(name, nameStart, nameEnd - nameStart, value));
                SkipTrivia();
                if (position < text.Length && text[position] == ',')
                {
                    position++; // a trailing comma before '}' is accepted on the next turn
                }
                else if (position < text.Length && text[position] != '}')
                {
                    return Fail("expected ',' or '}' after a property value");
                }
            }
        }

        private ConfigurationJsonValue? ReadArray(int depth)
        {
            position++; // [
            var items = new List<ConfigurationJsonValue>();
            while (true)
            {
                SkipTrivia();
                if (position >= text.Length)
                {
                    return Fail("the file ends inside an array, expected ']'");
                }

                if (text[position] == ']')
                {
                    position++;
                    return new ConfigurationJsonValue(ConfigurationJsonKind.Array, null, null, items);
                }

                if (ReadValue(depth + 1) is not { } item)
                {
                    return null;
                }

                items.Add(item);
                SkipTrivia();
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                }
                else if (position < text.Length && text[position] != ']')
                {
                    return Fail("expected ',' or ']' after an array item");
                }
            }
        }

        /// <summary>Reads a string at the opening quote; <paramref name="contentEnd"/> is the offset of the closing quote.</summary>
        private string? ReadString(out int contentEnd)
        {
            contentEnd = position;
            position++; // "
            var builder = new StringBuilder();
            while (position < text.Length)
            {
                var c = text[position];
                if (c == '"')
                {
                    contentEnd = position;
                    position++;
                    return builder.ToString();
                }

                if (c == '\n' || c == '\r')
                {
                    Fail("a string is not closed before the end of the line");
                    return null;
                }

                if (c == '\\')
                {
                    if (position + 1 >= text.Length)
                    {
                        break;
                    }

                    var escaped = text[position + 1];
                    position += 2;
                    switch (escaped)
                    {
                        case '"': builder.Append('"'); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (position + 4 > text.Length
                                || !int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            {
                                position -= 2;
                                Fail("invalid \\u escape in a string");
                                return null;
                            }

                            builder.Append((char)code);
                            position += 4;
                            break;
                        default:
                            position -= 2;
                            Fail($"invalid escape '\\{escaped}' in a string");
                            return null;
                    }

                    continue;
                }

                builder.Append(c);
                position++;
            }

            Fail("the file ends inside a string");
            return null;
        }

        private ConfigurationJsonValue? ReadLiteral(string literal, ConfigurationJsonKind kind)
        {
            if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
            {
                return Fail($"unexpected text, expected a value");
            }

            position += literal.Length;
            return new ConfigurationJsonValue(kind, literal, null, null);
        }

        private ConfigurationJsonValue? ReadNumber()
        {
            var start = position;
            while (position < text.Length && "+-.eE0123456789".IndexOf(text[position]) >= 0)
            {
                position++;
            }

            var number = text.Substring(start, position - start);
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                position = start;
                return Fail($"'{number}' is not a number");
            }

            return new ConfigurationJsonValue(ConfigurationJsonKind.Number, number, null, null);
        }

        private void SkipTrivia()
        {
            while (position < text.Length)
            {
                var c = text[position];
                if (char.IsWhiteSpace(c))
                {
                    position++;
                }
                else if (c == '/' && position + 1 < text.Length && text[position + 1] == '/')
                {
                    while (position < text.Length && text[position] != '\n' && text[position] != '\r')
                    {
                        position++;
                    }
                }
                else if (c == '/' && position + 1 < text.Length && text[position + 1] == '*')
                {
                    var end = text.IndexOf("*/", position + 2, System.StringComparison.Ordinal);
                    if (end < 0)
                    {
                        Fail("a /* comment is not closed");
                        position = text.Length;
                        return;
                    }

                    position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private ConfigurationJsonValue? Fail(string message)
        {
            if (Error is null)
            {
                var (line, column) = Position(text, position);
                Error = new ConfigurationJsonError(line, column, message);
            }

            return null;
        }
    }
}
