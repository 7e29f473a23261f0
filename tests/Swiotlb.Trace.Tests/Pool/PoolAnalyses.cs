using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Diff.Pool;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Pool;

/// <summary>Pool analyses of the bundled real captures, with the kernel facts beside them.</summary>
internal static class PoolAnalyses
{
    public const string Exhausted = "exhaust-b-6.12.117/trace.dat";
    public const string Hang = "hang-6.1.0/console.log";

    public static PoolAnalysis Of(string capture, PoolOverrides? pool = null, bool sweep = true, Replay.Pairing.RecordFilter? filter = null) =>
        OfFile(Samples.Capture(capture), pool, sweep, filter);

    /// <summary>The analysis of a capture anywhere, with the kernel facts beside it (none when it stands alone).</summary>
    public static PoolAnalysis OfFile(string path, PoolOverrides? pool = null, bool sweep = true, Replay.Pairing.RecordFilter? filter = null)
    {
        var facts = SiblingKernelFacts.Read(path);
        using var reopenable = ReopenableCapture.Of(path);
        var replay = ReplayRequest.Defaults with { Pool = pool ?? new PoolOverrides(), Filter = filter ?? Replay.Pairing.RecordFilter.All };
        return CapturePoolAnalyser.Run(() => reopenable.Open(facts, TextWriter.Null), facts, new PoolRequest(replay, sweep));
    }
}
