using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using CloudTrailSdk.Runtime.Validation;

namespace CloudTrailSdk.Runtime.Http;

/// <summary>
/// Expands an operation's <c>endpoint.hostPrefix</c> and puts it before the endpoint's host. A label's value becomes
/// part of the host name the request is sent (and signed) for, so it is always checked, even with request validation
/// off: it must be one DNS label (1 to 63 letters, digits and hyphens, no hyphen at either end). Anything else could
/// send the request, and its signature, to a host the caller did not mean.
/// </summary>
internal static class HostPrefix
{
    /// <summary>The rule name an invalid label is reported under.</summary>
    public const string Rule = "hostLabel";

    private const int MaxLabelLength = 63;
    private const int MaxHostLength = 253;

    /// <summary>The prefix with every placeholder replaced; throws <see cref="AwsValidationException"/> naming each bad member.</summary>
    public static string Expand(string operation, string template, AwsHostLabel[]? labels)
    {
        var issues = new ValidationCollector();
        var text = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                throw new InvalidOperationException(operation + ": the host prefix '" + template + "' has an unclosed '{'.");
            }

            text.Append(template, i, open - i);
            var name = template.Substring(open + 1, close - open - 1);
            var label = Find(labels, name)
                ?? throw new InvalidOperationException(operation + ": the host prefix '" + template + "' names {" + name + "}, but the request has no host label of that name.");
            if (Problem(label.Value) is { } problem)
            {
                issues.Report(label.Name, Rule, problem);
            }
            else
            {
                text.Append(label.Value);
            }

            i = close + 1;
        }

        issues.ThrowIfInvalid(operation);
        return text.ToString();
    }

    /// <summary>
    /// The endpoint with <paramref name="prefix"/> before its host. An endpoint that is an IP address is left as it is:
    /// "data.127.0.0.1" names no host, so a prefix can only apply to a host name.
    /// </summary>
    public static Uri Apply(Uri endpoint, string prefix)
    {
        if (prefix.Length == 0 || endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || IPAddress.TryParse(endpoint.Host, out _))
        {
            return endpoint;
        }

        var host = prefix + endpoint.Host;
        if (host.Length > MaxHostLength)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"With the host prefix '{prefix}' the host name is {host.Length} characters long; at most {MaxHostLength} are allowed."));
        }

        return new UriBuilder(endpoint) { Host = host }.Uri;
    }

    /// <summary>Why <paramref name="value"/> is not one DNS label; null when it is.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "must be set: it becomes part of the host name";
        }

        if (value.Length > MaxLabelLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is {value.Length} characters long, but a host label holds at most {MaxLabelLength}");
        }

        foreach (var c in value)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
            {
                return "must hold only letters, digits and hyphens (a DNS label), but contains '" + c + "'";
            }
        }

        if (value[0] == '-' || value[^1] == '-')
        {
            return "must not start or end with a hyphen (a DNS label)";
        }

        return null;
    }

    private static AwsHostLabel? Find(AwsHostLabel[]? labels, string name)
    {
        if (labels is not null)
        {
            foreach (var label in labels)
            {
                if (string.Equals(label.Name, name, StringComparison.Ordinal))
                {
                    return label;
                }
            }
        }

        return null;
    }
}
