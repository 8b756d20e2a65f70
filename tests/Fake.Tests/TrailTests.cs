using System;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>DescribeTrails (names, ARNs, shadow trails), UpdateTrail, and name clashes, through our own client.</summary>
[Trait("Category", "Unit")]
public sealed class TrailTests : IDisposable
{
    private const string Home = "us-east-1";
    private const string Away = "eu-west-1";
    private readonly FakeCloudTrail _server = new();
    private readonly CloudTrailClient _home;
    private readonly CloudTrailClient _away;

    public TrailTests()
    {
        _home = Clients.InProcess(_server, Home);
        _away = Clients.InProcess(_server, Away);
    }

    public void Dispose()
    {
        _home.Dispose();
        _away.Dispose();
    }

    private static Task<CreateTrailResponse> CreateAsync(CloudTrailClient client, string name, bool multiRegion = false) =>
        client.CreateTrailAsync(new CreateTrailRequest { Name = name, S3BucketName = "bucket", IsMultiRegionTrail = multiRegion });

    [Fact]
    public async Task DescribeTrails_finds_by_name_and_by_ARN_and_skips_unknown_ones()
    {
        var byName = await CreateAsync(_home, "by-name");
        var byArn = await CreateAsync(_home, "by-arn");
        await CreateAsync(_home, "not-asked");

        var described = await _home.DescribeTrailsAsync(new DescribeTrailsRequest { TrailNameList = new[] { "by-name", byArn.TrailARN!, "never-made" } });

        Assert.Equal(new[] { byName.TrailARN, byArn.TrailARN }, described.TrailList!.Select(t => t.TrailARN));
    }

    [Fact]
    public async Task A_multi_region_trail_shows_as_a_shadow_elsewhere_unless_shadows_are_excluded()
    {
        var everywhere = await CreateAsync(_home, "everywhere", multiRegion: true);
        var local = await CreateAsync(_away, "local-away");

        var withShadows = await _away.DescribeTrailsAsync(new DescribeTrailsRequest());
        var withoutShadows = await _away.DescribeTrailsAsync(new DescribeTrailsRequest { IncludeShadowTrails = false });
        var byArn = await _away.DescribeTrailsAsync(new DescribeTrailsRequest { TrailNameList = new[] { everywhere.TrailARN! } });

        Assert.Equal(new[] { local.TrailARN, everywhere.TrailARN }, withShadows.TrailList!.Select(t => t.TrailARN));
        Assert.Equal(Home, withShadows.TrailList![1].HomeRegion);
        Assert.Equal(new[] { local.TrailARN }, withoutShadows.TrailList!.Select(t => t.TrailARN));
        Assert.Equal(new[] { everywhere.TrailARN }, byArn.TrailList!.Select(t => t.TrailARN));
        Assert.Contains((await _away.ListTrailsAsync(new ListTrailsRequest())).Trails!, t => t.TrailARN == everywhere.TrailARN && t.HomeRegion == Home);
    }

    [Fact]
    public async Task A_single_region_trail_stays_in_its_region()
    {
        await CreateAsync(_home, "home-only");

        Assert.Empty((await _away.DescribeTrailsAsync(new DescribeTrailsRequest())).TrailList!);
        Assert.Equal("TrailNotFoundException", await Errors.CodeOf(() => _away.GetTrailAsync(new GetTrailRequest { Name = "home-only" })));
    }

    [Fact]
    public async Task A_shadow_trail_is_read_anywhere_but_changed_only_at_home()
    {
        await CreateAsync(_home, "changed-at-home", multiRegion: true);

        Assert.Equal(Home, (await _away.GetTrailAsync(new GetTrailRequest { Name = "changed-at-home" })).Trail!.HomeRegion);
        Assert.Equal("InvalidHomeRegionException", await Errors.CodeOf(() => _away.StartLoggingAsync(new StartLoggingRequest { Name = "changed-at-home" })));
        Assert.Equal("InvalidHomeRegionException", await Errors.CodeOf(() => _away.UpdateTrailAsync(new UpdateTrailRequest { Name = "changed-at-home", S3KeyPrefix = "p" })));
        Assert.Equal("InvalidHomeRegionException", await Errors.CodeOf(() => _away.DeleteTrailAsync(new DeleteTrailRequest { Name = "changed-at-home" })));
    }

    [Fact]
    public async Task Names_clash_with_multi_region_trails_across_regions()
    {
        await CreateAsync(_home, "taken-everywhere", multiRegion: true);
        await CreateAsync(_away, "taken-away");

        Assert.Equal("TrailAlreadyExistsException", await Errors.CodeOf(() => CreateAsync(_away, "taken-everywhere")));
        Assert.Equal("TrailAlreadyExistsException", await Errors.CodeOf(() => CreateAsync(_home, "taken-away", multiRegion: true)));
        Assert.Equal("TrailAlreadyExistsException", await Errors.CodeOf(() => CreateAsync(_home, "taken-everywhere")));
    }

    [Fact]
    public async Task UpdateTrail_changes_what_it_names_and_keeps_the_rest()
    {
        await _home.CreateTrailAsync(new CreateTrailRequest { Name = "to-update", S3BucketName = "old-bucket", S3KeyPrefix = "old-prefix", EnableLogFileValidation = true });

        var updated = await _home.UpdateTrailAsync(new UpdateTrailRequest { Name = "to-update", S3BucketName = "new-bucket", IsMultiRegionTrail = true });
        var trail = (await _home.GetTrailAsync(new GetTrailRequest { Name = "to-update" })).Trail!;

        Assert.Equal("new-bucket", updated.S3BucketName);
        Assert.Equal("new-bucket", trail.S3BucketName);
        Assert.Equal("old-prefix", trail.S3KeyPrefix);
        Assert.True(trail.LogFileValidationEnabled);
        Assert.True(trail.IsMultiRegionTrail);
        Assert.Equal(trail.TrailARN, updated.TrailARN);
    }

    [Fact]
    public async Task UpdateTrail_with_an_empty_string_clears_an_optional_setting()
    {
        await _home.CreateTrailAsync(new CreateTrailRequest { Name = "to-clear", S3BucketName = "bucket", S3KeyPrefix = "prefix" });

        await _home.UpdateTrailAsync(new UpdateTrailRequest { Name = "to-clear", S3KeyPrefix = string.Empty });

        Assert.Null((await _home.GetTrailAsync(new GetTrailRequest { Name = "to-clear" })).Trail!.S3KeyPrefix);
    }

    [Fact]
    public async Task UpdateTrail_of_a_missing_trail_is_TrailNotFoundException()
    {
        Assert.Equal("TrailNotFoundException", await Errors.CodeOf(() => _home.UpdateTrailAsync(new UpdateTrailRequest { Name = "never-made", S3BucketName = "b" })));
    }
}
