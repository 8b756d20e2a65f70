using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CloudTrailSdk.Fake;
using CloudTrailSdk.Runtime.Server;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// Where a fake GetEventSelectors call spends its time, without HTTP: the full envelope (<see cref="FakeCloudTrail.HandleAsync"/>:
/// target, authentication, dispatch, recording), the fake's dispatch (<see cref="FakeCloudTrail.DispatchAsync"/>:
/// the operation plus recording it as a CloudTrail event), and the generated dispatch alone
/// (<c>FakeCloudTrail.DispatchUnrecordedAsync</c>: parse, validate, the operation, serialize; nothing recorded).
/// The differences explain the wrk numbers (bench/results/wrk.md).
/// </summary>
/// <remarks>The recording variants grow the fake's event log by one event per call, as the standalone server's does under wrk.</remarks>
[MemoryDiagnoser]
public class FakeDispatchBenchmarks
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"TrailName\":\"bench-trail\"}");

    private FakeCloudTrail _server = null!;
    
    private FakeHttpRequest _request = null!;

    /// <summary>Creates the fake and the trail.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = new FakeCloudTrail();
        var created = _server.HandleAsync(Request("CreateTrail", "{\"Name\":\"bench-trail\",\"S3BucketName\":\"bench-bucket\"}"u8.ToArray())).GetAwaiter().GetResult();
        _request = Request("GetEventSelectors", Body);
        var answer = _server.HandleAsync(_request).GetAwaiter().GetResult();
        if (created.StatusCode != 200 || answer.StatusCode != 200)
        {
            throw new InvalidOperationException("Setup failed: " + Encoding.UTF8.GetString(answer.Body));
        }
    }

    /// <summary>Releases the fake.</summary>
    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    /// <summary>The whole envelope, as behind Kestrel or the handler: request id, target, authentication, dispatch, recording.</summary>
    [Benchmark(Baseline = true)]
    public Task<FakeHttpResponse> HandleAsync() => _server.HandleAsync(_request);

    /// <summary>The fake's dispatch: the operation and its recording as an event.</summary>
    [Benchmark]
    public Task<AwsServerResult> Dispatch_Recorded() =>
        _server.DispatchAsync("GetEventSelectors", Body, new AwsServerContext("GetEventSelectors", "bench-request") { SourceIpAddress = "127.0.0.1" });

    /// <summary>The generated dispatch alone: parse, validate, run, serialize; not recorded.</summary>
    [Benchmark]
    public Task<AwsServerResult> Dispatch_NotRecorded() =>
        _server.DispatchUnrecordedAsync("GetEventSelectors", Body, new AwsServerContext("GetEventSelectors", "bench-request") { SourceIpAddress = "127.0.0.1" });

    private static FakeHttpRequest Request(string operation, byte[] body) => new()
    {
        Method = "POST",
        Headers = new List<KeyValuePair<string, string>>
        {
            new("Host", "127.0.0.1:4566"),
            new("Content-Type", "application/x-amz-json-1.1"),
            new("X-Amz-Target", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101." + operation),
            new("User-Agent", "wrk"),
        },
        Body = body,
        RemoteAddress = "127.0.0.1",
    };
}
