using System;
using System.Text;

namespace CloudTrailSdk;

/// <summary>
/// The base of every generated response: <see cref="ResponseMetadata"/> says which request answered (request id, HTTP
/// status, headers). The metadata is not part of the response's value: two responses with equal members are equal,
/// and <c>ToString</c> shows the members only.
/// </summary>
public abstract record AwsResponse
{
    private ResponseMetadata? _metadata;

    /// <summary>The metadata of the HTTP answer this response was read from; empty for a response built in code.</summary>
    public ResponseMetadata ResponseMetadata => _metadata ?? ResponseMetadata.None;

    internal void SetMetadata(ResponseMetadata metadata) => _metadata = metadata;

    /// <summary>Responses compare by their members only, never by their metadata.</summary>
    public virtual bool Equals(AwsResponse? other) => other is not null && EqualityContract == other.EqualityContract;

    /// <inheritdoc/>
    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>Prints nothing of the base, so <c>ToString</c> shows the response's members as before.</summary>
    protected virtual bool PrintMembers(StringBuilder builder) => false;
}
