using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using ReleasePolicy.Diagnostics;

namespace ReleasePolicy.Api;

/// <summary>
/// The public surface of a built assembly, read from its metadata with System.Reflection.Metadata (nothing is loaded or
/// run): every type and member a consumer outside the assembly can reach — public, and protected in a type they can
/// derive from — as documentation-comment IDs (<c>T:</c>, <c>M:</c>, <c>P:</c>, <c>F:</c>, <c>E:</c>), which stay the
/// same from build to build while the signature does. Compiler-generated members, property and event accessors (their
/// property or event stands for them) and a type's <c>value__</c> field are left out.
/// </summary>
public static class PublicApiReader
{
    /// <returns>The sorted, distinct member IDs, or null with an RP9002 finding naming the file when it is not a .NET assembly.</returns>
    public static IReadOnlyList<string>? TryRead(string assemblyPath, out PolicyFinding? error)
    {
        error = null;
        try
        {
            IO.RegularFile.ThrowUnlessRegular(assemblyPath);
            using var stream = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                error = Unreadable(assemblyPath, "it has no .NET metadata");
                return null;
            }

            return Read(pe.GetMetadataReader());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            error = Unreadable(assemblyPath, e.Message.TrimEnd('.'));
            return null;
        }
    }

    internal static IReadOnlyList<string> Read(MetadataReader reader)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        var provider = new DocumentationIdTypeProvider(reader);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (!IsVisible(reader, type, out var derivable) || IsCompilerGenerated(reader, type.Name))
            {
                continue;
            }

            var typeName = provider.TypeDefinitionName(handle);
            ids.Add("T:" + typeName);
            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                if (Visible(field.Attributes & FieldAttributes.FieldAccessMask, derivable) && (field.Attributes & FieldAttributes.SpecialName) == 0)
                {
                    ids.Add($"F:{typeName}.{reader.GetString(field.Name)}");
                }
            }

            var accessors = new HashSet<MethodDefinitionHandle>();
            foreach (var propertyHandle in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(propertyHandle);
                var methods = property.GetAccessors();
                accessors.Add(methods.Getter);
                accessors.Add(methods.Setter);
                if (AnyVisible(reader, derivable, methods.Getter, methods.Setter))
                {
                    var signature = property.DecodeSignature(provider, new GenericContext(type.GetGenericParameters().Count, 0));
                    var parameters = signature.ParameterTypes.Length == 0 ? string.Empty : "(" + string.Join(",", signature.ParameterTypes) + ")";
                    ids.Add($"P:{typeName}.{Member(reader.GetString(property.Name))}{parameters}");
                }
            }

            foreach (var eventHandle in type.GetEvents())
            {
                var @event = reader.GetEventDefinition(eventHandle);
                var methods = @event.GetAccessors();
                accessors.Add(methods.Adder);
                accessors.Add(methods.Remover);
                accessors.Add(methods.Raiser);
                if (AnyVisible(reader, derivable, methods.Adder, methods.Remover))
                {
                    ids.Add($"E:{typeName}.{Member(reader.GetString(@event.Name))}");
                }
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                if (accessors.Contains(methodHandle) || !Visible(method.Attributes & MethodAttributes.MemberAccessMask, derivable))
                {
                    continue;
                }

                var name = reader.GetString(method.Name);
                if (IsCompilerGenerated(reader, method.Name))
                {
                    continue;
                }

                var generic = method.GetGenericParameters().Count;
                var signature = method.DecodeSignature(provider, new GenericContext(type.GetGenericParameters().Count, generic));
                var builder = new StringBuilder("M:").Append(typeName).Append('.').Append(Member(name));
                if (generic > 0)
                {
                    builder.Append("``").Append(generic);
                }

                if (signature.ParameterTypes.Length > 0)
                {
                    builder.Append('(').Append(string.Join(",", signature.ParameterTypes)).Append(')');
                }

                if (name is "op_Implicit" or "op_Explicit")
                {
                    builder.Append('~').Append(signature.ReturnType);
                }

                ids.Add(builder.ToString());
            }
        }

        return ids.ToList();
    }

    private static PolicyFinding Unreadable(string path, string why) => new(
        RuleIds.UnreadableInput,
        FindingKind.InputError,
        $"The public API of '{path}' could not be read: {why}. Build the project again; if the file is not a .NET assembly, do not list it as the project's output.",
        path);

    /// <summary>Reachable from outside: public all the way up, or protected inside a public type that can be derived from.</summary>
    private static bool IsVisible(MetadataReader reader, TypeDefinition type, out bool derivable)
    {
        derivable = (type.Attributes & TypeAttributes.Sealed) == 0;
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        switch (visibility)
        {
            case TypeAttributes.Public:
                return true;
            case TypeAttributes.NestedPublic:
            case TypeAttributes.NestedFamily:
            case TypeAttributes.NestedFamORAssem:
                var declaring = reader.GetTypeDefinition(type.GetDeclaringType());
                if (!IsVisible(reader, declaring, out var outerDerivable))
                {
                    return false;
                }

                if (visibility != TypeAttributes.NestedPublic && !outerDerivable)
                {
                    return false;
                }

                derivable &= outerDerivable || visibility == TypeAttributes.NestedPublic;
                return true;
            default:
                return false;
        }
    }

    private static bool Visible(FieldAttributes access, bool derivable) =>
        access == FieldAttributes.Public || (derivable && access is FieldAttributes.Family or FieldAttributes.FamORAssem);

    private static bool Visible(MethodAttributes access, bool derivable) =>
        access == MethodAttributes.Public || (derivable && access is MethodAttributes.Family or MethodAttributes.FamORAssem);

    private static bool AnyVisible(MetadataReader reader, bool derivable, params MethodDefinitionHandle[] methods) =>
        methods.Any(m => !m.IsNil && Visible(reader.GetMethodDefinition(m).Attributes & MethodAttributes.MemberAccessMask, derivable));

    /// <summary>Names the C# compiler makes up (<c>&lt;Main&gt;$</c>, <c>&lt;&gt;c</c>, <c>&lt;Clone&gt;$</c>) are not API anyone wrote.</summary>
    private static bool IsCompilerGenerated(MetadataReader reader, StringHandle name) =>
        reader.GetString(name).IndexOf('<') >= 0;

    /// <summary>Documentation IDs write a constructor as <c>#ctor</c> and an explicit implementation's dots as <c>#</c>.</summary>
    private static string Member(string name) =>
        name == ".ctor" ? "#ctor" : name == ".cctor" ? "#cctor" : name.Replace('.', '#');

    private readonly struct GenericContext
    {
        public GenericContext(int typeParameters, int methodParameters)
        {
            TypeParameters = typeParameters;
            MethodParameters = methodParameters;
        }

        public int TypeParameters { get; }

        public int MethodParameters { get; }
    }

    /// <summary>Writes signature types the way documentation IDs do: <c>System.Collections.Generic.List{System.String}</c>, <c>``0</c>, <c>System.Int32[]</c>, <c>System.Int32@</c>.</summary>
    private sealed class DocumentationIdTypeProvider : ISignatureTypeProvider<string, GenericContext>
    {
        private readonly MetadataReader _reader;

        public DocumentationIdTypeProvider(MetadataReader reader) => _reader = reader;

        public string TypeDefinitionName(TypeDefinitionHandle handle)
        {
            var type = _reader.GetTypeDefinition(handle);
            var name = _reader.GetString(type.Name);
            if (type.IsNested)
            {
                return TypeDefinitionName(type.GetDeclaringType()) + "." + name;
            }

            var ns = _reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Boolean => "System.Boolean",
            PrimitiveTypeCode.Byte => "System.Byte",
            PrimitiveTypeCode.Char => "System.Char",
            PrimitiveTypeCode.Double => "System.Double",
            PrimitiveTypeCode.Int16 => "System.Int16",
            PrimitiveTypeCode.Int32 => "System.Int32",
            PrimitiveTypeCode.Int64 => "System.Int64",
            PrimitiveTypeCode.IntPtr => "System.IntPtr",
            PrimitiveTypeCode.Object => "System.Object",
            PrimitiveTypeCode.SByte => "System.SByte",
            PrimitiveTypeCode.Single => "System.Single",
            PrimitiveTypeCode.String => "System.String",
            PrimitiveTypeCode.TypedReference => "System.TypedReference",
            PrimitiveTypeCode.UInt16 => "System.UInt16",
            PrimitiveTypeCode.UInt32 => "System.UInt32",
            PrimitiveTypeCode.UInt64 => "System.UInt64",
            PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
            PrimitiveTypeCode.Void => "System.Void",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeDefinitionName(handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = reader.GetTypeReference(handle);
            var name = reader.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind) + "." + name;
            }

            var ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string GetTypeFromSpecification(MetadataReader reader, GenericContext genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) =>
            elementType + "[" + string.Join(",", Enumerable.Range(0, shape.Rank).Select(i => i < shape.LowerBounds.Length ? shape.LowerBounds[i] + ":" : "0:")) + "]";

        public string GetByReferenceType(string elementType) => elementType + "@";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            var tick = genericType.LastIndexOf('`');
            var name = tick > 0 ? genericType.Substring(0, tick) : genericType;
            return name + "{" + string.Join(",", typeArguments) + "}";
        }

        public string GetGenericTypeParameter(GenericContext genericContext, int index) => "`" + index;

        public string GetGenericMethodParameter(GenericContext genericContext, int index) => "``" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) =>
            "method " + signature.ReturnType + "(" + string.Join(",", signature.ParameterTypes) + ")";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    }
}
