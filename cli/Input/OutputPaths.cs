using Swiotlb.Trace.Cli.Commands;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>Refuses a command line whose outputs would overwrite one of its inputs, or each other.</summary>
public static class OutputPaths
{
    /// <exception cref="UsageException">An output is an input (or the file a capture directory stands for), or two outputs share a path.</exception>
    public static void Check(IEnumerable<string> captures, params (string Option, string? Path)[] outputs)
    {
        var inputs = captures.Where(c => c != CapturePath.StandardInput)
            .SelectMany(c => new[] { c, CapturePath.Resolve(c) })
            .Select(Path.GetFullPath)
            .ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (option, path) in outputs)
        {
            if (path is null)
                continue;
            var full = Path.GetFullPath(path);
            if (inputs.Contains(full))
                throw new UsageException($"{option} {path}: that is an input of this command; writing it would destroy the capture");
            if (!seen.TryAdd(full, option))
                throw new UsageException($"{option} {path}: {seen[full]} writes the same file; give each output its own path");
        }
    }
}
