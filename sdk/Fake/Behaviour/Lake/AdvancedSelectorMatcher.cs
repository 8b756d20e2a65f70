using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Advanced event selectors as event data stores apply them: an event is kept when any selector matches; a selector
/// matches when every field condition does; a condition matches when the field's value (any of them, for resources)
/// equals, starts or ends with one of the listed values, and none of the Not* lists.
/// </summary>
internal static class AdvancedSelectorMatcher
{
    /// <summary>The fields a condition may test, as CloudTrail documents them for event data stores.</summary>
    public static readonly IReadOnlyList<string> Fields = new[]
    {
        "eventCategory", "eventSource", "eventName", "eventType", "readOnly", "resources.type", "resources.ARN",
        "userIdentity.arn", "errorCode", "sessionCredentialFromConsole",
    };

    /// <summary>Throws InvalidEventSelectorsException naming the first condition CloudTrail would refuse.</summary>
    public static void Check(IReadOnlyList<AdvancedEventSelector> selectors)
    {
        foreach (var (selector, i) in selectors.Select((s, i) => (s, i)))
        {
            foreach (var condition in selector.FieldSelectors)
            {
                if (!Fields.Contains(condition.Field, StringComparer.Ordinal))
                {
                    throw new InvalidEventSelectorsException("AdvancedEventSelectors[" + i + "]: the field " + condition.Field + " cannot be used in an event data store's selectors; use one of " + string.Join(", ", Fields) + ".");
                }

                if (Lists(condition).All(l => l is null || l.Count == 0))
                {
                    throw new InvalidEventSelectorsException("AdvancedEventSelectors[" + i + "]: the condition on " + condition.Field + " lists no values.");
                }
            }
        }
    }

    public static bool Matches(IReadOnlyList<AdvancedEventSelector> selectors, RecordedEvent e)
    {
        using var record = JsonDocument.Parse(e.Record);
        return selectors.Any(s => s.FieldSelectors.All(c => Matches(c, ValuesOf(record.RootElement, c.Field, e))));
    }

    private static IEnumerable<IReadOnlyList<string>?> Lists(AdvancedFieldSelector c) =>
        new[] { c.EqualsValue, c.StartsWith, c.EndsWith, c.NotEquals, c.NotStartsWith, c.NotEndsWith };

    private static bool Matches(AdvancedFieldSelector c, List<string> values)
    {
        bool Any(IReadOnlyList<string>? list, Func<string, string, bool> test) => list is { Count: > 0 } && values.Any(v => list.Any(x => test(v, x)));
        var positive = c.EqualsValue is { Count: > 0 } || c.StartsWith is { Count: > 0 } || c.EndsWith is { Count: > 0 };
        if (positive && !(Any(c.EqualsValue, string.Equals) || Any(c.StartsWith, (v, x) => v.StartsWith(x, StringComparison.Ordinal)) || Any(c.EndsWith, (v, x) => v.EndsWith(x, StringComparison.Ordinal))))
        {
            return false;
        }

        return !Any(c.NotEquals, string.Equals) && !Any(c.NotStartsWith, (v, x) => v.StartsWith(x, StringComparison.Ordinal))
            && !Any(c.NotEndsWith, (v, x) => v.EndsWith(x, StringComparison.Ordinal));
    }

    private static List<string> ValuesOf(JsonElement record, string field, RecordedEvent e)
    {
        switch (field)
        {
            case "readOnly":
                return new List<string> { e.ReadOnly ? "true" : "false" };
            case "resources.type":
            case "resources.ARN":
                var key = field == "resources.type" ? "type" : "ARN";
                return record.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array
                    ? resources.EnumerateArray().Select(r => Text(r, key)).OfType<string>().ToList()
                    : new List<string>();
            case "userIdentity.arn":
                return record.TryGetProperty("userIdentity", out var identity) && Text(identity, "arn") is { } arn ? new List<string> { arn } : new List<string>();
            default:
                return Text(record, field) is { } value ? new List<string> { value } : new List<string>();
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
