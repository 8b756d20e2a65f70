using System.ComponentModel;
using System.Globalization;

namespace CloudTrailSdk.Runtime.Validation;

/// <summary>Builds member paths such as <c>EventSelectors[1].DataResources[0].Type</c> for issue reports.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValidationPath
{
    /// <summary>The path of a member below <paramref name="parent"/>.</summary>
    public static string Member(string parent, string member) => parent.Length == 0 ? member : parent + "." + member;

    /// <summary>The path of a list element.</summary>
    public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The path of a map value.</summary>
    public static string Key(string parent, string key) => parent + "[\"" + key + "\"]";
}
