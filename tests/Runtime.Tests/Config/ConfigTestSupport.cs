using System;
using System.Collections.Generic;
using System.IO;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Config;

/// <summary>A temporary home directory with helpers to write <c>~/.aws</c> files; deleted on dispose.</summary>
internal sealed class TempHome : IDisposable
{
    public TempHome()
    {
        Root = Path.Combine(Path.GetTempPath(), "ct-config-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Environment = new FakeEnvironment(Root);
    }

    public string Root { get; }

    public FakeEnvironment Environment { get; }

    public string CredentialsPath => Path.Combine(Root, ".aws", "credentials");

    public string ConfigPath => Path.Combine(Root, ".aws", "config");

    public string WriteCredentials(string content) => Write(CredentialsPath, content);

    public string WriteConfig(string content) => Write(ConfigPath, content);

    public string Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
