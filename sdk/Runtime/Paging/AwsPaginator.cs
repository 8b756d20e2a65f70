using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk;

/// <summary>
/// Pages through an operation. The caller's request is never modified (each page is a copy with the next token), a
/// token returned twice stops the scan with an error instead of looping forever, and each enumeration starts afresh.
/// </summary>
/// <typeparam name="TRequest">The request record.</typeparam>
/// <typeparam name="TResponse">The response record.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsPaginator<TRequest, TResponse>
{
    private readonly string _operation;
    private readonly TRequest _request;
    private readonly Func<TRequest, CancellationToken, Task<TResponse>> _invoke;
    private readonly Func<TRequest, string?> _inputToken;
    private readonly Func<TRequest, string?, TRequest> _withToken;
    private readonly Func<TResponse, string?> _outputToken;

    /// <summary>Creates a paginator; generated code supplies the token accessors.</summary>
    public AwsPaginator(
        string operation,
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> invoke,
        Func<TRequest, string?> inputToken,
        Func<TRequest, string?, TRequest> withToken,
        Func<TResponse, string?> outputToken)
    {
        _operation = operation;
        _request = request;
        _invoke = invoke;
        _inputToken = inputToken;
        _withToken = withToken;
        _outputToken = outputToken;
    }

    /// <summary>Every page, in order.</summary>
    public IAsyncEnumerable<TResponse> Responses => Pages(CancellationToken.None);

    /// <summary>Every item of every page, in order.</summary>
    public IAsyncEnumerable<TItem> Items<TItem>(Func<TResponse, IReadOnlyList<TItem>?> items) => ItemsCore(items, CancellationToken.None);

    private async IAsyncEnumerable<TResponse> Pages([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = _request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (_inputToken(request) is { Length: > 0 } start)
        {
            seen.Add(start);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await _invoke(request, cancellationToken).ConfigureAwait(false);
            yield return page;
            var next = _outputToken(page);
            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }

            if (!seen.Add(next!))
            {
                throw new AwsPaginationException(_operation, next!);
            }

            request = _withToken(request, next);
        }
    }

    private async IAsyncEnumerable<TItem> ItemsCore<TItem>(Func<TResponse, IReadOnlyList<TItem>?> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in Pages(cancellationToken).ConfigureAwait(false))
        {
            if (items(page) is { } list)
            {
                foreach (var item in list)
                {
                    // A consumer that cancels mid-page stops here, not after the rest of a 50-item page.
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return item;
                }
            }
        }
    }
}

/// <summary>The service returned a page token it had already returned; following it would loop forever.</summary>
public sealed class AwsPaginationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public AwsPaginationException(string operation, string token)
        : base(operation + " returned the page token '" + (token.Length > 40 ? token.Substring(0, 40) + "…" : token) + "' a second time; the scan stopped to avoid an endless loop.")
    {
        Operation = operation;
        Token = token;
    }

    /// <summary>The operation being paged.</summary>
    public string Operation { get; }

    /// <summary>The repeated token.</summary>
    public string Token { get; }
}
