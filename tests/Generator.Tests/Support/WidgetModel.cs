namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>A minimal valid model; tests break one line of it, so every line number below stays put.</summary>
internal static class WidgetModel
{
    public const string ServicePath = "/models/widgets/service-2.json";
    public const string PaginatorsPath = "/models/widgets/paginators-1.json";
    public const string CustomizationsPath = "/models/widgets/customizations.json";
    public const string ModelId = "widgets";

    // Line numbers (0-based) used by the tests are marked on the right; they are not part of the string.
    public const string Service = """
        {
          "version": "2.0",
          "metadata": {
            "apiVersion": "2020-01-01",
            "endpointPrefix": "widgets",
            "jsonVersion": "1.1",
            "protocol": "json",
            "serviceId": "Widgets",
            "targetPrefix": "Widgets_20200101"
          },
          "operations": {
            "GetWidget": {
              "name": "GetWidget",
              "http": { "method": "POST", "requestUri": "/" },
              "input": { "shape": "GetWidgetRequest" },
              "output": { "shape": "GetWidgetResponse" }
            }
          },
          "shapes": {
            "GetWidgetRequest": {
              "type": "structure",
              "members": {
                "Name": { "shape": "String" }
              }
            },
            "GetWidgetResponse": {
              "type": "structure",
              "members": {
                "Size": { "shape": "Integer" }
              }
            },
            "String": { "type": "string" },
            "Integer": { "type": "integer" }
          }
        }
        """;

    public const int MetadataLine = 2;
    public const int JsonVersionLine = 5;
    public const int ProtocolLine = 6;
    public const int TargetPrefixLine = 8;
    public const int NameMemberLine = 22;
    public const int StringShapeLine = 31;

    public static string Line(string text, int line) => text.Replace("\r\n", "\n").Split('\n')[line];

    /// <summary>Replaces text that must occur exactly once, on the given line, so line numbers are unchanged.</summary>
    public static string Edit(int line, string oldText, string newText)
    {
        var lines = Service.Replace("\r\n", "\n").Split('\n');
        Xunit.Assert.Contains(oldText, lines[line]);
        Xunit.Assert.DoesNotContain("\n", newText);
        lines[line] = lines[line].Replace(oldText, newText);
        return string.Join("\n", lines);
    }
}
