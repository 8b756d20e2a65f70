using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

#pragma warning disable CS0618 // SnsTopicName is deprecated by AWS, but the service still echoes it, and so does the fake.

// One line per operation with behaviour: which family answers it. Operations not listed answer
// UnsupportedOperationException from the generated base.
internal sealed partial class CloudTrailBehaviour
{
    protected override Task<CreateTrailResponse> CreateTrailAsync(CreateTrailRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_trails.CreateTrail(request, Scope(context), context.ReceivedAt));

    protected override Task<UpdateTrailResponse> UpdateTrailAsync(UpdateTrailRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_trails.UpdateTrail(request, Scope(context), context.ReceivedAt));

    protected override Task<GetTrailResponse> GetTrailAsync(GetTrailRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_trails.GetTrail(request, Scope(context), context.ReceivedAt));

    protected override Task<DescribeTrailsResponse> DescribeTrailsAsync(DescribeTrailsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_trails.DescribeTrails(request, Scope(context), context.ReceivedAt));

    protected override Task<ListTrailsResponse> ListTrailsAsync(ListTrailsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_trails.ListTrails(request, Scope(context), context.ReceivedAt));

    protected override Task<DeleteTrailResponse> DeleteTrailAsync(DeleteTrailRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_trails.DeleteTrail(request, Scope(context), context.ReceivedAt));

    protected override Task<GetTrailStatusResponse> GetTrailStatusAsync(GetTrailStatusRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_trails.GetTrailStatus(request, Scope(context), context.ReceivedAt));

    protected override Task<StartLoggingResponse> StartLoggingAsync(StartLoggingRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_trails.StartLogging(request, Scope(context), context.ReceivedAt));

    protected override Task<StopLoggingResponse> StopLoggingAsync(StopLoggingRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_trails.StopLogging(request, Scope(context), context.ReceivedAt));

    protected override Task<PutEventSelectorsResponse> PutEventSelectorsAsync(PutEventSelectorsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_selectors.PutEventSelectors(request, Scope(context)));

    protected override Task<GetEventSelectorsResponse> GetEventSelectorsAsync(GetEventSelectorsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_selectors.GetEventSelectors(request, Scope(context)));

    protected override Task<PutInsightSelectorsResponse> PutInsightSelectorsAsync(PutInsightSelectorsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_selectors.PutInsightSelectors(request, Scope(context)));

    protected override Task<GetInsightSelectorsResponse> GetInsightSelectorsAsync(GetInsightSelectorsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_selectors.GetInsightSelectors(request, Scope(context)));

    protected override Task<AddTagsResponse> AddTagsAsync(AddTagsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_tags.AddTags(request, Scope(context)));

    protected override Task<RemoveTagsResponse> RemoveTagsAsync(RemoveTagsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_tags.RemoveTags(request, Scope(context)));

    protected override Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_tags.ListTags(request, Scope(context)));

    protected override Task<LookupEventsResponse> LookupEventsAsync(LookupEventsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_lookup.LookupEvents(request, Scope(context), _options.TimeProvider.GetUtcNow()));
}
