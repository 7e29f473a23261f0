using Swiotlb.Trace.Blktrace;
using Swiotlb.Trace.Cli.Commands;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>One per-CPU file of a trace, <c>NAME.blktrace.CPU</c>.</summary>
public sealed record BlktraceCpuFile(string Path, int Cpu);

/// <summary>Finds the per-CPU files <c>NAME.blktrace.N</c> of one trace, from NAME, from any one of the files, or from their directory,
/// and opens them for the blktrace reader (which takes streams).</summary>
public static class BlktraceCpuFiles
{
    private const string Marker = ".blktrace.";

    /// <summary>The trace NAME, or the trace of a <c>NAME.blktrace.N</c> file, or the one trace in a directory, as one stream per CPU file.</summary>
    /// <exception cref="FileNotFoundException">No per-CPU files were found.</exception>
    /// <exception cref="UsageException">A directory holds the traces of several devices.</exception>
    public static BlktraceCapture Read(string pathOrName)
    {
        var files = Find(pathOrName);
        var inputs = new List<BlktraceCpuInput>(files.Count);
        try
        {
            foreach (var file in files)
                inputs.Add(new(file.Path, file.Cpu, File.OpenRead(file.Path)));
            return BlktraceReader.Read(inputs);
        }
        catch
        {
            foreach (var input in inputs)
                input.Stream.Dispose();
            throw;
        }
    }

    public static IReadOnlyList<BlktraceCpuFile> Find(string pathOrName)
    {
        if (Directory.Exists(pathOrName))
            return FindInDirectory(pathOrName);

        var name = File.Exists(pathOrName) && TrySplit(Path.GetFileName(pathOrName), out var traceName, out _)
            ? Path.Combine(Path.GetDirectoryName(pathOrName) ?? "", traceName)
            : pathOrName;
        var directory = Path.GetDirectoryName(Path.GetFullPath(name))!;
        var files = Candidates(directory, Path.GetFileName(name));
        return files.Count > 0
            ? files
            : throw new FileNotFoundException($"no blktrace files {Path.GetFileName(name)}{Marker}N in {directory}", pathOrName);
    }

    private static IReadOnlyList<BlktraceCpuFile> FindInDirectory(string directory)
    {
        var names = Candidates(directory, traceName: null).Select(file => TraceName(file.Path)).Distinct().ToList();
        return names.Count switch
        {
            1 => Candidates(directory, names[0]),
            0 => throw new FileNotFoundException($"no blktrace files NAME{Marker}N in {directory}", directory),
            _ => throw new UsageException($"{directory} holds the traces of several devices ({string.Join(", ", names)}); name one"),
        };
    }

    private static List<BlktraceCpuFile> Candidates(string directory, string? traceName) =>
        Directory.EnumerateFiles(directory, (traceName ?? "*") + Marker + "*")
            .Select(path => TrySplit(Path.GetFileName(path), out var name, out var cpu) && (traceName is null || name == traceName)
                ? new BlktraceCpuFile(path, cpu)
                : null)
            .OfType<BlktraceCpuFile>()
            .OrderBy(file => file.Cpu)
            .ToList();

    private static string TraceName(string path) => TrySplit(Path.GetFileName(path), out var name, out _) ? name : path;

    private static bool TrySplit(string fileName, out string traceName, out int cpu)
    {
        var marker = fileName.LastIndexOf(Marker, StringComparison.Ordinal);
        traceName = marker > 0 ? fileName[..marker] : "";
        cpu = -1;
        return marker > 0
            && int.TryParse(fileName.AsSpan(marker + Marker.Length), System.Globalization.NumberStyles.None, null, out cpu);
    }
}
