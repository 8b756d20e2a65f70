using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// CloudTrail Lake channels: how events from outside AWS (a partner, or your own application's <c>Custom</c> source)
/// reach event data stores. The fake keeps the channel and checks its destinations; it has no ingestion endpoint
/// (PutAuditEvents belongs to the separate cloudtrail-data service), so a channel never receives events here.
/// </summary>
internal sealed class ChannelBehaviour
{
    /// <summary>Channels per account and region, as AWS limits them (the quota does not count service-linked channels).</summary>
    public const int MaxChannelsPerRegion = 25;

    /// <summary>The source for events your own applications send; any other source names a partner.</summary>
    public const string CustomSource = "Custom";

    private const int DefaultPageSize = 100;
    private const string ArnMarker = ":channel/";

    private readonly FakeStore _store;
    private readonly EventDataStoreBehaviour _eventDataStores;

    public ChannelBehaviour(FakeStore store, EventDataStoreBehaviour eventDataStores)
    {
        _store = store;
        _eventDataStores = eventDataStores;
    }

    public CreateChannelResponse Create(CreateChannelRequest request, CallScope scope, DateTimeOffset now, string id)
    {
        CheckSource(request.SourceValue);
        lock (_store.Gate)
        {
            var region = _store.Region(scope);
            if (region.Channels.Values.FirstOrDefault(c => c.Name == request.Name) is { } sameName)
            {
                throw new ChannelAlreadyExistsException("A channel named " + request.Name + " already exists in " + scope.Region + " (" + sameName.Arn + ").");
            }

            // AWS allows one channel per partner source; Custom is for any number of your own applications.
            if (request.SourceValue != CustomSource && region.Channels.Values.FirstOrDefault(c => c.Source == request.SourceValue) is { } sameSource)
            {
                throw new ChannelAlreadyExistsException("The source " + request.SourceValue + " already has a channel in " + scope.Region + " (" + sameSource.Name + "); a partner source can have one channel.");
            }

            if (region.Channels.Count >= MaxChannelsPerRegion)
            {
                throw new ChannelMaxLimitExceededException("An account can have at most " + MaxChannelsPerRegion + " channels per region; " + scope.Region + " has " + region.Channels.Count + ".");
            }

            var destinations = CheckDestinations(scope, request.Destinations, now);
            var channel = new ChannelState
            {
                Id = id,
                Arn = "arn:aws:cloudtrail:" + scope.Region + ":" + scope.Account + ArnMarker + id,
                Account = scope.Account,
                HomeRegion = scope.Region,
                Name = request.Name,
                Source = request.SourceValue,
                Destinations = destinations,
                CreatedTimestamp = now,
            };
            var tags = TagBehaviour.Distinct(request.Tags ?? Array.Empty<Tag>());
            if (tags.Count > TagBehaviour.MaxTagsPerResource)
            {
                throw new TagsLimitExceededException("A resource can have at most " + TagBehaviour.MaxTagsPerResource + " tags; this request gives channel " + request.Name + " " + tags.Count + ".");
            }

            channel.Tags.AddRange(tags);
            region.Channels[id] = channel;
            return new CreateChannelResponse
            {
                ChannelArn = channel.Arn,
                Name = channel.Name,
                SourceValue = channel.Source,
                Destinations = channel.Destinations,
                Tags = channel.Tags.ToArray(),
            };
        }
    }

