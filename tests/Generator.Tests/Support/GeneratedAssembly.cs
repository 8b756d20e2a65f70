using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>
/// A generated compilation emitted to memory and loaded into a collectible context. CloudTrailSdk.Runtime resolves to
/// the copy the test already loaded, so runtime types (ValidationCollector, say) can be passed straight in.
/// </summary>
internal sealed class GeneratedAssembly : IDisposable
{
    private readonly Context _context;

    private GeneratedAssembly(Context context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static GeneratedAssembly Load(Compilation compilation)
    {
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        if (!result.Success)
        {
            throw new Xunit.Sdk.XunitException("Emit failed:" + Environment.NewLine +
                GeneratorRun.Describe(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        pe.Position = 0;
        var context = new Context();
        return new GeneratedAssembly(context, context.LoadFromStream(pe));
    }

    public Type Type(string fullName) =>
        Assembly.GetType(fullName, throwOnError: false) ?? throw new Xunit.Sdk.XunitException("Generated assembly has no type " + fullName);

    public void Dispose() => _context.Unload();

    private sealed class Context : AssemblyLoadContext
    {
        public Context()
            : base("generated-sdk-" + Guid.NewGuid().ToString("N"), isCollectible: true)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Generated code binds to the runtime assemblies the test process loaded, client and server side.
            foreach (var shared in new[] { typeof(CloudTrailSdk.Runtime.AwsJsonClient).Assembly, typeof(CloudTrailSdk.Runtime.Server.AwsServerDispatch).Assembly })
            {
                if (string.Equals(assemblyName.Name, shared.GetName().Name, StringComparison.Ordinal))
                {
                    return shared;
                }
            }

            return null;
        }
    }
}
