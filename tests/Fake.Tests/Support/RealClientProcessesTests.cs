using System.IO;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>The real-client tests name their scripts relative to the clients folder; this checks the csproj wires that up.</summary>
[Trait("Category", "Unit")]
public sealed class RealClientProcessesTests
{
    [Fact]
    public void Processes_start_in_the_clients_folder_unless_a_test_names_another()
    {
        Assert.True(File.Exists(Path.Combine(ProcessRunner.ClientsDirectory, "boto3_scenario.py")), ProcessRunner.ClientsDirectory + " holds no boto3_scenario.py");
        Assert.Equal(ProcessRunner.ClientsDirectory, ProcessRunner.StartInfo("python3", ["boto3_scenario.py"]).WorkingDirectory);
        Assert.Equal(Path.GetTempPath(), ProcessRunner.StartInfo("python3", [], Path.GetTempPath()).WorkingDirectory);
    }

    [Fact]
    public void The_aws_environment_names_the_region_and_keeps_the_machine_profile_out()
    {
        var environment = ProcessRunner.AwsEnvironment("eu-west-3", "AKIAEXAMPLE", "s3cret");

        Assert.Equal("eu-west-3", environment["AWS_REGION"]);
        Assert.Equal("eu-west-3", environment["AWS_DEFAULT_REGION"]);
        Assert.Equal("AKIAEXAMPLE", environment["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("s3cret", environment["AWS_SECRET_ACCESS_KEY"]);
        Assert.False(File.Exists(environment["AWS_CONFIG_FILE"]));
        Assert.False(File.Exists(environment["AWS_SHARED_CREDENTIALS_FILE"]));
    }
}
