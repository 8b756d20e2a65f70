namespace CloudTrailSdk.Generator.Specs;

/// <summary>A rule across members of one structure, from the customizations file.</summary>
internal sealed record ShapeRuleSpec(string Rule, EquatableArray<string> Arguments, long Limit, string? ErrorCode);

/// <summary>A structure: one record, its serializer and its validator.</summary>
internal sealed record StructureSpec(
    ServiceContext Service,
    string ShapeName,
    string TypeName,
    string? Documentation,
    EquatableArray<MemberSpec> Members,
    EquatableArray<ShapeRuleSpec> Rules,
    double RateLimit,
    bool IsUnion)
{
    /// <summary>The file name this spec is emitted under, unique in the model ignoring case.</summary>
    public string HintName { get; init; } = string.Empty;

    /// <summary>An operation's output: on the client side it derives from AwsResponse, a record with members of its own.</summary>
    public bool IsResponse { get; init; }
}

internal sealed record EnumValueSpec(string Value, string Identifier);

/// <summary>A string shape with an enum: a string-backed value type that keeps unknown values.</summary>
internal sealed record EnumSpec(
    ServiceContext Service,
    string ShapeName,
    string TypeName,
    string? Documentation,
    EquatableArray<EnumValueSpec> Values)
{
    /// <summary>The file name this spec is emitted under, unique in the model ignoring case.</summary>
    public string HintName { get; init; } = string.Empty;
}

/// <summary>An error shape: a typed exception.</summary>
internal sealed record ErrorSpec(
    ServiceContext Service,
    string Code,
    string TypeName,
    string? Documentation,
    int StatusCode,
    bool Fault,
    EquatableArray<MemberSpec> Members)
{
    /// <summary>The file name this spec is emitted under, unique in the model ignoring case.</summary>
    public string HintName { get; init; } = string.Empty;
}

/// <summary>How an operation pages: the token members, the page size member and the item list.</summary>
internal sealed record PaginatorSpec(
    string InputTokenProperty,
    string OutputTokenProperty,
    string? LimitProperty,
    string? ItemsProperty,
    TypeRef? ItemType,
    string? ItemsPath);

/// <summary>One operation: client method, paginator and server handler.</summary>
internal sealed record OperationSpec(
    ServiceContext Service,
    string Name,
    string? Documentation,
    string? InputTypeName,
    string? InputShape,
    string? OutputTypeName,
    EquatableArray<string> ErrorCodes,
    PaginatorSpec? Paginator,
    string? DeprecatedMessage,
    bool Deprecated,
    double RateLimit)
{
    /// <summary>The file name this spec is emitted under, unique in the model ignoring case.</summary>
    public string HintName { get; init; } = string.Empty;

    /// <summary>The host prefix and request compression the model sets; null when it sets neither.</summary>
    public RequestTraitsSpec? Traits { get; init; }
}

/// <summary>
/// An operation's <c>endpoint.hostPrefix</c> (checked: host characters and placeholders that name string members
/// marked hostLabel), those members' wire names, and whether <c>requestcompression</c> lists gzip.
/// </summary>
internal sealed record RequestTraitsSpec(string? HostPrefix, EquatableArray<HostLabelSpec> HostLabels, bool Gzip);

/// <summary>A host-label member: its wire name (the placeholder) and its property.</summary>
internal sealed record HostLabelSpec(string Name, string Property);

/// <summary>The service-wide pieces: client class, error factory, dispatcher switch. Names only, so shape edits leave it cached.</summary>
internal sealed record ServiceUnitSpec(
    ServiceContext Service,
    string? Documentation,
    EquatableArray<string> Operations,
    EquatableArray<string> PaginatedOperations,
    EquatableArray<ErrorSummary> Errors,
    EquatableArray<OperationRate> RateLimits);

/// <summary>An operation's documented request rate, which a server enforces and a client paces to.</summary>
internal sealed record OperationRate(string Operation, double RequestsPerSecond);

internal sealed record ErrorSummary(string Code, string TypeName);
