using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

public sealed partial class FakeCloudTrailServer
{
    private const int DefaultPageSize = 50;
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    // Insights events carry no user, access key or resources, so CloudTrail lets them be filtered by these keys only.
    private static readonly string[] InsightLookupKeys = { "EventId", "EventName", "EventSource" };

    /// <inheritdoc/>
    protected override Task<LookupEventsResponse> LookupEventsAsync(LookupEventsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        var now = TimeProvider.GetUtcNow();
        var from = request.StartTime ?? now - Retention;
        var to = request.EndTime ?? now;
        var filter = request.LookupAttributes is { Count: > 0 } attributes ? attributes[0] : null;
        if (request.EventCategory is { } requested && requested == EventCategory.Insight
            && filter?.AttributeKey?.Value is { } key && Array.IndexOf(InsightLookupKeys, key) < 0)
        {
            throw new InvalidLookupAttributesException(
                "EventCategory insight can be filtered only by EventId, EventName or EventSource, not by " + key + ".");
        }

        var parameters = Fingerprint(request);
        var size = request.MaxResults ?? DefaultPageSize;
        var page = new List<Event>(Math.Min(size, 64));
        string? next = null;
        lock (_gate)
        {
            Throttle(context, LookupEventsRate);

            // The fake records management events only; insight events come from seeded log files. The two never mix.
            var insights = request.EventCategory is { } category && category == EventCategory.Insight;
            var state = State(context);
            var events = insights ? state.Insights : state.Events;

            // Tokens anchor on a position in the append-only event log, not on an offset into the results: events
            // recorded while a scan is under way (the scan's own calls among them) then cannot shift its pages.
            var anchor = events.Count;
            if (request.NextToken is { } token && !TryReadToken(token, parameters, events.Count, out anchor))
            {
                throw new InvalidNextTokenException("Invalid NextToken: it was issued for different parameters, or is not a token this service issued.");
            }

            var oldest = from > now - Retention ? from : now - Retention;
            foreach (var i in events.Backward(filter?.AttributeKey?.Value, filter?.AttributeValue, anchor, oldest, to))
            {
                if (page.Count == size)
                {
                    next = WriteToken(i + 1, parameters);
                    break;
                }

                page.Add(events[i].ToEvent());
            }
        }

        return Task.FromResult(new LookupEventsResponse { Events = page, NextToken = next });
    }

    // A token is bound to the parameters it was issued for, as CloudTrail's are.
    private static string Fingerprint(LookupEventsRequest request)
    {
        var text = new StringBuilder();
        foreach (var a in request.LookupAttributes ?? Array.Empty<LookupAttribute>())
        {
            text.Append(a.AttributeKey?.Value).Append('=').Append(a.AttributeValue).Append(';');
        }

        text.Append(request.StartTime?.ToUnixTimeMilliseconds()).Append(';').Append(request.EndTime?.ToUnixTimeMilliseconds())
            .Append(';').Append(request.EventCategory?.Value).Append(';').Append(request.MaxResults);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 8);
    }

    private static string WriteToken(int anchor, string fingerprint) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(anchor.ToString(CultureInfo.InvariantCulture) + ":" + fingerprint));

    private static bool TryReadToken(string token, string fingerprint, int eventCount, out int anchor)
    {
        anchor = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            return parts.Length == 2 && parts[1] == fingerprint
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out anchor) && anchor <= eventCount;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
