using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CloudTrailSdk.Fake;

/// <summary>
/// The checks CloudTrail makes on a resource-based policy before attaching it: JSON, an IAM policy's structure
/// (Version 2012-10-17, a non-empty Statement list, each with Effect Allow or Deny, a Principal, Actions the resource
/// type supports and a Resource that is the resource's own ARN). The first problem is reported with its JSON path.
/// </summary>
internal static class ResourcePolicyDocument
{
    public const string Version = "2012-10-17";

    private static readonly string[] TopLevel = { "Version", "Id", "Statement" };
    private static readonly string[] StatementKeys = { "Sid", "Effect", "Principal", "Action", "Resource", "Condition" };
    private static readonly string[] PrincipalKeys = { "AWS", "Service", "Federated", "CanonicalUser" };

    /// <summary>The actions a policy may grant on each kind of resource.</summary>
    public static IReadOnlyList<string> ActionsFor(ResourceKind kind) => kind switch
    {
        ResourceKind.Channel => new[] { "cloudtrail-data:PutAuditEvents" },
        ResourceKind.Dashboard => new[] { "cloudtrail:StartDashboardRefresh" },
        _ => new[]
        {
            "cloudtrail:StartQuery", "cloudtrail:GetQueryResults", "cloudtrail:DescribeQuery", "cloudtrail:CancelQuery",
            "cloudtrail:ListQueries", "cloudtrail:GenerateQuery", "cloudtrail:GenerateQueryResultsSummary", "cloudtrail:GetEventDataStore",
        },
    };

    /// <summary>Throws ResourcePolicyNotValidException naming what is wrong and where.</summary>
    public static void Check(string policy, string resourceArn, ResourceKind kind)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(policy);
        }
        catch (JsonException e)
        {
            throw Invalid("the policy is not valid JSON (line " + (e.LineNumber + 1) + ", byte " + (e.BytePositionInLine + 1) + ")");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("the policy must be a JSON object, not " + Kind(root));
            }

            Keys(root, TopLevel, "the policy");
            if (!root.TryGetProperty("Version", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != Version)
            {
                throw Invalid("Version must be \"" + Version + "\"");
            }

            if (!root.TryGetProperty("Statement", out var statements))
            {
                throw Invalid("the policy has no Statement");
            }

            // IAM allows a single statement object in place of a list of one.
            var list = statements.ValueKind == JsonValueKind.Object ? new[] { statements }
                : statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToArray()
                : throw Invalid("Statement must be a list of statements, not " + Kind(statements));
            if (list.Length == 0)
            {
                throw Invalid("Statement is empty; a policy needs at least one statement");
            }

            for (var i = 0; i < list.Length; i++)
            {
                CheckStatement(list[i], "Statement[" + i + "]", resourceArn, kind);
            }
        }
    }

    private static void CheckStatement(JsonElement statement, string at, string resourceArn, ResourceKind kind)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(at + " must be an object, not " + Kind(statement));
        }

        Keys(statement, StatementKeys, at);
        if (statement.TryGetProperty("Sid", out var sid) && sid.ValueKind != JsonValueKind.String)
        {
            throw Invalid(at + ".Sid must be a string");
        }

        if (!statement.TryGetProperty("Effect", out var effect) || effect.ValueKind != JsonValueKind.String || effect.GetString() is not ("Allow" or "Deny"))
        {
            throw Invalid(at + ".Effect must be \"Allow\" or \"Deny\"");
        }

        if (!statement.TryGetProperty("Principal", out var principal))
        {
            throw Invalid(at + " has no Principal");
        }

        CheckPrincipal(principal, at + ".Principal");
        var allowed = ActionsFor(kind);
        foreach (var (action, path) in Strings(statement, "Action", at))
        {
            if (!allowed.Contains(action, StringComparer.OrdinalIgnoreCase))
            {
                throw Invalid(path + " " + action + " is not an action a " + Describe(kind) + " policy can grant; use " + string.Join(", ", allowed));
            }
        }

        foreach (var (resource, path) in Strings(statement, "Resource", at))
        {
            if (resource != resourceArn)
            {
                throw Invalid(path + " " + resource + " is not the ARN the policy is attached to (" + resourceArn + ")");
            }
        }

        if (statement.TryGetProperty("Condition", out var condition) && condition.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(at + ".Condition must be an object of condition operators");
        }
    }

    private static void CheckPrincipal(JsonElement principal, string at)
    {
        if (principal.ValueKind == JsonValueKind.String && principal.GetString() == "*")
        {
            return;
        }

        if (principal.ValueKind != JsonValueKind.Object || !principal.EnumerateObject().Any())
        {
            throw Invalid(at + " must be \"*\" or an object such as {\"AWS\": \"111122223333\"}");
        }

        foreach (var entry in principal.EnumerateObject())
        {
            if (!PrincipalKeys.Contains(entry.Name, StringComparer.Ordinal))
            {
                throw Invalid(at + "." + entry.Name + " is not a principal type; use one of " + string.Join(", ", PrincipalKeys));
            }

            var values = entry.Value.ValueKind == JsonValueKind.Array ? entry.Value.EnumerateArray().ToArray() : new[] { entry.Value };
            if (values.Length == 0 || values.Any(v => v.ValueKind != JsonValueKind.String || v.GetString()!.Length == 0))
            {
                throw Invalid(at + "." + entry.Name + " must be a non-empty string or list of strings");
            }
        }
    }

    // A member IAM lets be one string or a list of strings; it must be present and not empty.
    private static IEnumerable<(string Value, string Path)> Strings(JsonElement statement, string member, string at)
    {
        if (!statement.TryGetProperty(member, out var value))
        {
            throw Invalid(at + " has no " + member);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return new[] { (value.GetString()!, at + "." + member) };
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw Invalid(at + "." + member + " must be a string or a non-empty list of strings");
        }

        var items = value.EnumerateArray().ToArray();
        var result = new List<(string, string)>();
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].ValueKind != JsonValueKind.String)
            {
                throw Invalid(at + "." + member + "[" + i + "] must be a string, not " + Kind(items[i]));
            }

            result.Add((items[i].GetString()!, at + "." + member + "[" + i + "]"));
        }

        return result;
    }

    private static void Keys(JsonElement element, string[] allowed, string at)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Invalid(at + " has the element " + property.Name + ", which a CloudTrail resource policy does not support; allowed: " + string.Join(", ", allowed));
            }
        }
    }

    private static string Describe(ResourceKind kind) => kind switch
    {
        ResourceKind.Channel => "channel",
        ResourceKind.Dashboard => "dashboard",
        _ => "event data store",
    };

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static ResourcePolicyNotValidException Invalid(string what) => new("The resource policy is not valid: " + what + ".");
}

/// <summary>The kinds of CloudTrail resource a resource-based policy can attach to.</summary>
internal enum ResourceKind
{
    EventDataStore,
    Channel,
    Dashboard,
}
