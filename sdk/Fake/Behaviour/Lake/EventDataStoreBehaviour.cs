using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CloudTrailSdk.Fake;

/// <summary>
/// CloudTrail Lake event data stores: create, read, list, update, delete (7 days of PENDING_DELETION, restorable),
/// and the ingestion switch with its transitional statuses. What a store holds lives in the <see cref="LakeEngine"/>.
/// </summary>
internal sealed class EventDataStoreBehaviour
{
    /// <summary>How long a deleted store stays restorable.</summary>
    public static readonly TimeSpan PendingDeletion = TimeSpan.FromDays(7);

    /// <summary>Event data stores per account and region, as AWS limits them.</summary>
    public const int MaxStoresPerRegion = 10;

    private const int DefaultPageSize = 100;
    private const string ArnMarker = ":eventdatastore/";

    private readonly FakeStore _store;
    private readonly FakeCloudTrailOptions _options;
    private readonly LakeEngine _lake;

    public EventDataStoreBehaviour(FakeStore store, FakeCloudTrailOptions options, LakeEngine lake)
    {
        _store = store;
        _options = options;
        _lake = lake;
    }

    public CreateEventDataStoreResponse Create(CreateEventDataStoreRequest request, CallScope scope, DateTimeOffset now, string id)
    {
        var billing = request.BillingMode?.Value ?? "EXTENDABLE_RETENTION_PRICING";
        var retention = request.RetentionPeriod ?? (billing == "FIXED_RETENTION_PRICING" ? 2557 : 366);
        CheckRetention(billing, retention);
        var selectors = request.AdvancedEventSelectors ?? DefaultSelectors;
        AdvancedSelectorMatcher.Check(selectors);
        EventDataStoreState created;
        lock (_store.Gate)
        {
            var region = _store.Region(scope);
            CheckOrganization(request.OrganizationEnabled, scope);
            Purge(region, now);
            if (region.EventDataStores.Values.Any(s => s.Name == request.Name))
            {
                throw new EventDataStoreAlreadyExistsException("An event data store named " + request.Name + " already exists in " + scope.Region + ".");
            }

            if (region.EventDataStores.Count >= MaxStoresPerRegion)
            {
                throw new EventDataStoreMaxLimitExceededException("An account can have at most " + MaxStoresPerRegion + " event data stores per region.");
            }

            created = new EventDataStoreState
            {
                Id = id,
                Arn = "arn:aws:cloudtrail:" + scope.Region + ":" + scope.Account + ArnMarker + id,
                Account = scope.Account,
                HomeRegion = scope.Region,
                Name = request.Name,
                AdvancedEventSelectors = selectors,
                MultiRegionEnabled = request.MultiRegionEnabled ?? true,
                OrganizationEnabled = request.OrganizationEnabled ?? false,
                RetentionPeriod = retention,
                TerminationProtectionEnabled = request.TerminationProtectionEnabled ?? true,
                KmsKeyId = request.KmsKeyId,
                BillingMode = billing,
                CreatedTimestamp = now,
                UpdatedTimestamp = now,
                Ingesting = request.StartIngestion ?? true,
            };
            created.Tags.AddRange(TagBehaviour.Distinct(request.TagsList ?? Array.Empty<Tag>()));
            if (created.Tags.Count > TagBehaviour.MaxTagsPerResource)
            {
                throw new InvalidTagParameterException("A resource can have at most " + TagBehaviour.MaxTagsPerResource + " tags.");
            }

            region.EventDataStores[id] = created;
        }

        _lake.CreateStore(created.Id);
        return new CreateEventDataStoreResponse
        {
            EventDataStoreArn = created.Arn,
            Name = created.Name,
            Status = created.StatusAt(now),
            AdvancedEventSelectors = created.AdvancedEventSelectors,
            MultiRegionEnabled = created.MultiRegionEnabled,
            OrganizationEnabled = created.OrganizationEnabled,
            RetentionPeriod = created.RetentionPeriod,
            TerminationProtectionEnabled = created.TerminationProtectionEnabled,
            TagsList = created.Tags.ToArray(),
            CreatedTimestamp = created.CreatedTimestamp,
            UpdatedTimestamp = created.UpdatedTimestamp,
            KmsKeyId = created.KmsKeyId,
            BillingMode = created.BillingMode,
        };
    }

