using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Diff.Findings.Rules;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Replaying;

/// <summary>Replay gives the same answers from a capture's trace.dat as from its trace.txt (two tracers of the same boot).</summary>
public class RenderingAgreementTests
{
    public static TheoryData<string> CapturesWithBoth() => [.. Samples.FoldersWith("trace.txt").Intersect(Samples.FoldersWith("trace.dat"))];

    [Theory]
    [MemberData(nameof(CapturesWithBoth))]
    public void Replay_of_trace_dat_equals_replay_of_trace_txt(string folder)
    {
        // A trace.dat that started late is compared with the replay of the text buffer's events from its start on
        // (LateStartedRecordings); the replay adopts each area's first mapping either way, so both start alike.
        var text = LateStartedRecordings.StartedLate(folder, "trace.dat")
            ? TextReplayFromStartOf(folder)
            : ReplayRuns.Of($"{folder}/trace.txt");
        var binary = ReplayRuns.Of($"{folder}/trace.dat");

        Assert.Equal(ExpectedSource(folder), binary.Source);
        Assert.Equal(binary.Source, text.Source);
        Assert.Equal(Rows(text), Rows(binary));
        Assert.Equal(FindingCounts(text), FindingCounts(binary));
    }

    /// <summary>The 7.3 captures read the return value at a return site in the caller (swiotlb_map+104), which no reader can
    /// place: their mappings come from the dma:* events.</summary>
    private static MappingSourceKind ExpectedSource(string folder) =>
        folder.EndsWith("-7.3.4", StringComparison.Ordinal) ? MappingSourceKind.DmaEvents : MappingSourceKind.Kprobes;

    private static CaptureReplay TextReplayFromStartOf(string folder)
    {
        var textPath = Samples.Capture($"{folder}/trace.txt");
        List<Events.TraceEvent> lateEvents;
        using (var late = CaptureOpener.Open(Samples.Capture($"{folder}/trace.dat"), TextWriter.Null))
            lateEvents = [.. late.ReadEvents()];
        return CaptureReplayer.Run(() =>
            {
                var text = CaptureOpener.Open(textPath, TextWriter.Null);
                return LateStartedRecordings.Reader(LateStartedRecordings.TextFromStartOf([.. text.ReadEvents()], lateEvents), text);
            },
            SiblingKernelFacts.Read(textPath), ReplayRequest.Defaults with { Models = [] });
    }

    /// <summary>Every rule's count under every model and the kernel's own addresses.</summary>
    private static List<(string, string, long)> FindingCounts(CaptureReplay replay) =>
        [.. replay.Summary.Devices.Select(d => d.Model).Distinct().SelectMany(model => FindingRules.All.Select(rule => (model.Name, rule.Name, replay.Summary.Count(model, rule))))];

    private static List<(string, string, long, long, long, long, long, long)> Rows(CaptureReplay replay) =>
        [.. replay.Summary.Devices.Select(d => (d.Device, d.Model.Name, d.Mappings, d.WithPageOffset, d.OffsetsLost, d.Findings(FindingRules.Truncation), d.CommandsChecked, d.CommandsBroken))];
}
