using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;

namespace CloudTrailSdk.Runtime.Config;

/// <summary>Which of the two shared files is being parsed; they name their sections differently.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum SharedConfigFileKind
{
    /// <summary><c>~/.aws/config</c>: <c>[default]</c>, <c>[profile name]</c>, <c>[services name]</c>, <c>[sso-session name]</c>, other section kinds ignored.</summary>
    Config,

    /// <summary><c>~/.aws/credentials</c>: <c>[name]</c> is profile <c>name</c>.</summary>
    Credentials,
}

/// <summary>One section of a shared file: its properties and any nested sub-sections (<c>s3 =</c> followed by indented <c>key = value</c> lines).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SharedConfigSection
{
    private readonly Dictionary<string, string> _properties = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, string>> _subSections = new(StringComparer.OrdinalIgnoreCase);

    internal SharedConfigSection(string name)
    {
        Name = name;
    }

    /// <summary>The profile (or services-section) name.</summary>
    public string Name { get; }

    /// <summary>The section's <c>key = value</c> properties (keys case-insensitive; a repeated key keeps the last value).</summary>
    public IReadOnlyDictionary<string, string> Properties => _properties;

    /// <summary>Nested sub-sections by name, e.g. <c>s3</c> → { <c>max_concurrent_requests</c> → <c>10</c> }.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> SubSections => _subSections;

    /// <summary>A property's value, or <see langword="null"/> when absent or empty.</summary>
    public string? Get(string key) => _properties.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    internal void Set(string key, string value)
    {
        _properties[key] = value;
        _subSections.Remove(key);
    }

    internal Dictionary<string, string> StartSubSection(string key)
    {
        _properties.Remove(key);
        var sub = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        _subSections[key] = sub;
        return sub;
    }

    internal void Append(string key, string continuation) => _properties[key] = _properties[key] + "\n" + continuation;
}

