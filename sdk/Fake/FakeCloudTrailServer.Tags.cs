using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

public sealed partial class FakeCloudTrailServer
{
    /// <summary>CloudTrail's limit on tags per resource.</summary>
    public const int MaxTagsPerResource = 50;

    /// <inheritdoc/>
    protected override Task<AddTagsResponse> AddTagsAsync(AddTagsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = TaggedTrail(context, request.ResourceId, forChange: true);
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
            return Task.FromResult(new AddTagsResponse());
        }
    }

    /// <inheritdoc/>
    protected override Task<RemoveTagsResponse> RemoveTagsAsync(RemoveTagsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = TaggedTrail(context, request.ResourceId, forChange: true);
            var keys = new HashSet<string>(Distinct(request.TagsList).Select(t => t.Key), StringComparer.Ordinal);
            trail.Tags.RemoveAll(t => keys.Contains(t.Key));
            return Task.FromResult(new RemoveTagsResponse());
        }
    }

    /// <inheritdoc/>
    protected override Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var list = request.ResourceIdList
                .Select(id => new ResourceTag { ResourceId = id, TagsList = TaggedTrail(context, id, forChange: false).Tags.ToArray() })
                .ToList();
            return Task.FromResult(new ListTagsResponse { ResourceTagList = list });
        }
    }

    private static void SetTags(TrailState trail, IReadOnlyList<Tag> tags)
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
    private TrailState TaggedTrail(AwsServerContext context, string resourceId, bool forChange)
    {
        if (!TrailArn.TryParse(resourceId, out _))
        {
            if (resourceId.StartsWith("arn:aws:cloudtrail:", StringComparison.Ordinal))
            {
                throw new ResourceNotFoundException("The resource " + resourceId + " was not found: this fake serves trails only.");
            }

            throw new CloudTrailARNInvalidException("The resource id " + resourceId + " is not a trail ARN (arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME).");
        }

        var trail = TryFind(State(context), resourceId) ?? throw new ResourceNotFoundException("The resource " + resourceId + " was not found.");
        return forChange ? FindInHomeRegion(context, resourceId) : trail;
    }
}
