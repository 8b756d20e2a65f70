namespace CloudTrailSdk.Generator.Tests.Fuzzing;

/// <summary>
/// The model the fuzzer mutates: small enough to compile in a fraction of a second, yet with every construct the
/// generator treats specially (enum, list, map, nested structure, error, paginator with a result key, timestamps).
/// </summary>
internal static class FuzzBaseModel
{
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
            "ListWidgets": {
              "name": "ListWidgets",
              "http": { "method": "POST", "requestUri": "/" },
              "input": { "shape": "ListWidgetsRequest" },
              "output": { "shape": "ListWidgetsResponse" },
              "errors": [ { "shape": "WidgetNotFoundException" } ]
            },
            "PutWidget": {
              "name": "PutWidget",
              "http": { "method": "POST", "requestUri": "/" },
              "input": { "shape": "PutWidgetRequest" }
            }
          },
          "shapes": {
            "ListWidgetsRequest": {
              "type": "structure",
              "members": {
                "NextToken": { "shape": "Token" },
                "MaxResults": { "shape": "PageSize" },
                "Color": { "shape": "Color" }
              }
            },
            "ListWidgetsResponse": {
              "type": "structure",
              "members": {
                "Widgets": { "shape": "WidgetList" },
                "Page": { "shape": "Page" },
                "NextToken": { "shape": "Token" }
              }
            },
            "Page": {
              "type": "structure",
              "members": { "Items": { "shape": "WidgetList" } }
            },
            "PutWidgetRequest": {
              "type": "structure",
              "required": [ "Widget" ],
              "members": {
                "Widget": { "shape": "Widget" },
                "Tags": { "shape": "TagMap" },
                "When": { "shape": "Stamp" }
              }
            },
            "Widget": {
              "type": "structure",
              "required": [ "Name" ],
              "members": {
                "Name": { "shape": "WidgetName" },
                "Color": { "shape": "Color" },
                "Size": { "shape": "PageSize" },
                "Data": { "shape": "Bytes" },
                "Ratio": { "shape": "Ratio" }
              }
            },
            "WidgetNotFoundException": {
              "type": "structure",
              "required": [ "Resource" ],
              "members": {
                "message": { "shape": "WidgetName" },
                "Resource": { "shape": "WidgetName" }
              },
              "exception": true
            },
            "WidgetList": { "type": "list", "member": { "shape": "Widget" } },
            "TagMap": { "type": "map", "key": { "shape": "WidgetName" }, "value": { "shape": "WidgetName" }, "max": 10 },
            "Color": { "type": "string", "enum": [ "RED", "GREEN", "blue-ish" ] },
            "WidgetName": { "type": "string", "min": 1, "max": 64, "pattern": "^[a-zA-Z0-9\\-_]+$" },
            "Token": { "type": "string" },
            "PageSize": { "type": "integer", "min": 1, "max": 100 },
            "Bytes": { "type": "blob" },
            "Ratio": { "type": "double" },
            "Stamp": { "type": "timestamp" }
          }
        }
        """;

    public const string Paginators = """
        {
          "pagination": {
            "ListWidgets": {
              "input_token": "NextToken",
              "output_token": "NextToken",
              "limit_key": "MaxResults",
              "result_key": "Widgets"
            }
          }
        }
        """;
}
