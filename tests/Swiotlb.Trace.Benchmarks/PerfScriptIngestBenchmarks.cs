using BenchmarkDotNet.Attributes;
using Microsoft.Diagnostics.Tracing.StackSources;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Perf;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Benchmarks;

/// <summary>
/// The same 9,567 events of fio-mixed-6.1.0 read three ways, from memory: the kernel's text with the ftrace reader (baseline),
/// perf script's text with swiotrace's perf reader, and perf script's text tokenized by TraceEvent's LinuxPerfScriptEventParser
/// (header columns and payload strings only, nothing typed).
/// </summary>
[MemoryDiagnoser]
public class PerfScriptIngestBenchmarks
{
    private byte[] _traceText = [];
    private byte[] _perfScript = [];

    [GlobalSetup]
    public void Load()
    {
        var folder = Path.Combine(FindRoot(), "samples", "captures", "fio-mixed-6.1.0");
        _traceText = File.ReadAllBytes(Path.Combine(folder, "trace.txt"));
        _perfScript = File.ReadAllBytes(Path.Combine(folder, "perf-script.txt"));
    }

    [Benchmark(Baseline = true)]
    public int FtraceTextReader_trace_txt()
    {
        using var reader = new FtraceTextReader(new MemoryStream(_traceText), "trace.txt", CaptureFormat.FtraceText);
        return reader.ReadEvents().Count();
    }

    [Benchmark]
    public int PerfScriptReader_perf_script_txt()
    {
        using var reader = new PerfScriptReader(new MemoryStream(_perfScript), "perf-script.txt");
        return reader.ReadEvents().Count();
    }

    [Benchmark]
    public int TraceEvent_LinuxPerfScriptEventParser_perf_script_txt() =>
        new LinuxPerfScriptEventParser().ParseSkippingPreamble(new MemoryStream(_perfScript)).Count();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Swiotlb.Trace.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Swiotlb.Trace.sln not found above the benchmark binaries");
    }
}
