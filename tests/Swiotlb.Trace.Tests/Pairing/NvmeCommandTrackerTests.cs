using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Pairing;

public class NvmeCommandTrackerTests
{
    [Theory]
    [InlineData("fio-mixed-6.1.0/trace.txt")]
    [InlineData("offsets-6.1.0/trace.txt")]
    [InlineData("offsets-5.10.0/trace.txt")]
    public void Every_completed_command_carries_mappings_that_add_up_to_its_blocks(string capture)
    {
        var (events, _) = TextCaptures.ReadAll(Samples.Capture(capture));
        var tracker = new NvmeCommandTracker();
        var observer = new BounceObserver();
        var sizes = new List<ulong>();
        var completed = new List<NvmeCommand>();
        foreach (var traceEvent in events)
        {
            observer.Observe(traceEvent).ToList();
            switch (traceEvent)
            {
                case NvmeSetupCmd setup: tracker.Setup(setup); break;
                case SwiotlbMapEntry map:
                    sizes.Add(map.MappingSize);
                    tracker.TryAttach(map.Header.Cpu, observer.DeviceOf(map.DevicePointer), sizes.Count - 1, map.MappingSize);
                    break;
                case BlockRqIssue issue: tracker.Issued(issue); break;
                case NvmeCompleteRq done when tracker.Complete(done) is { } command: completed.Add(command); break;
            }
        }

        var withData = completed.Where(c => c.Setup.Range is not null && c.Setup.Opcode is 1 or 2).ToList();
        Assert.NotEmpty(withData);
        Assert.All(withData, c => Assert.Equal(c.Setup.Range!.Value.BlockCount * 512UL, c.Segments.Aggregate(0UL, (sum, id) => sum + sizes[id])));
        Assert.All(completed, c => Assert.Equal("0000:00:04.0", c.Device));
        Assert.Equal(0, tracker.InFlight);
        Assert.Contains(withData, c => c.Segments.Count > 1);
    }
}
