using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers;

/// <summary>
/// Every descriptor in one place. Each message is "{0}: {1}": the member the value flows into, then the shared rule's
/// own sentence, so the IDE shows the same words the runtime validator would throw.
/// </summary>
internal static class ConstraintDescriptors
{
    private const string Category = "CloudTrailSdk";

    // Errors: the service answers these with a 400 every time, so the call can never succeed as written.
    public static readonly DiagnosticDescriptor NamedRule = Error(
        RuleIdentifiers.NamedRule,
        "Value breaks a service naming rule",
        "A value breaks a naming rule the service states only in prose (e.g. trail name characters, length, start or end, adjacent '._-', IP address format, or trail ARN shape).");

    public static readonly DiagnosticDescriptor WeightedLength = Error(
        RuleIdentifiers.WeightedLength,
        "Weighted length over the limit",
        "A string is longer than the service allows when some characters count twice.");

    public static readonly DiagnosticDescriptor Count = Error(
        RuleIdentifiers.Count,
        "Wrong number of items",
        "A list or map holds more (or fewer) items than the service allows.");

    public static readonly DiagnosticDescriptor Length = Error(
        RuleIdentifiers.Length,
        "Length out of range",
        "A string is shorter or longer than the model allows.");

    public static readonly DiagnosticDescriptor Range = Error(
        RuleIdentifiers.Range,
        "Number out of range",
        "A number is outside the range the model allows.");

    public static readonly DiagnosticDescriptor Pattern = Error(
        RuleIdentifiers.Pattern,
        "Value does not match the pattern",
        "A string does not match the regular expression the model requires.");

    // A warning: AWS adds enum values over time, so a value this SDK does not know may still be accepted.
    public static readonly DiagnosticDescriptor UnknownEnumValue = Create(
        RuleIdentifiers.UnknownEnumValue,
        "Unknown enum value",
        "A string-backed enum holds a value the model does not list. AWS adds values over time, so this may be intended.",
        DiagnosticSeverity.Warning);

    // An error, unlike CTSDK007: the generator emits an allowed-values constraint only for a closed set the service
    // enforces (e.g. DataResource.Type of basic event selectors), and the runtime validator always rejects values
    // outside it, so a build that passed would still fail at run time.
    public static readonly DiagnosticDescriptor AllowedValues = Error(
        RuleIdentifiers.AllowedValues,
        "Value not in the allowed set",
        "A string is not one of the values the service accepts for this member.");

    // Rules across members of one request (AwsShapeRule). "{0}" is the request type or the member path.
    public static readonly DiagnosticDescriptor MutuallyExclusive = Error(
        RuleIdentifiers.MutuallyExclusive,
        "Members that exclude each other are both set",
        "A request sets two members of which the service accepts only one (e.g. basic and advanced event selectors).");

    public static readonly DiagnosticDescriptor TimeOrder = Error(
        RuleIdentifiers.TimeOrder,
        "Start time after end time",
        "A request's start time, known at compile time, is after its end time.");

    public static readonly DiagnosticDescriptor AllowedWhen = Error(
        RuleIdentifiers.AllowedWhen,
        "Value not allowed with another member's value",
        "A value is outside the set the service accepts while another member of the request holds a given value (e.g. the lookup keys of an insight lookup).");

    private static DiagnosticDescriptor Error(string id, string title, string description) =>
        Create(id, title, description, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string description, DiagnosticSeverity severity) =>
        new(id, title, "{0}: {1}", Category, severity, isEnabledByDefault: true, description, RuleIdentifiers.GetHelpUri(id));
}
