using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Validation;

/// <summary>Counts values along a member path (e.g. every data-resource value across event selectors) for total-count rules.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValidationCounting
{
    /// <summary>The sum of <paramref name="count"/> over a list; zero for a missing list or a null element.</summary>
    public static int Sum<T>(IReadOnlyList<T>? list, Func<T, int> count)
    {
        if (list is null)
        {
            return 0;
        }

        var total = 0;
        foreach (var item in list)
        {
            if (item is not null)
            {
                total += count(item);
            }
        }

        return total;
    }
}
