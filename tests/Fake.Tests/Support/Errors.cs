using System;
using System.Threading.Tasks;

namespace CloudTrailSdk.Fake.Tests.Support;

internal static class Errors
{
    /// <summary>Runs a call that must fail with a service error; returns the error code the fake answered with.</summary>
    public static async Task<string> CodeOf(Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<CloudTrailException>(call);
        return error.ErrorCode;
    }
}
