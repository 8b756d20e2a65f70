using System;
using System.IO;
using System.Linq;

namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>
/// botocore's models as vendored under tests/TestData/botocore (documentation removed), so a newcomer's
/// bring-your-own-model build reads the same model on every machine.
/// </summary>
internal static class Botocore
{
    /// <summary>Copies the vendored version of a service's file (e.g. service-2.json) to <paramref name="destination"/>; false when there is none.</summary>
    public static bool TryCopyModel(string service, string fileName, string destination)
    {
        if (VendoredBotocore.PathOf(service, fileName) is not { } source)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(source, destination, overwrite: true);
        return true;
    }

}
