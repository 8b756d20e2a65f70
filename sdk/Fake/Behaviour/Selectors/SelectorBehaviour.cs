using System;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>Event selectors (basic and advanced) and insight selectors of trails.</summary>
internal sealed class SelectorBehaviour
{
    private readonly FakeStore _store;
    private readonly TrailFinder _finder;

    public SelectorBehaviour(FakeStore store, TrailFinder finder)
    {
        _store = store;
        _finder = finder;
    }

    public PutEventSelectorsResponse PutEventSelectors(PutEventSelectorsRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var trail = _finder.FindInHomeRegion(scope, request.TrailName);
            if (request.EventSelectors is null && request.AdvancedEventSelectors is null)
            {
                throw new InvalidEventSelectorsException("Specify either EventSelectors or AdvancedEventSelectors.");
            }

            // The two kinds are mutually exclusive (the validator rejects both at once); putting one kind replaces the other.
            trail.EventSelectors = request.EventSelectors;
            trail.AdvancedEventSelectors = request.AdvancedEventSelectors;
            trail.Trail = trail.Trail with { HasCustomEventSelectors = true };
            return new PutEventSelectorsResponse
            {
                TrailARN = trail.Arn,
                EventSelectors = trail.EventSelectors,
                AdvancedEventSelectors = trail.AdvancedEventSelectors,
            };
        }
    }

    public GetEventSelectorsResponse GetEventSelectors(GetEventSelectorsRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var trail = _finder.Find(scope, request.TrailName);
            return new GetEventSelectorsResponse
            {
                TrailARN = trail.Arn,
                EventSelectors = trail.EventSelectors,
                AdvancedEventSelectors = trail.AdvancedEventSelectors,
            };
        }
    }

    public PutInsightSelectorsResponse PutInsightSelectors(PutInsightSelectorsRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var trail = _finder.FindInHomeRegion(scope, InsightTrailName(request.TrailName, request.EventDataStore));
            var types = request.InsightSelectors.Select(s => s.InsightType?.Value).ToList();
            if (types.Any(t => t is null) || types.Distinct(StringComparer.Ordinal).Count() != types.Count)
            {
                throw new InvalidInsightSelectorsException("Each insight selector needs an InsightType, and each type may appear once.");
            }

            // Insights are computed from management events: a trail that logs none cannot have them.
            if (types.Count > 0 && !LogsManagementEvents(trail))
            {
                throw new InvalidInsightSelectorsException("Insights require a trail that logs management events; " + trail.Name + " does not.");
            }

            trail.InsightSelectors = request.InsightSelectors.ToArray();
            trail.Trail = trail.Trail with { HasInsightSelectors = types.Count > 0 };
            return new PutInsightSelectorsResponse { TrailARN = trail.Arn, InsightSelectors = trail.InsightSelectors };
        }
    }

    public GetInsightSelectorsResponse GetInsightSelectors(GetInsightSelectorsRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var trail = _finder.Find(scope, InsightTrailName(request.TrailName, request.EventDataStore));
            if (trail.InsightSelectors.Count == 0)
            {
                throw new InsightNotEnabledException("Trail " + trail.Name + " does not have Insights enabled.");
            }

            return new GetInsightSelectorsResponse { TrailARN = trail.Arn, InsightSelectors = trail.InsightSelectors };
        }
    }

    // Insight selectors belong to a trail or to an event data store; the fake has no event data stores.
    private static string InsightTrailName(string? trailName, string? eventDataStore)
    {
        if (trailName is not null && eventDataStore is not null)
        {
            throw new InvalidParameterCombinationException("Specify either TrailName or EventDataStore, not both.");
        }

        if (eventDataStore is not null)
        {
            throw new EventDataStoreNotFoundException("The event data store " + eventDataStore + " was not found: this fake serves trails only.");
        }

        return trailName ?? throw new InvalidParameterCombinationException("Specify TrailName or EventDataStore.");
    }

    private static bool LogsManagementEvents(TrailState trail) =>
        trail.AdvancedEventSelectors is { } advanced
            ? advanced.Any(s => s.FieldSelectors.Any(f => f.Field == "eventCategory" && f.EqualsValue is { } values && values.Contains("Management")))
            : trail.EventSelectors?.Any(s => s.IncludeManagementEvents != false) == true;
}
