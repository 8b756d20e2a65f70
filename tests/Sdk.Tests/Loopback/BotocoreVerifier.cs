using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Sdk.Tests.Loopback;

/// <summary>One request as the verifier judged it.</summary>
internal sealed record VerifierResult(
    int Index, string Target, bool Ok, string Reason, string? Expected, string? Received, string? CanonicalRequest, JsonElement Body, string RawBody, bool NonAsciiBytes)
{
    public string Operation => Target[(Target.LastIndexOf('.') + 1)..];

    public string? SignedHeaders
    {
        get
        {
            var at = Received?.IndexOf("SignedHeaders=", StringComparison.Ordinal) ?? -1;
            if (at < 0)
            {
                return null;
            }

            var rest = Received![(at + "SignedHeaders=".Length)..];
            var end = rest.IndexOf(',');
            return end < 0 ? rest : rest[..end];
        }
    }

    public override string ToString() =>
        $"#{Index} {Target}: {(Ok ? "OK" : "MISMATCH")} ({Reason})\n  expected: {Expected}\n  received: {Received}\n  canonical request:\n{CanonicalRequest}";
}

/// <summary>
/// <c>botocore_verifier.py</c> as a subprocess: a CloudTrail stand-in on 127.0.0.1 that checks every request's SigV4
/// signature with botocore's own signer. Started per test, so its record of requests belongs to that test alone.
/// Needs python3 with botocore; fails with a message saying so otherwise.
/// </summary>
internal sealed class BotocoreVerifier : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly RunningProcess _process;
    private readonly HttpClient _http = new();

    private BotocoreVerifier(RunningProcess process, int port)
    {
        _process = process;
        Port = port;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT</c> (no trailing slash, as a user would write it).</summary>
    public Uri Endpoint { get; }

    public string EndpointText => $"http://127.0.0.1:{Port}";

    /// <summary>What the script wrote on stderr so far (a line per request).</summary>
    public string Stderr => _process.Stderr;

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Loopback", "botocore_verifier.py");

    /// <summary>Starts the verifier knowing <paramref name="credentials"/>, expecting signatures for <paramref name="region"/>; returns once it has printed its port.</summary>
    public static async Task<BotocoreVerifier> StartAsync(string region, params AwsCredentials[] credentials)
    {
        Assert.True(File.Exists(ScriptPath), $"The verifier script was not copied to the test output: {ScriptPath}");
        var environment = new Dictionary<string, string>
        {
            ["VERIFIER_REGION"] = region,
            ["VERIFIER_CREDENTIALS"] = JsonSerializer.Serialize(
                credentials.Select(c => new Dictionary<string, string?> { ["accessKey"] = c.AccessKeyId, ["secret"] = c.SecretAccessKey, ["token"] = c.SessionToken })),
            ["PYTHONIOENCODING"] = "utf-8",
        };

        // Stdin stays open: the script exits when it closes (DisposeAsync). A missing python3 fails with its install command.
        var process = RunningProcess.Start(ProcessRunner.StartInfo("python3", ["-u", ScriptPath], AppContext.BaseDirectory, environment));

        // The first stdout line is the port; nothing is sent before it arrives, so there is no race and no sleep.
        string line;
        try
        {
            line = await process.WaitForLineAsync(_ => true, StartTimeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await process.DisposeAsync();
            throw new Xunit.Sdk.XunitException("botocore_verifier.py did not start; it needs python3 with botocore. " + e.Message);
        }

        if (!int.TryParse(line.Trim(), out var port))
        {
            var said = process.ToString();
            await process.DisposeAsync();
            throw new Xunit.Sdk.XunitException("botocore_verifier.py printed `" + line + "` where its port belongs. " + said);
        }

        return new BotocoreVerifier(process, port);
    }

    /// <summary>Every verdict so far, in arrival order, from <c>GET /__results</c>.</summary>
    public async Task<IReadOnlyList<VerifierResult>> ResultsAsync()
    {
        using var response = await _http.GetAsync(new Uri(Endpoint, "/__results"));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return document.RootElement.GetProperty("results").EnumerateArray().Select(r => new VerifierResult(
            r.GetProperty("index").GetInt32(),
            r.GetProperty("target").GetString()!,
            r.GetProperty("ok").GetBoolean(),
            r.GetProperty("reason").GetString()!,
            r.TryGetProperty("expected", out var expected) ? expected.GetString() : null,
            r.TryGetProperty("received", out var received) ? received.GetString() : null,
            r.TryGetProperty("canonicalRequest", out var canonical) ? canonical.GetString() : null,
            r.GetProperty("body").Clone(),
            r.GetProperty("rawBody").GetString()!,
            r.GetProperty("nonAsciiBytes").GetBoolean())).ToList();
    }

    /// <summary>Asserts that exactly <paramref name="expectedRequests"/> requests arrived and botocore verified every one; returns them.</summary>
    public async Task<IReadOnlyList<VerifierResult>> AssertAllVerifiedAsync(int expectedRequests)
    {
        var results = await ResultsAsync();
        var mismatches = results.Where(r => !r.Ok).ToList();
        Assert.True(mismatches.Count == 0, "botocore rejected signatures:\n" + string.Join("\n", mismatches) + "\nverifier stderr:\n" + Stderr);
        Assert.True(results.Count == expectedRequests, $"expected {expectedRequests} requests, the verifier saw {results.Count}:\n" + string.Join("\n", results.Select(r => $"#{r.Index} {r.Target} {r.Reason}")));
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();

        // The script exits when its stdin closes; it is killed only if it does not.
        await _process.StopAsync(TimeSpan.FromSeconds(10));
        await _process.DisposeAsync();
    }
}
