using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace CloudTrailSdk.Fake;

/// <summary>
/// The prompt → SQL pairs a test author registered for GenerateQuery (<see cref="FakeCloudTrailOptions.GeneratedQueries"/>,
/// <c>--generated-query</c>). Prompts match ignoring case and runs of white space.
/// </summary>
internal sealed class GeneratedQueryCatalog
{
    /// <summary>Stands for the id of the event data store a GenerateQuery call names.</summary>
    public const string StorePlaceholder = "$EDS_ID";

    private readonly Dictionary<string, string> _byPrompt = new(StringComparer.Ordinal);

    public GeneratedQueryCatalog(IReadOnlyDictionary<string, string> queries)
    {
        foreach (var (prompt, sql) in queries)
        {
            _byPrompt[Normalize(prompt)] = sql;
        }
    }

    public string? TryFind(string prompt) => _byPrompt.TryGetValue(Normalize(prompt), out var sql) ? sql : null;

    /// <summary>An alias for a prompt, the same every time: "generated-" and 12 hex digits of the normalized prompt's SHA-256.</summary>
    public static string AliasOf(string prompt) =>
        "generated-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(prompt))))[..12].ToLowerInvariant();

    /// <summary>Checks registered pairs as the model constrains a prompt (3 to 500 printable characters) and a statement.</summary>
    public static void Check(IReadOnlyDictionary<string, string> queries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (prompt, sql) in queries)
        {
            if (prompt is null || prompt.Trim().Length is < 3 or > 500 || prompt.Any(c => c is < ' ' or > '~' && c != '\n'))
            {
                throw new ArgumentException("GeneratedQueries: a prompt is 3 to 500 printable ASCII characters, not '" + prompt + "'.", nameof(FakeCloudTrailOptions.GeneratedQueries));
            }

            if (string.IsNullOrWhiteSpace(sql) || sql.Length > 10000)
            {
                throw new ArgumentException("GeneratedQueries: the SQL for '" + prompt + "' must be 1 to 10000 characters.", nameof(FakeCloudTrailOptions.GeneratedQueries));
            }

            if (!seen.Add(Normalize(prompt)))
            {
                throw new ArgumentException("GeneratedQueries: '" + prompt + "' is registered twice (prompts match ignoring case and white space).", nameof(FakeCloudTrailOptions.GeneratedQueries));
            }
        }
    }

    private static string Normalize(string prompt) =>
        string.Join(' ', prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
