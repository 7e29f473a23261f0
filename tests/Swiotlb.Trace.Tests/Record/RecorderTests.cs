using Swiotlb.Trace.Cli.Record;

namespace Swiotlb.Trace.Tests.Record;

/// <summary><c>record</c> against a tracefs-shaped folder (tests never touch the host kernel's tracefs): a dry run shows
/// every write and its undo and changes nothing; a write tracefs refuses undoes every step already made.</summary>
public sealed class RecorderTests : IDisposable
{
    private readonly string tracefs = Path.Combine(Path.GetTempPath(), $"swiotrace-tracefs-{Guid.NewGuid():N}");

    public RecorderTests()
    {
        Directory.CreateDirectory(Path.Combine(tracefs, "instances"));
        File.WriteAllLines(Path.Combine(tracefs, "available_events"),
            ["sched:sched_switch", "swiotlb:swiotlb_bounced", "nvme:nvme_setup_cmd", "nvme:nvme_complete_rq", "block:block_rq_issue",
             "block:block_rq_complete", "block:block_bio_queue", "dma:dma_map_page", "dma:dma_unmap_page"]);
        File.WriteAllText(Path.Combine(tracefs, "kprobe_events"), "");
    }

    public void Dispose() => Directory.Delete(tracefs, recursive: true);

    [Fact]
    public void A_dry_run_prints_every_write_then_undoes_them_newest_first_and_changes_nothing()
    {
        var shown = new StringWriter();
        int exit = Recorder.Run(Options(dryRun: true), Kernel(), shown, TextWriter.Null, CancellationToken.None);
        var lines = shown.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var instance = Path.Combine(tracefs, $"instances/swiotrace-{Environment.ProcessId}");

        Assert.Equal(0, exit);
        Assert.Equal($"echo 'p:kprobes/swmap swiotlb_tbl_map_single dev=$arg1:x64 orig=$arg2:x64 msize=$arg3:x64 align=$arg4:x64 dir=$arg5:x64 attrs=$arg6:x64 pool=@io_tlb_default_mem:x64' >> {tracefs}/kprobe_events", lines[0]);
        Assert.Equal($"mkdir {instance}", lines[3]);
        string[] enabled = ["block/block_rq_complete", "block/block_rq_issue", "dma/dma_map_page", "dma/dma_unmap_page", "nvme/nvme_complete_rq",
            "nvme/nvme_setup_cmd", "swiotlb/swiotlb_bounced", "kprobes/swmap", "kprobes/swmapret", "kprobes/swunmap"];
        Assert.Equal(enabled.Select(e => $"echo '1' > {instance}/events/{e}/enable"), lines.Where(l => l.StartsWith("echo '1' >", StringComparison.Ordinal) && l.EndsWith("/enable", StringComparison.Ordinal)));
        Assert.Equal(enabled.Reverse().Select(e => $"echo '0' > {instance}/events/{e}/enable"), lines.Where(l => l.StartsWith("echo '0' >", StringComparison.Ordinal) && l.EndsWith("/enable", StringComparison.Ordinal)));
        Assert.Equal([$"echo '-:kprobes/swunmap' >> {tracefs}/kprobe_events", $"echo '-:kprobes/swmapret' >> {tracefs}/kprobe_events",
            $"echo '-:kprobes/swmap' >> {tracefs}/kprobe_events"], lines.Where(l => l.StartsWith("echo '-:", StringComparison.Ordinal)));
        Assert.Equal($"rmdir {instance}", lines[^4]);
        Assert.Equal("", File.ReadAllText(Path.Combine(tracefs, "kprobe_events")));
        Assert.False(Directory.Exists(instance));
    }

    [Fact]
    public void A_write_tracefs_refuses_is_one_error_and_every_step_made_is_undone()
    {
        var warnings = new StringWriter();
        var problem = Assert.Throws<RecordException>(() => Recorder.Run(Options(dryRun: false), Kernel(), TextWriter.Null, warnings, CancellationToken.None));

        Assert.Contains("tracing_on", problem.Message);
        Assert.DoesNotContain('\n', problem.Message);
        Assert.Equal(
            ["p:kprobes/swmap swiotlb_tbl_map_single dev=$arg1:x64 orig=$arg2:x64 msize=$arg3:x64 align=$arg4:x64 dir=$arg5:x64 attrs=$arg6:x64 pool=@io_tlb_default_mem:x64",
             "r64:kprobes/swmapret swiotlb_tbl_map_single ret=$retval:x64",
             "p:kprobes/swunmap __swiotlb_tbl_unmap_single dev=$arg1:x64 tlb=$arg2:x64 msize=$arg3:x64 dir=$arg4:x64",
             "-:kprobes/swunmap", "-:kprobes/swmapret", "-:kprobes/swmap"],
            File.ReadAllLines(Path.Combine(tracefs, "kprobe_events")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(tracefs, "instances")));
        Assert.DoesNotContain("could not", warnings.ToString());
    }

    [Fact]
    public void A_folder_that_already_holds_a_capture_is_refused_before_tracefs_is_touched()
    {
        var folder = Path.Combine(tracefs, "out");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "trace.txt"), "");

        var problem = Assert.Throws<RecordException>(() => Recorder.Run(Options(dryRun: false) with { OutputDirectory = folder }, Kernel(), TextWriter.Null, TextWriter.Null, CancellationToken.None));

        Assert.Contains("already holds a capture", problem.Message);
        Assert.Equal("", File.ReadAllText(Path.Combine(tracefs, "kprobe_events")));
    }

    [Theory]
    [InlineData("0-3", 4)]
    [InlineData("0", 1)]
    [InlineData("0,2-5", 5)]
    public void Possible_cpus_are_counted_from_their_ranges(string ranges, int cpus) => Assert.Equal(cpus, LiveKernel.CountCpus(ranges));

    private RecordOptions Options(bool dryRun) => new(Path.Combine(tracefs, "out"), TimeSpan.FromMilliseconds(1), [], dryRun, 1024);

    private LiveKernel Kernel() => new("6.12.117+deb13-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.12.117-1", "x86_64", "console=ttyS0 swiotlb=force", 2, tracefs,
        new HashSet<string> { "swiotlb_tbl_map_single", "__swiotlb_tbl_unmap_single", "io_tlb_default_mem" },
        File.ReadLines(Path.Combine(tracefs, "available_events")).ToHashSet());
}
