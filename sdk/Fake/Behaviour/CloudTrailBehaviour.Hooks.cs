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

    protected override Task<CreateEventDataStoreResponse> CreateEventDataStoreAsync(CreateEventDataStoreRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_eventDataStores.Create(request, Scope(context), Now, ResourceIds.For(context, "event-data-store")));

    protected override Task<GetEventDataStoreResponse> GetEventDataStoreAsync(GetEventDataStoreRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_eventDataStores.Get(request, Scope(context), Now));

    protected override Task<ListEventDataStoresResponse> ListEventDataStoresAsync(ListEventDataStoresRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_eventDataStores.List(request, Scope(context), Now));

    protected override Task<UpdateEventDataStoreResponse> UpdateEventDataStoreAsync(UpdateEventDataStoreRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_eventDataStores.Update(request, Scope(context), Now));

    protected override Task<DeleteEventDataStoreResponse> DeleteEventDataStoreAsync(DeleteEventDataStoreRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_eventDataStores.Delete(request, Scope(context), Now));

    protected override Task<RestoreEventDataStoreResponse> RestoreEventDataStoreAsync(RestoreEventDataStoreRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_eventDataStores.Restore(request, Scope(context), Now));

    protected override Task<StartEventDataStoreIngestionResponse> StartEventDataStoreIngestionAsync(StartEventDataStoreIngestionRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_eventDataStores.StartIngestion(request, Scope(context), Now));

    protected override Task<StopEventDataStoreIngestionResponse> StopEventDataStoreIngestionAsync(StopEventDataStoreIngestionRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_eventDataStores.StopIngestion(request, Scope(context), Now));

    protected override Task<StartQueryResponse> StartQueryAsync(StartQueryRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_queries.StartQuery(request, Scope(context), Now));

    protected override Task<DescribeQueryResponse> DescribeQueryAsync(DescribeQueryRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_queries.DescribeQuery(_dashboards.WithWidgetQueryId(request, Scope(context)), Scope(context), Now));

    protected override Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_queries.GetQueryResults(request, Scope(context), Now));

    protected override Task<ListQueriesResponse> ListQueriesAsync(ListQueriesRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_queries.ListQueries(request, Scope(context), Now));

    protected override Task<CancelQueryResponse> CancelQueryAsync(CancelQueryRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_queries.CancelQuery(request, Scope(context), Now));

    protected override Task<CreateChannelResponse> CreateChannelAsync(CreateChannelRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_channels.Create(request, Scope(context), Now, ResourceIds.For(context, "channel")));

    protected override Task<GetChannelResponse> GetChannelAsync(GetChannelRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_channels.Get(request, Scope(context)));

    protected override Task<ListChannelsResponse> ListChannelsAsync(ListChannelsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_channels.List(request, Scope(context)));

    protected override Task<UpdateChannelResponse> UpdateChannelAsync(UpdateChannelRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_channels.Update(request, Scope(context), Now));

    protected override Task<DeleteChannelResponse> DeleteChannelAsync(DeleteChannelRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_channels.Delete(request, Scope(context)));

    protected override Task<PutResourcePolicyResponse> PutResourcePolicyAsync(PutResourcePolicyRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_policies.Put(request, Scope(context), Now));

    protected override Task<GetResourcePolicyResponse> GetResourcePolicyAsync(GetResourcePolicyRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_policies.Get(request, Scope(context), Now));

    protected override Task<DeleteResourcePolicyResponse> DeleteResourcePolicyAsync(DeleteResourcePolicyRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_policies.Delete(request, Scope(context), Now));

    protected override Task<EnableFederationResponse> EnableFederationAsync(EnableFederationRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_federation.Enable(request, Scope(context), Now));

    protected override Task<DisableFederationResponse> DisableFederationAsync(DisableFederationRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_federation.Disable(request, Scope(context), Now));

    protected override Task<GetEventConfigurationResponse> GetEventConfigurationAsync(GetEventConfigurationRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_eventConfiguration.Get(request, Scope(context), Now));

    protected override Task<PutEventConfigurationResponse> PutEventConfigurationAsync(PutEventConfigurationRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_eventConfiguration.Put(request, Scope(context), Now));

    protected override Task<RegisterOrganizationDelegatedAdminResponse> RegisterOrganizationDelegatedAdminAsync(RegisterOrganizationDelegatedAdminRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_organization.Register(request, Scope(context)));

    protected override Task<DeregisterOrganizationDelegatedAdminResponse> DeregisterOrganizationDelegatedAdminAsync(DeregisterOrganizationDelegatedAdminRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_organization.Deregister(request, Scope(context)));

    protected override Task<ListInsightsMetricDataResponse> ListInsightsMetricDataAsync(ListInsightsMetricDataRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_insights.ListInsightsMetricData(request, Scope(context), Now));

    protected override Task<ListInsightsDataResponse> ListInsightsDataAsync(ListInsightsDataRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_insights.ListInsightsData(request, Scope(context), Now));

    protected override Task<ListPublicKeysResponse> ListPublicKeysAsync(ListPublicKeysRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_publicKeys.ListPublicKeys(request, Scope(context), Now));

    protected override Task<SearchSampleQueriesResponse> SearchSampleQueriesAsync(SearchSampleQueriesRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_sampleQueries.Search(request));

    protected override Task<GenerateQueryResponse> GenerateQueryAsync(GenerateQueryRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_generateQuery.Generate(request, Scope(context), Now));

    protected override Task<StartImportResponse> StartImportAsync(StartImportRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_imports.StartImport(request, Scope(context), context.ReceivedAt, ResourceIds.For(context, "import")));

    protected override Task<GetImportResponse> GetImportAsync(GetImportRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_imports.GetImport(request, Scope(context)));

    protected override Task<ListImportsResponse> ListImportsAsync(ListImportsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_imports.ListImports(request, Scope(context)));

    protected override Task<StopImportResponse> StopImportAsync(StopImportRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_imports.StopImport(request, Scope(context), context.ReceivedAt));

    protected override Task<ListImportFailuresResponse> ListImportFailuresAsync(ListImportFailuresRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_imports.ListImportFailures(request, Scope(context)));

    protected override Task<CreateDashboardResponse> CreateDashboardAsync(CreateDashboardRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_dashboards.Create(request, Scope(context), context.ReceivedAt));

    protected override Task<GetDashboardResponse> GetDashboardAsync(GetDashboardRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_dashboards.Get(request, Scope(context), Now));

    protected override Task<ListDashboardsResponse> ListDashboardsAsync(ListDashboardsRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_dashboards.List(request, Scope(context)));

    protected override Task<UpdateDashboardResponse> UpdateDashboardAsync(UpdateDashboardRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_dashboards.Update(request, Scope(context), context.ReceivedAt));

    protected override Task<DeleteDashboardResponse> DeleteDashboardAsync(DeleteDashboardRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_dashboards.Delete(request, Scope(context)));

    protected override Task<StartDashboardRefreshResponse> StartDashboardRefreshAsync(StartDashboardRefreshRequest request, AwsServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_dashboards.Refresh(request, Scope(context), context.ReceivedAt, context.RequestId));

    private System.DateTimeOffset Now => _replayingAt ?? _options.TimeProvider.GetUtcNow();
}
