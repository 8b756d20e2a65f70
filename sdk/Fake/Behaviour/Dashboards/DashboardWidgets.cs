using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// A dashboard's widgets and refresh schedule as Lake checks them. A widget's query is a Lake query, checked by the same
/// <see cref="LakeSql"/> code StartQuery uses; its <c>?</c> placeholders take its QueryParameters, where
/// <c>$StartTime$</c>, <c>$EndTime$</c> and <c>$Period$</c> stand for the values a refresh passes in QueryParameterValues.
/// </summary>
internal static class DashboardWidgets
{
    /// <summary>Widgets per dashboard, as AWS limits them.</summary>
    public const int MaxWidgets = 10;

    public const string StartTime = "$StartTime$";
    public const string EndTime = "$EndTime$";
    public const string Period = "$Period$";

    private static readonly string[] Known = { StartTime, EndTime, Period };

    /// <summary>The widgets, checked, with their query aliases; the event data store ids each one names come back too.</summary>
    public static (IReadOnlyList<Widget> Widgets, IReadOnlyList<string> StoreIds) Check(IReadOnlyList<RequestWidget> widgets)
    {
        if (widgets.Count > MaxWidgets)
        {
            throw new ServiceQuotaExceededException("A dashboard can have at most " + MaxWidgets + " widgets; this one has " + widgets.Count + ".");
        }

        var checkedWidgets = new List<Widget>(widgets.Count);
        var stores = new List<string>();
        for (var i = 0; i < widgets.Count; i++)
        {
            var widget = widgets[i];
            var parameters = widget.QueryParameters ?? Array.Empty<string>();
            foreach (var parameter in parameters.Where(p => p.StartsWith('$') && p.EndsWith('$') && p.Length > 1 && !Known.Contains(p, StringComparer.Ordinal)))
            {
                throw new InvalidQueryStatementException("Widget " + (i + 1) + " uses the query parameter " + parameter + "; a dashboard query takes $StartTime$, $EndTime$ and $Period$.");
            }

            try
            {
                // Sample values stand in for the ones a refresh gives: here only the statement's shape is checked.
                var (_, ids) = LakeSql.Prepare(widget.QueryStatement, parameters.Count == 0 ? null : parameters.Select(_ => "0").ToList());
                stores.AddRange(ids);
            }
            catch (InvalidParameterException ex)
            {
                throw new InvalidQueryStatementException("Widget " + (i + 1) + ": " + ex.Message);
            }
            catch (InvalidQueryStatementException ex)
            {
                throw new InvalidQueryStatementException("Widget " + (i + 1) + ": " + ex.Message);
            }

            checkedWidgets.Add(new Widget
            {
                QueryAlias = "widget-" + (i + 1).ToString(CultureInfo.InvariantCulture),
                QueryStatement = widget.QueryStatement,
                QueryParameters = widget.QueryParameters,
                ViewProperties = widget.ViewProperties,
            });
        }

        return (checkedWidgets, stores.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>A widget's query parameters with the refresh's values put in; $StartTime$ and $EndTime$ default to the last day.</summary>
    public static IReadOnlyList<string>? Resolve(Widget widget, int index, IReadOnlyDictionary<string, string> values, DateTimeOffset now)
    {
        if (widget.QueryParameters is not { Count: > 0 } parameters)
        {
            return null;
        }

        return parameters.Select(p => Known.Contains(p, StringComparer.Ordinal)
            ? values.TryGetValue(p, out var value) ? value
                : p == StartTime ? Timestamp(now.AddDays(-1))
                : p == EndTime ? Timestamp(now)
                : throw new InvalidParameterException("Widget " + (index + 1) + " uses $Period$; give it a value in QueryParameterValues.")
            : p).ToList();
    }

    /// <summary>Checks a refresh's QueryParameterValues: only the parameters a custom dashboard takes.</summary>
    public static void CheckValues(IReadOnlyDictionary<string, string> values)
    {
        foreach (var key in values.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            throw new InvalidParameterException("QueryParameterValues has " + key + "; a custom dashboard's refresh takes $StartTime$, $EndTime$ and $Period$.");
        }
    }

    /// <summary>Checks a refresh schedule against what AWS allows a custom dashboard.</summary>
    public static void CheckSchedule(RefreshSchedule schedule)
    {
        if (schedule.Frequency is { } frequency)
        {
            var unit = frequency.Unit?.Value;
            var allowed = unit == "HOURS" ? new[] { 1, 6, 12, 24 } : unit == "DAYS" ? new[] { 1 } : null;
            if (allowed is null)
            {
                throw new InvalidParameterException("RefreshSchedule.Frequency.Unit must be HOURS or DAYS.");
            }

            if (frequency.Value is not { } value || !allowed.Contains(value))
            {
                throw new InvalidParameterException("A refresh every " + (frequency.Value?.ToString(CultureInfo.InvariantCulture) ?? "(no value)") + " " + unit
                    + " is not offered: a custom dashboard refreshes every " + (unit == "HOURS" ? "1, 6, 12 or 24 hours" : "1 day") + ".");
            }
        }
        else if (schedule.Status == RefreshScheduleStatus.Enabled)
        {
            throw new InvalidParameterException("An ENABLED refresh schedule needs a Frequency.");
        }

        if (schedule.TimeOfDay is { } time
            && !(time.Length == 5 && time[2] == ':' && int.TryParse(time.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours < 24
                && int.TryParse(time.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes < 60))
        {
            throw new InvalidParameterException("RefreshSchedule.TimeOfDay is HH:mm in UTC (00:00 to 23:59), not '" + time + "'.");
        }
    }

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
