using System;
using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Config;

/// <summary>The process environment as configuration resolution sees it; substitute a fake in tests instead of mutating the real environment.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IEnvironment
{
    /// <summary>The value of an environment variable, or <see langword="null"/> if it is not set.</summary>
    string? GetVariable(string name);

    /// <summary>The user's home directory (where <c>~/.aws</c> lives), or <see langword="null"/> if it cannot be determined.</summary>
    string? HomeDirectory { get; }
}

/// <summary>The real process environment.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ProcessEnvironment : IEnvironment
{
    private ProcessEnvironment()
    {
    }

    /// <summary>The single instance.</summary>
    public static ProcessEnvironment Instance { get; } = new();

    /// <inheritdoc/>
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary><c>HOME</c>, else <c>USERPROFILE</c>, else the OS's user-profile folder; <see langword="null"/> if none is known.</summary>
    public string? HomeDirectory
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetEnvironmentVariable("USERPROFILE");
            }

            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            return string.IsNullOrEmpty(home) ? null : home;
        }
    }
}
