using System;
using CloudTrailSdk.Runtime.Config;
using Quickstart;

return await QuickstartApp.RunAsync(args, Console.Out, Console.Error, ProcessEnvironment.Instance);
