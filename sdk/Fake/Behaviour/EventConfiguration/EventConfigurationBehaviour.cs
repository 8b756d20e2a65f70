using System;
using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Fake;

/// <summary>
/// GetEventConfiguration and PutEventConfiguration. An event data store has a maximum event size and context key
/// selectors (enrichment needs Large events); a trail has aggregation configurations. The fake keeps and answers the
/// settings; it neither enriches nor aggregates the events it records.
/// </summary>
internal sealed class EventConfigurationBehaviour
{
    // The event categories of stores that hold CloudTrail's own events, the only ones enrichment applies to.
    private static readonly string[] CloudTrailCategories = { "Management", "Data", "NetworkActivity" };

    private readonly FakeStore _store;
    private readonly TrailFinder _finder;
    private readonly EventDataStoreBehaviour _eventDataStores;

    public EventConfigurationBehaviour(FakeStore store, TrailFinder finder, EventDataStoreBehaviour eventDataStores)
    {
        _store = store;
        _finder = finder;
        _eventDataStores = eventDataStores;
    }

    public GetEventConfigurationResponse Get(GetEventConfigurationRequest request, CallScope scope, DateTimeOffset now)
    {
        var trailName = Target(request.TrailName, request.EventDataStore);
        lock (_store.Gate)
        {
            if (trailName is not null)
            {
                var trail = _finder.Find(scope, trailName);
                return new GetEventConfigurationResponse
                {
                    TrailARN = trail.Arn,
                    AggregationConfigurations = (trail.EventConfiguration ?? EventConfigurationSettings.Default).AggregationConfigurations,
                };
            }

            var store = _eventDataStores.Find(scope, request.EventDataStore!, now);
            if (store.DeletedAt is not null)
            {
                throw new InvalidEventDataStoreStatusException("Event data store " + store.Name + " is " + store.StatusAt(now) + "; its event configuration cannot be read.");
            }

            var settings = store.EventConfiguration ?? EventConfigurationSettings.Default;
            return new GetEventConfigurationResponse
            {
                EventDataStoreArn = store.Arn,
                MaxEventSize = settings.MaxEventSize,
                ContextKeySelectors = settings.ContextKeySelectors,
            };
        }
    }

    public PutEventConfigurationResponse Put(PutEventConfigurationRequest request, CallScope scope, DateTimeOffset now)
    {
        var trailName = Target(request.TrailName, request.EventDataStore);
        return trailName is not null ? PutForTrail(request, trailName, scope) : PutForStore(request, scope, now);
    }

    private PutEventConfigurationResponse PutForTrail(PutEventConfigurationRequest request, string trailName, CallScope scope)
    {
        if (request.MaxEventSize is not null || request.ContextKeySelectors is not null)
        {
            throw new InvalidParameterCombinationException("MaxEventSize and ContextKeySelectors apply to event data stores; a trail's event configuration is its AggregationConfigurations.");
        }

        var aggregations = request.AggregationConfigurations
            ?? throw new InvalidParameterException("Give AggregationConfigurations to change a trail's event configuration (an empty list turns aggregation off).");
        CheckAggregations(aggregations);
        lock (_store.Gate)
        {
            var trail = _finder.FindInHomeRegion(scope, trailName);
            trail.EventConfiguration = (trail.EventConfiguration ?? EventConfigurationSettings.Default) with { AggregationConfigurations = aggregations.ToList() };
            return new PutEventConfigurationResponse { TrailARN = trail.Arn, AggregationConfigurations = trail.EventConfiguration.AggregationConfigurations };
        }
    }

