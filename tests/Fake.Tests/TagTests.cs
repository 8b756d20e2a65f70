using System;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests;

[Trait("Category", "Unit")]
public sealed class TagTests : IDisposable
{
    private const string Region = "us-east-2";
    private readonly CloudTrailClient _client = Clients.InProcess(new FakeCloudTrail(), Region);

    public void Dispose() => _client.Dispose();

    private async Task<string> TrailAsync(string name, params Tag[] tags) =>
        (await _client.CreateTrailAsync(new CreateTrailRequest { Name = name, S3BucketName = "bucket", TagsList = tags.Length == 0 ? null : tags })).TrailARN!;

    private async Task<Tag[]> TagsOfAsync(string arn) =>
        Assert.Single((await _client.ListTagsAsync(new ListTagsRequest { ResourceIdList = new[] { arn } })).ResourceTagList!).TagsList!.ToArray();

    [Fact]
    public async Task Tags_given_at_creation_are_listed()
    {
        var arn = await TrailAsync("tagged-at-birth", new Tag { Key = "team", Value = "audit" });

        Assert.Equal(new[] { ("team", "audit") }, (await TagsOfAsync(arn)).Select(t => (t.Key, t.Value ?? string.Empty)));
    }

    [Fact]
    public async Task AddTags_adds_and_overwrites_and_RemoveTags_removes_by_key()
    {
        var arn = await TrailAsync("tag-life");
        await _client.AddTagsAsync(new AddTagsRequest { ResourceId = arn, TagsList = new[] { new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "2" } } });
        await _client.AddTagsAsync(new AddTagsRequest { ResourceId = arn, TagsList = new[] { new Tag { Key = "a", Value = "changed" } } });
        Assert.Equal(new[] { ("a", "changed"), ("b", "2") }, (await TagsOfAsync(arn)).Select(t => (t.Key, t.Value ?? string.Empty)));

        await _client.RemoveTagsAsync(new RemoveTagsRequest { ResourceId = arn, TagsList = new[] { new Tag { Key = "a" } } });
        Assert.Equal(new[] { "b" }, (await TagsOfAsync(arn)).Select(t => t.Key));
    }

    [Fact]
    public async Task ListTags_answers_for_each_resource_asked()
    {
        var first = await TrailAsync("list-one", new Tag { Key = "k", Value = "1" });
        var second = await TrailAsync("list-two");

        var list = (await _client.ListTagsAsync(new ListTagsRequest { ResourceIdList = new[] { second, first } })).ResourceTagList!;

        Assert.Equal(new[] { second, first }, list.Select(r => r.ResourceId));
        Assert.Empty(list[0].TagsList!);
        Assert.Single(list[1].TagsList!);
    }

    [Fact]
    public async Task More_than_the_limit_is_TagsLimitExceededException_and_changes_nothing()
    {
        var arn = await TrailAsync("tag-limit");
        var full = Enumerable.Range(0, FakeCloudTrail.MaxTagsPerResource).Select(i => new Tag { Key = "k" + i, Value = "v" }).ToArray();
        await _client.AddTagsAsync(new AddTagsRequest { ResourceId = arn, TagsList = full });

        var code = await Errors.CodeOf(() => _client.AddTagsAsync(new AddTagsRequest { ResourceId = arn, TagsList = new[] { new Tag { Key = "one-more" } } }));

        Assert.Equal("TagsLimitExceededException", code);
        Assert.Equal(full.Length, (await TagsOfAsync(arn)).Length);
    }

    [Fact]
    public async Task A_key_twice_in_one_request_is_InvalidTagParameterException()
    {
        var arn = await TrailAsync("tag-dupes");

        var code = await Errors.CodeOf(() => _client.AddTagsAsync(new AddTagsRequest { ResourceId = arn, TagsList = new[] { new Tag { Key = "x", Value = "1" }, new Tag { Key = "x", Value = "2" } } }));

        Assert.Equal("InvalidTagParameterException", code);
    }

    [Theory]
    [InlineData("just-a-name", "CloudTrailARNInvalidException")]
    [InlineData("arn:aws:cloudtrail:us-east-2:123456789012:trail/never-created", "ResourceNotFoundException")]
    [InlineData("arn:aws:cloudtrail:us-east-2:123456789012:eventdatastore/abc", "ResourceNotFoundException")]
    public async Task Tagging_what_is_not_a_trail_fails_with_AWS_codes(string resourceId, string expected)
    {
        var code = await Errors.CodeOf(() => _client.AddTagsAsync(new AddTagsRequest { ResourceId = resourceId, TagsList = new[] { new Tag { Key = "k" } } }));

        Assert.Equal(expected, code);
    }

    [Fact]
    public async Task DeleteTrail_takes_tags_and_selectors_with_it()
    {
        var arn = await TrailAsync("short-lived", new Tag { Key = "gone", Value = "soon" });
        await _client.PutEventSelectorsAsync(new PutEventSelectorsRequest { TrailName = arn, EventSelectors = new[] { new EventSelector { ReadWriteType = ReadWriteType.ReadOnly } } });
        await _client.PutInsightSelectorsAsync(new PutInsightSelectorsRequest { TrailName = arn, InsightSelectors = new[] { new InsightSelector { InsightType = InsightType.ApiCallRateInsight } } });

        await _client.DeleteTrailAsync(new DeleteTrailRequest { Name = arn });
        Assert.Equal("ResourceNotFoundException", await Errors.CodeOf(() => TagsOfAsync(arn)));
        var again = await TrailAsync("short-lived");

        Assert.Equal(arn, again);
        Assert.Empty(await TagsOfAsync(again));
        var selectors = await _client.GetEventSelectorsAsync(new GetEventSelectorsRequest { TrailName = again });
        Assert.Equal(ReadWriteType.All, Assert.Single(selectors.EventSelectors!).ReadWriteType);
        Assert.Equal("InsightNotEnabledException", await Errors.CodeOf(() => _client.GetInsightSelectorsAsync(new GetInsightSelectorsRequest { TrailName = again })));
        Assert.False((await _client.GetTrailAsync(new GetTrailRequest { Name = again })).Trail!.HasCustomEventSelectors);
    }
}