    public GetChannelResponse Get(GetChannelRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var channel = Find(scope, request.Channel);
            return new GetChannelResponse
            {
                ChannelArn = channel.Arn,
                Name = channel.Name,
                SourceValue = channel.Source,
                SourceConfig = new SourceConfig { ApplyToAllRegions = false, AdvancedEventSelectors = ChannelSelectors },

                // Nothing ever arrives through a channel in the fake (no PutAuditEvents), so there is no attempt to report.
                IngestionStatus = new IngestionStatus(),
                Destinations = channel.Destinations,
            };
        }
    }

    public ListChannelsResponse List(ListChannelsRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var all = _store.Region(scope).Channels.Values.OrderBy(c => c.CreatedTimestamp).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
            var size = request.MaxResults ?? DefaultPageSize;
            var start = 0;
            if (request.NextToken is { } token)
            {
                var after = ChannelToken.Read(token, scope, size);
                start = all.FindIndex(c => ChannelToken.IsAfter(c, after));
                start = start < 0 ? all.Count : start;
            }

            var page = all.Skip(start).Take(size).ToList();
            return new ListChannelsResponse
            {
                Channels = page.Select(c => new Channel { ChannelArn = c.Arn, Name = c.Name }).ToList(),
                NextToken = start + page.Count < all.Count ? ChannelToken.Write(page[^1], scope, size) : null,
            };
        }
    }

    public UpdateChannelResponse Update(UpdateChannelRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var channel = Find(scope, request.Channel);
            if (request.Name is { } name && name != channel.Name && _store.Region(scope).Channels.Values.Any(c => c.Name == name))
            {
                throw new ChannelAlreadyExistsException("A channel named " + name + " already exists in " + scope.Region + ".");
            }

            var destinations = request.Destinations is { } given ? CheckDestinations(scope, given, now) : channel.Destinations;
            channel.Name = request.Name ?? channel.Name;
            channel.Destinations = destinations;
            return new UpdateChannelResponse
            {
                ChannelArn = channel.Arn,
                Name = channel.Name,
                SourceValue = channel.Source,
                Destinations = channel.Destinations,
            };
        }
    }

    public DeleteChannelResponse Delete(DeleteChannelRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var channel = Find(scope, request.Channel);
            _store.Region(scope).Channels.Remove(channel.Id);
            return new DeleteChannelResponse();
        }
    }

    /// <summary>A channel by ARN, id or name, in the caller's account and region; callers hold the gate.</summary>
    public ChannelState Find(CallScope scope, string channel) => Find(_store, scope, channel);

    /// <summary>A channel by ARN, id or name, in the caller's account and region; callers hold the gate.</summary>
    public static ChannelState Find(FakeStore store, CallScope scope, string channel)
    {
        var region = store.Region(scope);
        if (channel.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = channel.Split(':');
            var marker = channel.IndexOf(ArnMarker, StringComparison.Ordinal);
            if (parts.Length != 6 || parts[2] != "cloudtrail" || parts[3].Length == 0 || parts[4].Length != 12 || !parts[4].All(char.IsAsciiDigit)
                || marker < 0 || marker + ArnMarker.Length == channel.Length)
            {
                throw new ChannelARNInvalidException("The value " + channel + " is not a channel ARN (arn:aws:cloudtrail:REGION:ACCOUNT:channel/ID, ACCOUNT 12 digits).");
            }

            var id = channel.Substring(marker + ArnMarker.Length);
            return parts[3] == scope.Region && parts[4] == scope.Account && region.Channels.TryGetValue(id, out var byArn) ? byArn
                : throw new ChannelNotFoundException("The channel " + channel + " was not found in account " + scope.Account + ", region " + scope.Region + ".");
        }

        return region.Channels.TryGetValue(channel, out var byId) ? byId
            : region.Channels.Values.FirstOrDefault(c => c.Name == channel)
            ?? throw new ChannelNotFoundException("No channel with the id or name " + channel + " in account " + scope.Account + ", region " + scope.Region + ".");
    }

    /// <summary>The name of a channel that still sends to an event data store, or null; callers hold the gate.</summary>
    public static string? ChannelTargeting(FakeStore store, EventDataStoreState eventDataStore) =>
        store.All.Where(r => r.Account == eventDataStore.Account)
            .SelectMany(r => r.Channels.Values)
            .FirstOrDefault(c => c.Destinations.Any(d => d.Type == DestinationType.EventDataStore && d.Location == eventDataStore.Arn))?.Name;

    // Events from outside AWS arrive with this category; a store that is to receive them must select it.
    private static readonly AdvancedEventSelector[] ChannelSelectors =
    {
        new() { FieldSelectors = new[] { new AdvancedFieldSelector { Field = "eventCategory", EqualsValue = new[] { "ActivityAuditLog" } } } },
    };

    private static void CheckSource(string source)
    {
        if (source.Length != source.Trim().Length || source.Any(char.IsControl))
        {
            throw new InvalidSourceException("The source '" + source + "' has leading or trailing spaces or control characters; use Custom or a partner's source name.");
        }

        if (source != CustomSource && string.Equals(source, CustomSource, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidSourceException("The source '" + source + "' is not valid: the source for your own applications is spelt Custom.");
        }

        // Sources named for AWS services belong to service-linked channels, which services create, not callers.
        if (source.StartsWith("aws.", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidSourceException("The source " + source + " names an AWS service; only AWS services create channels for their own sources.");
        }
    }

    private List<Destination> CheckDestinations(CallScope scope, IReadOnlyList<Destination> destinations, DateTimeOffset now)
    {
        var seen = new HashSet<(string?, string)>();
        foreach (var (destination, i) in destinations.Select((d, i) => (d, i)))
        {
            if (!seen.Add((destination.Type?.Value, destination.Location)))
            {
                throw new InvalidParameterException("Destinations[" + i + "] repeats " + destination.Type + " " + destination.Location + ".");
            }

            if (destination.Type != DestinationType.EventDataStore)
            {
                continue;
            }

            if (!destination.Location.StartsWith("arn:", StringComparison.Ordinal))
            {
                throw new EventDataStoreARNInvalidException("Destinations[" + i + "].Location " + destination.Location + " must be an event data store ARN (arn:aws:cloudtrail:REGION:ACCOUNT:eventdatastore/ID).");
            }

            var store = _eventDataStores.FindActive(scope, destination.Location, now);
            if (!AcceptsChannelEvents(store))
            {
                throw new InvalidEventDataStoreCategoryException("Destinations[" + i + "]: event data store " + store.Name + " does not select eventCategory ActivityAuditLog, so it cannot receive events from a channel.");
            }
        }

        return destinations.ToList();
    }

    private static bool AcceptsChannelEvents(EventDataStoreState store) =>
        store.AdvancedEventSelectors.Any(s => s.FieldSelectors.Any(f => f.Field == "eventCategory" && f.EqualsValue is { } values && values.Contains("ActivityAuditLog", StringComparer.Ordinal)));
}
