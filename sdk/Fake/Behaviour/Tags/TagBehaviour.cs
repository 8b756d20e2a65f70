using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>Tags on trails, addressed by ARN.</summary>
internal sealed class TagBehaviour
{
    /// <summary>CloudTrail's limit on tags per resource.</summary>
    public const int MaxTagsPerResource = 50;

    private readonly FakeStore _store;
    private readonly TrailFinder _finder;

    public TagBehaviour(FakeStore store, TrailFinder finder)
    {
        _store = store;
        _finder = finder;
    }

    public AddTagsResponse AddTags(AddTagsRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var trail = TaggedTrail(scope, request.ResourceId, forChange: true);
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
            var trail = TaggedTrail(scope, request.ResourceId, forChange: true);
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
                .Select(id => new ResourceTag { ResourceId = id, TagsList = TaggedTrail(scope, id, forChange: false).Tags.ToArray() })
                .ToList();
            return new ListTagsResponse { ResourceTagList = list };
        }
    }

    public void SetTags(TrailState trail, IReadOnlyList<Tag> tags)
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
    private static List<Tag> Distinct(IReadOnlyList<Tag> tags)
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
    private TrailState TaggedTrail(CallScope scope, string resourceId, bool forChange)
    {
        if (!TrailArn.TryParse(resourceId, out _))
        {
            if (resourceId.StartsWith("arn:aws:cloudtrail:", StringComparison.Ordinal))
            {
                throw new ResourceNotFoundException("The resource " + resourceId + " was not found: this fake serves trails only.");
            }

            throw new CloudTrailARNInvalidException("The resource id " + resourceId + " is not a trail ARN (arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME).");
        }

        var trail = _finder.TryFind(_store.Region(scope), resourceId) ?? throw new ResourceNotFoundException("The resource " + resourceId + " was not found.");
        return forChange ? _finder.FindInHomeRegion(scope, resourceId) : trail;
    }
}
