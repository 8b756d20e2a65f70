using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>
/// What the fake's real-client tests add to the test kit's <see cref="ProcessRunner"/>: where the client scripts live
/// and the environment every AWS client reads. Static extensions, so the tests write <c>ProcessRunner.AwsEnvironment(…)</c>.
/// </summary>
internal static class RealClientProcesses
{
    extension(ProcessRunner)
    {
        /// <summary>tests/Fake.Tests/clients: the scripts run from the source tree, where npm keeps node_modules between runs.</summary>
        public static string ClientsDirectory => typeof(RealClientProcesses).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ClientsDirectory").Value!;

        /// <summary>Credentials and region as every AWS client reads them; no profile or config file from the machine leaks in.</summary>
        public static Dictionary<string, string> AwsEnvironment(string region, string accessKey = "AKIAFAKETESTKEY00001", string secret = "fake-secret") => new()
        {
            ["AWS_ACCESS_KEY_ID"] = accessKey,
            ["AWS_SECRET_ACCESS_KEY"] = secret,
            ["AWS_DEFAULT_REGION"] = region,
            ["AWS_REGION"] = region,
            ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_PAGER"] = string.Empty,
            ["AWS_MAX_ATTEMPTS"] = "1",
        };
    }
}