/// <summary>
/// A parsed shared config or credentials file, in the INI dialect AWS SDKs use: <c>[section]</c> headers, <c>key = value</c> lines,
/// full-line comments starting with <c>#</c> or <c>;</c> (and inline ones preceded by whitespace), indented continuation lines,
/// and nested sub-sections. Structurally bad lines raise <see cref="AwsConfigFileException"/> naming the file and line.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SharedConfigFile
{
    private readonly Dictionary<string, SharedConfigSection> _profiles;
    private readonly Dictionary<string, SharedConfigSection> _services;
    private readonly Dictionary<string, SharedConfigSection> _ssoSessions;

    private SharedConfigFile(
        string path,
        SharedConfigFileKind kind,
        Dictionary<string, SharedConfigSection> profiles,
        Dictionary<string, SharedConfigSection> services,
        Dictionary<string, SharedConfigSection> ssoSessions)
    {
        _ssoSessions = ssoSessions;
        Path = path;
        Kind = kind;
        _profiles = profiles;
        _services = services;
    }

    /// <summary>The file's path (as given; used in messages).</summary>
    public string Path { get; }

    /// <summary>Which kind of file this is.</summary>
    public SharedConfigFileKind Kind { get; }

    /// <summary>The profiles by name (<c>default</c> for <c>[default]</c>).</summary>
    public IReadOnlyDictionary<string, SharedConfigSection> Profiles => _profiles;

    /// <summary>The <c>[services name]</c> sections of a config file, by name.</summary>
    public IReadOnlyDictionary<string, SharedConfigSection> Services => _services;

    /// <summary>The <c>[sso-session name]</c> sections of a config file, by name.</summary>
    public IReadOnlyDictionary<string, SharedConfigSection> SsoSessions => _ssoSessions;

    /// <summary>The named profile, or <see langword="null"/>.</summary>
    public SharedConfigSection? GetProfile(string name) => _profiles.TryGetValue(name, out var profile) ? profile : null;

    /// <summary>Reads and parses a file.</summary>
    /// <exception cref="AwsConfigFileException">A line is malformed.</exception>
    /// <exception cref="AwsConfigurationException">The file cannot be read.</exception>
    public static SharedConfigFile Load(string path, SharedConfigFileKind kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new AwsConfigurationException($"Could not read {path}: {ex.Message}", ex);
        }

        return Parse(text, path, kind);
    }

    /// <summary>Parses file content; <paramref name="path"/> is only used in error messages.</summary>
    /// <exception cref="AwsConfigFileException">A line is malformed.</exception>
    public static SharedConfigFile Parse(string text, string path, SharedConfigFileKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var profiles = new Dictionary<string, SharedConfigSection>(StringComparer.Ordinal);
        var services = new Dictionary<string, SharedConfigSection>(StringComparer.Ordinal);
        var ssoSessions = new Dictionary<string, SharedConfigSection>(StringComparer.Ordinal);
        var explicitProfileDefault = false;

        var inSection = false;
        SharedConfigSection? section = null; // null while inside a section kind we ignore
        string? lastKey = null;
        Dictionary<string, string>? subSection = null;

        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var raw = lines[index].TrimEnd('\r');
            if (index == 0 && raw.Length > 0 && raw[0] == '\uFEFF')
            {
                raw = raw[1..];
            }

            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';')
            {
                continue;
            }

            var indented = char.IsWhiteSpace(raw[0]);
            if (!indented && trimmed[0] == '[')
            {
                var close = trimmed.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new AwsConfigFileException(path, lineNumber, $"section header '{trimmed}' is missing the closing ']'.");
                }

                var after = trimmed[(close + 1)..].Trim();
                if (after.Length > 0 && after[0] != '#' && after[0] != ';')
                {
                    throw new AwsConfigFileException(path, lineNumber, $"unexpected text '{after}' after section header.");
                }

                var name = trimmed[1..close].Trim();
                if (name.Length == 0)
                {
                    throw new AwsConfigFileException(path, lineNumber, "section header '[]' has no name.");
                }

                inSection = true;
                lastKey = null;
                subSection = null;
                section = OpenSection(name, kind, profiles, services, ssoSessions, ref explicitProfileDefault);
                continue;
            }

            if (indented && lastKey is not null)
            {
                if (subSection is not null)
                {
                    var (subKey, subValue) = SplitProperty(trimmed, path, lineNumber, "sub-section property");
                    subSection[subKey] = subValue;
                }
                else
                {
                    // Continuation of the previous property's value.
                    section?.Append(lastKey, StripInlineComment(trimmed));
                }

                continue;
            }

            if (!inSection)
            {
                throw new AwsConfigFileException(path, lineNumber, $"'{trimmed}' appears before any [section] header.");
            }

            if (indented)
            {
                throw new AwsConfigFileException(path, lineNumber, $"indented line '{trimmed}' does not follow a property it could continue.");
            }

            var (key, value) = SplitProperty(trimmed, path, lineNumber, "property");
            lastKey = key;
            if (value.Length == 0)
            {
                subSection = section?.StartSubSection(key) ?? new Dictionary<string, string>();
            }
            else
            {
                subSection = null;
                section?.Set(key, value);
            }
        }

        return new SharedConfigFile(path, kind, profiles, services, ssoSessions);
    }

    private static SharedConfigSection? OpenSection(
        string name,
        SharedConfigFileKind kind,
        Dictionary<string, SharedConfigSection> profiles,
        Dictionary<string, SharedConfigSection> services,
        Dictionary<string, SharedConfigSection> ssoSessions,
        ref bool explicitProfileDefault)
    {
        if (kind == SharedConfigFileKind.Credentials)
        {
            return GetOrAdd(profiles, name);
        }

        if (name == "default")
        {
            // [profile default] takes precedence over [default] when a config file has both.
            return explicitProfileDefault ? null : GetOrAdd(profiles, "default");
        }

        var space = name.IndexOfAny([' ', '\t']);
        if (space < 0)
        {
            return null; // "[name]" without a prefix, or a bare "[profile]": not a profile in a config file; ignored as AWS SDKs do.
        }

        var prefix = name[..space];
        var rest = name[(space + 1)..].Trim();
        switch (prefix)
        {
            case "profile":
                if (rest == "default" && !explicitProfileDefault)
                {
                    explicitProfileDefault = true;
                    profiles.Remove("default");
                }

                return GetOrAdd(profiles, rest);
            case "services":
                return GetOrAdd(services, rest);
            case "sso-session":
                return GetOrAdd(ssoSessions, rest);
            default:
                return null; // other section kinds are not used here.
        }
    }

    private static SharedConfigSection GetOrAdd(Dictionary<string, SharedConfigSection> sections, string name)
    {
        if (!sections.TryGetValue(name, out var section))
        {
            section = new SharedConfigSection(name);
            sections.Add(name, section);
        }

        return section;
    }

    private static (string Key, string Value) SplitProperty(string trimmed, string path, int lineNumber, string what)
    {
        var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw new AwsConfigFileException(path, lineNumber, $"expected a {what} 'key = value' or a '[section]' header, found '{trimmed}'.");
        }

        var key = trimmed[..equals].Trim();
        if (key.Length == 0)
        {
            throw new AwsConfigFileException(path, lineNumber, $"{what} '{trimmed}' has no key before '='.");
        }

        return (key, StripInlineComment(trimmed[(equals + 1)..].Trim()));
    }

    private static string StripInlineComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if ((value[i] == '#' || value[i] == ';') && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i].TrimEnd();
            }
        }

        return value;
    }
}
