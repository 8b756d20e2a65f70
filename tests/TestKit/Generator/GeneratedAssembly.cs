using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Testing;

/// <summary>
/// Generated code emitted to memory and loaded into a collectible context. The runtime assemblies resolve to the copies
/// the process already loaded, so runtime types (a ValidationCollector, options) pass straight in and out.
/// </summary>
public sealed class GeneratedAssembly : IDisposable
{
    private readonly Context _context;

    private GeneratedAssembly(Context context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    /// <summary>The loaded assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>Emits and loads <paramref name="compilation"/>.</summary>
    /// <exception cref="InvalidOperationException">The compilation has errors; the message lists the first ten.</exception>
    public static GeneratedAssembly Load(Compilation compilation, ImmutableArray<Assembly> shared)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated code does not compile:" + Environment.NewLine +
                GeneratorRun.Describe(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), 10));
        }

        image.Position = 0;
        var context = new Context(shared);
        return new GeneratedAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>A type of the generated assembly.</summary>
    /// <exception cref="InvalidOperationException">There is no such type.</exception>
    public Type Type(string fullName) =>
        Assembly.GetType(fullName, throwOnError: false) ?? throw new InvalidOperationException("The generated assembly has no type " + fullName);

    /// <summary>Unloads the context.</summary>
    public void Dispose() => _context.Unload();

    private sealed class Context : AssemblyLoadContext
    {
        private readonly ImmutableArray<Assembly> _shared;

        public Context(ImmutableArray<Assembly> shared)
            : base("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true) => _shared = shared;

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _shared.FirstOrDefault(a => string.Equals(a.GetName().Name, assemblyName.Name, StringComparison.Ordinal));
    }
}
