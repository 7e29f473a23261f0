using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Capture;

/// <summary>Formats are told by content: the real captures, whatever their names.</summary>
public class FormatDetectionTests
{
    [Theory]
    [InlineData("smoke-6.1.0/trace.txt", CaptureFormat.FtraceText)]
    [InlineData("smoke-6.1.0/trace-stream.txt", CaptureFormat.FtraceText)]
    [InlineData("smoke-6.1.0/trace-cmd-report.txt", CaptureFormat.TraceCmdReport)]
    [InlineData("hang-6.1.0/console.log", CaptureFormat.ConsoleDump)]
    [InlineData("smoke-6.1.0/dmesg.txt", CaptureFormat.ConsoleDump)]
    [InlineData("smoke-6.1.0/trace.dat", CaptureFormat.TraceDat)]
    [InlineData("smoke-6.1.0/trace-v6.dat", CaptureFormat.TraceDat)]
    [InlineData("smoke-6.1.0/blk/nvme0n1.blktrace.0", CaptureFormat.Blktrace)]
    [InlineData("smoke-6.1.0/perf-script.txt", CaptureFormat.PerfScript)]
    public void Real_captures_are_recognised_by_content(string capture, CaptureFormat expected)
    {
        var bytes = File.ReadAllBytes(Samples.Capture(capture));

        Assert.Equal(expected, CaptureFormatDetector.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, CaptureFormatDetector.HeadLength)), "x"));
    }

    [Fact]
    public void A_big_endian_blktrace_file_is_recognised()
    {
        byte[] head = [0x65, 0x61, 0x74, 0x07, 0, 0, 0, 0];

        Assert.Equal(CaptureFormat.Blktrace, CaptureFormatDetector.Detect(head, "x"));
    }
}
