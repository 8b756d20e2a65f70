namespace CloudTrailSdk.Fake;

/// <summary>A resource a resource-based policy attaches to by ARN: a channel, an event data store or a dashboard.</summary>
internal interface IResourcePolicyHolder
{
    string Arn { get; }

    /// <summary>The policy document as the caller sent it, so GetResourcePolicy gives back the same text.</summary>
    string? ResourcePolicy { get; set; }
}
