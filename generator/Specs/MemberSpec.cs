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
    bool Sensitive = false)
{
    /// <summary>The member's own <c>timestampFormat</c>, which wins over its shape's; null when the member has none.</summary>
    public string? TimestampFormat { get; init; }
}
