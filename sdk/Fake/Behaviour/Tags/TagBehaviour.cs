using System;
using System.Collections.Generic;
using System.Linq;

using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Fake;

/// <summary>Tags on trails, event data stores, channels and dashboards, addressed by ARN.</summary>
internal sealed class TagBehaviour
{
    /// <summary>CloudTrail's limit on tags per resource.</summary>
    public const int MaxTagsPerResource = 50;

    private readonly FakeStore _store;
    private readonly TrailFinder _finder;
    private readonly EventDataStoreBehaviour _eventDataStores;
    private readonly TimeProvider _clock;

    public TagBehaviour(FakeStore store, TrailFinder finder, EventDataStoreBehaviour eventDataStores, TimeProvider clock)
    {
        _store = store;
        _finder = finder;
        _eventDataStores = eventDataStores;
        _clock = clock;
    }

    public AddTagsResponse AddTags(AddTagsRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var trail = Tagged(scope, request.ResourceId, forChange: true);
            var merged = new List<Tag>(trail.Tags);
            foreach (var tag in Distinct(request.TagsList))
            {
                var at = merged.FindIndex(t => t.Key == tag.Key);
                if (at >= 0)
                {
                    merged[at] = tag;
                }
                else
                {
                    merged.Add(tag);
                }
            }

            SetTags(trail, merged);
            return new AddTagsResponse();
        }
    }

    public RemoveTagsResponse RemoveTags(RemoveTagsRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var trail = Tagged(scope, request.ResourceId, forChange: true);
            var keys = new HashSet<string>(Distinct(request.TagsList).Select(t => t.Key), StringComparer.Ordinal);
            trail.Tags.RemoveAll(t => keys.Contains(t.Key));
            return new RemoveTagsResponse();
        }
    }

    public ListTagsResponse ListTags(ListTagsRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var list = request.ResourceIdList
                .Select(id => new ResourceTag { ResourceId = id, TagsList = Tagged(scope, id, forChange: false).Tags.ToArray() })
                .ToList();
            return new ListTagsResponse { ResourceTagList = list };
        }
    }

    public void SetTags(ITaggable trail, IReadOnlyList<Tag> tags)
    {
        var distinct = Distinct(tags);
        if (distinct.Count > MaxTagsPerResource)
        {
            throw new TagsLimitExceededException("A resource can have at most " + MaxTagsPerResource + " tags; this request would give " + trail.Name + " " + distinct.Count + ".");
        }

        trail.Tags.Clear();
        trail.Tags.AddRange(distinct);
    }

    // CloudTrail rejects a request that names one key twice rather than guessing which value wins.
    public static List<Tag> Distinct(IReadOnlyList<Tag> tags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (!seen.Add(tag.Key))
            {
                throw new InvalidTagParameterException("The tag key " + tag.Key + " appears more than once.");
            }
        }

        return tags.ToList();
    }

    // Tags address resources by ARN only: a bare trail name is not a resource id.
    private ITaggable Tagged(CallScope scope, string resourceId, bool forChange)
    {
        if (resourceId.StartsWith("arn:aws:cloudtrail:", StringComparison.Ordinal) && resourceId.Contains(":eventdatastore/", StringComparison.Ordinal))
        {
            try
            {
                return forChange ? _eventDataStores.FindActive(scope, resourceId, _clock.GetUtcNow()) : _eventDataStores.Find(scope, resourceId, _clock.GetUtcNow());
            }
            catch (EventDataStoreNotFoundException)
            {
                throw new ResourceNotFoundException("The resource " + resourceId + " was not found.");
            }
        }

        if (resourceId.StartsWith("arn:aws:cloudtrail:", StringComparison.Ordinal) && resourceId.Contains(":channel/", StringComparison.Ordinal))
        {
            try
            {
                return ChannelBehaviour.Find(_store, scope, resourceId);
            }
            catch (ChannelNotFoundException) when (!forChange)
            {
                // ListTags does not model ChannelNotFoundException; it answers as for any missing resource.
                throw new ResourceNotFoundException("The resource " + resourceId + " was not found.");
            }
        }

        if (resourceId.StartsWith("arn:aws:cloudtrail:", StringComparison.Ordinal) && resourceId.Contains(":dashboard/", StringComparison.Ordinal))
        {
            var parts = resourceId.Split(':');
            return parts.Length == 6 && parts[4] == scope.Account && _store.TryGetRegion(parts[4], parts[3], out var home)
                && home.Dashboards.Values.FirstOrDefault(d => d.Arn == resourceId) is { } dashboard
                ? dashboard
                : throw new ResourceNotFoundException("The resource " + resourceId + " was not found.");
        }

        if (!TrailArn.TryParse(resourceId, out _))
        {
            if (resourceId.StartsWith("arn:aws:cloudtrail:", StringComparison.Ordinal))
            {
                throw new ResourceNotFoundException("The resource " + resourceId + " was not found: tags apply to trails, event data stores, channels and dashboards.");
            }

            throw new CloudTrailARNInvalidException("The resource id " + resourceId + " is not a trail or event data store ARN (arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME).");
        }

        var trail = _finder.TryFind(_store.Region(scope), resourceId) ?? throw new ResourceNotFoundException("The resource " + resourceId + " was not found.");
        return forChange ? _finder.FindInHomeRegion(scope, resourceId) : trail;
    }
}
