using System.Text.Json;
using CloudTrailSdk.Runtime.Validation;

namespace CloudTrailSdk.Runtime.Serialization;

/// <summary>Writes a value as JSON; generated serializers match it.</summary>
public delegate void AwsJsonWrite<in T>(Utf8JsonWriter writer, T value);

/// <summary>Reads a value from JSON; generated serializers match it.</summary>
public delegate T AwsJsonRead<out T>(ref Utf8JsonReader reader);

/// <summary>Validates a value into a collector; generated validators match it.</summary>
public delegate void AwsValidate<in T>(T value, ValidationCollector issues, string path);
