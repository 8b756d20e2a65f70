using System;
using System.Collections.Generic;
using System.Linq;

using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Fake;

#pragma warning disable CS0618 // SnsTopicName is deprecated by AWS, but the service still echoes it, and so does the fake.

/// <summary>Trails: create, read, update, delete, and logging status.</summary>
internal sealed class TrailBehaviour
{
    private readonly FakeStore _store;
    private readonly TrailFinder _finder;
    private readonly TagBehaviour _tags;

    public TrailBehaviour(FakeStore store, TrailFinder finder, TagBehaviour tags)
    {
        _store = store;
        _finder = finder;
        _tags = tags;
    }

    public CreateTrailResponse CreateTrail(CreateTrailRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var state = _store.Region(scope);
            if (request.IsOrganizationTrail == true)
            {
                OrganizationBehaviour.CheckMayAdminister(_store.Organization, scope, "trail");
            }

            // A multi-region trail already owns its name in every region of the account.
            if (_finder.TryFindVisible(state, request.Name) is not null)
            {
                throw new TrailAlreadyExistsException("Trail " + request.Name + " already exists for customer: " + state.Account);
            }

            if (request.IsMultiRegionTrail == true && _store.OtherRegions(state).Any(r => r.Trails.ContainsKey(request.Name)))
            {
                throw new TrailAlreadyExistsException("Trail " + request.Name + " already exists in another region for customer: " + state.Account);
            }

            var trail = new Trail
            {
                Name = request.Name,
                S3BucketName = request.S3BucketName,
                S3KeyPrefix = request.S3KeyPrefix,
                SnsTopicName = request.SnsTopicName,
                SnsTopicARN = SnsTopicArn(state, request.SnsTopicName),
                IncludeGlobalServiceEvents = request.IncludeGlobalServiceEvents ?? true,
                IsMultiRegionTrail = request.IsMultiRegionTrail ?? false,
                HomeRegion = state.Region,
                TrailARN = TrailArn.Format("aws", state.Region, state.Account, request.Name),
                LogFileValidationEnabled = request.EnableLogFileValidation ?? false,
                CloudWatchLogsLogGroupArn = request.CloudWatchLogsLogGroupArn,
                CloudWatchLogsRoleArn = request.CloudWatchLogsRoleArn,
                KmsKeyId = request.KmsKeyId,
                HasCustomEventSelectors = false,
                HasInsightSelectors = false,
                IsOrganizationTrail = request.IsOrganizationTrail ?? false,
            };

            // A new trail logs all management events: CloudTrail's default selector.
            var created = new TrailState
            {
                Trail = trail,
                EventSelectors = new[] { new EventSelector { ReadWriteType = ReadWriteType.All, IncludeManagementEvents = true, DataResources = Array.Empty<DataResource>() } },
            };
            _tags.SetTags(created, request.TagsList ?? Array.Empty<Tag>());
            state.Trails[request.Name] = created;
            return new CreateTrailResponse
            {
                Name = trail.Name,
                S3BucketName = trail.S3BucketName,
                S3KeyPrefix = trail.S3KeyPrefix,
                SnsTopicName = trail.SnsTopicName,
                SnsTopicARN = trail.SnsTopicARN,
                IncludeGlobalServiceEvents = trail.IncludeGlobalServiceEvents,
                IsMultiRegionTrail = trail.IsMultiRegionTrail,
                TrailARN = trail.TrailARN,
                LogFileValidationEnabled = trail.LogFileValidationEnabled,
                CloudWatchLogsLogGroupArn = trail.CloudWatchLogsLogGroupArn,
                CloudWatchLogsRoleArn = trail.CloudWatchLogsRoleArn,
                KmsKeyId = trail.KmsKeyId,
                IsOrganizationTrail = trail.IsOrganizationTrail,
            };
        }
    }

    public UpdateTrailResponse UpdateTrail(UpdateTrailRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var state = _store.Region(scope);
            var found = Changeable(scope, request.Name);
            if (request.IsOrganizationTrail == true)
            {
                OrganizationBehaviour.CheckMayAdminister(_store.Organization, scope, "trail");
            }

            var old = found.Trail;
            if (request.IsMultiRegionTrail == true && old.IsMultiRegionTrail != true && _store.OtherRegions(state).Any(r => r.Trails.ContainsKey(found.Name)))
            {
                throw new TrailAlreadyExistsException("Trail " + found.Name + " already exists in another region for customer: " + state.Account);
            }

            // Only what the request names changes; an empty string clears an optional setting, as CloudTrail documents.
            var trail = old with
            {
                S3BucketName = request.S3BucketName ?? old.S3BucketName,
                S3KeyPrefix = Cleared(request.S3KeyPrefix, old.S3KeyPrefix),
                SnsTopicName = Cleared(request.SnsTopicName, old.SnsTopicName),
                SnsTopicARN = request.SnsTopicName is null ? old.SnsTopicARN : SnsTopicArn(state, Cleared(request.SnsTopicName, null)),
                IncludeGlobalServiceEvents = request.IncludeGlobalServiceEvents ?? old.IncludeGlobalServiceEvents,
                IsMultiRegionTrail = request.IsMultiRegionTrail ?? old.IsMultiRegionTrail,
                LogFileValidationEnabled = request.EnableLogFileValidation ?? old.LogFileValidationEnabled,
                CloudWatchLogsLogGroupArn = Cleared(request.CloudWatchLogsLogGroupArn, old.CloudWatchLogsLogGroupArn),
                CloudWatchLogsRoleArn = Cleared(request.CloudWatchLogsRoleArn, old.CloudWatchLogsRoleArn),
                KmsKeyId = Cleared(request.KmsKeyId, old.KmsKeyId),
                IsOrganizationTrail = request.IsOrganizationTrail ?? old.IsOrganizationTrail,
            };
            found.Trail = trail;
            return new UpdateTrailResponse
            {
                Name = trail.Name,
                S3BucketName = trail.S3BucketName,
                S3KeyPrefix = trail.S3KeyPrefix,
                SnsTopicName = trail.SnsTopicName,
                SnsTopicARN = trail.SnsTopicARN,
                IncludeGlobalServiceEvents = trail.IncludeGlobalServiceEvents,
                IsMultiRegionTrail = trail.IsMultiRegionTrail,
                TrailARN = trail.TrailARN,
                LogFileValidationEnabled = trail.LogFileValidationEnabled,
                CloudWatchLogsLogGroupArn = trail.CloudWatchLogsLogGroupArn,
                CloudWatchLogsRoleArn = trail.CloudWatchLogsRoleArn,
                KmsKeyId = trail.KmsKeyId,
                IsOrganizationTrail = trail.IsOrganizationTrail,
            };
        }
    }

    public GetTrailResponse GetTrail(GetTrailRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            return new GetTrailResponse { Trail = Readable(scope, request.Name).Trail };
        }
    }

    public DescribeTrailsResponse DescribeTrails(DescribeTrailsRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var state = _store.Region(scope);
            var includeShadows = request.IncludeShadowTrails ?? true;
            IEnumerable<TrailState> trails;
            if (request.TrailNameList is { Count: > 0 } names)
            {
                // Names and ARNs that match nothing are left out, not errors: DescribeTrails is a filter.
                trails = names.Select(n => _finder.TryFind(state, n) ?? OrganizationTrails.TryFind(_store, scope, n)).OfType<TrailState>().Where(t => includeShadows || t.HomeRegion == state.Region).Distinct();
            }
            else
            {
                trails = Visible(state, includeShadows).Concat(OrganizationTrails.VisibleTo(_store, scope));
            }

            return new DescribeTrailsResponse { TrailList = trails.Select(t => t.Trail).ToList() };
        }
    }

    public ListTrailsResponse ListTrails(ListTrailsRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var trails = Visible(_store.Region(scope), includeShadows: true).Concat(OrganizationTrails.VisibleTo(_store, scope))
                .Select(t => new TrailInfo { Name = t.Name, TrailARN = t.Arn, HomeRegion = t.HomeRegion })
                .ToList();
            return new ListTrailsResponse { Trails = trails };
        }
    }

    public DeleteTrailResponse DeleteTrail(DeleteTrailRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            // Tags, selectors and status live on the trail's state, so they go with it: a trail re-created under the same
            // name starts clean, as on CloudTrail.
            var trail = Changeable(scope, request.Name);
            _store.Region(scope).Trails.Remove(trail.Name);
            return new DeleteTrailResponse();
        }
    }

    public GetTrailStatusResponse GetTrailStatus(GetTrailStatusRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var trail = Readable(scope, request.Name);
            return new GetTrailStatusResponse
            {
                IsLogging = trail.IsLogging,
                StartLoggingTime = trail.StartLoggingTime,
                StopLoggingTime = trail.StopLoggingTime,
            };
        }
    }

    public StartLoggingResponse StartLogging(StartLoggingRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var trail = Changeable(scope, request.Name);
            trail.IsLogging = true;
            trail.StartLoggingTime = now;
            return new StartLoggingResponse();
        }
    }

    public StopLoggingResponse StopLogging(StopLoggingRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var trail = Changeable(scope, request.Name);
            trail.IsLogging = false;
            trail.StopLoggingTime = now;
            return new StopLoggingResponse();
        }
    }

    // The caller's own trails, then organization trails other accounts own that cover the caller.
    private TrailState Readable(CallScope scope, string nameOrArn) =>
        _finder.TryFind(_store.Region(scope), nameOrArn) ?? OrganizationTrails.TryFind(_store, scope, nameOrArn) ?? _finder.Find(scope, nameOrArn);

    // Only the owner changes a trail: a member naming an organization trail it sees gets AWS's refusal, not "not found".
    private TrailState Changeable(CallScope scope, string nameOrArn) =>
        _finder.TryFind(_store.Region(scope), nameOrArn) is null && OrganizationTrails.TryFind(_store, scope, nameOrArn) is { } organizationTrail
            ? throw OrganizationTrails.NotOwner(organizationTrail, scope)
            : _finder.FindInHomeRegion(scope, nameOrArn);

    // The region's own trails first, then the account's multi-region trails from other regions.
    private IEnumerable<TrailState> Visible(RegionState state, bool includeShadows)
    {
        var own = Ordered(state);
        return includeShadows ? own.Concat(_store.OtherRegions(state).SelectMany(r => Ordered(r).Where(t => t.IsMultiRegion))) : own;
    }

    private static IEnumerable<TrailState> Ordered(RegionState state) => state.Trails.Values.OrderBy(t => t.Name, StringComparer.Ordinal);

    private static string? Cleared(string? requested, string? current) => requested is null ? current : requested.Length == 0 ? null : requested;

    private static string? SnsTopicArn(RegionState state, string? topic) =>
        topic is null ? null : topic.StartsWith("arn:", StringComparison.Ordinal) ? topic : "arn:aws:sns:" + state.Region + ":" + state.Account + ":" + topic;
}
