using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Config;

[Trait("Category", "Unit")]
public sealed class ConfigValueTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("3", 3)]
    [InlineData(" 5 ", 5)]
    public void ReadInt32_parses_or_returns_null_when_unset(string? raw, int? expected)
    {
        var env = new FakeEnvironment();
        if (raw is not null)
        {
            env.Set("AWS_MAX_ATTEMPTS", raw);
        }

        Assert.Equal(expected, ConfigValue.ReadInt32(env, ConfigValue.MaxAttemptsVariable, 1, 100));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2.5")]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("99999999999")]
    public void ReadInt32_rejects_non_integers_and_out_of_range(string raw)
    {
        var env = new FakeEnvironment().Set("AWS_MAX_ATTEMPTS", raw);
        var error = Assert.Throws<AwsConfigurationException>(() => ConfigValue.ReadInt32(env, "AWS_MAX_ATTEMPTS", 1, 100));
        Assert.Equal($"AWS_MAX_ATTEMPTS must be a whole number between 1 and 100, but is '{raw}'.", error.Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData(" True ", true)]
    [InlineData(null, null)]
    public void ParseBoolean_accepts_true_and_false(string? raw, bool? expected) =>
        Assert.Equal(expected, ConfigValue.ParseBoolean(raw, "X"));

    [Fact]
    public void ParseBoolean_rejects_other_text() =>
        Assert.Equal("X must be 'true' or 'false', but is 'yes'.", Assert.Throws<AwsConfigurationException>(() => ConfigValue.ParseBoolean("yes", "X")).Message);
}
