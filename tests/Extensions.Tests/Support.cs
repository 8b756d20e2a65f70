using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Config;
using Microsoft.Extensions.Logging;

namespace CloudTrailSdk.Extensions.Tests;

/// <summary>Answers from a function and counts requests; no sockets.</summary>
internal sealed class Stub(Func<int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int _count;

    public int Count => _count;

    public ConcurrentQueue<string> Targets { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Targets.Enqueue(string.Join(",", request.Headers.GetValues("X-Amz-Target")));
        var index = Interlocked.Increment(ref _count) - 1;
        return Task.FromResult(respond(index));
    }
}

/// <summary>Keeps every formatted log line.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId Id, string Text, Exception? Exception)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((category, logLevel, eventId, formatter(state, exception), exception));
    }
}

