using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Records;
using Swiotlb.Trace.Replay.Validation;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>The order search tries a group in another order and rolls the state back: the state it returns to must be
/// exactly the one it left, so that a real capture replayed with trials gives what it gives without them.</summary>
public class RollBackTests
{
    private const int GroupSize = 6;

    [Theory]
    [InlineData("fio-mixed-6.1.0/trace.txt", "linux-6.1")]
    [InlineData("offsets-6.12.117/trace.dat", "linux-6.9")]
    [InlineData("offsets-5.10.0/trace.txt", "linux-5.12")]
    public void A_trial_rolled_back_leaves_the_state_a_replay_without_it_reaches(string capture, string model)
    {
        var (records, geometry) = Read(Samples.Capture(capture), model);
        var withTrials = new ReplayState(ModelRegistry.Create(model, geometry));
        var without = new ReplayState(ModelRegistry.Create(model, geometry));
        int trialsThatChangedThePool = 0;

        foreach (ReplayRecord[] group in records.Chunk(GroupSize))
        {
            withTrials.Checkpoint();
            foreach (ReplayRecord record in group.Reverse())
                RecordReplayer.Replay(withTrials, record);
            if (!without.Model.FreeCounts.SequenceEqual(withTrials.Model.FreeCounts))
                trialsThatChangedThePool++;
            withTrials.RollBack();
            AssertSamePool(without.Model, withTrials.Model);

            foreach (ReplayRecord record in group)
                Assert.Equal(RecordReplayer.Replay(without, record), RecordReplayer.Replay(withTrials, record));
            withTrials.ForgetCheckpoint();
        }
        AssertSamePool(without.Model, withTrials.Model);
        Assert.True(trialsThatChangedThePool > records.Count / GroupSize / 2, $"{trialsThatChangedThePool} trials changed the pool");
    }

    private static void AssertSamePool(IPoolState expected, IPoolState actual)
    {
        Assert.True(expected.FreeCounts.SequenceEqual(actual.FreeCounts), "free counts differ");
        for (int area = 0; area < expected.Geometry.AreaCount; area++)
            Assert.Equal((expected.AreaCursor(area), expected.AreaUsedSlots(area)), (actual.AreaCursor(area), actual.AreaUsedSlots(area)));
    }

    /// <summary>The capture's records in replay order (window start, then sequence), and its pool.</summary>
    private static (List<ReplayRecord> Records, PoolGeometry Geometry) Read(string path, string model)
    {
        var records = new RecordList();
        KernelFacts facts = SiblingKernelFacts.Read(path);
        var pairer = new MappingPairer(records, DeviceClassifier.From(new Dictionary<string, DeviceDmaParameters>(), facts));
        using var reader = CaptureOpener.Open(path, TextWriter.Null);
        foreach (var traceEvent in reader.ReadEvents())
            pairer.Feed(traceEvent);
        pairer.Finish();
        var pool = PoolGeometryResolver.Resolve(ModelRegistry.Resolve(model, model), facts, pairer.Statistics.PoolStart, reader.Metadata.DeclaredCpus, new PoolOverrides());
        return ([.. records.OrderBy(r => (r.Window.Start, r.Sequence))], pool.Geometry);
    }

    private sealed class RecordList : List<ReplayRecord>, IPairingSink
    {
        public void Record(ReplayRecord record) => Add(record);

        public void Command(NvmeCommand command)
        {
        }
    }
}
