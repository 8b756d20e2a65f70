using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>
/// GenerateQuery without a language model: the SQL comes from the prompts the test author registered. What the fake can
/// check, it checks as AWS does: the event data store named must be a valid ARN or id, exist in the caller's account,
/// and not be pending deletion.
/// </summary>
internal sealed class GenerateQueryBehaviour
{
    private readonly FakeStore _store;
    private readonly GeneratedQueryCatalog _catalog;
    private readonly EventDataStoreBehaviour _stores;

    public GenerateQueryBehaviour(FakeStore store, IReadOnlyDictionary<string, string> queries, EventDataStoreBehaviour stores)
    {
        _store = store;
        _catalog = new GeneratedQueryCatalog(queries);
        _stores = stores;
    }

    public GenerateQueryResponse Generate(GenerateQueryRequest request, CallScope scope, DateTimeOffset now)
    {
        EventDataStoreState named;
        lock (_store.Gate)
        {
            named = _stores.FindActive(scope, request.EventDataStores[0], now);
        }

        var sql = _catalog.TryFind(request.Prompt)
            ?? throw new GenerateResponseException("The fake has no language model, and no query is registered for the prompt '" + request.Prompt
                + "'. Register one with FakeCloudTrailOptions.GeneratedQueries or --generated-query \"PROMPT=SQL\".");
        return new GenerateQueryResponse
        {
            QueryStatement = sql.Replace(GeneratedQueryCatalog.StorePlaceholder, named.Id, StringComparison.Ordinal),
            QueryAlias = GeneratedQueryCatalog.AliasOf(request.Prompt),
            EventDataStoreOwnerAccountId = named.Account,
        };
    }
}
