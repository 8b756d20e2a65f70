using System;
using System.Collections.Generic;
using System.IO;
using CloudTrailSdk.Runtime.Config;

namespace CloudTrailSdk.Testing;

/// <summary>
/// An in-memory environment, so nothing leaks in from the machine: only the variables a test sets, and a home directory
/// that is either none, one the test names, or (<see cref="WithPrivateHome"/>) a fresh empty folder deleted on dispose.
/// </summary>
public sealed class FakeEnvironment : IEnvironment, IDisposable
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private bool _ownsHome;

    /// <summary>No variables; <paramref name="home"/> as the home directory (none by default).</summary>
    public FakeEnvironment(string? home = null) => HomeDirectory = home;

    /// <summary>The home directory (where <c>~/.aws</c> lives), or null.</summary>
    public string? HomeDirectory { get; set; }

    /// <summary>No variables and a fresh, empty home directory that <see cref="Dispose"/> deletes.</summary>
    public static FakeEnvironment WithPrivateHome()
    {
        var home = Path.Combine(Path.GetTempPath(), "ct-tests-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        return new FakeEnvironment(home) { _ownsHome = true };
    }

    /// <summary>Sets a variable; returns this environment, so calls chain.</summary>
    public FakeEnvironment Set(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    /// <inheritdoc/>
    public string? GetVariable(string name) => _variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>Deletes the private home directory, if this environment made one.</summary>
    public void Dispose()
    {
        if (_ownsHome && HomeDirectory is not null)
        {
            try
            {
                Directory.Delete(HomeDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A test still holding a file open: the folder is in the temp directory, which the OS cleans.
            }
        }
    }
}
