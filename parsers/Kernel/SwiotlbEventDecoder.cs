using Swiotlb.Trace.Events;
using BouncedFields = Swiotlb.Trace.Kernel.SwiotlbEventFields.Bounced;
using Probe = Swiotlb.Trace.Kernel.SwiotlbEventFields.Probe;

namespace Swiotlb.Trace.Kernel;

/// <summary>Types <c>swiotlb_bounced</c> and the ground-truth kprobes (placed by the reader, <see cref="SwiotlbProbeSites"/>) from their fields.</summary>
public static class SwiotlbEventDecoder
{
    /// <summary>A format without the decision (none seen) is taken as a normal bounce.</summary>
    public static TraceEvent Bounced<TFields>(in EventHeader header, ref TFields fields) where TFields : IEventFields, allows ref struct =>
        new SwiotlbBounced(header, fields.String(BouncedFields.Device), fields.Unsigned(BouncedFields.DmaMask), fields.Unsigned(BouncedFields.Address),
            fields.Unsigned(BouncedFields.Size), fields.TryUnsigned(BouncedFields.Force, out var force) ? (BounceForce)force : BounceForce.Normal);

    public static TraceEvent MapEntry<TFields>(in EventHeader header, string probeName, ref TFields fields)
        where TFields : IEventFields, allows ref struct =>
        new SwiotlbMapEntry(header, probeName, fields.Unsigned(Probe.Device), fields.Unsigned(Probe.OriginalAddress),
            fields.Unsigned(Probe.MappingSize), Optional(ref fields, Probe.AllocSize), Optional(ref fields, Probe.AllocAlignMask),
            (DmaDirection)fields.Unsigned(Probe.Direction), Optional(ref fields, Probe.Attributes), Optional(ref fields, Probe.PoolStart))
        {
            MinAlignMask = Optional(ref fields, Probe.MinAlignMask),
        };

    public static TraceEvent MapReturn<TFields>(in EventHeader header, string probeName, ref TFields fields)
        where TFields : IEventFields, allows ref struct =>
        new SwiotlbMapReturn(header, probeName, fields.Unsigned(Probe.ReturnValue));

    public static TraceEvent UnmapEntry<TFields>(in EventHeader header, string probeName, ref TFields fields)
        where TFields : IEventFields, allows ref struct =>
        new SwiotlbUnmapEntry(header, probeName, fields.Unsigned(Probe.Device), fields.Unsigned(Probe.BounceAddress),
            fields.Unsigned(Probe.MappingSize), Optional(ref fields, Probe.AllocSize), (DmaDirection)fields.Unsigned(Probe.Direction),
            Optional(ref fields, Probe.Attributes));

    private static ulong? Optional<TFields>(ref TFields fields, EventField field) where TFields : IEventFields, allows ref struct =>
        fields.TryUnsigned(field, out var value) ? value : null;
}
