using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Fake;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tool;

ToolOptions options;
try
{
    options = ToolOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(ToolOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(ToolOptions.Usage);
    return 0;
}

FakeCloudTrail fake;
try
{
    fake = options.CreateFake();
}
catch (FakeSeedException ex)
{
    Console.Error.WriteLine("error: seed file " + ex.Message);
    return 2;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    // InvalidDataException (a corrupt journal) is an IOException too; its message names the file and line.
    Console.Error.WriteLine("error: data directory: " + ex.Message);
    return 2;
}

using var ownedFake = fake;

FakeCloudTrailHost host;
try
{
    host = await FakeCloudTrailHost.StartAsync(new FakeCloudTrailHostOptions { Urls = options.Urls, Fake = fake });
}
catch (IOException ex)
{
    // Kestrel reports a taken port as an IOException; that is the user's to fix, like a bad flag.
    Console.Error.WriteLine("error: cannot listen: " + ex.Message);
    return 2;
}

await using (host)
{
    // One line per address, in a fixed form: scripts (and our tests) read the bound port from it when they asked for port 0.
    foreach (var endpoint in host.Endpoints)
    {
        Console.WriteLine("Listening on " + endpoint.AbsoluteUri.TrimEnd('/'));
    }

    Console.WriteLine("Fake CloudTrail ready (region " + options.Region + (options.Credentials.Count > 0 ? ", signatures verified" : string.Empty) + "). Ctrl+C to stop.");
    // SIGINT (Ctrl+C) and SIGTERM (docker stop, CI teardown) both mean a clean stop: calls in flight finish first.
    using var stop = new CancellationTokenSource();
    using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }

    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.Cancel();
    }
}

return 0;
