using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

public sealed partial class FakeCloudTrailServer
{
    /// <inheritdoc/>
    protected override Task<PutEventSelectorsResponse> PutEventSelectorsAsync(PutEventSelectorsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = FindInHomeRegion(context, request.TrailName);
            if (request.EventSelectors is null && request.AdvancedEventSelectors is null)
            {
                throw new InvalidEventSelectorsException("Specify either EventSelectors or AdvancedEventSelectors.");
            }

            // The two kinds are mutually exclusive (the validator rejects both at once); putting one kind replaces the other.
            trail.EventSelectors = request.EventSelectors;
            trail.AdvancedEventSelectors = request.AdvancedEventSelectors;
            trail.Trail = trail.Trail with { HasCustomEventSelectors = true };
            return Task.FromResult(new PutEventSelectorsResponse
            {
                TrailARN = trail.Arn,
                EventSelectors = trail.EventSelectors,
                AdvancedEventSelectors = trail.AdvancedEventSelectors,
            });
        }
    }

    /// <inheritdoc/>
    protected override Task<GetEventSelectorsResponse> GetEventSelectorsAsync(GetEventSelectorsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = Find(context, request.TrailName);
            return Task.FromResult(new GetEventSelectorsResponse
            {
                TrailARN = trail.Arn,
                EventSelectors = trail.EventSelectors,
                AdvancedEventSelectors = trail.AdvancedEventSelectors,
            });
        }
    }

    /// <inheritdoc/>
    protected override Task<PutInsightSelectorsResponse> PutInsightSelectorsAsync(PutInsightSelectorsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = FindInHomeRegion(context, InsightTrailName(request.TrailName, request.EventDataStore));
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
            return Task.FromResult(new PutInsightSelectorsResponse { TrailARN = trail.Arn, InsightSelectors = trail.InsightSelectors });
        }
    }

    /// <inheritdoc/>
    protected override Task<GetInsightSelectorsResponse> GetInsightSelectorsAsync(GetInsightSelectorsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = Find(context, InsightTrailName(request.TrailName, request.EventDataStore));
            if (trail.InsightSelectors.Count == 0)
            {
                throw new InsightNotEnabledException("Trail " + trail.Name + " does not have Insights enabled.");
            }

            return Task.FromResult(new GetInsightSelectorsResponse { TrailARN = trail.Arn, InsightSelectors = trail.InsightSelectors });
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
