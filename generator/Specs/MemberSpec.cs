namespace CloudTrailSdk.Generator.Specs;

/// <summary>A structure member as emitters see it: wire name, C# name, resolved type and every rule on it.</summary>
internal sealed record MemberSpec(
    string WireName,
    string PropertyName,
    TypeRef Type,
    bool Required,
    string? Documentation,
    string? DeprecatedMessage,
    bool Deprecated,
    EquatableArray<ConstraintSpec> Customizations,
    string? ErrorCode,
    bool Sensitive = false);
