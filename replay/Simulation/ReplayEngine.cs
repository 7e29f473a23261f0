using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Pairing;
using Swiotlb.Trace.Replay.Records;

namespace Swiotlb.Trace.Replay.Simulation;

/// <summary>
/// Replays paired records through several models side by side and hands each mapping, with every model's answer, to a sink.
/// NVMe commands arrive after their segments were released, so recently released mappings are kept a while (bounded)
/// to rebuild each command's segments.
/// </summary>
public sealed class ReplayEngine(IReadOnlyList<ModelRun> runs, IReplaySink sink) : IPairingSink
{
    public ReplayEngine(IReadOnlyList<IAllocatorModel> models, IReplaySink sink)
        : this([.. models.Select(m => new ModelRun(m))], sink)
    {
    }

    /// <summary>Released mappings kept for the commands that may still name them.</summary>
    public const int RecentlyReleasedKept = 16384;

    private readonly Dictionary<int, ReplayedMapping> _byMapping = [];
    private readonly Queue<int> _released = new();

    public IReadOnlyList<ModelRun> Models => runs;

    public void Record(ReplayRecord record)
    {
        switch (record)
        {
            case MapRecord map:
                var outcomes = new ModelOutcome[Models.Count];
                for (var model = 0; model < outcomes.Length; model++)
                    outcomes[model] = Models[model].Map(map);
                var replayed = new ReplayedMapping(map, outcomes);
                _byMapping[map.Sequence] = replayed;
                sink.Mapping(replayed);
                break;
            case UnmapRecord unmap:
                foreach (var run in Models)
                    run.Unmap(unmap);
                if (unmap.MappingSequence is { } released)
                    Forget(released);
                sink.Released(unmap);
                break;
        }
    }

    public void Command(NvmeCommand command)
    {
        var known = new List<ReplayedMapping>(command.Segments.Count);
        foreach (var segment in command.Segments)
            if (_byMapping.TryGetValue(segment, out var mapping))
                known.Add(mapping);
        sink.Command(new ReplayedCommand(command, known, command.Segments.Count - known.Count));
    }

    private void Forget(int mapping)
    {
        _released.Enqueue(mapping);
        while (_released.Count > RecentlyReleasedKept)
            _byMapping.Remove(_released.Dequeue());
    }
}
