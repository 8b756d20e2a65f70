using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Diagnostics;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>ActivityListeners are process-wide, so these tests do not run beside others that make calls.</summary>
[CollectionDefinition(nameof(DiagnosticsCollection), DisableParallelization = true)]
public sealed class DiagnosticsCollection;

/// <summary>The call's Activity and the log callback.</summary>
[Collection(nameof(DiagnosticsCollection))]
[Trait("Category", "Unit")]
public sealed class DiagnosticsTests : IDisposable
{
    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();
    private readonly ManualTimeProvider _clock = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public DiagnosticsTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AwsDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
    }

    public void Dispose()
    {
        _listener.Dispose();
        _environment.Dispose();
    }

    private List<Activity> StoppedUnder(Activity root) => _stopped.Where(a => a.TraceId == root.TraceId).ToList();

    [Fact]
    public async Task One_activity_per_call_carries_the_rpc_tags_attempts_status_and_request_id()
    {
        ActivitySource.AddActivityListener(_listener);
        var stub = new StubHandler((i, _) => i == 0 ? ResilientClients.Throttled() : ResilientClients.Ok("{}", "req-42"));
        using var client = ResilientClients.Create(stub, _environment, _clock);
        using var root = new Activity("test").Start();

        await _clock.RunAsync(client.LookupEventsAsync(new LookupEventsRequest()));

        var activity = Assert.Single(StoppedUnder(root));
        Assert.Equal("CloudTrail/LookupEvents", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(root.SpanId, activity.ParentSpanId);
        Assert.Equal("aws-api", activity.GetTagItem("rpc.system"));
        Assert.Equal("CloudTrail", activity.GetTagItem("rpc.service"));
        Assert.Equal("LookupEvents", activity.GetTagItem("rpc.method"));
        Assert.Equal("us-east-1", activity.GetTagItem("aws.region"));
        Assert.Equal(2, activity.GetTagItem("aws.attempts"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("req-42", activity.GetTagItem("aws.request_id"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public async Task A_failed_call_marks_its_activity_with_the_error_code()
    {
        ActivitySource.AddActivityListener(_listener);
        var stub = new StubHandler((_, _) => ResilientClients.Error(HttpStatusCode.NotFound, "TrailNotFoundException"));
        using var client = ResilientClients.Create(stub, _environment, _clock);
        using var root = new Activity("test").Start();

        await Assert.ThrowsAsync<TrailNotFoundException>(() => client.GetTrailAsync(new GetTrailRequest { Name = "trail-1" }));

        var activity = Assert.Single(StoppedUnder(root));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("TrailNotFoundException", activity.GetTagItem("error.type"));
        Assert.Equal(404, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(1, activity.GetTagItem("aws.attempts"));
    }

    [Fact]
    public async Task Without_a_listener_no_activity_is_created()
    {
        Activity? seen = null;
        var stub = new StubHandler((_, _) =>
        {
            seen = Activity.Current;
            return ResilientClients.Ok();
        });
        using var client = ResilientClients.Create(stub, _environment, _clock);

        await client.GetTrailAsync(new GetTrailRequest { Name = "trail-1" });

        Assert.Null(seen);
        Assert.Empty(_stopped);
    }

    [Fact]
    public async Task The_log_tells_of_retries_and_failures_and_never_of_secrets()
    {
        var entries = new ConcurrentQueue<AwsLogEntry>();
        var stub = new StubHandler((_, _) => ResilientClients.Throttled());
        using var client = ResilientClients.Create(stub, _environment, _clock, o =>
        {
            o.Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "SESSION-TOKEN-SECRET");
            o.Log = entries.Enqueue;
        });

        await Assert.ThrowsAsync<ThrottlingException>(() => _clock.RunAsync(client.GetTrailAsync(new GetTrailRequest { Name = "trail-1" })));

        var list = entries.ToList();
        Assert.Equal([AwsLogLevel.Warning, AwsLogLevel.Warning, AwsLogLevel.Error], list.Select(e => e.Level));
        Assert.Equal([1, 2, 3], list.Select(e => e.Attempt));
        Assert.All(list, e => Assert.Equal("GetTrail", e.Operation));
        Assert.All(list, e => Assert.Equal("ThrottlingException", e.ErrorCode));
        Assert.All(list.Take(2), e => Assert.NotNull(e.Delay));
        var signature = stub.Requests[0].Header("Authorization").Split("Signature=")[1];
        foreach (var text in list.Select(e => e.ToString() + e.Exception))
        {
            Assert.DoesNotContain("wJalrXUtnFEMI", text);
            Assert.DoesNotContain("SESSION-TOKEN-SECRET", text);
            Assert.DoesNotContain(signature, text);
        }
    }
}
