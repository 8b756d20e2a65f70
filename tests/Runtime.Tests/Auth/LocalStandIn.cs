using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Tests.Auth;

internal sealed record StandInRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

internal sealed record StandInResponse(int Status, string Body, string ContentType = "application/json");

/// <summary>
/// A tiny HTTP server on 127.0.0.1 and a free port, standing in for IMDS, the container endpoint, STS or the SSO
/// portal. It records every request and answers with the test's handler.
/// </summary>
internal sealed class LocalStandIn : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<StandInRequest, Task<StandInResponse>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LocalStandIn(HttpListener listener, Uri endpoint, Func<StandInRequest, Task<StandInResponse>> handler)
    {
        _listener = listener;
        _handler = handler;
        Endpoint = endpoint;
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<StandInRequest> Requests { get; } = new();

    /// <summary>Cancelled when the stand-in stops; a handler that should never answer waits on it.</summary>
    public CancellationToken Stopping => _stop.Token;

    public static LocalStandIn Start(Func<StandInRequest, StandInResponse> handler) => Start(r => Task.FromResult(handler(r)));

    public static LocalStandIn Start(Func<StandInRequest, Task<StandInResponse>> handler)
    {
        for (var tries = 0; ; tries++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var endpoint = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(endpoint.AbsoluteUri);
            try
            {
                listener.Start();
                return new LocalStandIn(listener, endpoint, handler);
            }
            catch (HttpListenerException) when (tries < 5)
            {
                // Another process took the port between the probe and the listener: try another.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var key in context.Request.Headers.AllKeys)
            {
                if (key is not null)
                {
                    headers[key.ToLowerInvariant()] = context.Request.Headers[key] ?? string.Empty;
                }
            }

            var request = new StandInRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body);
            Requests.Enqueue(request);
            var answer = await _handler(request);
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            context.Response.Abort();
        }
    }
}
