using System.IO;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>
/// Where the JavaScript client lives. Tests never install it: scripts/setup.sh (which .ci/run calls) does, from the
/// committed package-lock.json; a missing install fails with the command that makes it.
/// </summary>
internal static class NodeModules
{
    public static string Directory => Path.Combine(ProcessRunner.ClientsDirectory, "js");

    public static void EnsureInstalled()
    {
        Assert.True(
            System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@aws-sdk", "client-cloudtrail")),
            "The JavaScript SDK is not installed for the real-client tests. Run scripts/setup.sh, or: (cd tests/Fake.Tests/clients/js && npm ci)");
    }
}
