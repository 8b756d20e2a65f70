using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>Fully qualified names of the runtime types generated code calls.</summary>
internal static class TypeNames
{
    public const string Runtime = "global::CloudTrailSdk.Runtime";

    /// <summary>Where the runtime's user-facing types live (options, credentials, exceptions, paging): one using for users.</summary>
    public const string Public = "global::CloudTrailSdk";
    public const string Constraints = Runtime + ".Constraints";
    public const string Rules = Runtime + ".Rules";
    public const string AwsJson = Runtime + ".Serialization.AwsJson";
    public const string JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string Collector = Runtime + ".Validation.ValidationCollector";
    public const string Path = Runtime + ".Validation.ValidationPath";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string EditorBrowsableNever = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static string Serializer(ServiceContext service, string typeName) => "global::" + service.SerializationNamespace + "." + typeName + "Serializer";

    public static string Validator(ServiceContext service, string typeName) => "global::" + service.ValidationNamespace + "." + typeName + "Validator";

    public static string Type(ServiceContext service, string typeName) => "global::" + service.Namespace + "." + typeName;

    /// <summary>A member's declared type: value types and optional members are nullable; required references are not.</summary>
    public static string Property(MemberSpec member) =>
        member.Type.CSharpType + (member.Type.IsValueType || !member.Required ? "?" : string.Empty);
}
