namespace CloudTrailSdk.Generator;

/// <summary>Names of the pipeline steps, so that tests can check each one's caching by name.</summary>
internal static class TrackingNames
{
    public const string ModelFiles = nameof(ModelFiles);
    public const string ModelInputs = nameof(ModelInputs);
    public const string BuiltModels = nameof(BuiltModels);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Structures = nameof(Structures);
    public const string Enums = nameof(Enums);
    public const string Errors = nameof(Errors);
    public const string Operations = nameof(Operations);
    public const string Service = nameof(Service);
}
