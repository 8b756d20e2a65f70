using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>A resource tags attach to by ARN: a trail, an event data store, ….</summary>
internal interface ITaggable
{
    string Name { get; }

    /// <summary>Insertion-ordered, so ListTags answers in the order tags were added, as CloudTrail does.</summary>
    List<Tag> Tags { get; }
}
