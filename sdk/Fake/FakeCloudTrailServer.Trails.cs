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
            if (state.Trails.ContainsKey(request.Name))
            {
                throw new TrailAlreadyExistsException("Trail " + request.Name + " already exists for customer: " + state.Account);
            }

            var trail = new Trail
            {
                Name = request.Name,
                S3BucketName = request.S3BucketName,
                S3KeyPrefix = request.S3KeyPrefix,
                SnsTopicName = request.SnsTopicName,
                IncludeGlobalServiceEvents = request.IncludeGlobalServiceEvents ?? true,
                IsMultiRegionTrail = request.IsMultiRegionTrail ?? false,
                HomeRegion = state.Region,
                TrailARN = Arn(state, request.Name),
                LogFileValidationEnabled = request.EnableLogFileValidation ?? false,
                CloudWatchLogsLogGroupArn = request.CloudWatchLogsLogGroupArn,
                CloudWatchLogsRoleArn = request.CloudWatchLogsRoleArn,
                KmsKeyId = request.KmsKeyId,
                HasCustomEventSelectors = false,
                HasInsightSelectors = false,
                IsOrganizationTrail = request.IsOrganizationTrail ?? false,
            };

            // A new trail logs all management events: CloudTrail's default selector.
            state.Trails[request.Name] = new TrailState
            {
                Trail = trail,
                EventSelectors = new[] { new EventSelector { ReadWriteType = ReadWriteType.All, IncludeManagementEvents = true, DataResources = Array.Empty<DataResource>() } },
            };
            return Task.FromResult(new CreateTrailResponse
            {
                Name = trail.Name,
                S3BucketName = trail.S3BucketName,
                S3KeyPrefix = trail.S3KeyPrefix,
                SnsTopicName = trail.SnsTopicName,
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
            return Task.FromResult(new GetTrailResponse { Trail = Find(State(context), request.Name).Trail });
        }
    }

    /// <inheritdoc/>
    protected override Task<DescribeTrailsResponse> DescribeTrailsAsync(DescribeTrailsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = State(context);
            var trails = request.TrailNameList is { Count: > 0 } names
                ? names.Select(n => TryFind(state, n)).Where(t => t is not null).Select(t => t!.Trail).ToList()
                : Ordered(state).Select(t => t.Trail).ToList();
            return Task.FromResult(new DescribeTrailsResponse { TrailList = trails });
        }
    }

    /// <inheritdoc/>
    protected override Task<ListTrailsResponse> ListTrailsAsync(ListTrailsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trails = Ordered(State(context)).Select(t => new TrailInfo { Name = t.Trail.Name, TrailARN = t.Trail.TrailARN, HomeRegion = t.Trail.HomeRegion }).ToList();
            return Task.FromResult(new ListTrailsResponse { Trails = trails });
        }
    }

    /// <inheritdoc/>
    protected override Task<DeleteTrailResponse> DeleteTrailAsync(DeleteTrailRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = State(context);
            state.Trails.Remove(Find(state, request.Name).Trail.Name!);
            return Task.FromResult(new DeleteTrailResponse());
        }
    }

    /// <inheritdoc/>
    protected override Task<GetTrailStatusResponse> GetTrailStatusAsync(GetTrailStatusRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = Find(State(context), request.Name);
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
            var trail = Find(State(context), request.Name);
            trail.IsLogging = true;
            trail.StartLoggingTime = TimeProvider.GetUtcNow();
            return Task.FromResult(new StartLoggingResponse());
        }
    }

    /// <inheritdoc/>
    protected override Task<StopLoggingResponse> StopLoggingAsync(StopLoggingRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = Find(State(context), request.Name);
            trail.IsLogging = false;
            trail.StopLoggingTime = TimeProvider.GetUtcNow();
            return Task.FromResult(new StopLoggingResponse());
        }
    }

    /// <inheritdoc/>
    protected override Task<PutEventSelectorsResponse> PutEventSelectorsAsync(PutEventSelectorsRequest request, AwsServerContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var trail = Find(State(context), request.TrailName);
            if (request.EventSelectors is null && request.AdvancedEventSelectors is null)
            {
                throw new InvalidEventSelectorsException("Specify either EventSelectors or AdvancedEventSelectors.");
            }

            trail.EventSelectors = request.EventSelectors;
            trail.AdvancedEventSelectors = request.AdvancedEventSelectors;
            trail.Trail = trail.Trail with { HasCustomEventSelectors = true };
            return Task.FromResult(new PutEventSelectorsResponse
            {
                TrailARN = trail.Trail.TrailARN,
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
            var trail = Find(State(context), request.TrailName);
            return Task.FromResult(new GetEventSelectorsResponse
            {
                TrailARN = trail.Trail.TrailARN,
                EventSelectors = trail.EventSelectors,
                AdvancedEventSelectors = trail.AdvancedEventSelectors,
            });
        }
    }

    private static string Arn(RegionState state, string name) => "arn:aws:cloudtrail:" + state.Region + ":" + state.Account + ":trail/" + name;

    private static TrailState Find(RegionState state, string nameOrArn) =>
        TryFind(state, nameOrArn) ?? throw new TrailNotFoundException("Unknown trail: " + nameOrArn + " for the user: " + state.Account);

    private static TrailState? TryFind(RegionState state, string nameOrArn)
    {
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn.Substring(nameOrArn.LastIndexOf('/') + 1) : nameOrArn;
        return state.Trails.TryGetValue(name, out var trail) ? trail : null;
    }
}
