using Swiotlb.Trace.Blktrace;
using Swiotlb.Trace.Cli.Commands;
using Swiotlb.Trace.Cli.Input;

namespace Swiotlb.Trace.Tests.Blktrace;

public sealed class CpuFileDiscoveryTests
{
    private static readonly string Folder = SampleCaptures.BlkFolder("smoke-6.1.0");

    [Theory]
    [InlineData("nvme0n1")]
    [InlineData("nvme0n1.blktrace.1")]
    [InlineData("")]
    public void The_trace_is_found_from_its_name_any_cpu_file_or_its_directory(string relative)
    {
        var files = BlktraceCpuFiles.Find(Path.Combine(Folder, relative));

        Assert.Equal([0, 1], files.Select(f => f.Cpu));
        Assert.Equal(["nvme0n1.blktrace.0", "nvme0n1.blktrace.1"], files.Select(f => Path.GetFileName(f.Path)));
    }

    [Fact]
    public void A_missing_trace_names_what_was_looked_for()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BlktraceCpuFiles.Find(Path.Combine(Folder, "sda")));
        Assert.Contains("sda.blktrace.N", error.Message);
    }

    [Fact]
    public void A_directory_with_two_traces_asks_for_a_name()
    {
        using var directory = new TemporaryDirectory();
        directory.File("sda.blktrace.0", []);
        directory.File("sdb.blktrace.0", []);

        var error = Assert.Throws<UsageException>(() => BlktraceCpuFiles.Find(directory.Path));
        Assert.Contains("sda, sdb", error.Message);
    }

    [Fact]
    public void Open_merges_the_cpu_files_in_time_order_and_reads_once()
    {
        using var capture = BlktraceCpuFiles.Read(Path.Combine(Folder, "nvme0n1"));
        var records = capture.Records.ToList();

        Assert.Equal(104, records.Count);
        Assert.Equal([0, 1], records.Select(r => r.Cpu).Distinct().Order());
        Assert.True(records.Zip(records.Skip(1)).All(pair => pair.First.TimeNs <= pair.Second.TimeNs));
        Assert.Throws<InvalidOperationException>(() => capture.Records);
    }
}
