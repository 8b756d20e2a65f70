using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudTrailSdk.Benchmarks;

// The classes a Refit-style client would write by hand for the same wire shapes and hand to reflection-based
// System.Text.Json: mutable POCOs, List<T>, the same (PascalCase) property names, and a small converter for
// awsJson's epoch-seconds timestamps. Used only by SerializationBenchmarks.

/// <summary>Plain counterpart of <see cref="LookupEventsResponse"/>.</summary>
public sealed class PlainLookupEventsResponse
{
    /// <summary>Events on the page.</summary>
    public List<PlainEvent>? Events { get; set; }

    /// <summary>Token for the next page.</summary>
    public string? NextToken { get; set; }
}

/// <summary>Plain counterpart of <see cref="Event"/>.</summary>
public sealed class PlainEvent
{
    /// <summary>Event ID.</summary>
    public string? EventId { get; set; }

    /// <summary>API action.</summary>
    public string? EventName { get; set; }

    /// <summary>"true" or "false".</summary>
    public string? ReadOnly { get; set; }

    /// <summary>Access key that signed the call.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>When the event happened (epoch seconds on the wire).</summary>
    public DateTimeOffset? EventTime { get; set; }

    /// <summary>Service endpoint.</summary>
    public string? EventSource { get; set; }

    /// <summary>Caller.</summary>
    public string? Username { get; set; }

    /// <summary>Resources named in the event.</summary>
    public List<PlainResource>? Resources { get; set; }

    /// <summary>The full record, as a JSON string.</summary>
    public string? CloudTrailEvent { get; set; }
}

/// <summary>Plain counterpart of <see cref="Resource"/>.</summary>
public sealed class PlainResource
{
    /// <summary>Resource type.</summary>
    public string? ResourceType { get; set; }

    /// <summary>Resource name.</summary>
    public string? ResourceName { get; set; }
}

/// <summary>Plain counterpart of <see cref="PutEventSelectorsRequest"/>.</summary>
public sealed class PlainPutEventSelectorsRequest
{
    /// <summary>Trail name or ARN.</summary>
    public string? TrailName { get; set; }

    /// <summary>Basic selectors.</summary>
    public List<PlainEventSelector>? EventSelectors { get; set; }

    /// <summary>Advanced selectors.</summary>
    public List<PlainAdvancedEventSelector>? AdvancedEventSelectors { get; set; }
}

/// <summary>Plain counterpart of <see cref="EventSelector"/>.</summary>
public sealed class PlainEventSelector
{
    /// <summary>ReadOnly, WriteOnly or All.</summary>
    public string? ReadWriteType { get; set; }

    /// <summary>Whether management events are logged.</summary>
    public bool? IncludeManagementEvents { get; set; }

    /// <summary>Data resources.</summary>
    public List<PlainDataResource>? DataResources { get; set; }

    /// <summary>Excluded event sources.</summary>
    public List<string>? ExcludeManagementEventSources { get; set; }
}

/// <summary>Plain counterpart of <see cref="DataResource"/>.</summary>
public sealed class PlainDataResource
{
    /// <summary>Resource type.</summary>
    public string? Type { get; set; }

    /// <summary>ARNs or prefixes.</summary>
    public List<string>? Values { get; set; }
}

/// <summary>Plain counterpart of <see cref="AdvancedEventSelector"/>.</summary>
public sealed class PlainAdvancedEventSelector
{
    /// <summary>Selector name.</summary>
    public string? Name { get; set; }

    /// <summary>Field selectors.</summary>
    public List<PlainAdvancedFieldSelector>? FieldSelectors { get; set; }
}

/// <summary>Plain counterpart of <see cref="AdvancedFieldSelector"/>.</summary>
public sealed class PlainAdvancedFieldSelector
{
    /// <summary>Field.</summary>
    public string? Field { get; set; }

    /// <summary>Equals (renamed: a property cannot be called Equals without hiding object.Equals).</summary>
    [JsonPropertyName("Equals")]
    public List<string>? EqualsValue { get; set; }

    /// <summary>StartsWith.</summary>
    public List<string>? StartsWith { get; set; }

    /// <summary>EndsWith.</summary>
    public List<string>? EndsWith { get; set; }

    /// <summary>NotEquals.</summary>
    public List<string>? NotEquals { get; set; }

    /// <summary>NotStartsWith.</summary>
    public List<string>? NotStartsWith { get; set; }

    /// <summary>NotEndsWith.</summary>
    public List<string>? NotEndsWith { get; set; }
}

/// <summary>awsJson timestamps: epoch seconds (possibly fractional or in E notation) as a JSON number.</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000d, MidpointRounding.AwayFromZero));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000d);
    }
}

/// <summary>The options such a client would create once and reuse.</summary>
public static class PlainJson
{
    /// <summary>
    /// Case-sensitive PascalCase names (no naming policy), nulls left out when writing, epoch-seconds timestamps.
    /// Case-sensitive matching is the cheaper choice; Refit's own default (JsonSerializerDefaults.Web) would add
    /// camelCase and case-insensitive matching, which AWS's PascalCase wire would need undone anyway.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsConverter() },
    };
}
