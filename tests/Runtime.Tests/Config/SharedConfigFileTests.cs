using System.IO;
using CloudTrailSdk.Runtime.Config;

namespace CloudTrailSdk.Runtime.Tests.Config;

[Trait("Category", "Unit")]
public sealed class SharedConfigFileTests
{
    private static SharedConfigFile Config(string text) => SharedConfigFile.Parse(text, "/x/config", SharedConfigFileKind.Config);

    private static SharedConfigFile Credentials(string text) => SharedConfigFile.Parse(text, "/x/credentials", SharedConfigFileKind.Credentials);

    [Fact]
    public void Config_file_maps_default_and_profile_sections()
    {
        var file = Config("[default]\nregion = us-east-1\n\n[profile dev]\nregion=eu-west-1\n[profile   spaced  ]\nregion = ap-south-1\n");
        Assert.Equal("us-east-1", file.GetProfile("default")!.Get("region"));
        Assert.Equal("eu-west-1", file.GetProfile("dev")!.Get("region"));
        Assert.Equal("ap-south-1", file.GetProfile("spaced")!.Get("region"));
    }

    [Fact]
    public void Config_file_ignores_sections_that_are_not_profiles()
    {
        var file = Config("[dev]\nregion = x\n[sso-session s]\nsso_region = y\n[profile ok]\nregion = z\n");
        Assert.Null(file.GetProfile("dev"));
        Assert.Null(file.GetProfile("s"));
        Assert.Equal(["ok"], file.Profiles.Keys);
    }

    [Fact]
    public void Credentials_file_uses_section_names_verbatim()
    {
        var file = Credentials("[default]\naws_access_key_id = A\n[dev]\naws_access_key_id = B\n");
        Assert.Equal("A", file.GetProfile("default")!.Get("aws_access_key_id"));
        Assert.Equal("B", file.GetProfile("dev")!.Get("aws_access_key_id"));
    }

    [Fact]
    public void Profile_default_takes_precedence_over_bare_default_in_config()
    {
        Assert.Equal("b", Config("[default]\nregion = a\n[profile default]\nregion = b\n").GetProfile("default")!.Get("region"));
        Assert.Equal("b", Config("[profile default]\nregion = b\n[default]\nregion = a\n").GetProfile("default")!.Get("region"));
    }

    [Fact]
    public void Comments_blank_lines_and_inline_comments_are_skipped()
    {
        var file = Config("# leading\n; also\n\n[default] # trailing\n  # indented comment\nregion = us-east-1 # note\noutput = json ;note\nkey = a#b;c\n");
        var profile = file.GetProfile("default")!;
        Assert.Equal("us-east-1", profile.Get("region"));
        Assert.Equal("json", profile.Get("output"));
        Assert.Equal("a#b;c", profile.Get("key"));
    }

    [Fact]
    public void Nested_sub_sections_are_tolerated_and_kept_apart()
    {
        var file = Config("[default]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path\nregion = us-west-2\n");
        var profile = file.GetProfile("default")!;
        Assert.Equal("us-west-2", profile.Get("region"));
        Assert.Null(profile.Get("s3"));
        Assert.Equal("10", profile.SubSections["s3"]["max_concurrent_requests"]);
        Assert.Equal("path", profile.SubSections["s3"]["addressing_style"]);
        Assert.False(profile.Properties.ContainsKey("max_concurrent_requests"));
    }

    [Fact]
    public void Continuation_lines_extend_the_previous_value()
    {
        var file = Config("[default]\nkey = first\n  second\nregion = r\n");
        Assert.Equal("first\nsecond", file.GetProfile("default")!.Get("key"));
    }

    [Fact]
    public void Services_sections_are_stored_separately()
    {
        var file = Config("[services local]\ncloudtrail =\n  endpoint_url = http://localhost:4566\n");
        Assert.Empty(file.Profiles);
        Assert.Equal("http://localhost:4566", file.Services["local"].SubSections["cloudtrail"]["endpoint_url"]);
    }

    [Fact]
    public void Keys_are_case_insensitive_last_value_wins_and_sections_merge()
    {
        var file = Credentials("[a]\nKey = 1\nkey = 2\n[b]\nx = 1\n[a]\nother = 3\n");
        var a = file.GetProfile("a")!;
        Assert.Equal("2", a.Get("KEY"));
        Assert.Equal("3", a.Get("other"));
    }

    [Fact]
    public void Crlf_line_endings_and_bom_are_handled()
    {
        var file = Config("\uFEFF[default]\r\nregion = us-east-1\r\n");
        Assert.Equal("us-east-1", file.GetProfile("default")!.Get("region"));
    }

    [Fact]
    public void Empty_value_reads_as_absent()
    {
        Assert.Null(Config("[default]\nregion =\n").GetProfile("default")!.Get("region"));
    }

    [Theory]
    [InlineData("[default\nregion = x\n", 1, "missing the closing ']'")]
    [InlineData("region = x\n[default]\n", 1, "appears before any [section] header")]
    [InlineData("# c\n\n[default]\nregion = x\nthis line is wrong\n", 5, "expected a property 'key = value' or a '[section]' header, found 'this line is wrong'")]
    [InlineData("[default]\n= value\n", 2, "has no key before '='")]
    [InlineData("[default]\nregion = x\n[]\n", 3, "has no name")]
    [InlineData("[default] junk\n", 1, "unexpected text 'junk' after section header")]
    [InlineData("[default]\n  indented = orphan\n", 2, "does not follow a property")]
    [InlineData("[default]\ns3 =\n  not a property\n", 3, "expected a sub-section property")]
    public void Malformed_lines_report_file_and_line(string text, int line, string reason)
    {
        var error = Assert.Throws<AwsConfigFileException>(() => Config(text));
        Assert.Equal("/x/config", error.FilePath);
        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith($"/x/config, line {line}: ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Load_reports_unreadable_file()
    {
        using var home = new TempHome();
        var error = Assert.Throws<AwsConfigurationException>(() => SharedConfigFile.Load(home.Root, SharedConfigFileKind.Config));
        Assert.StartsWith($"Could not read {home.Root}", error.Message);
    }

    [Fact]
    public void Load_parses_file_from_disk_with_its_path_in_errors()
    {
        using var home = new TempHome();
        var path = home.WriteConfig("[default]\nregion = r\noops\n");
        var error = Assert.Throws<AwsConfigFileException>(() => SharedConfigFile.Load(path, SharedConfigFileKind.Config));
        Assert.Equal(path, error.FilePath);
        Assert.Equal(3, error.LineNumber);
        Assert.True(File.Exists(path));
    }
}
