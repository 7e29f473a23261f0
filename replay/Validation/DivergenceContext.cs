namespace Swiotlb.Trace.Replay.Validation;

/// <summary>The first divergence with the records replayed just before and after it, in replay order.</summary>
public sealed record DivergenceContext(IReadOnlyList<RecordOutcome> Before, RecordOutcome Divergence, IReadOnlyList<RecordOutcome> After);

/// <summary>Keeps the last few outcomes so that the first divergence can be shown among its neighbours, holding no
/// more than <see cref="Neighbours"/> outcomes on each side.</summary>
internal sealed class DivergenceContextRecorder
{
    public const int Neighbours = 3;

    private readonly Queue<RecordOutcome> recent = new(Neighbours);
    private readonly List<RecordOutcome> after = new(Neighbours);
    private RecordOutcome? divergence;
    private RecordOutcome[] before = [];

    public void Add(in RecordOutcome outcome)
    {
        if (divergence is not null)
        {
            if (after.Count < Neighbours)
                after.Add(outcome);
            return;
        }
        if (outcome.Verdict == RecordVerdict.Mismatched)
        {
            divergence = outcome;
            before = [.. recent];
            return;
        }
        if (recent.Count == Neighbours)
            recent.Dequeue();
        recent.Enqueue(outcome);
    }

    public DivergenceContext? ToContext() => divergence is { } first ? new DivergenceContext(before, first, after) : null;
}
