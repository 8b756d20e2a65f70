using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>Opt-in fault injection: failures as AWS shapes its own, that change nothing, at the rate asked; and latency.</summary>
[Trait("Category", "Unit")]
public sealed class FaultTests
{
    private static FakeCloudTrail Server(FakeFaults faults) => new(new FakeCloudTrailOptions { Faults = faults });

    [Fact]
    public async Task A_failing_call_is_an_AWS_shaped_fault_and_changes_nothing()
    {
        var faults = new FakeFaults { ErrorRate = 0.5, Seed = 11 };
        var server = Server(faults);
        var created = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var name = "trail-" + i;
            var answer = await Direct.CallAsync(server, "CreateTrail", "{\"Name\":\"" + name + "\",\"S3BucketName\":\"bucket\"}");
            if (answer.StatusCode == 200)
            {
                created.Add(name);
            }
            else
            {
                Assert.Equal(faults.StatusCode, answer.StatusCode);
                Assert.Equal(faults.ErrorCode, Direct.ErrorOf(answer));
            }
        }

        FakeHttpResponse list;
        do
        {
            list = await Direct.CallAsync(server, "ListTrails");
        }
        while (list.StatusCode != 200);

        var listed = JsonDocument.Parse(list.Body).RootElement.GetProperty("Trails").EnumerateArray().Select(t => t.GetProperty("Name").GetString());
        Assert.InRange(created.Count, 1, 19);
        Assert.Equal(created.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task About_the_asked_share_of_calls_fail()
    {
        const int calls = 400;
        const double rate = 0.25;
        var server = Server(new FakeFaults { ErrorRate = rate, Seed = 7 });

        var failed = 0;
        for (var i = 0; i < calls; i++)
        {
            failed += Direct.ErrorOf(await Direct.CallAsync(server, "ListTrails")) is null ? 0 : 1;
        }

        // A seeded generator makes this exact run repeatable; the band is wide enough to hold for any seed.
        Assert.InRange(failed, (int)(calls * rate * 0.5), (int)(calls * rate * 1.5));
    }

    [Fact]
    public async Task No_faults_unless_asked()
    {
        var server = Server(FakeFaults.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Direct.CallAsync(server, "ListTrails")));

        Assert.All(answers, a => Assert.Equal(200, a.StatusCode));
    }

    [Fact]
    public async Task Latency_delays_every_call()
    {
        var latency = TimeSpan.FromMilliseconds(150);
        var server = Server(new FakeFaults { Latency = latency });

        var clock = Stopwatch.StartNew();
        var answer = await Direct.CallAsync(server, "ListTrails");

        Assert.Equal(200, answer.StatusCode);
        Assert.True(clock.Elapsed >= latency, "answered after " + clock.Elapsed);
    }
}
