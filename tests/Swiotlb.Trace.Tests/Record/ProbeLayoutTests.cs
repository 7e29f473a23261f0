using System.Text.RegularExpressions;
using Swiotlb.Trace.Cli.Record;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Record;

/// <summary>The probes <c>record</c> defines name the arguments that the lab's own probes (which made the bundled
/// captures, and which the readers understand) printed, at the same positions in the function's signature.</summary>
public partial class ProbeLayoutTests
{
    private static readonly HashSet<string> Symbols = ["swiotlb_tbl_map_single", "swiotlb_tbl_unmap_single", "io_tlb_default_mem"];

    public static TheoryData<string, string, string[]> Kernels() => new()
    {
        // capture, release, symbols the kernel has
        { "offsets-5.10.0", "5.10.0-32-amd64", ["swiotlb_tbl_map_single", "swiotlb_tbl_unmap_single", "io_tlb_start"] },
        { "offsets-6.1.0", "6.1.0-54-amd64", ["swiotlb_tbl_map_single", "swiotlb_tbl_unmap_single", "io_tlb_default_mem"] },
        { "offsets-6.12.117", "6.12.117+deb13-amd64", ["swiotlb_tbl_map_single", "__swiotlb_tbl_unmap_single", "io_tlb_default_mem"] },
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void The_probes_fetch_what_the_lab_probes_printed_in_the_same_order(string capture, string release, string[] symbols)
    {
        Assert.True(KernelRelease.TryParse(release, out var parsed));
        var layout = ProbeLayouts.For(parsed, symbols.ToHashSet());
        var lines = File.ReadLines(Samples.Capture($"{capture}/trace.txt"));

        Assert.Equal(["swmap", "swmapret", "swunmap"], layout.Names);
        Assert.Equal(PrintedFields(lines, " swmap: ").Where(f => f is not ("mam" or "attrs")), Fields(layout.Definitions[0]).Where(f => f != "attrs"));
        Assert.Equal(PrintedFields(lines, " swunmap: "), Fields(layout.Definitions[2]));
        Assert.Contains(ProbeLayouts.UnmapFunction(symbols.ToHashSet())!, layout.Definitions[2]);
        // Kernels from 6.7 would rather have fprobes: without them (as told here) the kprobes come with a note.
        Assert.All(layout.Notes, note => Assert.Contains("no fprobe events", note));
        Assert.Equal((parsed.Major, parsed.Minor).CompareTo(ProbeLayouts.FirstFprobeEvents) >= 0 ? 1 : 0, layout.Notes.Count);
    }

    [Fact]
    public void Arguments_are_fetched_by_position_and_the_return_in_hex()
    {
        Assert.True(KernelRelease.TryParse("6.1.0-54-amd64", out var release));
        var layout = ProbeLayouts.For(release, Symbols);

        Assert.Equal("p:kprobes/swmap swiotlb_tbl_map_single dev=$arg1:x64 orig=$arg2:x64 msize=$arg3:x64 asize=$arg4:x64 align=$arg5:x64 dir=$arg6:x64 attrs=$arg7:x64 pool=@io_tlb_default_mem:x64",
            layout.Definitions[0]);
        Assert.Equal("r64:kprobes/swmapret swiotlb_tbl_map_single ret=$retval:x64", layout.Definitions[1]);
        Assert.Equal("p:kprobes/swunmap swiotlb_tbl_unmap_single dev=$arg1:x64 tlb=$arg2:x64 msize=$arg3:x64 dir=$arg4:x64", layout.Definitions[2]);
    }

    [Fact]
    public void A_7_x_kernel_reads_attrs_through_its_pointer_and_a_kernel_without_the_map_function_gets_no_probes()
    {
        Assert.True(KernelRelease.TryParse("7.3.4+deb13-amd64", out var newest));
        Assert.Contains("attrs=+0($arg6):x64", ProbeLayouts.For(newest, Symbols).Definitions[0]);

        var none = ProbeLayouts.For(newest, new HashSet<string>());
        Assert.Empty(none.Definitions);
        Assert.Contains(none.Notes, n => n.Contains("not in /proc/kallsyms", StringComparison.Ordinal));
    }

    [Fact]
    public void A_7_x_kernel_with_fprobes_gets_fprobes_which_drop_no_hits()
    {
        Assert.True(KernelRelease.TryParse("7.3.4+deb13-amd64", out var newest));
        var layout = ProbeLayouts.For(newest, new HashSet<string> { "swiotlb_tbl_map_single", "__swiotlb_tbl_unmap_single", "io_tlb_default_mem" }, hasFprobes: true);

        Assert.Equal(("fprobes", "dynamic_events"), (layout.Group, layout.EventsFile));
        Assert.Equal(
            ["f:fprobes/swmap swiotlb_tbl_map_single dev=$arg1:x64 orig=$arg2:x64 msize=$arg3:x64 align=$arg4:x64 dir=$arg5:x64 attrs=+0($arg6):x64 pool=@io_tlb_default_mem:x64",
             "f:fprobes/swmapret swiotlb_tbl_map_single%return ret=$retval:x64",
             "f:fprobes/swunmap __swiotlb_tbl_unmap_single dev=$arg1:x64 tlb=$arg2:x64 msize=$arg3:x64 dir=$arg4:x64"],
            layout.Definitions);
        Assert.Empty(layout.Notes);
    }

    [Fact]
    public void Without_a_pool_symbol_of_known_layout_the_pool_argument_is_left_out_with_a_note()
    {
        Assert.True(KernelRelease.TryParse("5.15.0-1-amd64", out var release));
        var layout = ProbeLayouts.For(release, new HashSet<string> { "swiotlb_tbl_map_single", "swiotlb_tbl_unmap_single", "io_tlb_default_mem" });

        Assert.DoesNotContain("pool=", layout.Definitions[0]);
        Assert.Contains(layout.Notes, n => n.Contains("inferred", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b(\w+)=")]
    private static partial Regex FieldName();

    /// <summary>The argument names of a probe definition, in order.</summary>
    private static List<string> Fields(string definition) => [.. FieldName().Matches(definition.Split(' ', 3)[2]).Select(m => m.Groups[1].Value)];

    /// <summary>The field names the first line of a probe printed, in order (after its location).</summary>
    private static List<string> PrintedFields(IEnumerable<string> lines, string probe)
    {
        var line = lines.First(l => l.Contains(probe, StringComparison.Ordinal));
        var arguments = line[(line.IndexOf(") ", line.IndexOf(probe, StringComparison.Ordinal), StringComparison.Ordinal) + 2)..];
        return [.. FieldName().Matches(arguments).Select(m => m.Groups[1].Value)];
    }
}