    private PutEventConfigurationResponse PutForStore(PutEventConfigurationRequest request, CallScope scope, DateTimeOffset now)
    {
        if (request.AggregationConfigurations is not null)
        {
            throw new InvalidParameterCombinationException("AggregationConfigurations apply to trails; an event data store's event configuration is its MaxEventSize and ContextKeySelectors.");
        }

        if (request.MaxEventSize is null && request.ContextKeySelectors is null)
        {
            throw new InvalidParameterException("Give MaxEventSize, ContextKeySelectors or both to change an event data store's event configuration.");
        }

        CheckContextKeySelectors(request.ContextKeySelectors);
        lock (_store.Gate)
        {
            var store = _eventDataStores.FindActive(scope, request.EventDataStore!, now);
            var status = store.StatusAt(now);
            if (status != EventDataStoreStatus.Enabled && status != EventDataStoreStatus.StoppedIngestion)
            {
                throw new InvalidEventDataStoreStatusException("Event data store " + store.Name + " is " + status + "; change its event configuration once it is ENABLED or STOPPED_INGESTION.");
            }

            if (!HoldsCloudTrailEvents(store))
            {
                throw new InvalidEventDataStoreCategoryException("Event data store " + store.Name + " does not hold CloudTrail management, data or network activity events; event configuration applies only to stores that do.");
            }

            var current = store.EventConfiguration ?? EventConfigurationSettings.Default;
            var next = current with
            {
                MaxEventSize = request.MaxEventSize ?? current.MaxEventSize,
                ContextKeySelectors = request.ContextKeySelectors?.ToList() ?? current.ContextKeySelectors,
            };
            if (next.ContextKeySelectors.Count > 0 && next.MaxEventSize != MaxEventSize.Large)
            {
                throw new InvalidParameterException("ContextKeySelectors need MaxEventSize Large; event data store " + store.Name + " would have " + next.MaxEventSize + ".");
            }

            store.EventConfiguration = next;
            return new PutEventConfigurationResponse
            {
                EventDataStoreArn = store.Arn,
                MaxEventSize = next.MaxEventSize,
                ContextKeySelectors = next.ContextKeySelectors,
            };
        }
    }

    // Exactly one of TrailName and EventDataStore; returns the trail name, or null for an event data store.
    private static string? Target(string? trailName, string? eventDataStore)
    {
        if ((trailName is null) == (eventDataStore is null))
        {
            throw new InvalidParameterCombinationException(trailName is null
                ? "Give TrailName or EventDataStore: the event configuration of which resource?"
                : "Give TrailName or EventDataStore, not both.");
        }

        if (trailName is not null)
        {
            var violation = TrailNameRule.Classify(trailName, allowArn: true);
            if (violation == TrailNameViolation.ArnFormat)
            {
                throw new CloudTrailARNInvalidException("TrailName: " + TrailNameRule.Check(trailName, allowArn: true) + ".");
            }

            if (violation != TrailNameViolation.None)
            {
                throw new InvalidTrailNameException("TrailName: " + TrailNameRule.Check(trailName, allowArn: true) + ".");
            }
        }

        return trailName;
    }

    private static void CheckContextKeySelectors(IReadOnlyList<ContextKeySelector>? selectors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (selector, i) in (selectors ?? Array.Empty<ContextKeySelector>()).Select((s, i) => (s, i)))
        {
            if (!seen.Add(selector.Type?.Value ?? string.Empty))
            {
                throw new InvalidParameterException("ContextKeySelectors[" + i + "] repeats the type " + selector.Type + "; give each type once.");
            }

            if (selector.EqualsValue.Distinct(StringComparer.Ordinal).Count() != selector.EqualsValue.Count)
            {
                throw new InvalidParameterException("ContextKeySelectors[" + i + "].Equals lists a key more than once.");
            }
        }
    }

    private static void CheckAggregations(IReadOnlyList<AggregationConfiguration> aggregations)
    {
        foreach (var (aggregation, i) in aggregations.Select((a, i) => (a, i)))
        {
            if (aggregation.Templates.Distinct().Count() != aggregation.Templates.Count)
            {
                throw new InvalidParameterException("AggregationConfigurations[" + i + "].Templates lists a template more than once.");
            }
        }
    }

    private static bool HoldsCloudTrailEvents(EventDataStoreState store) =>
        store.AdvancedEventSelectors.All(s => s.FieldSelectors
            .Where(f => f.Field == "eventCategory")
            .All(f => f.EqualsValue is null || f.EqualsValue.All(c => CloudTrailCategories.Contains(c, StringComparer.Ordinal))));
}
