using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using DuckDB.NET.Data;

namespace CloudTrailSdk.Fake;

/// <summary>
/// CloudTrail Lake's storage and SQL, on an embedded DuckDB. Events arrive as CloudTrail records and wait in a staging
/// table (appended, cheap); before a query runs they are parsed once, by DuckDB, into one typed table whose columns are
/// Lake's (<c>userIdentity</c> a struct, <c>requestParameters</c> a map, <c>resources</c> a list of structs, …). Each
/// event data store is a view over that table named by the store's id, so <c>FROM &lt;id&gt;</c>, UNION and JOIN work
/// as in Lake. The database is in memory, cannot touch files or the network, and its settings are locked.
/// </summary>
internal sealed class LakeEngine : IDisposable
{
    private const string Columns = """
        CAST(json_extract_string(record, '$.eventVersion') AS VARCHAR) AS eventVersion,
        json_extract_string(record, '$.eventSource') AS eventSource,
        json_extract_string(record, '$.eventName') AS eventName,
        CAST(json_extract_string(record, '$.eventTime') AS TIMESTAMP) AS eventTime,
        json_extract_string(record, '$.awsRegion') AS awsRegion,
        json_extract_string(record, '$.sourceIPAddress') AS sourceIPAddress,
        json_extract_string(record, '$.userAgent') AS userAgent,
        json_transform(json_extract(record, '$.userIdentity'), '{"type":"VARCHAR","principalId":"VARCHAR","arn":"VARCHAR","accountId":"VARCHAR","accessKeyId":"VARCHAR","userName":"VARCHAR","invokedBy":"VARCHAR","sessionContext":{"attributes":"MAP(VARCHAR,VARCHAR)","sessionIssuer":{"type":"VARCHAR","principalId":"VARCHAR","arn":"VARCHAR","accountId":"VARCHAR","userName":"VARCHAR"}}}') AS userIdentity,
        json_transform(json_extract(record, '$.requestParameters'), '"MAP(VARCHAR,VARCHAR)"') AS requestParameters,
        json_transform(json_extract(record, '$.responseElements'), '"MAP(VARCHAR,VARCHAR)"') AS responseElements,
        json_transform(json_extract(record, '$.additionalEventData'), '"MAP(VARCHAR,VARCHAR)"') AS additionalEventData,
        json_extract_string(record, '$.errorCode') AS errorCode,
        json_extract_string(record, '$.errorMessage') AS errorMessage,
        json_extract_string(record, '$.requestID') AS requestId,
        json_extract_string(record, '$.eventID') AS eventId,
        TRY_CAST(json_extract(record, '$.readOnly') AS BOOLEAN) AS readOnly,
        json_transform(json_extract(record, '$.resources'), '[{"accountId":"VARCHAR","type":"VARCHAR","ARN":"VARCHAR"}]') AS resources,
        json_extract_string(record, '$.eventType') AS eventType,
        json_extract_string(record, '$.apiVersion') AS apiVersion,
        TRY_CAST(json_extract(record, '$.managementEvent') AS BOOLEAN) AS managementEvent,
        json_extract_string(record, '$.recipientAccountId') AS recipientAccountId,
        json_extract_string(record, '$.sharedEventID') AS sharedEventId,
        json_extract_string(record, '$.vpcEndpointId') AS vpcEndpointId,
        json_extract_string(record, '$.eventCategory') AS eventCategory
        """;

    private static readonly string[] TrinoMacros =
    {
        "from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMP)",
        "to_unixtime(t) AS epoch(t)",
        "from_unixtime(n) AS CAST(to_timestamp(n) AS TIMESTAMP)",
        "json_extract_scalar(j, p) AS json_extract_string(j, p)",
        "regexp_like(s, p) AS regexp_matches(s, p)",
        "approx_distinct(x) AS approx_count_distinct(x)",
        "array_join(l, sep) AS array_to_string(l, sep)",
    };

    private readonly DuckDBConnection _connection;
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly int _maxEventsPerStore;
    private int _staged;
    private int _storeCount;

    public LakeEngine(int maxEventsPerStore)
    {
        _maxEventsPerStore = maxEventsPerStore;
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        Execute("CREATE TABLE lake_staging (store_id VARCHAR, record VARCHAR)");
        Execute("CREATE TABLE lake_events AS SELECT CAST(NULL AS VARCHAR) AS store_id, " + Columns + " FROM (SELECT CAST('{}' AS VARCHAR) AS record) WHERE false");

        // Trino's element_at takes a map key or a 1-based array index and returns the element; DuckDB's returns a list.
        Execute("CREATE MACRO lake_element_at(c, k) AS c[k]");

        // Trino functions Lake queries use that DuckDB spells differently (docs/lake-sql.md lists what is covered).
        foreach (var macro in TrinoMacros)
        {
            Execute("CREATE MACRO " + macro);
        }

        // Queries are user input: they must not read or write the machine's files, load extensions or change this.
        Execute("SET enable_external_access = false");
        Execute("SET lock_configuration = true");
    }

