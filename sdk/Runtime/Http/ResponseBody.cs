using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Http;

/// <summary>
/// Reads a response body once, bounded by the client's limit. With a Content-Length (AWS always sends one) the body
/// goes straight into one exact-size array; without one it is read into a chain of growing segments that the JSON
/// reader parses in place. Either way no second copy is made, so a response costs about its own size in memory.
/// </summary>
internal static class ResponseBody
{
    private const int FirstSegment = 16 * 1024;
    private const int LargestSegment = 1024 * 1024;

    public static async Task<ReadOnlySequence<byte>> ReadAsync(HttpContent content, long limit, string operation, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            throw new AwsResponseTooLargeException(operation, limit, declared);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (declared is { } length)
            {
                if (length == 0)
                {
                    return ReadOnlySequence<byte>.Empty;
                }

                var buffer = GC.AllocateUninitializedArray<byte>((int)length);
                await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false); // a short body throws EndOfStreamException: retried as a dropped connection
                return new ReadOnlySequence<byte>(buffer);
            }

            return await ReadSegmentsAsync(stream, limit, operation, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ReadOnlySequence<byte>> ReadSegmentsAsync(Stream stream, long limit, string operation, CancellationToken cancellationToken)
    {
        Segment? first = null;
        Segment? last = null;
        long total = 0;
        long size = FirstSegment;
        while (true)
        {
            // Never allocate past the limit (plus one byte, to tell "exactly the limit" from "over it").
            var capacity = (int)Math.Min(size, limit + 1 - total);
            var bytes = new byte[capacity];
            var filled = 0;
            int read;
            while (filled < capacity && (read = await stream.ReadAsync(bytes.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            total += filled;
            if (total > limit)
            {
                throw new AwsResponseTooLargeException(operation, limit, null);
            }

            if (filled > 0)
            {
                var segment = new Segment(bytes.AsMemory(0, filled), last?.RunningIndex + last?.Memory.Length ?? 0);
                if (last is null)
                {
                    first = segment;
                }
                else
                {
                    last.SetNext(segment);
                }

                last = segment;
            }

            if (filled < capacity)
            {
                return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
            }

            // Grow with the body, by an eighth of what was read: the last segment's unused tail then stays under
            // 12.5% of the body (bounded by 16 KiB for small ones), while large bodies take few, 1 MiB segments.
            size = (int)Math.Clamp(total / 8, FirstSegment, LargestSegment);
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
