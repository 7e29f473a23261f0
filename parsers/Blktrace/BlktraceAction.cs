namespace Swiotlb.Trace.Blktrace;

/// <summary>The 32-bit <c>action</c> of a trace record: category bits above, a cgroup flag and a code below.</summary>
public readonly record struct BlktraceAction(uint Raw)
{
    private const int CategoryShift = 16;
    private const uint CgroupFlag = 1 << 8;

    public BlktraceCategories Categories => (BlktraceCategories)(Raw >> CategoryShift);

    /// <summary>True when the kernel put a cgroup id (u64) at the start of the pdu (<c>__BLK_TA_CGROUP</c>).</summary>
    public bool HasCgroup => (Raw & CgroupFlag) != 0;

    /// <summary>The low byte: a <see cref="BlktraceActionCode"/>, or a <see cref="BlktraceNotifyCode"/> on notify records.</summary>
    public byte Code => (byte)Raw;

    public bool IsNotify => Has(BlktraceCategories.Notify);

    public bool IsPassThrough => Has(BlktraceCategories.PassThrough);

    /// <summary>The action code, null on notify records.</summary>
    public BlktraceActionCode? ActionCode => IsNotify ? null : (BlktraceActionCode)Code;

    /// <summary>The notify code, null on trace records.</summary>
    public BlktraceNotifyCode? NotifyCode => IsNotify ? (BlktraceNotifyCode)Code : null;

    public bool Has(BlktraceCategories category) => (Categories & category) == category;

    public override string ToString() => $"0x{Raw:x8}";
}
