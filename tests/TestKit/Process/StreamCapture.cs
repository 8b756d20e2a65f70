using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace CloudTrailSdk.Testing;

/// <summary>
/// Reads one of a child's output streams to its end as it arrives. Each stream gets its own reader, so a child that
/// fills one pipe while the test waits on the other cannot deadlock; what arrived so far can be read at any time, so a
/// grandchild that keeps the pipe open after the child exits (a build server, say) costs a bounded wait, not a hang.
/// </summary>
internal sealed class StreamCapture
{
    private readonly StringBuilder _text = new();
    private readonly Task _pump;

    public StreamCapture(StreamReader reader) => _pump = PumpAsync(reader);

    /// <summary>What arrived so far.</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for the end of the stream.</summary>
    public async Task WaitForEndAsync(TimeSpan grace)
    {
        try
        {
            await _pump.WaitAsync(grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Something else holds the pipe open: report what the child wrote before it exited.
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[8192];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
            {
                lock (_text)
                {
                    _text.Append(buffer, 0, read);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process object was disposed while a grandchild still held the pipe: the run is over.
        }
    }
}
