using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CloudTrailSdk.Fake;

/// <summary>
/// The fake's stand-in for S3: <see cref="FakeCloudTrailOptions.ImportSources"/> maps <c>s3://bucket/prefix</c> locations
/// to local folders. A location under a mapped one (<c>s3://bucket/prefix/AWSLogs</c>) maps to the matching sub-folder.
/// </summary>
internal static partial class ImportSourceMap
{
    /// <summary>What is wrong with one mapping, or null when it is usable; the option's check and the tool's flag share it.</summary>
    public static string? Problem(string location, string folder)
    {
        if (location is null || !TryParse(location, out _, out _))
        {
            return "'" + location + "' is not an S3 location: write s3://BUCKET or s3://BUCKET/PREFIX (bucket names are 3-63 lower-case letters, digits, dots and hyphens).";
        }

        if (string.IsNullOrWhiteSpace(folder))
        {
            return "the folder for " + location + " is empty.";
        }

        return Directory.Exists(folder) ? null : "the folder '" + folder + "' for " + location + " does not exist.";
    }

    /// <summary>The local folder an S3 location maps to, or null when no mapping covers it (or it leaves its folder).</summary>
    public static string? Resolve(IReadOnlyDictionary<string, string> sources, string location)
    {
        if (!TryParse(location, out var bucket, out var prefix))
        {
            return null;
        }

        // The longest mapped prefix wins, so a specific mapping can override a whole-bucket one.
        foreach (var (mapped, folder) in sources.OrderByDescending(s => s.Key.Length))
        {
            if (!TryParse(mapped, out var mappedBucket, out var mappedPrefix) || mappedBucket != bucket)
            {
                continue;
            }

            if (prefix == mappedPrefix || mappedPrefix.Length == 0 || prefix.StartsWith(mappedPrefix + "/", StringComparison.Ordinal))
            {
                var rest = prefix.Length == mappedPrefix.Length ? string.Empty : prefix[(mappedPrefix.Length == 0 ? 0 : mappedPrefix.Length + 1)..];
                var root = Path.GetFullPath(folder);
                var target = Path.GetFullPath(Path.Combine(root, rest.Replace('/', Path.DirectorySeparatorChar)));

                // "s3://bucket/prefix/../.." must not reach outside the folder the test author chose.
                return target == root || target.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? target : null;
            }
        }

        return null;
    }

    /// <summary>The S3 URI of a file found under an import's folder, as a failure entry's Location names it.</summary>
    public static string LocationOf(string sourceLocation, string folder, string file) =>
        sourceLocation.TrimEnd('/') + "/" + Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');

    private static bool TryParse(string location, out string bucket, out string prefix)
    {
        bucket = prefix = string.Empty;
        if (!location.StartsWith("s3://", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = location[5..].TrimEnd('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        bucket = slash < 0 ? rest : rest[..slash];
        prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        return Bucket().IsMatch(bucket);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex Bucket();
}
