using Swiotlb.Trace.Replay.Records;
namespace Swiotlb.Trace.Replay.Validation;

/// <summary>Whether each mapping's prediction, made as <c>validate</c> makes it (synchronised to the kernel's earlier
/// answers), equalled the kernel's answer: kept by the mapping's sequence, one byte each.</summary>
/// <remarks>One byte per sequence number up to the highest judged: far less than the replay itself holds for a capture,
/// though it does grow with it.</remarks>
public sealed class SynchronisedVerdicts
{
    private const byte Unjudged = 0, Matched = 1, Mismatched = 2;
    private byte[] _verdicts = new byte[1024];

    /// <summary>Takes in one record's verdict; only predicted mappings (matched or not) are kept.</summary>
    public void Add(in RecordOutcome outcome)
    {
        if (outcome.Record is not MapRecord || outcome.Verdict is not (RecordVerdict.Matched or RecordVerdict.MatchedAfterRecovery or RecordVerdict.Mismatched))
            return;
        int sequence = outcome.Record.Sequence;
        if (sequence < 0)
            return;
        if (sequence >= _verdicts.Length)
            Array.Resize(ref _verdicts, (int)Math.Min(Array.MaxLength, Math.Max((long)sequence + 1, 2L * _verdicts.Length)));
        _verdicts[sequence] = outcome.Verdict == RecordVerdict.Mismatched ? Mismatched : Matched;
    }

    /// <summary>True or false for a predicted mapping; null for one adopted as a start state, unreturned, or never judged.</summary>
    public bool? Matches(int sequence) =>
        sequence < 0 || sequence >= _verdicts.Length ? null : _verdicts[sequence] switch
        {
            Matched => true,
            Mismatched => false,
            _ => (bool?)null,
        };
}
