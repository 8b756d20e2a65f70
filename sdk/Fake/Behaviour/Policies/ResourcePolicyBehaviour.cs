using System;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Resource-based policies on channels, event data stores and dashboards, addressed by ARN. The fake checks a policy's
/// structure and keeps its text; it does not evaluate policies when other accounts call.
/// </summary>
internal sealed class ResourcePolicyBehaviour
{
    private readonly FakeStore _store;
    private readonly EventDataStoreBehaviour _eventDataStores;

    public ResourcePolicyBehaviour(FakeStore store, EventDataStoreBehaviour eventDataStores)
    {
        _store = store;
        _eventDataStores = eventDataStores;
    }

    public PutResourcePolicyResponse Put(PutResourcePolicyRequest request, CallScope scope, DateTimeOffset now)
    {
        var kind = KindOf(request.ResourceArn);
        ResourcePolicyDocument.Check(request.ResourcePolicy, request.ResourceArn, kind);
        lock (_store.Gate)
        {
            var holder = Find(scope, request.ResourceArn, kind, now, forChange: true);
            holder.ResourcePolicy = request.ResourcePolicy;
            return new PutResourcePolicyResponse { ResourceArn = holder.Arn, ResourcePolicy = holder.ResourcePolicy };
        }
    }

    public GetResourcePolicyResponse Get(GetResourcePolicyRequest request, CallScope scope, DateTimeOffset now)
    {
        var kind = KindOf(request.ResourceArn);
        lock (_store.Gate)
        {
            var holder = Find(scope, request.ResourceArn, kind, now, forChange: false);
            return new GetResourcePolicyResponse
            {
                ResourceArn = holder.Arn,
                ResourcePolicy = holder.ResourcePolicy ?? throw NoPolicy(holder.Arn),
            };
        }
    }

    public DeleteResourcePolicyResponse Delete(DeleteResourcePolicyRequest request, CallScope scope, DateTimeOffset now)
    {
        var kind = KindOf(request.ResourceArn);
        lock (_store.Gate)
        {
            var holder = Find(scope, request.ResourceArn, kind, now, forChange: true);
            if (holder.ResourcePolicy is null)
            {
                throw NoPolicy(holder.Arn);
            }

            holder.ResourcePolicy = null;
            return new DeleteResourcePolicyResponse();
        }
    }

    /// <summary>What kind of resource an ARN names: ResourceARNNotValidException when it is no ARN, ResourceTypeNotSupportedException when it names something else.</summary>
    public static ResourceKind KindOf(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
        {
            throw new ResourceARNNotValidException("The value " + arn + " is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE).");
        }

        var slash = parts[5].IndexOf('/', StringComparison.Ordinal);
        var type = slash < 0 ? parts[5] : parts[5][..slash];
        if (parts[2] != "cloudtrail" || type is not ("channel" or "eventdatastore" or "dashboard"))
        {
            throw new ResourceTypeNotSupportedException("Resource policies attach to CloudTrail channels, event data stores and dashboards; " + arn + " names a " + parts[2] + " " + type + ".");
        }

        if (parts[3].Length == 0 || parts[4].Length != 12 || !parts[4].All(char.IsAsciiDigit) || slash < 0 || slash == parts[5].Length - 1)
        {
            throw new ResourceARNNotValidException("The value " + arn + " is not a valid " + type + " ARN (arn:aws:cloudtrail:REGION:ACCOUNT:" + type + "/ID, ACCOUNT 12 digits).");
        }

        return type switch
        {
            "channel" => ResourceKind.Channel,
            "dashboard" => ResourceKind.Dashboard,
            _ => ResourceKind.EventDataStore,
        };
    }

    private IResourcePolicyHolder Find(CallScope scope, string arn, ResourceKind kind, DateTimeOffset now, bool forChange)
    {
        var parts = arn.Split(':', 6);
        if (parts[4] != scope.Account)
        {
            throw NotFound(arn);
        }

        if (kind == ResourceKind.EventDataStore)
        {
            EventDataStoreState store;
            try
            {
                store = _eventDataStores.Find(scope, arn, now);
            }
            catch (EventDataStoreNotFoundException)
            {
                throw NotFound(arn);
            }

            return forChange && store.DeletedAt is not null
                ? throw new ResourceNotFoundException("Event data store " + store.Name + " is pending deletion; restore it before changing its resource policy.")
                : store;
        }

        if (!_store.TryGetRegion(parts[4], parts[3], out var region))
        {
            throw NotFound(arn);
        }

        IResourcePolicyHolder? found = kind == ResourceKind.Channel
            ? region.Channels.Values.FirstOrDefault(c => c.Arn == arn)
            : region.Dashboards.Values.FirstOrDefault(d => d.Arn == arn);
        return found ?? throw NotFound(arn);
    }

    private static ResourceNotFoundException NotFound(string arn) => new("The resource " + arn + " was not found.");

    private static ResourcePolicyNotFoundException NoPolicy(string arn) => new("The resource " + arn + " has no resource policy.");
}
