using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.PublicKeys;

/// <summary>ListPublicKeys: a stable RSA key per region with a validity window, rotated when it ends, filtered by time and paged.</summary>
[Trait("Category", "Unit")]
public sealed class PublicKeyTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_current_key_is_RSA_PKCS1_DER_with_an_MD5_fingerprint_and_stays_the_same()
    {
        using var client = new FakeCloudTrail(new ManualTimeProvider(Start)).CreateClient();

        var first = Assert.Single((await client.ListPublicKeysAsync(new ListPublicKeysRequest())).PublicKeyList!);
        var again = Assert.Single((await client.ListPublicKeysAsync(new ListPublicKeysRequest())).PublicKeyList!);

        using var rsa = RSA.Create();
        rsa.ImportRSAPublicKey(first.Value!.ToArray(), out var read);
        Assert.Equal(first.Value!.Length, read);
        Assert.Equal(2048, rsa.KeySize);
        Assert.Equal(Convert.ToHexString(MD5.HashData(first.Value!.ToArray())).ToLowerInvariant(), first.Fingerprint);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), first.ValidityStartTime);
        Assert.True(first.ValidityEndTime > Start);
        Assert.Equal(first.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public async Task Regions_have_their_own_keys()
    {
        var fake = new FakeCloudTrail(new ManualTimeProvider(Start));
        using var east = fake.CreateClient("us-east-1");
        using var west = fake.CreateClient("eu-west-1");

        var eastKey = Assert.Single((await east.ListPublicKeysAsync(new ListPublicKeysRequest())).PublicKeyList!);
        var westKey = Assert.Single((await west.ListPublicKeysAsync(new ListPublicKeysRequest())).PublicKeyList!);

        Assert.NotEqual(eastKey.Fingerprint, westKey.Fingerprint);
    }

    [Fact]
    public async Task Keys_rotate_a_time_range_picks_the_keys_valid_in_it_and_long_lists_page()
    {
        var clock = new ManualTimeProvider(Start);
        using var client = new FakeCloudTrail(clock).CreateClient();
        var fingerprints = new System.Collections.Generic.List<string>();
        for (var i = 0; i < 7; i++)
        {
            fingerprints.Add(Assert.Single((await client.ListPublicKeysAsync(new ListPublicKeysRequest())).PublicKeyList!).Fingerprint!);
            clock.Advance(TimeSpan.FromDays(90));
        }

        var all = new ListPublicKeysRequest { StartTime = Start, EndTime = clock.GetUtcNow().AddDays(-90) };
        var first = await client.ListPublicKeysAsync(all);
        var second = await client.ListPublicKeysAsync(all with { NextToken = first.NextToken });
        var oneWindow = await client.ListPublicKeysAsync(new ListPublicKeysRequest { StartTime = Start.AddDays(100), EndTime = Start.AddDays(101) });

        Assert.Equal(7, fingerprints.Distinct().Count());
        Assert.Equal(fingerprints, first.PublicKeyList!.Concat(second.PublicKeyList!).Select(k => k.Fingerprint));
        Assert.Null(second.NextToken);
        Assert.Equal(fingerprints[1], Assert.Single(oneWindow.PublicKeyList!).Fingerprint);
    }

    [Fact]
    public async Task With_a_data_directory_a_restarted_fake_answers_the_same_key()
    {
        var directory = Directory.CreateTempSubdirectory("ct-fake-keys-").FullName;
        try
        {
            string? before;
            using (var fake = new FakeCloudTrail(new FakeCloudTrailOptions { DataDirectory = directory, TimeProvider = new ManualTimeProvider(Start) }))
            using (var client = fake.CreateClient())
            {
                before = Assert.Single((await client.ListPublicKeysAsync(new ListPublicKeysRequest())).PublicKeyList!).Fingerprint;
            }

            using var restarted = new FakeCloudTrail(new FakeCloudTrailOptions { DataDirectory = directory, TimeProvider = new ManualTimeProvider(Start.AddDays(1)) });
            using var again = restarted.CreateClient();
            Assert.Equal(before, Assert.Single((await again.ListPublicKeysAsync(new ListPublicKeysRequest())).PublicKeyList!).Fingerprint);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_key_file_stops_the_fake_naming_the_file_and_line()
    {
        var directory = Directory.CreateTempSubdirectory("ct-fake-keys-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "public-keys"));
            File.WriteAllText(Path.Combine(directory, "public-keys", "us-east-1.keys"), "not a key line\n");

            var error = Assert.Throws<InvalidDataException>(() => new FakeCloudTrail(new FakeCloudTrailOptions { DataDirectory = directory }));
            Assert.Contains("us-east-1.keys, line 1", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_modelled_errors()
    {
        using var client = new FakeCloudTrail(new ManualTimeProvider(Start)).CreateClient();

        Assert.Equal("InvalidTimeRangeException", await Errors.CodeOf(() => client.ListPublicKeysAsync(new ListPublicKeysRequest { StartTime = Start, EndTime = Start.AddDays(-1) })));
        Assert.Equal("InvalidTokenException", await Errors.CodeOf(() => client.ListPublicKeysAsync(new ListPublicKeysRequest { NextToken = "not-ours" })));
    }
}
