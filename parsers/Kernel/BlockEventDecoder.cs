using Swiotlb.Trace.Events;
using static Swiotlb.Trace.Kernel.BlockEventFields;

namespace Swiotlb.Trace.Kernel;

/// <summary>Types <c>block_rq_issue</c> and <c>block_rq_complete</c> from their fields, for every reader.</summary>
public static class BlockEventDecoder
{
    public static TraceEvent Issue<TFields>(in EventHeader header, ref TFields fields) where TFields : IEventFields, allows ref struct =>
        new BlockRqIssue(header, DeviceOf(fields.Unsigned(Device)), fields.String(Rwbs), (uint)fields.Unsigned(Bytes),
            fields.Unsigned(Sector), (uint)fields.Unsigned(SectorCount), fields.Words(IoPriority), fields.String(Command));

    public static TraceEvent Complete<TFields>(in EventHeader header, ref TFields fields) where TFields : IEventFields, allows ref struct =>
        new BlockRqComplete(header, DeviceOf(fields.Unsigned(Device)), fields.String(Rwbs), fields.Unsigned(Sector),
            (uint)fields.Unsigned(SectorCount), fields.Words(IoPriority), (int)fields.Signed(Error));
}
