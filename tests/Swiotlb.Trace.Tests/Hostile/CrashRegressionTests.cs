using Swiotlb.Trace.Cli.Commands;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Hostile;

/// <summary>Fields that used to crash a verb with a stack trace (exit 1, the findings code) now end as warnings or one error line.</summary>
public sealed class CrashRegressionTests : IDisposable
{
    private readonly HostileCaptures _captures = new();

    public void Dispose() => _captures.Dispose();

    public static TheoryData<string, string, string> TimestampEdits() => new()
    {
        { "smoke-6.1.0/trace.txt", "10.499307:", "9223372036.854775808:" },
        { "smoke-6.1.0/trace-cmd-report.txt", "10.482888:", "9999999999.999999999:" },
        { "smoke-6.1.0/perf-script.txt", "10.482870:", "9223372036.854775808:" },
        { "hang-6.1.0/console.log", "4826969us", "9223372036854776us" },
    };

    [Theory]
    [MemberData(nameof(TimestampEdits))]
    public void A_timestamp_of_2_to_the_63_ns_is_a_malformed_line_in_every_text_format_and_verb(string sample, string find, string huge)
    {
        var path = _captures.EditText(sample, find, huge, Path.GetFileName(sample));
        foreach (var verb in new[] { "inspect", "replay", "validate" })
        {
            var args = verb == "inspect" ? ["inspect", path, "--format", "json"] : new[] { verb, path, "--model", "linux-6.1" };
            var (code, output, error) = CliRun.Run(args);

            Assert.DoesNotContain("   at ", error);
            Assert.True(code is 0 or 1, $"{verb}: exit {code}: {error}");
            if (verb == "inspect")
                Assert.Contains("\"malformedLines\": 1", output);
        }
    }

    [Theory]
    [InlineData("msize=0x1000 asize=0x1000", "msize=0xffffffffffffffff asize=0xffffffffffffffff")]
    [InlineData("msize=0x1000 asize=0x1000", "msize=0x100000000000 asize=0x100000000000")]
    public void A_mapping_size_beyond_swiotlb_max_mapping_size_is_refused_without_a_crash_or_memory_growth(string find, string size)
    {
        var path = _captures.EditText("smoke-6.1.0/trace.txt", find, size, "trace.txt");
        (int Code, string Output, string Error) run = default;

        var allocated = HostileCaptures.AllocatedBy(() => run = CliRun.Run("replay", path, "--format", "json"));

        Assert.DoesNotContain("   at ", run.Error);
        Assert.InRange(run.Code, 0, 1);
        Assert.InRange(allocated, 0, 200L << 20);
        Assert.Contains("\"refusedMappings\": 1", run.Output);
    }

    [Fact]
    public void An_unmap_size_beyond_the_pool_is_refused_not_released_past_the_slot_table()
    {
        var path = _captures.EditText("smoke-5.10.0/trace.txt", "tlb=0x37d28000 msize=0x1000 asize=0x1000",
            "tlb=0x37d28000 msize=0x1000 asize=0xffffffffffff", "trace.txt");

        var (code, output, error) = CliRun.Run("replay", path, "--format", "json", "--model", "linux-5.10");

        Assert.DoesNotContain("   at ", error);
        Assert.InRange(code, 0, 1);
        Assert.Contains("\"refusedMappings\": 1", output);
    }

    [Fact]
    public void A_trace_dat_absolute_timestamp_with_every_delta_bit_set_reads_on()
    {
        foreach (var high in new[] { 0xffffffffu, 0x7fffffffu, 1u })
        {
            var path = _captures.V6WithAbsoluteTimestamp(high);
            foreach (var verb in new[] { "inspect", "replay", "validate" })
            {
                var (code, _, error) = CliRun.Run(verb, path);

                Assert.DoesNotContain("   at ", error);
                Assert.True(code is 0 or 1 or 2, $"{verb} {high:x}: exit {code}: {error}");
            }
        }
    }

    [Fact]
    public async Task A_return_timestamped_before_its_entry_does_not_hang_validate()
    {
        var folder = Path.Combine(_captures.Folder, "inverted");
        Directory.CreateDirectory(folder);
        File.Copy(HostileCaptures.Sample("smoke-6.1.0/uname.txt"), Path.Combine(folder, "uname.txt"));
        var path = _captures.EditText("smoke-6.1.0/trace.txt", "10.499745: swmapret", "10.400000: swmapret", "inverted/trace.txt");

        var (code, _, error) = await Task.Run(() => CliRun.Run("validate", path)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.DoesNotContain("   at ", error);
        Assert.InRange(code, 0, 1);
    }

    [Fact]
    public void An_unexpected_exception_is_an_internal_error_of_its_own_exit_code_with_the_stack_only_under_debug()
    {
        var error = new StringWriter();
        var code = CommandFailure.Guard(error, debug: false, () => throw new NullReferenceException("boom"));
        var debugError = new StringWriter();
        CommandFailure.Guard(debugError, debug: true, () => throw new NullReferenceException("boom"));

        Assert.Equal(70, code);
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.Contains("internal error", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.Contains("   at ", debugError.ToString());
    }

    [Fact]
    public void A_closed_standard_error_does_not_abort()
    {
        var writer = new BestEffortWriter(new StreamWriter(new ClosedPipe()) { AutoFlush = true });

        writer.WriteLine("swiotrace: warning: something");
        writer.Flush();
    }

    private sealed class ClosedPipe : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("Broken pipe");
    }
}
