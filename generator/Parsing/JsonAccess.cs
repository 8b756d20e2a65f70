using System.Globalization;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Json;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>Typed reads from the model's JSON that report, rather than throw, when the model is wrong.</summary>
internal static class JsonAccess
{
    public static JsonObject? Object(JsonObject parent, string name, DiagnosticSink sink, DiagnosticDescriptor descriptor, string where, bool required)
    {
        if (!parent.TryGet(name, out var node))
        {
            if (required)
            {
                sink.Report(descriptor, parent, where + " has no '" + name + "' object");
            }

            return null;
        }

        if (node is JsonObject obj)
        {
            return obj;
        }

        sink.Report(descriptor, node, where + "." + name + " must be an object");
        return null;
    }

    public static string? String(JsonObject parent, string name, DiagnosticSink sink, DiagnosticDescriptor descriptor, string where, bool required)
    {
        if (!parent.TryGet(name, out var node))
        {
            if (required)
            {
                sink.Report(descriptor, parent, where + " has no '" + name + "'");
            }

            return null;
        }

        if (node is JsonString s)
        {
            return s.Value;
        }

        sink.Report(descriptor, node, where + "." + name + " must be a string");
        return null;
    }

    public static bool Bool(JsonObject parent, string name, DiagnosticSink sink, DiagnosticDescriptor descriptor, string where)
    {
        if (!parent.TryGet(name, out var node))
        {
            return false;
        }

        if (node is JsonBool b)
        {
            return b.Value;
        }

        sink.Report(descriptor, node, where + "." + name + " must be true or false");
        return false;
    }

    public static double? Number(JsonObject parent, string name, DiagnosticSink sink, DiagnosticDescriptor descriptor, string where)
    {
        if (!parent.TryGet(name, out var node))
        {
            return null;
        }

        if (node is JsonNumber n && n.TryGetDouble(out var value))
        {
            return value;
        }

        sink.Report(descriptor, node, where + "." + name + " must be a number");
        return null;
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
