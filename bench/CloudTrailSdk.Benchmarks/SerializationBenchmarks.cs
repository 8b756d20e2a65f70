using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CloudTrailSdk.Serialization;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// awsJson serialization, three ways side by side: our generated serializers, reflection-based System.Text.Json on
/// equivalent plain classes (what a Refit-style client does), and a bare <see cref="Utf8JsonReader"/> /
/// <see cref="Utf8JsonWriter"/> pass over the same data (the floor).
/// </summary>
/// <remarks>
/// Deserialize: a 50-event LookupEvents page (see <see cref="SerializationWorkload"/>) from UTF-8 bytes held in
/// memory. Serialize: a PutEventSelectors request into a reused <see cref="Utf8JsonWriter"/> over a reused
/// <see cref="ArrayBufferWriter{T}"/>, so only the serializer's own work and allocations are measured.
/// <see cref="Setup"/> checks that the contenders read the same data and write the same bytes, and throws if not.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SerializationBenchmarks
{
    private byte[] _page = null!;
    private byte[] _strippedPage = null!;
    private PutEventSelectorsRequest _request = null!;
    private PlainPutEventSelectorsRequest _plainRequest = null!;
    private ArrayBufferWriter<byte> _buffer = null!;
    private Utf8JsonWriter _writer = null!;

    /// <summary>Builds the inputs once and checks that the three contenders agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _page = SerializationWorkload.BuildLookupEventsPage();
        _strippedPage = SerializationWorkload.BuildLookupEventsPage(includeRecords: false);
        _request = SerializationWorkload.BuildPutEventSelectorsRequest();
        _plainRequest = ToPlain(_request);
        _buffer = new ArrayBufferWriter<byte>(16 * 1024);
        _writer = new Utf8JsonWriter(_buffer);

        CheckDeserializersAgree();
        CheckSerializersAgree();
    }

    /// <summary>Disposes the reused writer.</summary>
    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    // ---- Deserialize: LookupEvents page ----

    /// <summary>Ours: the generated <see cref="LookupEventsResponseSerializer"/>.</summary>
    [Benchmark]
    [BenchmarkCategory("Deserialize LookupEvents page")]
    public LookupEventsResponse Deserialize_Ours()
    {
        var reader = new Utf8JsonReader(_page);
        return LookupEventsResponseSerializer.Read(ref reader);
    }

    /// <summary>Reflection System.Text.Json on plain classes.</summary>
    [Benchmark]
    [BenchmarkCategory("Deserialize LookupEvents page")]
    public PlainLookupEventsResponse? Deserialize_StjReflection() =>
        JsonSerializer.Deserialize<PlainLookupEventsResponse>(_page, PlainJson.Options);

    /// <summary>The floor: read every token, materialize every string value, parse every number.</summary>
    [Benchmark]
    [BenchmarkCategory("Deserialize LookupEvents page")]
    public long Deserialize_Floor() => ReadEveryToken(_page);

    // ---- Supplementary: the same page without the CloudTrailEvent strings ----

    /// <summary>Ours, on the page without records: per-object and per-member cost only.</summary>
    [Benchmark]
    [BenchmarkCategory("Deserialize page without CloudTrailEvent (supplementary)")]
    public LookupEventsResponse DeserializeNoRecords_Ours()
    {
        var reader = new Utf8JsonReader(_strippedPage);
        return LookupEventsResponseSerializer.Read(ref reader);
    }

    /// <summary>Reflection System.Text.Json, on the page without records.</summary>
    [Benchmark]
    [BenchmarkCategory("Deserialize page without CloudTrailEvent (supplementary)")]
    public PlainLookupEventsResponse? DeserializeNoRecords_StjReflection() =>
        JsonSerializer.Deserialize<PlainLookupEventsResponse>(_strippedPage, PlainJson.Options);

    /// <summary>The floor, on the page without records.</summary>
    [Benchmark]
    [BenchmarkCategory("Deserialize page without CloudTrailEvent (supplementary)")]
    public long DeserializeNoRecords_Floor() => ReadEveryToken(_strippedPage);

    // ---- Serialize: PutEventSelectors request ----

    /// <summary>Ours: the generated <see cref="PutEventSelectorsRequestSerializer"/>.</summary>
    [Benchmark]
    [BenchmarkCategory("Serialize PutEventSelectors request")]
    public int Serialize_Ours()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        PutEventSelectorsRequestSerializer.Write(_writer, _request);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>Reflection System.Text.Json on plain classes.</summary>
    [Benchmark]
    [BenchmarkCategory("Serialize PutEventSelectors request")]
    public int Serialize_StjReflection()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, _plainRequest, PlainJson.Options);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>The floor: hand-written <see cref="Utf8JsonWriter"/> calls over the same request objects.</summary>
    [Benchmark]
    [BenchmarkCategory("Serialize PutEventSelectors request")]
    public int Serialize_Floor()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        WriteByHand(_writer, _request);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>
    /// Every token of the page: property names compared in place (as the generated reader does with
    /// ValueTextEquals), string values materialized with GetString, numbers parsed. No objects built.
    /// </summary>
    internal static long ReadEveryToken(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        long total = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    total += reader.GetString()!.Length;
                    break;
                case JsonTokenType.Number:
                    total += (long)reader.GetDouble();
                    break;
                case JsonTokenType.True:
                    total++;
                    break;
            }
        }

        return total;
    }

    /// <summary>The request, written with plain Utf8JsonWriter calls and indexed loops (no enumerators).</summary>
    internal static void WriteByHand(Utf8JsonWriter w, PutEventSelectorsRequest request)
    {
        w.WriteStartObject();
        w.WriteString("TrailName"u8, request.TrailName);
        if (request.EventSelectors is { } selectors)
        {
            w.WriteStartArray("EventSelectors"u8);
            for (var i = 0; i < selectors.Count; i++)
            {
                var s = selectors[i];
                w.WriteStartObject();
                if (s.ReadWriteType is { } rw)
                {
                    w.WriteString("ReadWriteType"u8, rw.Value);
                }

                if (s.IncludeManagementEvents is { } include)
                {
                    w.WriteBoolean("IncludeManagementEvents"u8, include);
                }

                if (s.DataResources is { } resources)
                {
                    w.WriteStartArray("DataResources"u8);
                    for (var j = 0; j < resources.Count; j++)
                    {
                        var r = resources[j];
                        w.WriteStartObject();
                        if (r.Type is { } type)
                        {
                            w.WriteString("Type"u8, type);
                        }

                        WriteStrings(w, "Values"u8, r.Values);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                WriteStrings(w, "ExcludeManagementEventSources"u8, s.ExcludeManagementEventSources);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (request.AdvancedEventSelectors is { } advanced)
        {
            w.WriteStartArray("AdvancedEventSelectors"u8);
            for (var i = 0; i < advanced.Count; i++)
            {
                var a = advanced[i];
                w.WriteStartObject();
                if (a.Name is { } name)
                {
                    w.WriteString("Name"u8, name);
                }

                w.WriteStartArray("FieldSelectors"u8);
                for (var j = 0; j < a.FieldSelectors.Count; j++)
                {
                    var f = a.FieldSelectors[j];
                    w.WriteStartObject();
                    w.WriteString("Field"u8, f.Field);
                    WriteStrings(w, "Equals"u8, f.EqualsValue);
                    WriteStrings(w, "StartsWith"u8, f.StartsWith);
                    WriteStrings(w, "EndsWith"u8, f.EndsWith);
                    WriteStrings(w, "NotEquals"u8, f.NotEquals);
                    WriteStrings(w, "NotStartsWith"u8, f.NotStartsWith);
                    WriteStrings(w, "NotEndsWith"u8, f.NotEndsWith);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            w.WriteStringValue(values[i]);
        }

        w.WriteEndArray();
    }

    private void CheckDeserializersAgree()
    {
        var ours = Deserialize_Ours();
        var plain = Deserialize_StjReflection() ?? throw new InvalidOperationException("STJ read null");
        var oursEvents = ours.Events ?? throw new InvalidOperationException("ours read no Events");
        var plainEvents = plain.Events ?? throw new InvalidOperationException("STJ read no Events");
        Require(oursEvents.Count == SerializationWorkload.EventsPerPage, $"ours read {oursEvents.Count} events");
        Require(plainEvents.Count == oursEvents.Count, $"STJ read {plainEvents.Count} events, ours {oursEvents.Count}");
        Require(ours.NextToken is { Length: > 0 } && ours.NextToken == plain.NextToken, "NextToken differs");

        long recordChars = 0;
        var resources = 0;
        for (var i = 0; i < oursEvents.Count; i++)
        {
            var a = oursEvents[i];
            var b = plainEvents[i];
            var at = $"event {i}";
            Require(a.EventId is { Length: > 0 } && a.EventId == b.EventId, at + ": EventId differs");
            Require(a.EventName is { Length: > 0 } && a.EventName == b.EventName, at + ": EventName differs");
            Require(a.ReadOnly is { Length: > 0 } && a.ReadOnly == b.ReadOnly, at + ": ReadOnly differs");
            Require(a.AccessKeyId is { Length: > 0 } && a.AccessKeyId == b.AccessKeyId, at + ": AccessKeyId differs");
            Require(a.EventTime is not null && a.EventTime == b.EventTime, at + $": EventTime differs ({a.EventTime:O} vs {b.EventTime:O})");
            Require(a.EventSource is { Length: > 0 } && a.EventSource == b.EventSource, at + ": EventSource differs");
            Require(a.Username is { Length: > 0 } && a.Username == b.Username, at + ": Username differs");
            Require(a.CloudTrailEvent is { Length: > 1000 } && a.CloudTrailEvent == b.CloudTrailEvent, at + ": CloudTrailEvent differs or is short");
            var ar = a.Resources ?? Array.Empty<Resource>();
            var br = b.Resources ?? new List<PlainResource>();
            Require(ar.Count == br.Count, at + ": Resources count differs");
            for (var j = 0; j < ar.Count; j++)
            {
                Require(ar[j].ResourceType == br[j].ResourceType && ar[j].ResourceName == br[j].ResourceName, at + $": Resources[{j}] differs");
            }

            // The record must itself be a CloudTrail record, not just a long string.
            using var record = JsonDocument.Parse(a.CloudTrailEvent!);
            Require(record.RootElement.GetProperty("eventID").GetString() == a.EventId, at + ": record eventID differs");
            recordChars += a.CloudTrailEvent!.Length;
            resources += ar.Count;
        }

        var stripped = DeserializeNoRecords_Ours();
        var strippedPlain = DeserializeNoRecords_StjReflection();
        Require(
            stripped.Events?.Count == oursEvents.Count && strippedPlain?.Events?.Count == oursEvents.Count
                && stripped.Events.All(e => e.CloudTrailEvent is null) && strippedPlain.Events.All(e => e.CloudTrailEvent is null)
                && stripped.Events.Select(e => e.EventId).SequenceEqual(oursEvents.Select(e => e.EventId))
                && stripped.Events.Select(e => e.EventTime).SequenceEqual(strippedPlain.Events.Select(e => e.EventTime)),
            "the page without records differs from the page");

        var floor = ReadEveryToken(_page);
        Require(floor > recordChars, "the floor read less than the records");
        Console.WriteLine(
            $"// Workload: page {_page.Length} bytes ({_strippedPage.Length} without records), {oursEvents.Count} events, {resources} resources, " +
            $"CloudTrailEvent mean {recordChars / oursEvents.Count} chars (min {oursEvents.Min(e => e.CloudTrailEvent!.Length)}, max {oursEvents.Max(e => e.CloudTrailEvent!.Length)})");
    }

    private void CheckSerializersAgree()
    {
        var ours = Written(Serialize_Ours);
        var plain = Written(Serialize_StjReflection);
        var floor = Written(Serialize_Floor);
        Require(ours.AsSpan().SequenceEqual(plain), "STJ wrote different bytes:\n" + System.Text.Encoding.UTF8.GetString(ours) + "\n" + System.Text.Encoding.UTF8.GetString(plain));
        Require(ours.AsSpan().SequenceEqual(floor), "the floor wrote different bytes:\n" + System.Text.Encoding.UTF8.GetString(ours) + "\n" + System.Text.Encoding.UTF8.GetString(floor));

        // And it round-trips through our reader.
        var reader = new Utf8JsonReader(ours);
        var back = PutEventSelectorsRequestSerializer.Read(ref reader);
        Require(back.EventSelectors?.Count == 5 && back.AdvancedEventSelectors?.Count == 3 && back.TrailName == _request.TrailName, "request does not round-trip");
        Console.WriteLine($"// Workload: PutEventSelectors request {ours.Length} bytes");
    }

    private byte[] Written(Func<int> write)
    {
        var count = write();
        Require(count == _buffer.WrittenCount && count > 0, "nothing written");
        return _buffer.WrittenSpan.ToArray();
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("SerializationBenchmarks: contenders disagree: " + message);
        }
    }

    private static PlainPutEventSelectorsRequest ToPlain(PutEventSelectorsRequest r) => new()
    {
        TrailName = r.TrailName,
        EventSelectors = r.EventSelectors?.Select(s => new PlainEventSelector
        {
            ReadWriteType = s.ReadWriteType?.Value,
            IncludeManagementEvents = s.IncludeManagementEvents,
            DataResources = s.DataResources?.Select(d => new PlainDataResource { Type = d.Type, Values = d.Values?.ToList() }).ToList(),
            ExcludeManagementEventSources = s.ExcludeManagementEventSources?.ToList(),
        }).ToList(),
        AdvancedEventSelectors = r.AdvancedEventSelectors?.Select(a => new PlainAdvancedEventSelector
        {
            Name = a.Name,
            FieldSelectors = a.FieldSelectors.Select(f => new PlainAdvancedFieldSelector
            {
                Field = f.Field,
                EqualsValue = f.EqualsValue?.ToList(),
                StartsWith = f.StartsWith?.ToList(),
                EndsWith = f.EndsWith?.ToList(),
                NotEquals = f.NotEquals?.ToList(),
                NotStartsWith = f.NotStartsWith?.ToList(),
                NotEndsWith = f.NotEndsWith?.ToList(),
            }).ToList(),
        }).ToList(),
    };
}
