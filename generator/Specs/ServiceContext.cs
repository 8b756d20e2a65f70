namespace CloudTrailSdk.Generator.Specs;

/// <summary>What every emitted file needs to know about its service; small so that it rarely changes.</summary>
internal sealed record ServiceContext(
    string ModelId,
    string Namespace,
    string ClientName,
    string ServiceId,
    string TargetPrefix,
    string JsonVersion,
    string SigningName,
    string EndpointPrefix,
    string ApiVersion,
    EmitMode Emit)
{
    /// <summary>Starts every hint name of this model: the model id made file-safe and unique in the project.</summary>
    public string HintPrefix { get; init; } = ModelId;

    /// <summary>The service file, where project-wide problems with this model are reported.</summary>
    public string ServicePath { get; init; } = string.Empty;

    public string ServerNamespace => Namespace + ".Server";

    public string SerializationNamespace => Namespace + ".Serialization";

    public string ValidationNamespace => Namespace + ".Validation";

    public string ExceptionBaseName => ClientName + "Exception";

    public string InterfaceName => "I" + ClientName + "Client";

    public string ClientClassName => ClientName + "Client";

    public string PaginatorsClassName => ClientName + "Paginators";

    public string ServerBaseName => ClientName + "ServiceBase";

    public bool EmitsClient => Emit != EmitMode.Server;

    public bool EmitsServer => Emit != EmitMode.Client;
}

/// <summary>Which side of the wire a project wants: the SDK surface, the fake server's dispatcher, or both.</summary>
internal enum EmitMode
{
    Client,
    Server,
    All,
}
