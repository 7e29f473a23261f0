using Swiotlb.Trace.Tests.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Comparison;

/// <summary>
/// <c>diff BASELINE CANDIDATE</c> on two captures of the offsets workload: Debian 5.10 (with the min_align_mask backport)
/// and Debian 6.1. Both kernels keep every NVMe offset and lose the same AHCI offsets, so only the volumes differ.
/// </summary>
public sealed class CaptureDiffTests : IDisposable
{
    private const string Nvme = "0000:00:04.0";
    private const string Ahci = "0000:00:06.0";
    private static readonly string Debian510 = Samples.Capture("offsets-5.10.0/trace.txt");
    private static readonly string Debian61 = Samples.Capture("offsets-6.1.0/trace.txt");
    private readonly string _dir = Directory.CreateTempSubdirectory("swiotrace-diff-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Offsets_5_10_to_6_1_changes_only_the_mapping_volumes_the_captures_show()
    {
        var diff = DiffJson.Run(Debian510, Debian61);
        var before = CountByDevice(Debian510);
        var after = CountByDevice(Debian61);

        Assert.Equal(0, diff.ExitCode);
        Assert.Equal((585, 672, 669, 672), (before[Nvme], after[Nvme], before[Ahci], after[Ahci]));
        Assert.Equal(new Dictionary<(string, string, string, ulong?), string>
        {
            [("neutral", Nvme, "mappings", null)] = $"{before[Nvme]}/{before[Nvme]} → {after[Nvme]}/{after[Nvme]}",
            [("neutral", Ahci, "mappings", null)] = $"{before[Ahci]}/{before[Ahci]} → {after[Ahci]}/{after[Ahci]}",
        }, diff.Changes());
        Assert.Equal("observed", diff.Root.GetProperty("baseline").GetProperty("addresses").GetString());
        Assert.Equal("linux-5.12", diff.Root.GetProperty("baseline").GetProperty("model").GetString());
        Assert.Equal("linux-6.1", diff.Root.GetProperty("candidate").GetProperty("model").GetString());
    }

    [Fact]
    public void Ahci_loses_the_same_offsets_per_buffer_offset_on_both_kernels_and_nvme_none()
    {
        var expected = new Dictionary<ulong, (int Lost, int Of)> { [512] = (24, 24), [1024] = (24, 24), [2048] = (9, 24), [3584] = (24, 24) };

        Assert.Equal(expected, LossesByBufferOffset(Debian510, Ahci));
        Assert.Equal(expected, LossesByBufferOffset(Debian61, Ahci));
        Assert.All(LossesByBufferOffset(Debian510, Nvme).Values.Concat(LossesByBufferOffset(Debian61, Nvme).Values), b => Assert.Equal(0, b.Lost));
        Assert.DoesNotContain(DiffJson.Run(Debian510, Debian61).Changes().Keys, k => k.Metric.StartsWith("offsetsLost", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pre_fix_kernel_is_judged_by_its_own_model_and_upgrading_from_it_is_a_fix()
    {
        var preFix = PreFixCapture();
        var upgrade = DiffJson.Run(preFix, Debian61);
        var downgrade = DiffJson.Run(Debian61, preFix);

        Assert.Equal(0, upgrade.ExitCode);
        Assert.Equal(1, downgrade.ExitCode);
        Assert.Equal("linux-5.10", upgrade.Root.GetProperty("baseline").GetProperty("addresses").GetString());
        Assert.Equal("0/120 → 54/120", downgrade.Changes()[("regression", Nvme, "commandsBroken", null)]);
        Assert.Equal("0/24 → 24/24", downgrade.Changes()[("regression", Nvme, "offsetsLostByBufferOffset", 512)]);
        Assert.Equal("24/24 → 0/24", upgrade.Changes()[("fix", Nvme, "offsetsLostByBufferOffset", 512)]);
        Assert.DoesNotContain(upgrade.Changes().Keys, k => k.Direction == "regression");
        Assert.DoesNotContain(downgrade.Changes().Keys, k => k.Device == Ahci && k.Direction != "neutral");
    }

    [Fact]
    public void Markdown_report_goes_to_the_output_file_regressions_first()
    {
        var path = Path.Combine(_dir, "diff.md");
        var (code, output, _) = CliRun.Run("diff", Debian61, PreFixCapture(), "--format", "markdown", "-o", path);
        var report = File.ReadAllText(path);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.True(report.IndexOf("## Regressions", StringComparison.Ordinal) < report.IndexOf("## Fixes", StringComparison.Ordinal));
        Assert.Contains($"| `{Nvme}` | NVMe commands with broken PRPs, of checked | 0/120 | 54/120 |", report);
    }

    [Theory]
    [InlineData("offsets-6.1.0/trace.txt")]
    [InlineData("offsets-6.1.0/trace.txt", "--model", "linux-6.1")]
    [InlineData("offsets-6.1.0/trace.txt", "--model", "linux-6.1", "--against", "6.1.0-54-amd64")]
    [InlineData("offsets-6.1.0/trace.txt", "--model", "linux-banana", "--against", "linux-6.1")]
    [InlineData("offsets-6.1.0/trace.txt", "offsets-5.10.0/trace.txt", "--against", "linux-6.1")]
    [InlineData("offsets-6.1.0/trace.txt", "offsets-5.10.0/trace.txt", "smoke-6.1.0/trace.txt")]
    [InlineData("offsets-6.1.0/trace.txt", "no-such-capture/trace.txt")]
    public void Usage_and_input_errors_exit_two(params string[] args)
    {
        var (code, _, error) = CliRun.Run(["diff", .. args.Select(a => a.EndsWith(".txt", StringComparison.Ordinal) ? Samples.Capture(a) : a)]);

        Assert.Equal(2, code);
        Assert.StartsWith("swiotrace: ", error);
    }

    [Fact]
    public void Help_explains_both_forms_and_the_exit_codes()
    {
        var (code, output, _) = CliRun.Run("diff", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--against", output);
        Assert.Contains("--fail-on", output);
        Assert.Contains("Exit 0: no regressions, 1: regressions", output);
    }

    /// <summary>
    /// What a capture from a pre-fix Debian kernel (ABI 5.10.0-1, before the 5.10.35 backport) gives: offsets-5.10.0's own
    /// requests, without the kernel's answers (kprobe lines stripped), and a uname.txt naming that kernel.
    /// </summary>
    private string PreFixCapture()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "offsets-5.10.0-prefix")).FullName;
        File.WriteAllText(Path.Combine(folder, "uname.txt"), "Linux (none) 5.10.0-1-amd64 #1 SMP Debian 5.10.4-1 x86_64 GNU/Linux\n");
        var path = Path.Combine(folder, "trace.txt");
        File.WriteAllLines(path, File.ReadLines(Debian510).Where(line => !line.Contains(" swmap", StringComparison.Ordinal) && !line.Contains(" swunmap", StringComparison.Ordinal)));
        return path;
    }

    private static Dictionary<string, int> CountByDevice(string path) =>
        KernelAnswers.Read(path).GroupBy(a => a.Device).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>From the capture's own lines: per 512-byte buffer offset, mappings with an in-page offset and how many the kernel dropped.</summary>
    private static Dictionary<ulong, (int Lost, int Of)> LossesByBufferOffset(string path, string device) =>
        KernelAnswers.Read(path)
            .Where(a => a.Device == device && (a.Original & 0xfff) != 0)
            .GroupBy(a => a.Original & 0xe00)
            .ToDictionary(g => g.Key, g => (g.Count(a => (a.Bounce & 0xfff) != (a.Original & 0xfff)), g.Count()));
}
