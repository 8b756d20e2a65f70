using System;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Lake query federation on an event data store: ENABLING then ENABLED, DISABLING then DISABLED, each transition taking
/// <see cref="FakeCloudTrailOptions.LakeTransitionTime"/> on the fake's clock. There is no Glue Data Catalog or Athena
/// here: the fake checks the role ARN's shape and keeps it, and nothing is registered anywhere.
/// </summary>
internal sealed class FederationBehaviour
{
    private readonly FakeStore _store;
    private readonly FakeCloudTrailOptions _options;
    private readonly EventDataStoreBehaviour _eventDataStores;

    public FederationBehaviour(FakeStore store, FakeCloudTrailOptions options, EventDataStoreBehaviour eventDataStores)
    {
        _store = store;
        _options = options;
        _eventDataStores = eventDataStores;
    }

    public EnableFederationResponse Enable(EnableFederationRequest request, CallScope scope, DateTimeOffset now)
    {
        CheckRoleArn(request.FederationRoleArn);
        lock (_store.Gate)
        {
            var store = _eventDataStores.FindActive(scope, request.EventDataStore, now);
            var status = store.FederationStatusAt(now);
            if (status == FederationStatus.Enabled)
            {
                throw new EventDataStoreFederationEnabledException("Federation is already enabled on event data store " + store.Name + ".");
            }

            CheckNotChanging(store, status);
            store.FederationEnabled = true;
            store.FederationRoleArn = request.FederationRoleArn;
            store.FederationTransitionEnds = now + _options.LakeTransitionTime;
            return new EnableFederationResponse
            {
                EventDataStoreArn = store.Arn,
                FederationStatus = store.FederationStatusAt(now),
                FederationRoleArn = store.FederationRoleArn,
            };
        }
    }

    public DisableFederationResponse Disable(DisableFederationRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var store = _eventDataStores.FindActive(scope, request.EventDataStore, now);
            var status = store.FederationStatusAt(now);
            if (status == FederationStatus.Disabled)
            {
                throw new InvalidParameterException("Federation is not enabled on event data store " + store.Name + ", so there is nothing to disable.");
            }

            CheckNotChanging(store, status);
            store.FederationEnabled = false;
            store.FederationRoleArn = null;
            store.FederationTransitionEnds = now + _options.LakeTransitionTime;
            return new DisableFederationResponse { EventDataStoreArn = store.Arn, FederationStatus = store.FederationStatusAt(now) };
        }
    }

    private static void CheckNotChanging(EventDataStoreState store, FederationStatus status)
    {
        if (status == FederationStatus.Enabling || status == FederationStatus.Disabling)
        {
            throw new ConcurrentModificationException("Federation on event data store " + store.Name + " is " + status + "; wait until the change completes.");
        }
    }

    // An IAM role ARN: arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME.
    private static void CheckRoleArn(string roleArn)
    {
        var parts = roleArn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2] != "iam" || parts[3].Length != 0
            || parts[4].Length != 12 || !parts[4].All(char.IsAsciiDigit) || !parts[5].StartsWith("role/", StringComparison.Ordinal) || parts[5].Length == "role/".Length)
        {
            throw new InvalidParameterException("FederationRoleArn " + roleArn + " is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME, ACCOUNT 12 digits).");
        }
    }
}
