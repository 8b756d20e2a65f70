namespace CloudTrailSdk.Generator.Specs;

internal enum TypeKind
{
    String,
    Enum,
    Boolean,
    Integer,
    Long,
    Float,
    Double,
    Timestamp,
    Blob,
    Document,
    Structure,
    List,
    Map,
}

/// <summary>
/// A member's type, resolved all the way down: lists and maps carry their element types, and every level carries the
/// constraints of its shape. An emitter needs nothing else to write a member's code.
/// </summary>
internal sealed record TypeRef(
    TypeKind Kind,
    string ShapeName,
    string? TypeName,
    TypeRef? Element,
    TypeRef? Key,
    EquatableArray<ConstraintSpec> Constraints)
{
    /// <summary>For a timestamp: the shape's <c>timestampFormat</c> (iso8601, rfc822, unixTimestamp), or null for the protocol's default.</summary>
    public string? TimestampFormat { get; init; }

    public bool IsValueType => Kind is TypeKind.Enum or TypeKind.Boolean or TypeKind.Integer or TypeKind.Long
        or TypeKind.Float or TypeKind.Double or TypeKind.Timestamp or TypeKind.Document;

    /// <summary>The C# type, without nullability.</summary>
    public string CSharpType => Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Integer => "int",
        TypeKind.Long => "long",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        TypeKind.Timestamp => "global::System.DateTimeOffset",
        TypeKind.Blob => "byte[]",
        TypeKind.Document => "global::System.Text.Json.JsonElement",
        TypeKind.List => "global::System.Collections.Generic.IReadOnlyList<" + Element!.ElementCSharpType + ">",
        TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<" + Key!.CSharpType + ", " + Element!.ElementCSharpType + ">",
        _ => "global::" + TypeName,
    };

    /// <summary>The type as an element of a collection: never nullable, since AWS collections hold no nulls.</summary>
    public string ElementCSharpType => CSharpType;
}
