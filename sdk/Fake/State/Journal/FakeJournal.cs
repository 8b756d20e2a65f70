using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace CloudTrailSdk.Fake;

/// <summary>
/// An append-only file of JSON lines under the data directory: every change the fake acknowledges is on disk (flushed
/// through the OS cache) before its answer leaves. A line cut short by a crash is the one write that was never
/// acknowledged, so it is dropped on the next start; any other bad line is corruption, and the start fails naming it.
/// </summary>
internal sealed class FakeJournal : IDisposable
{
    public const string FileName = "cloudtrail-fake.journal";
    private readonly FileStream _file;
    private readonly object _writeGate = new();

    private FakeJournal(FileStream file) => _file = file;

    public string Path => _file.Name;

    /// <summary>Opens (creating) the journal, hands each complete entry to <paramref name="replay"/>, and readies it for appends.</summary>
    public static FakeJournal Open(string directory, Action<JsonElement> replay)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, FileName);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            var good = Replay(bytes, path, replay);

            // Cut off the torn tail so the next entry starts on a clean line.
            file.SetLength(good);
            file.Position = good;
            return new FakeJournal(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Append(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        lock (_writeGate)
        {
            _file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            _file.Flush(flushToDisk: true);
        }
    }

    public void Dispose() => _file.Dispose();

    private static long Replay(byte[] bytes, string path, Action<JsonElement> replay)
    {
        long good = 0;
        var line = 0;
        while (good < bytes.Length)
        {
            line++;
            var end = Array.IndexOf(bytes, (byte)'\n', (int)good);
            if (end < 0)
            {
                // No newline: the last write was cut short before it was acknowledged.
                return good;
            }

            try
            {
                using var entry = JsonDocument.Parse(bytes.AsMemory((int)good, end - (int)good));
                replay(entry.RootElement);
            }
            catch (JournalReplayException ex)
            {
                throw new InvalidDataException(path + ", line " + line + ": " + ex.Message + ", or move the file away to start empty.", ex);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException(path + ", line " + line + ": not a journal entry the fake wrote (" + ex.Message + "). Move the file away to start empty.", ex);
            }

            good = end + 1;
        }

        return good;
    }

    public static string Text(JsonElement entry, string name) => entry.GetProperty(name).GetString() ?? throw new FormatException(name + " is null");

    public static string? OptionalText(JsonElement entry, string name) => entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
