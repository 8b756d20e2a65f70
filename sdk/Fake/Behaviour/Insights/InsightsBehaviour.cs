using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Insights data: metric series (API call and error counts) computed from the management events the fake holds, and
/// the insight events seeded from log files. The fake has no Insights analysis of its own: it counts, it does not
/// detect anomalies, and a region's events stand for every trail's.
/// </summary>
internal sealed class InsightsBehaviour
{
    /// <summary>The periods AWS accepts, in seconds; the model allows any 60 to 3600.</summary>
    public static readonly int[] Periods = { 60, 300, 3600 };

    private const int DefaultPeriod = 3600;
    private const int DefaultMetricPageSize = 21600;
    private const int DefaultInsightsPageSize = 50;
    private const string StoreArnMarker = ":eventdatastore/";

    private readonly FakeStore _store;
    private readonly TrailFinder _finder;
    private readonly EventDataStoreBehaviour _stores;

    public InsightsBehaviour(FakeStore store, TrailFinder finder, EventDataStoreBehaviour stores)
    {
        _store = store;
        _finder = finder;
        _stores = stores;
    }

    public ListInsightsMetricDataResponse ListInsightsMetricData(ListInsightsMetricDataRequest request, CallScope scope, DateTimeOffset now)
    {
        var period = request.Period ?? DefaultPeriod;
        if (Array.IndexOf(Periods, period) < 0)
        {
            throw new InvalidParameterException("Period must be 60, 300 or 3600 seconds, not " + period + ".");
        }

        var errorRate = request.InsightType == InsightType.ApiErrorRateInsight;
        if (errorRate && string.IsNullOrEmpty(request.ErrorCodeValue))
        {
            throw new InvalidParameterException("ErrorCode is required when InsightType is ApiErrorRateInsight: it names the error to count.");
        }

        if (!errorRate && request.ErrorCodeValue is not null)
        {
            throw new InvalidParameterException("ErrorCode applies to ApiErrorRateInsight only; remove it for ApiCallRateInsight.");
        }

        // AWS: StartTime inclusive, 90 days before the request by default; EndTime exclusive, the request's time by default.
        var start = request.StartTime ?? now - FakeStore.Retention;
        var end = request.EndTime ?? now;
        if (start >= end)
        {
            throw new InvalidParameterException("StartTime (" + start.ToString("O") + ") must be before EndTime (" + end.ToString("O") + ").");
        }

        var offset = ReadOffset("metric", request.NextToken);
        var fillWithZeros = request.DataType == InsightsMetricDataType.FillWithZeros;
        var size = request.MaxResults ?? DefaultMetricPageSize;
        var periodTicks = TimeSpan.FromSeconds(period).Ticks;

        // Buckets start on multiples of the period since the Unix epoch, the first one at or before StartTime.
        var origin = DateTimeOffset.UnixEpoch.UtcTicks;
        var first = start.UtcTicks - ((start.UtcTicks - origin) % periodTicks + periodTicks) % periodTicks;
        var counts = new SortedDictionary<long, double>();
        string? trailArn = null;
        lock (_store.Gate)
        {
            if (request.TrailName is { } trailName)
            {
                trailArn = (_finder.TryFind(_store.Region(scope), trailName) ?? OrganizationTrails.TryFind(_store, scope, trailName)
                    ?? throw new InvalidTrailNameException("No trail named " + trailName + " is visible to account " + scope.Account + " in " + scope.Region + ".")).Arn;
            }

            var events = _store.Region(scope).Events;
            foreach (var position in events.Backward("EventName", request.EventName, events.End, start, end))
            {
                var e = events[position];
                if (e.EventTime >= end || e.EventSource != request.EventSource || (errorRate && ErrorCodeOf(e) != request.ErrorCodeValue))
                {
                    continue;
                }

                var bucket = first + (e.EventTime.UtcTicks - first) / periodTicks * periodTicks;
                counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
            }
        }

        IEnumerable<KeyValuePair<long, double>> series = counts;
        if (fillWithZeros)
        {
            series = Buckets(first, end.UtcTicks, periodTicks).Select(b => new KeyValuePair<long, double>(b, counts.GetValueOrDefault(b)));
        }

        var page = series.Skip(offset).Take(size + 1).ToList();
        var more = page.Count > size;
        if (more)
        {
            page.RemoveAt(size);
        }

        return new ListInsightsMetricDataResponse
        {
            TrailARN = trailArn,
            EventSource = request.EventSource,
            EventName = request.EventName,
            InsightType = request.InsightType,
            ErrorCodeValue = request.ErrorCodeValue,
            Timestamps = page.Select(p => new DateTimeOffset(p.Key, TimeSpan.Zero)).ToList(),
            Values = page.Select(p => p.Value).ToList(),
            NextToken = more ? OffsetToken.Write("metric", offset + size) : null,
        };
    }

