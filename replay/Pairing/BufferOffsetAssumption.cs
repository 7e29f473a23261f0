namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// Where a block request's buffer starts inside its page: a block-only capture does not show it, and swiotlb's answer
/// depends on it (the in-page offset a device's min_align_mask must keep).
/// </summary>
public abstract record BufferOffsetAssumption
{
    /// <summary>The page an offset lies in (x86-64, and the NVMe controller page).</summary>
    public const ulong PageSize = 4096;

    /// <summary>The default: every buffer page aligned, as most applications and the page cache allocate them.</summary>
    public static BufferOffsetAssumption Default { get; } = new FixedBufferOffset(0);

    /// <summary>A fresh source of offsets, one per request, the same sequence on every run.</summary>
    public abstract Func<ulong> NewSequence();

    /// <summary>The assumption as a sentence for reports.</summary>
    public abstract string Describe();
}

/// <summary>Every buffer starts <paramref name="Offset"/> bytes into its page.</summary>
public sealed record FixedBufferOffset(ulong Offset) : BufferOffsetAssumption
{
    public override Func<ulong> NewSequence() => () => Offset;

    public override string Describe() => $"every buffer starts {Offset} bytes into its page (--assume-offset {Offset})";
}

/// <summary>Each buffer starts at a random multiple of <paramref name="Alignment"/> inside its page, drawn from a seeded generator.</summary>
public sealed record RandomBufferOffset(ulong Alignment, int Seed = RandomBufferOffset.DefaultSeed) : BufferOffsetAssumption
{
    public const int DefaultSeed = 6;

    public override Func<ulong> NewSequence()
    {
        var random = new Random(Seed);
        var choices = (long)(PageSize / Alignment);
        return () => (ulong)random.NextInt64(choices) * Alignment;
    }

    public override string Describe() =>
        $"each buffer starts at a random multiple of {Alignment} bytes inside its page (--assume-offset random:{Alignment}, seed {Seed})";
}