    public void CreateStore(string id)
    {
        lock (_gate)
        {
            Execute("CREATE OR REPLACE VIEW " + Quote(id) + " AS SELECT * EXCLUDE (store_id) FROM lake_events WHERE store_id = '" + id + "'");
            _counts[id] = 0;
            _bytes[id] = 0;
            _storeCount = _counts.Count;
        }
    }

    public void DropStore(string id)
    {
        lock (_gate)
        {
            Flush();
            Execute("DROP VIEW IF EXISTS " + Quote(id));
            Execute("DELETE FROM lake_events WHERE store_id = '" + id + "'");
            _counts.Remove(id);
            _bytes.Remove(id);
            _storeCount = _counts.Count;
        }
    }

    /// <summary>Whether any store exists; read without the lock: a call racing the creation of the first store may not land in it, as on AWS.</summary>
    public bool HasStores => Volatile.Read(ref _storeCount) > 0;

    /// <summary>Adds events to stores; cheap, since parsing waits for the next query.</summary>
    public void Ingest(IEnumerable<(string StoreId, RecordedEvent Event)> events)
    {
        lock (_gate)
        {
            using var appender = _connection.CreateAppender("lake_staging");
            foreach (var (store, e) in events)
            {
                if (!_counts.ContainsKey(store))
                {
                    continue;
                }

                appender.CreateRow().AppendValue(store).AppendValue(e.CloudTrailEvent).EndRow();
                _counts[store]++;
                _bytes[store] += e.Record.Length;
                _staged++;
            }

            // Parsing in batches keeps staging bounded when no query comes to flush it.
            if (_staged >= StagingBatch)
            {
                Flush();
            }
        }
    }

    /// <summary>Events and bytes a store holds: what a query over it scans.</summary>
    public (long Events, long Bytes) Size(string id)
    {
        lock (_gate)
        {
            return (_counts.GetValueOrDefault(id), _bytes.GetValueOrDefault(id));
        }
    }

    /// <summary>Runs a checked, rewritten SELECT; the rows come back as Lake returns them: column name → text.</summary>
    public LakeResult Run(string sql, CancellationToken cancellationToken)
    {
        DuckDBConnection connection;
        lock (_gate)
        {
            Flush();

            // A connection of its own: a long query must not hold up ingestion or other queries. DuckDB's MVCC gives it
            // a consistent snapshot while events keep arriving.
            connection = _connection.Duplicate();
            connection.Open();
        }

        using (connection)
        {
            var watch = Stopwatch.StartNew();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var registration = cancellationToken.Register(() => command.Cancel());
            using var reader = command.ExecuteReader();
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<IReadOnlyList<KeyValuePair<string, string>>>();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = new List<KeyValuePair<string, string>>(names.Count);
                for (var i = 0; i < names.Count; i++)
                {
                    row.Add(new KeyValuePair<string, string>(names[i], reader.IsDBNull(i) ? string.Empty : Text(reader.GetValue(i))));
                }

                rows.Add(row);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new LakeResult(rows, watch.Elapsed);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    /// <summary>A store's id as a quoted SQL identifier (ids are UUIDs, which SQL does not take bare).</summary>
    public static string Quote(string id) => "\"" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private void Flush()
    {
        if (_staged == 0)
        {
            return;
        }

        Execute("INSERT INTO lake_events SELECT store_id, " + Columns + " FROM lake_staging");
        Execute("DELETE FROM lake_staging");
        _staged = 0;

        // A store keeps its newest events up to the bound, so a fake under sustained load stays within fixed memory.
        foreach (var (id, count) in _counts.Where(c => c.Value > _maxEventsPerStore).ToList())
        {
            var excess = count - _maxEventsPerStore;
            Execute("DELETE FROM lake_events WHERE rowid IN (SELECT rowid FROM lake_events WHERE store_id = '" + id + "' ORDER BY rowid LIMIT " + excess.ToString(CultureInfo.InvariantCulture) + ")");
            _bytes[id] = _bytes[id] * _maxEventsPerStore / count;
            _counts[id] = _maxEventsPerStore;
        }
    }

    private const int StagingBatch = 10_000;

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Lake returns every value as text: timestamps as 'yyyy-MM-dd HH:mm:ss.fff', maps and structs in their SQL form.
    private static string Text(object value) => value switch
    {
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => Text(k) + "=" + (map[k] is { } v ? Text(v) : "null"))) + "}",
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(v => v is null ? "null" : Text(v))) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>The rows of one query, and how long DuckDB took.</summary>
internal sealed record LakeResult(IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Rows, TimeSpan Elapsed);
