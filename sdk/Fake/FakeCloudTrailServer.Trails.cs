using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

#pragma warning disable CS0618 // SnsTopicName is deprecated by AWS, but the service still echoes it, and so does the fake.

public sealed partial class FakeCloudTrailServer
{
    /// <inheritdoc/>
    protected override Task<CreateTrailResponse> CreateTrailAsync(CreateTrailRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = State(context);

            // A multi-region trail already owns its name in every region of the account.
            if (TryFindVisible(state, request.Name) is not null)
            {
                throw new TrailAlreadyExistsException("Trail " + request.Name + " already exists for customer: " + state.Account);
            }

            if (request.IsMultiRegionTrail == true && OtherRegions(state).Any(r => r.Trails.ContainsKey(request.Name)))
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
                TrailARN = TrailArn.Format(state.Region, state.Account, request.Name),
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
            SetTags(created, request.TagsList ?? Array.Empty<Tag>());
            state.Trails[request.Name] = created;
            return Task.FromResult(new CreateTrailResponse
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
            });
        }
    }

    /// <inheritdoc/>
    protected override Task<UpdateTrailResponse> UpdateTrailAsync(UpdateTrailRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = State(context);
            var found = FindInHomeRegion(context, request.Name);
            var old = found.Trail;
            if (request.IsMultiRegionTrail == true && old.IsMultiRegionTrail != true && OtherRegions(state).Any(r => r.Trails.ContainsKey(found.Name)))
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
            return Task.FromResult(new UpdateTrailResponse
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
            });
        }
    }

    /// <inheritdoc/>
    protected override Task<GetTrailResponse> GetTrailAsync(GetTrailRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(new GetTrailResponse { Trail = Find(context, request.Name).Trail });
        }
    }

    /// <inheritdoc/>
    protected override Task<DescribeTrailsResponse> DescribeTrailsAsync(DescribeTrailsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = State(context);
            var includeShadows = request.IncludeShadowTrails ?? true;
            IEnumerable<TrailState> trails;
            if (request.TrailNameList is { Count: > 0 } names)
            {
                // Names and ARNs that match nothing are left out, not errors: DescribeTrails is a filter.
                trails = names.Select(n => TryFind(state, n)).OfType<TrailState>().Where(t => includeShadows || t.HomeRegion == state.Region).Distinct();
            }
            else
            {
                trails = Visible(state, includeShadows);
            }

            return Task.FromResult(new DescribeTrailsResponse { TrailList = trails.Select(t => t.Trail).ToList() });
        }
    }

    /// <inheritdoc/>
    protected override Task<ListTrailsResponse> ListTrailsAsync(ListTrailsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trails = Visible(State(context), includeShadows: true)
                .Select(t => new TrailInfo { Name = t.Name, TrailARN = t.Arn, HomeRegion = t.HomeRegion })
                .ToList();
            return Task.FromResult(new ListTrailsResponse { Trails = trails });
        }
    }

    /// <inheritdoc/>
    protected override Task<DeleteTrailResponse> DeleteTrailAsync(DeleteTrailRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Tags, selectors and status live on the trail's state, so they go with it: a trail re-created under the same
            // name starts clean, as on CloudTrail.
            var trail = FindInHomeRegion(context, request.Name);
            State(context).Trails.Remove(trail.Name);
            return Task.FromResult(new DeleteTrailResponse());
        }
    }

    /// <inheritdoc/>
    protected override Task<GetTrailStatusResponse> GetTrailStatusAsync(GetTrailStatusRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = Find(context, request.Name);
            return Task.FromResult(new GetTrailStatusResponse
            {
                IsLogging = trail.IsLogging,
                StartLoggingTime = trail.StartLoggingTime,
                StopLoggingTime = trail.StopLoggingTime,
            });
        }
    }

    /// <inheritdoc/>
    protected override Task<StartLoggingResponse> StartLoggingAsync(StartLoggingRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = FindInHomeRegion(context, request.Name);
            trail.IsLogging = true;
            trail.StartLoggingTime = context.ReceivedAt;
            return Task.FromResult(new StartLoggingResponse());
        }
    }

    /// <inheritdoc/>
    protected override Task<StopLoggingResponse> StopLoggingAsync(StopLoggingRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = FindInHomeRegion(context, request.Name);
            trail.IsLogging = false;
            trail.StopLoggingTime = context.ReceivedAt;
            return Task.FromResult(new StopLoggingResponse());
        }
    }

    // The region's own trails first, then the account's multi-region trails from other regions.
    private IEnumerable<TrailState> Visible(RegionState state, bool includeShadows)
    {
        var own = Ordered(state);
        return includeShadows ? own.Concat(OtherRegions(state).SelectMany(r => Ordered(r).Where(t => t.IsMultiRegion))) : own;
    }

    private static string? Cleared(string? requested, string? current) => requested is null ? current : requested.Length == 0 ? null : requested;

    private static string? SnsTopicArn(RegionState state, string? topic) =>
        topic is null ? null : topic.StartsWith("arn:", StringComparison.Ordinal) ? topic : "arn:aws:sns:" + state.Region + ":" + state.Account + ":" + topic;
}
