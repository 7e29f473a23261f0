using System.Buffers.Binary;
using System.Text;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Hostile;

/// <summary>Damaged copies of the real captures, written to a temporary folder (the samples on disk are never edited).</summary>
public sealed class HostileCaptures : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("swiotrace-hostile-").FullName;

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public static string Sample(string relativePath) => Samples.Capture(relativePath);

    /// <summary>A copy of a text capture with the first occurrence of <paramref name="find"/> (after <paramref name="after"/>) replaced.</summary>
    public string EditText(string sample, string find, string replacement, string name, string? after = null)
    {
        var text = File.ReadAllText(Sample(sample));
        var from = after is null ? 0 : text.IndexOf(after, StringComparison.Ordinal);
        var at = text.IndexOf(find, Math.Max(from, 0), StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not in {sample}");
        return Write(name, Encoding.UTF8.GetBytes(text[..at] + replacement + text[(at + find.Length)..]));
    }

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>
    /// The v6 sample with its flyrecord table rewritten to <paramref name="cpus"/> CPUs that all point at CPU 0's pages,
    /// and its page size set to <paramref name="pageSize"/>: a 4 MiB file that claims gigabytes of pages at once.
    /// </summary>
    public string V6WithCpusSharingOneRegion(int cpus, uint pageSize)
    {
        var file = File.ReadAllBytes(Sample("smoke-6.1.0/trace-v6.dat"));
        var options = file.AsSpan().IndexOf("options  \0"u8);
        var flyrecord = file.AsSpan().IndexOf("flyrecord\0"u8);
        var tableStart = flyrecord + 10;
        var originalCpus = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(options - 4));
        var shift = (cpus - originalCpus) * 16;
        var cpuZeroOffset = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(tableStart)) + shift;
        var cpuZeroSize = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(tableStart + 8));
        var table = new byte[cpus * 16];
        for (var cpu = 0; cpu < cpus; cpu++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(table.AsSpan(cpu * 16), cpuZeroOffset);
            BinaryPrimitives.WriteInt64LittleEndian(table.AsSpan(cpu * 16 + 8), cpuZeroSize);
        }
        var count = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(count, cpus);
        byte[] rewritten = [.. file.AsSpan(0, options - 4), .. count, .. file.AsSpan(options, tableStart - options), .. table,
            .. file.AsSpan(tableStart + originalCpus * 16)];
        BinaryPrimitives.WriteUInt32LittleEndian(rewritten.AsSpan(14), pageSize);
        return Write($"v6-{cpus}-cpus.dat", rewritten);
    }

    /// <summary>The v6 sample with CPU 0's first event header made a type_len 31 (absolute time stamp) with all delta bits set.</summary>
    public string V6WithAbsoluteTimestamp(uint high)
    {
        var file = File.ReadAllBytes(Sample("smoke-6.1.0/trace-v6.dat"));
        var tableStart = file.AsSpan().IndexOf("flyrecord\0"u8) + 10;
        var firstEvent = (int)BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(tableStart)) + 16;
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(firstEvent), (0x7ffffffu << 5) | 31);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(firstEvent + 4), high);
        return Write($"v6-absolute-{high:x}.dat", file);
    }

    /// <summary>Bytes allocated while <paramref name="work"/> runs on this thread: what a field can make the reader hold.</summary>
    public static long AllocatedBy(Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
