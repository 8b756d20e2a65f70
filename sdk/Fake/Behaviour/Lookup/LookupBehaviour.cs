using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>LookupEvents over the events the fake recorded and the ones seeded from log files.</summary>
internal sealed class LookupBehaviour
{
    private const int DefaultPageSize = 50;

    private readonly FakeStore _store;

    public LookupBehaviour(FakeStore store) => _store = store;

    public LookupEventsResponse LookupEvents(LookupEventsRequest request, CallScope scope, DateTimeOffset now)
    {
        var from = request.StartTime ?? now - FakeStore.Retention;
        var to = request.EndTime ?? now;
        var filter = request.LookupAttributes is { Count: > 0 } attributes ? attributes[0] : null;
        // Which keys an insight lookup may filter by is a rule of the customizations: the generated validator
        // checks it before this runs, as it does in the client.
        var parameters = LookupToken.Fingerprint(request);
        var size = request.MaxResults ?? DefaultPageSize;
        var page = new List<Event>(Math.Min(size, 64));
        string? next = null;
        lock (_store.Gate)
        {
            // The fake records management events only; insight events come from seeded log files. The two never mix.
            var insights = request.EventCategory is { } category && category == EventCategory.Insight;
            var state = _store.Region(scope);
            var events = insights ? state.Insights : state.Events;
            var anchor = events.End;
            if (request.NextToken is { } token && !LookupToken.TryRead(token, parameters, events.End, out anchor))
            {
                throw new InvalidNextTokenException("Invalid NextToken: it was issued for different parameters, or is not a token this service issued.");
            }

            var oldest = from > now - FakeStore.Retention ? from : now - FakeStore.Retention;
            foreach (var i in events.Backward(filter?.AttributeKey?.Value, filter?.AttributeValue, anchor, oldest, to))
            {
                if (page.Count == size)
                {
                    next = LookupToken.Write(i + 1, parameters);
                    break;
                }

                page.Add(events[i].ToEvent());
            }
        }

        return new LookupEventsResponse { Events = page, NextToken = next };
    }
}
