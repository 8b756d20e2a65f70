using System;

namespace CloudTrailSdk.Fake;

/// <summary>A journaled call that no longer succeeds when replayed: the journal is intact, the fake's settings are not the same.</summary>
internal sealed class JournalReplayException : Exception
{
    public JournalReplayException(string message)
        : base(message)
    {
    }
}