    public ListInsightsDataResponse ListInsightsData(ListInsightsDataRequest request, CallScope scope, DateTimeOffset now)
    {
        var start = request.StartTime ?? now - FakeStore.Retention;
        var end = request.EndTime ?? now;
        if (start > end)
        {
            throw new InvalidParameterException("StartTime (" + start.ToString("O") + ") is after EndTime (" + end.ToString("O") + ").");
        }

        var oldest = start > now - FakeStore.Retention ? start : now - FakeStore.Retention;
        var offset = ReadOffset("insights", request.NextToken);
        var size = request.MaxResults ?? DefaultInsightsPageSize;
        var dimension = request.Dimensions is { Count: > 0 } dimensions ? dimensions.First() : (KeyValuePair<ListInsightsDataDimensionKey, string>?)null;
        lock (_store.Gate)
        {
            CheckSource(request.InsightSource, scope, now);
            var insights = _store.Region(scope).Insights;
            var page = insights.Backward(dimension?.Key.Value, dimension?.Value, insights.End, oldest, end)
                .Skip(offset).Take(size + 1).Select(p => insights[p].ToEvent()).ToList();
            var more = page.Count > size;
            if (more)
            {
                page.RemoveAt(size);
            }

            return new ListInsightsDataResponse { Events = page, NextToken = more ? OffsetToken.Write("insights", offset + size) : null };
        }
    }

    // The source must be a trail or event data store the caller can see; the model gives InvalidParameterException for any other.
    private void CheckSource(string source, CallScope scope, DateTimeOffset now)
    {
        if (source.Contains(StoreArnMarker, StringComparison.Ordinal))
        {
            try
            {
                _stores.Find(scope, source, now);
                return;
            }
            catch (CloudTrailException e) when (e is EventDataStoreNotFoundException or EventDataStoreARNInvalidException)
            {
                throw new InvalidParameterException("InsightSource " + source + " names no event data store of account " + scope.Account + ": " + e.Message);
            }
        }

        if (!TrailArn.TryParse(source, out _))
        {
            throw new InvalidParameterException("InsightSource must be the ARN of a trail or an event data store, not '" + source + "'.");
        }

        if (_finder.TryFind(_store.Region(scope), source) is null && OrganizationTrails.TryFind(_store, scope, source) is null)
        {
            throw new InvalidParameterException("InsightSource " + source + " names no trail visible to account " + scope.Account + " in " + scope.Region + ".");
        }
    }

    private static int ReadOffset(string kind, string? token) =>
        token is null ? 0
        : OffsetToken.TryRead(kind, token, out var offset) ? offset
        : throw new InvalidParameterException("NextToken is not a token this operation issued.");

    private static IEnumerable<long> Buckets(long first, long endTicks, long periodTicks)
    {
        for (var b = first; b < endTicks; b += periodTicks)
        {
            yield return b;
        }
    }

    private static string? ErrorCodeOf(RecordedEvent e)
    {
        var reader = new Utf8JsonReader(e.Record);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isErrorCode = reader.ValueTextEquals("errorCode"u8);
            reader.Read();
            if (isErrorCode)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }
}
