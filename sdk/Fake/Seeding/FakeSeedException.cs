using System;

namespace CloudTrailSdk.Fake;

/// <summary>A seed file could not be loaded; names the file and the record, and nothing from the load was kept.</summary>
public sealed class FakeSeedException : Exception
{
    /// <summary>Creates the error.</summary>
    public FakeSeedException(string source, int? recordIndex, string problem, Exception? innerException = null)
        : base(source + (recordIndex is { } i ? ", record " + i : string.Empty) + ": " + problem, innerException)
    {
        Source = source;
        RecordIndex = recordIndex;
    }

    /// <summary>The file (or stream name) at fault.</summary>
    public new string Source { get; }

    /// <summary>The zero-based index of the bad record in its file's <c>Records</c> array, when one record is at fault.</summary>
    public int? RecordIndex { get; }
}
