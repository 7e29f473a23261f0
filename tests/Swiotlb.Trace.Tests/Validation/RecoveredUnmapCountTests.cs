using System.Text.Json;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>The pairing and replay sections of <c>validate</c> count recovered unmaps alike: the replay states the
/// pairer's recovered unmaps, and its total is those whose mapping was still live plus those it found from reused slots.</summary>
public sealed class RecoveredUnmapCountTests
{
    public static TheoryData<string> Captures() => [.. Samples.FoldersWith("trace.txt").Select(f => $"{f}/trace.txt")];

    [Theory]
    [MemberData(nameof(Captures))]
    public void The_replays_recovered_unmaps_are_the_pairers_and_the_reused_slots(string capture)
    {
        var (_, output, _) = CliRun.Run("validate", Samples.Capture(capture), "--format", "json");
        var report = JsonDocument.Parse(output).RootElement;
        var replay = report.GetProperty("replay");

        Assert.Equal(report.GetProperty("pairing").GetProperty("unmapsRecovered").GetInt64(), replay.GetProperty("recoveredUnmapsInPairing").GetInt64());
        Assert.Equal(replay.GetProperty("recoveredUnmaps").GetInt64(),
            replay.GetProperty("recoveredUnmapsInPairing").GetInt64() - replay.GetProperty("recoveredUnmapsInPairingNotLive").GetInt64()
            + replay.GetProperty("recoveredUnmapsFromReusedSlots").GetInt64());
        Assert.InRange(replay.GetProperty("recoveredUnmapsInPairingNotLive").GetInt64(), 0, replay.GetProperty("ignoredUnmaps").GetInt64());
    }
}
