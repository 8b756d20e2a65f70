using System;
using CloudTrailSdk;
using CloudTrailSdk.Runtime.Config;
using Quickstart;

return await QuickstartApp.RunAsync(args, Console.Out, Console.Error, ProcessEnvironment.Instance);