    public GetEventDataStoreResponse Get(GetEventDataStoreRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var store = Find(scope, request.EventDataStore, now);
            return new GetEventDataStoreResponse
            {
                EventDataStoreArn = store.Arn,
                Name = store.Name,
                Status = store.StatusAt(now),
                AdvancedEventSelectors = store.AdvancedEventSelectors,
                MultiRegionEnabled = store.MultiRegionEnabled,
                OrganizationEnabled = store.OrganizationEnabled,
                RetentionPeriod = store.RetentionPeriod,
                TerminationProtectionEnabled = store.TerminationProtectionEnabled,
                CreatedTimestamp = store.CreatedTimestamp,
                UpdatedTimestamp = store.UpdatedTimestamp,
                KmsKeyId = store.KmsKeyId,
                BillingMode = store.BillingMode,
                FederationStatus = store.FederationStatusAt(now),
                FederationRoleArn = store.FederationRoleArn,
            };
        }
    }

    public ListEventDataStoresResponse List(ListEventDataStoresRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var region = _store.Region(scope);
            Purge(region, now);
            var all = region.EventDataStores.Values.OrderBy(s => s.CreatedTimestamp).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
            var start = request.NextToken is { } token ? ReadToken(token) : 0;
            var size = request.MaxResults ?? DefaultPageSize;
            var page = all.Skip(start).Take(size).Select(s => new EventDataStore { EventDataStoreArn = s.Arn, Name = s.Name }).ToList();
            return new ListEventDataStoresResponse
            {
                EventDataStores = page,
                NextToken = start + size < all.Count ? WriteToken(start + size) : null,
            };
        }
    }

    public UpdateEventDataStoreResponse Update(UpdateEventDataStoreRequest request, CallScope scope, DateTimeOffset now)
    {
        if (request.AdvancedEventSelectors is { } selectors)
        {
            AdvancedSelectorMatcher.Check(selectors);
        }

        lock (_store.Gate)
        {
            var store = FindActive(scope, request.EventDataStore, now);
            CheckOrganization(request.OrganizationEnabled, scope);
            if (request.Name is { } name && name != store.Name && _store.Region(scope).EventDataStores.Values.Any(s => s.Name == name))
            {
                throw new EventDataStoreAlreadyExistsException("An event data store named " + name + " already exists in " + scope.Region + ".");
            }

            var billing = request.BillingMode?.Value ?? store.BillingMode;
            if (store.BillingMode == "EXTENDABLE_RETENTION_PRICING" && billing == "FIXED_RETENTION_PRICING")
            {
                throw new InvalidParameterException("The billing mode can change from FIXED_RETENTION_PRICING to EXTENDABLE_RETENTION_PRICING only.");
            }

            var retention = request.RetentionPeriod ?? store.RetentionPeriod;
            CheckRetention(billing, retention);
            store.Name = request.Name ?? store.Name;
            store.AdvancedEventSelectors = request.AdvancedEventSelectors ?? store.AdvancedEventSelectors;
            store.MultiRegionEnabled = request.MultiRegionEnabled ?? store.MultiRegionEnabled;
            store.OrganizationEnabled = request.OrganizationEnabled ?? store.OrganizationEnabled;
            store.RetentionPeriod = retention;
            store.TerminationProtectionEnabled = request.TerminationProtectionEnabled ?? store.TerminationProtectionEnabled;
            store.KmsKeyId = request.KmsKeyId ?? store.KmsKeyId;
            store.BillingMode = billing;
            store.UpdatedTimestamp = now;
            return new UpdateEventDataStoreResponse
            {
                EventDataStoreArn = store.Arn,
                Name = store.Name,
                Status = store.StatusAt(now),
                AdvancedEventSelectors = store.AdvancedEventSelectors,
                MultiRegionEnabled = store.MultiRegionEnabled,
                OrganizationEnabled = store.OrganizationEnabled,
                RetentionPeriod = store.RetentionPeriod,
                TerminationProtectionEnabled = store.TerminationProtectionEnabled,
                CreatedTimestamp = store.CreatedTimestamp,
                UpdatedTimestamp = store.UpdatedTimestamp,
                KmsKeyId = store.KmsKeyId,
                BillingMode = store.BillingMode,
                FederationStatus = store.FederationStatusAt(now),
                FederationRoleArn = store.FederationRoleArn,
            };
        }
    }

    public DeleteEventDataStoreResponse Delete(DeleteEventDataStoreRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var store = FindActive(scope, request.EventDataStore, now);
            if (store.TerminationProtectionEnabled)
            {
                throw new EventDataStoreTerminationProtectedException("Event data store " + store.Name + " has termination protection on; turn it off with UpdateEventDataStore first.");
            }

            if (store.FederationStatusAt(now) != FederationStatus.Disabled)
            {
                throw new EventDataStoreFederationEnabledException("Event data store " + store.Name + " has federation " + store.FederationStatusAt(now) + "; disable it with DisableFederation first.");
            }

            if (ChannelBehaviour.ChannelTargeting(_store, store) is { } channel)
            {
                throw new ChannelExistsForEDSException("Channel " + channel + " still sends events to event data store " + store.Name + "; delete the channel or change its destinations first.");
            }

            store.ResourcePolicy = null;

            store.DeletedAt = now;
            store.UpdatedTimestamp = now;
            return new DeleteEventDataStoreResponse();
        }
    }

    public RestoreEventDataStoreResponse Restore(RestoreEventDataStoreRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var store = Find(scope, request.EventDataStore, now);
            if (store.DeletedAt is null)
            {
                throw new InvalidEventDataStoreStatusException("Event data store " + store.Name + " is " + store.StatusAt(now) + "; only a store in PENDING_DELETION can be restored.");
            }

            store.DeletedAt = null;
            store.UpdatedTimestamp = now;
            return new RestoreEventDataStoreResponse
            {
                EventDataStoreArn = store.Arn,
                Name = store.Name,
                Status = store.StatusAt(now),
                AdvancedEventSelectors = store.AdvancedEventSelectors,
                MultiRegionEnabled = store.MultiRegionEnabled,
                OrganizationEnabled = store.OrganizationEnabled,
                RetentionPeriod = store.RetentionPeriod,
                TerminationProtectionEnabled = store.TerminationProtectionEnabled,
                CreatedTimestamp = store.CreatedTimestamp,
                UpdatedTimestamp = store.UpdatedTimestamp,
                KmsKeyId = store.KmsKeyId,
                BillingMode = store.BillingMode,
            };
        }
    }

    public StartEventDataStoreIngestionResponse StartIngestion(StartEventDataStoreIngestionRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var store = FindActive(scope, request.EventDataStore, now);
            var status = store.StatusAt(now);
            if (status != EventDataStoreStatus.StoppedIngestion)
            {
                throw new InvalidEventDataStoreStatusException("Ingestion can start only from STOPPED_INGESTION; event data store " + store.Name + " is " + status + ".");
            }

            store.Ingesting = true;
            store.TransitionEnds = now + _options.LakeTransitionTime;
            return new StartEventDataStoreIngestionResponse();
        }
    }

    public StopEventDataStoreIngestionResponse StopIngestion(StopEventDataStoreIngestionRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var store = FindActive(scope, request.EventDataStore, now);
            var status = store.StatusAt(now);
            if (status != EventDataStoreStatus.Enabled)
            {
                throw new InvalidEventDataStoreStatusException("Ingestion can stop only when ENABLED; event data store " + store.Name + " is " + status + ".");
            }

            store.Ingesting = false;
            store.TransitionEnds = now + _options.LakeTransitionTime;
            return new StopEventDataStoreIngestionResponse();
        }
    }

    /// <summary>
    /// The stores that take an event an account recorded in a region: the account's own (their own region's, and
    /// multi-region ones), and the organization stores of other accounts in its organization.
    /// </summary>
    public List<string> IngestingStores(CallScope scope, RecordedEvent e, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var organization = _store.Organization;
            return _store.All.Where(r => r.Account == scope.Account || organization.Covers(r.Account, scope.Account))
                .SelectMany(r => r.EventDataStores.Values)
                .Where(s => (s.Account == scope.Account || s.OrganizationEnabled) && (s.HomeRegion == scope.Region || s.MultiRegionEnabled) && s.DeletedAt is null && s.StatusAt(now) != EventDataStoreStatus.StoppedIngestion
                    && AdvancedSelectorMatcher.Matches(s.AdvancedEventSelectors, e))
                .Select(s => s.Id)
                .ToList();
        }
    }

    /// <summary>A store by ARN or id, in the caller's account; callers hold the gate.</summary>
    public EventDataStoreState Find(CallScope scope, string arnOrId, DateTimeOffset now)
    {
        string id;
        if (arnOrId.StartsWith("arn:", StringComparison.Ordinal))
        {
            var marker = arnOrId.IndexOf(ArnMarker, StringComparison.Ordinal);
            var parts = arnOrId.Split(':');
            if (marker < 0 || parts.Length != 6 || parts[2] != "cloudtrail" || parts[3].Length == 0 || parts[4].Length != 12)
            {
                throw new EventDataStoreARNInvalidException("The value " + arnOrId + " is not an event data store ARN (arn:aws:cloudtrail:REGION:ACCOUNT:eventdatastore/ID).");
            }

            id = arnOrId.Substring(marker + ArnMarker.Length);
        }
        else
        {
            id = arnOrId;
        }

        foreach (var region in _store.All.Where(r => r.Account == scope.Account))
        {
            Purge(region, now);
            if (region.EventDataStores.TryGetValue(id, out var store) && (store.HomeRegion == scope.Region || store.MultiRegionEnabled))
            {
                return store;
            }
        }

        throw new EventDataStoreNotFoundException("The event data store " + arnOrId + " was not found in account " + scope.Account + ".");
    }

    public EventDataStoreState FindActive(CallScope scope, string arnOrId, DateTimeOffset now)
    {
        var store = Find(scope, arnOrId, now);
        return store.DeletedAt is null ? store
            : throw new InactiveEventDataStoreException("Event data store " + store.Name + " is pending deletion; restore it first.");
    }

    // The default a store gets when created without selectors: every management event.
    private static readonly AdvancedEventSelector[] DefaultSelectors =
    {
        new() { Name = "Default management events", FieldSelectors = new[] { new AdvancedFieldSelector { Field = "eventCategory", EqualsValue = new[] { "Management" } } } },
    };

    private void Purge(RegionState region, DateTimeOffset now)
    {
        foreach (var gone in region.EventDataStores.Values.Where(s => s.DeletedAt is { } at && now - at >= PendingDeletion).ToList())
        {
            region.EventDataStores.Remove(gone.Id);
            _lake.DropStore(gone.Id);
        }
    }

    private static void CheckRetention(string billing, int retention)
    {
        var max = billing == "FIXED_RETENTION_PRICING" ? 2557 : 3653;
        if (retention < 7 || retention > max)
        {
            throw new InvalidParameterException("RetentionPeriod must be 7 to " + max + " days with " + billing + ", not " + retention + ".");
        }
    }

    // Without a configured organization, an organization store gets the error AWS gives an account outside one.
    private void CheckOrganization(bool? organizationEnabled, CallScope scope)
    {
        if (organizationEnabled == true)
        {
            OrganizationBehaviour.CheckMayAdminister(_store.Organization, scope, "event data store");
        }
    }

    private static string WriteToken(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("eds:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int ReadToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("eds:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidNextTokenException("Invalid NextToken: it is not a token ListEventDataStores issued.");
    }
}
