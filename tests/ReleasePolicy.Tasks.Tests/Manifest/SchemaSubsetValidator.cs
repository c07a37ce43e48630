using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReleasePolicy.Tasks.Tests.Manifest;

/// <summary>
/// Checks a JSON document against the JSON Schema keywords release-manifest.schema.json uses (type, const, enum,
/// pattern, minLength, minimum, maximum, properties, required, additionalProperties: false, items, anyOf, local $ref),
/// so tests catch drift between the writer and the schema without a schema-validation package. Returns every
/// violation as "json-path: problem".
/// </summary>
internal static class SchemaSubsetValidator
{
    public static IReadOnlyList<string> Validate(JsonElement schemaRoot, JsonElement instance)
    {
        var errors = new List<string>();
        Validate(schemaRoot, schemaRoot, instance, "$", errors);
        return errors;
    }

    private static void Validate(JsonElement root, JsonElement schema, JsonElement instance, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(root, Resolve(root, reference.GetString()!), instance, path, errors);
        }

        if (schema.TryGetProperty("anyOf", out var anyOf)
            && !anyOf.EnumerateArray().Any(option => Validate(root, option, instance).Count == 0))
        {
            errors.Add($"{path}: matches none of anyOf");
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(type, instance))
        {
            errors.Add($"{path}: is {instance.ValueKind}, schema wants {type}");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, instance))
        {
            errors.Add($"{path}: is {instance}, schema wants {constant}");
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, instance)))
        {
            errors.Add($"{path}: '{instance}' is not one of {allowed}");
        }

        if (instance.ValueKind == JsonValueKind.String)
        {
            var text = instance.GetString()!;
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
            {
                errors.Add($"{path}: '{text}' does not match {pattern}");
            }

            if (schema.TryGetProperty("minLength", out var minLength) && text.Length < minLength.GetInt32())
            {
                errors.Add($"{path}: shorter than {minLength}");
            }
        }

        if (instance.ValueKind == JsonValueKind.Number)
        {
            if (schema.TryGetProperty("minimum", out var minimum) && instance.GetDouble() < minimum.GetDouble())
            {
                errors.Add($"{path}: below {minimum}");
            }

            if (schema.TryGetProperty("maximum", out var maximum) && instance.GetDouble() > maximum.GetDouble())
            {
                errors.Add($"{path}: above {maximum}");
            }
        }

        if (instance.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !instance.TryGetProperty(n, out _)))
                {
                    errors.Add($"{path}: required '{name}' is missing");
                }
            }

            foreach (var property in instance.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Validate(root, propertySchema, property.Value, path + "." + property.Name, errors);
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{path}: '{property.Name}' is not declared in the schema");
                }
            }
        }

        if (instance.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in instance.EnumerateArray())
            {
                Validate(root, items, item, $"{path}[{index++}]", errors);
            }
        }
    }

    private static List<string> Validate(JsonElement root, JsonElement schema, JsonElement instance)
    {
        var errors = new List<string>();
        Validate(root, schema, instance, "$", errors);
        return errors;
    }

    private static JsonElement Resolve(JsonElement root, string reference)
    {
        Assert.StartsWith("#/", reference);
        var target = root;
        foreach (var segment in reference.Substring(2).Split('/'))
        {
            target = target.GetProperty(segment);
        }

        return target;
    }

    private static bool HasType(JsonElement type, JsonElement instance) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => HasType(t, instance))
            : type.GetString() switch
            {
                "object" => instance.ValueKind == JsonValueKind.Object,
                "array" => instance.ValueKind == JsonValueKind.Array,
                "string" => instance.ValueKind == JsonValueKind.String,
                "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "null" => instance.ValueKind == JsonValueKind.Null,
                "integer" => instance.ValueKind == JsonValueKind.Number && instance.TryGetInt64(out _),
                "number" => instance.ValueKind == JsonValueKind.Number,
                var other => throw new InvalidOperationException($"Schema type '{other}' is not supported by this validator."),
            };
}
